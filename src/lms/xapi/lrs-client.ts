import XAPI from '@xapi/xapi';
import type { LrsAnswer } from '../../domain/xapi/queue.ts';
import type { Statement } from '../../domain/xapi/statements.ts';
import type { LrsConfig } from './lrs-config.ts';

/**
 * The LRS as the sender talks to it, through `@xapi/xapi`. Loaded only when a statement is waiting,
 * so pages carry the client only then. The library's own fetch adapter drops the HTTP status of a
 * refusal, and the status decides whether a statement is retried or kept aside, so requests go
 * through an adapter that keeps it and gives up after `TIMEOUT_MS`.
 */

const TIMEOUT_MS = 20_000;

class LrsRefusal extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
  ) {
    super(`HTTP ${status}`);
  }
}

/** `@xapi/xapi`'s adapter signature (its types do not export the name). */
type Adapter = NonNullable<ConstructorParameters<typeof XAPI>[0]['adapter']> & ((...args: never[]) => unknown);
type AdapterCall = { url: string; method: string; headers?: Record<string, string>; data?: unknown };

const adapter = (async ({ url, method, headers, data }: AdapterCall) => {
  const response = await fetch(url, {
    method,
    headers: headers ?? {},
    ...(data === undefined ? {} : { body: typeof data === 'string' ? data : JSON.stringify(data) }),
    signal: AbortSignal.timeout(TIMEOUT_MS),
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
  const xapi = new XAPI({ endpoint: config.endpoint, auth: config.auth, adapter });
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
