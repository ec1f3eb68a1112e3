import XAPI from '@xapi/xapi';

/** The client's hook for making requests (the package does not export its type by name). */
type AdapterFunction = Extract<NonNullable<ConstructorParameters<typeof XAPI>[0]['adapter']>, (...args: never[]) => unknown>;

/**
 * An LRS answer that is not a success, with its HTTP status kept (`@xapi/xapi`'s own fetch adapter
 * folds every failure into a bare message, and the course must tell a refusal (4xx) from a server
 * or network fault). `status` 0: no answer at all — the network, the host, or the browser's CORS
 * check refused, which a page cannot tell apart.
 */
export class LrsError extends Error {
  readonly status: number;

  constructor(status: number, message: string) {
    super(message);
    this.status = status;
    this.name = 'LrsError';
  }
}

const fetchAdapter =
  (timeoutMs: number): AdapterFunction =>
  async ({ url, method, headers, data }) => {
    const body = data === undefined ? null : typeof data === 'string' ? data : JSON.stringify(data);
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers: headers as Record<string, string>,
        body,
        signal: AbortSignal.timeout(timeoutMs),
        credentials: 'omit',
      });
    } catch (error) {
      throw new LrsError(0, error instanceof Error ? error.message : String(error));
    }
    const text = await response.text();
    if (!response.ok) throw new LrsError(response.status, text.slice(0, 300));
    let parsed: unknown = text;
    try {
      parsed = text === '' ? text : JSON.parse(text);
    } catch {
      // Not JSON: the caller judges what it got.
    }
    return { data: parsed as never, headers: Object.fromEntries(response.headers.entries()), status: response.status };
  };

/** An `@xapi/xapi` client for an LRS endpoint (a trailing slash is added: the client appends resource names). */
export function lrsClient(endpoint: string, auth: string, timeoutMs = 30_000): XAPI {
  return new XAPI({ endpoint: endpoint.endsWith('/') ? endpoint : `${endpoint}/`, auth, adapter: fetchAdapter(timeoutMs) });
}

/** `Basic …` for a key and secret, as LRSs issue them. */
export const basicAuth = (key: string, secret: string): string => XAPI.toBasicAuth(key, secret);
