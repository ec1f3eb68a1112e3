import type { XapiAgent, XapiStatement } from '../../domain/cmi5/statements.ts';
import { utf8Length } from '../../domain/utf8.ts';
import type { Diagnostics } from '../scorm/diagnostics.ts';

/**
 * The LMS's LRS, after the launch (`@xapi/cmi5` fetched the token and sent `initialized`): the
 * statements and the State API, over `fetch`. `keepalive` lets a request sent while the page is
 * closing outlive it, which the library's XMLHttpRequest cannot. The browser allows 64 KiB of such
 * requests in flight in all (bytes, not characters) and refuses one that would go over, so this
 * client keeps count: what does not fit goes without it (the browser's copy still has everything).
 */

/** `conflict`: the LRS holds another statement under one of these ids (409), and took none of the request. */
export type Sent = 'taken' | 'refused' | 'conflict' | 'unreachable';

/** Under the browsers' 64 KiB for keepalive bodies in flight, with room for what they count besides. */
const KEEPALIVE_BUDGET = 60_000;

export interface StateKey {
  activityId: string;
  agent: XapiAgent;
  registration: string;
  stateId: string;
}

export class Lrs {
  private readonly endpoint: string;
  /** Bytes of keepalive bodies sent and not yet answered. */
  private keepaliveInFlight = 0;

  constructor(
    endpoint: string,
    private readonly authToken: string,
    private readonly diagnostics: Diagnostics,
  ) {
    this.endpoint = endpoint.endsWith('/') ? endpoint : `${endpoint}/`;
  }

  private headers(json: boolean): Record<string, string> {
    return {
      authorization: `Basic ${this.authToken}`,
      'x-experience-api-version': '1.0.3',
      ...(json ? { 'content-type': 'application/json' } : {}),
    };
  }

  /**
   * A request that outlives a closing page when its body fits what is left of the budget: the
   * `fetch` is started at once (a closing page runs nothing after its first wait).
   */
  private request(url: string, init: RequestInit & { body: string }, closing: boolean): Promise<Response> {
    const bytes = closing ? utf8Length(init.body) : 0;
    const keepalive = closing && this.keepaliveInFlight + bytes <= KEEPALIVE_BUDGET;
    if (!keepalive) return fetch(url, init);
    this.keepaliveInFlight += bytes;
    return fetch(url, { ...init, keepalive }).finally(() => {
      this.keepaliveInFlight -= bytes;
    });
  }

  private stateUrl(key: StateKey): string {
    const query = new URLSearchParams({
      activityId: key.activityId,
      agent: JSON.stringify(key.agent),
      registration: key.registration,
      stateId: key.stateId,
    });
    return `${this.endpoint}activities/state?${query}`;
  }

  /** Sends statements in one request, in order; an LRS takes all of them or none. */
  async send(statements: readonly XapiStatement[], closing = false): Promise<Sent> {
    if (statements.length === 0) return 'taken';
    const body = JSON.stringify(statements);
    const what = statements.map((s) => s.verb.id.split('/').at(-1)).join(', ');
    try {
      const response = await this.request(`${this.endpoint}statements`, { method: 'POST', headers: this.headers(true), body }, closing);
      this.diagnostics.call(`POST statements (${what}) → ${response.status}`);
      if (response.ok) return 'taken';
      if (response.status === 409) return 'conflict';
      this.diagnostics.error(
        `the LRS refused ${statements.length} statements: ${response.status} ${(await response.text()).slice(0, 200)}`,
      );
      return 'refused';
    } catch (error) {
      this.diagnostics.error(`POST statements (${what}) failed: ${String(error)}`);
      return 'unreachable';
    }
  }

  /** The state document, or undefined when there is none (404) or it cannot be read. */
  async getState(key: StateKey): Promise<{ value: unknown; ok: boolean }> {
    try {
      const response = await fetch(this.stateUrl(key), { headers: this.headers(false) });
      this.diagnostics.call(`GET state ${key.stateId} → ${response.status}`);
      if (response.status === 404) return { value: undefined, ok: true };
      if (!response.ok) return { value: undefined, ok: false };
      return { value: (await response.json()) as unknown, ok: true };
    } catch (error) {
      this.diagnostics.error(`GET state ${key.stateId} failed: ${String(error)}`);
      return { value: undefined, ok: false };
    }
  }

  async putState(key: StateKey, value: unknown, closing = false): Promise<Sent> {
    const body = JSON.stringify(value);
    try {
      const response = await this.request(this.stateUrl(key), { method: 'PUT', headers: this.headers(true), body }, closing);
      this.diagnostics.call(`PUT state ${key.stateId} (${body.length} chars) → ${response.status}`);
      if (response.ok) return 'taken';
      this.diagnostics.error(`the LRS refused the saved state: ${response.status}`);
      return 'refused';
    } catch (error) {
      this.diagnostics.error(`PUT state ${key.stateId} failed: ${String(error)}`);
      return 'unreachable';
    }
  }
}
