import XAPI from '@xapi/xapi';
import type { LrsAnswer } from '../../domain/xapi/queue.ts';
import type { Statement } from '../../domain/xapi/statements.ts';
import type { LrsConfig } from './lrs-config.ts';

/**
 * The LRS as the course talks to it, through `@xapi/xapi`: the sender writes statements (loaded
 * only when a statement is waiting, so pages carry the client only then) and the HR page reads
 * them. The library's own fetch adapter drops the HTTP status of a refusal, and the status decides
 * whether a statement is retried or kept aside, and what HR is told; so requests go through an
 * adapter that keeps it and gives up after a timeout.
 */

const TIMEOUT_MS = 20_000;

/** An answer that is not a success, with its status (0: no answer at all — network, host or CORS, which a page cannot tell apart). */
export class LrsRefusal extends Error {
  readonly status: number;
  readonly body: string;

  constructor(status: number, body: string) {
    super(`HTTP ${status}`);
    this.status = status;
    this.body = body;
  }
}

/** `@xapi/xapi`'s adapter signature (its types do not export the name). */
type Adapter = NonNullable<ConstructorParameters<typeof XAPI>[0]['adapter']> & ((...args: never[]) => unknown);
type AdapterCall = { url: string; method: string; headers?: Record<string, string>; data?: unknown };

const adapterWith = (timeoutMs: number) =>
  (async ({ url, method, headers, data }: AdapterCall) => {
    const response = await fetch(url, {
      method,
      headers: headers ?? {},
      ...(data === undefined ? {} : { body: typeof data === 'string' ? data : JSON.stringify(data) }),
      signal: AbortSignal.timeout(timeoutMs),
      // The key is in the Authorization header; no cookie of the course's origin is the LRS's business.
      credentials: 'omit',
    });
    const text = await response.text();
    if (!response.ok) throw new LrsRefusal(response.status, text);
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // Not JSON (a 204 has no body): the text is the answer.
    }
    return { data: body as never, headers: Object.fromEntries(response.headers.entries()), status: response.status };
  }) as Adapter;

export interface LrsClient {
  send(statement: Statement): Promise<LrsAnswer>;
}

export function lrsClient(config: Pick<LrsConfig, 'endpoint' | 'auth'>): LrsClient {
  const xapi = new XAPI({ endpoint: config.endpoint, auth: config.auth, adapter: adapterWith(TIMEOUT_MS) });
  return {
    async send(statement) {
      try {
        const answer = await xapi.sendStatement({ statement: statement as never });
        return { status: answer.status };
      } catch (error) {
        if (error instanceof LrsRefusal) return { status: error.status, body: error.body };
        return { failure: (error as Error | undefined)?.name === 'TimeoutError' ? 'timeout' : 'network' };
      }
    },
  };
}

export interface StatementsAnswer {
  data: unknown;
  status: number;
}

/** Reading statements, for HR: the first page about an activity (and everything under it), then each `more` link. */
export function lrsReader(endpoint: string, auth: string, timeoutMs = 60_000) {
  const xapi = new XAPI({ endpoint: endpoint.endsWith('/') ? endpoint : `${endpoint}/`, auth, adapter: adapterWith(timeoutMs) });
  return {
    first: (activity: string, limit: number): Promise<StatementsAnswer> =>
      xapi.getStatements({ activity, related_activities: true, limit }),
    more: (more: string): Promise<StatementsAnswer> => xapi.getMoreStatements({ more }),
  };
}
