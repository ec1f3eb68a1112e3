import { LrsRefusal, lrsReader } from './lrs-client.ts';

/**
 * Reading every statement about the course from an LRS, page by page, for the HR page. The
 * credentials live only in the caller's memory; nothing is stored.
 */

export type LrsReadFailure = 'credentials' | 'forbidden' | 'not-found' | 'unreachable' | 'not-lrs' | 'server';

export type LrsReadResult =
  { ok: true; statements: number; pages: number } | { ok: false; reason: LrsReadFailure; status: number; detail: string };

/** How a failed request reads to HR: what they can do about it follows from which it is. */
export function readFailure(status: number): LrsReadFailure {
  if (status === 0) return 'unreachable';
  if (status === 401) return 'credentials';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status >= 500) return 'server';
  return 'not-lrs';
}

export interface ReadOptions {
  endpoint: string;
  auth: string;
  /** The course's activity IRI: statements about it or any activity under it are read. */
  activity: string;
  /** Statements asked for per page (an LRS may send fewer). */
  pageSize?: number;
}

interface StatementPage {
  statements: unknown[];
  more: string;
}

function asPage(data: unknown): StatementPage | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const { statements, more } = data as { statements?: unknown; more?: unknown };
  if (!Array.isArray(statements)) return undefined;
  return { statements, more: typeof more === 'string' ? more : '' };
}

/**
 * Hands each page's statements to `onPage` as it arrives, so they need not all be held at once.
 * Stops at the first failed request, saying why; the pages already read stay read.
 */
export async function readCourseStatements(
  options: ReadOptions,
  onPage: (statements: unknown[]) => void | Promise<void>,
): Promise<LrsReadResult> {
  const client = lrsReader(options.endpoint, options.auth);
  let statements = 0;
  let pages = 0;
  try {
    let next = client.first(options.activity, options.pageSize ?? 1000);
    for (;;) {
      const response = await next;
      const page = asPage(response.data);
      if (!page) return { ok: false, reason: 'not-lrs', status: response.status, detail: 'no statements array' };
      pages++;
      statements += page.statements.length;
      // The next page travels while this one is read: the network and the re-scoring overlap.
      if (page.more) {
        next = client.more(page.more);
        next.catch(() => undefined);
      }
      await onPage(page.statements);
      if (!page.more) return { ok: true, statements, pages };
    }
  } catch (error) {
    const status = error instanceof LrsRefusal ? error.status : 0;
    return { ok: false, reason: readFailure(status), status, detail: error instanceof Error ? error.message : String(error) };
  }
}
