import type { ScormVersion } from '../../domain/scorm/cmi.ts';
import { shown, type Diagnostics } from './diagnostics.ts';

/** SCORM 1.2's API object (`window.API`). */
export interface Scorm12Api {
  LMSInitialize(arg: ''): unknown;
  LMSFinish(arg: ''): unknown;
  LMSGetValue(element: string): unknown;
  LMSSetValue(element: string, value: string): unknown;
  LMSCommit(arg: ''): unknown;
  LMSGetLastError(): unknown;
  LMSGetErrorString(code: string): unknown;
  LMSGetDiagnostic(code: string): unknown;
}

/** SCORM 2004's API object (`window.API_1484_11`). */
export interface Scorm2004Api {
  Initialize(arg: ''): unknown;
  Terminate(arg: ''): unknown;
  GetValue(element: string): unknown;
  SetValue(element: string, value: string): unknown;
  Commit(arg: ''): unknown;
  GetLastError(): unknown;
  GetErrorString(code: string): unknown;
  GetDiagnostic(code: string): unknown;
}

export type LmsApi = Scorm12Api | Scorm2004Api;

/**
 * open: initialised · closed: finished by us · gone: the LMS stopped answering (its window was
 * closed or navigated away, so calling it throws); nothing more is sent this session.
 */
export type ConnectionState = 'new' | 'open' | 'closed' | 'gone';

const NOT_INITIALIZED_2004 = '403';

type Verb = 'initialize' | 'finish' | 'get' | 'set' | 'commit' | 'lastError' | 'errorString' | 'diagnostic';

const NAMES: Record<ScormVersion, Record<Verb, string>> = {
  '1.2': {
    initialize: 'LMSInitialize',
    finish: 'LMSFinish',
    get: 'LMSGetValue',
    set: 'LMSSetValue',
    commit: 'LMSCommit',
    lastError: 'LMSGetLastError',
    errorString: 'LMSGetErrorString',
    diagnostic: 'LMSGetDiagnostic',
  },
  '2004': {
    initialize: 'Initialize',
    finish: 'Terminate',
    get: 'GetValue',
    set: 'SetValue',
    commit: 'Commit',
    lastError: 'GetLastError',
    errorString: 'GetErrorString',
    diagnostic: 'GetDiagnostic',
  },
};

/**
 * The conversation with the LMS. Every call is guarded: a refusal ("false", an error code) is
 * logged with the LMS's own explanation and reported as a failure; an exception means the LMS
 * has gone, which is logged once and ends the conversation. Nothing here throws, so the course
 * keeps running on its local copy whatever the LMS does.
 */
export class LmsConnection {
  state: ConnectionState = 'new';
  /** The last error code the LMS gave, "0" if none. */
  lastError = '0';
  /** Values and commits the LMS refused this session (a refused read is only logged: an LMS may not implement an optional element). */
  refusals = 0;

  constructor(
    readonly version: ScormVersion,
    private readonly api: LmsApi,
    private readonly log: Diagnostics,
  ) {}

  get usable(): boolean {
    return this.state === 'open';
  }

  initialize(): boolean {
    if (this.state !== 'new') return false;
    const ok = this.flag('initialize', '');
    if (ok) this.state = 'open';
    return ok;
  }

  /** The element's value, or undefined if the LMS refused. */
  get(element: string): string | undefined {
    if (!this.usable) return undefined;
    const result = this.invoke('get', [element]);
    if (!result.ok) return undefined;
    const value = result.value === undefined || result.value === null ? '' : String(result.value);
    const code = this.errorCode();
    // SCORM 2004 answers an element nobody has set yet with error 403 ("not initialized"): that is an empty value, not a fault.
    if (code === NOT_INITIALIZED_2004 && this.version === '2004') {
      this.log.call(`${this.name('get')}(${shown(element)}) → not set yet (403)`);
      return '';
    }
    if (code !== '0') {
      this.refused('get', [element], `→ ${shown(value)}`, code);
      return undefined;
    }
    this.log.call(`${this.name('get')}(${shown(element)}) → ${shown(value)}`);
    return value;
  }

  set(element: string, value: string): boolean {
    return this.usable && this.flag('set', element, value);
  }

  commit(): boolean {
    return this.usable && this.flag('commit', '');
  }

  finish(): boolean {
    if (!this.usable) return false;
    const ok = this.flag('finish', '');
    // Finished or not, the session is over: the LMS refuses every later call.
    if (this.state === 'open') this.state = 'closed';
    return ok;
  }

  private name(verb: Verb): string {
    return NAMES[this.version][verb];
  }

  /** A call answered with "true" or "false". */
  private flag(verb: Verb, ...args: string[]): boolean {
    const result = this.invoke(verb, args);
    if (!result.ok) return false;
    const answer = String(result.value);
    if (answer === 'true') {
      this.log.call(`${this.name(verb)}(${args.map(shown).join(', ')}) → "true"`);
      this.lastError = '0';
      return true;
    }
    this.refused(verb, args, `→ ${shown(answer)}`, this.errorCode());
    return false;
  }

  private invoke(verb: Verb, args: string[]): { ok: true; value: unknown } | { ok: false } {
    try {
      const fn = (this.api as unknown as Record<string, (...a: string[]) => unknown>)[this.name(verb)];
      if (typeof fn !== 'function') throw new TypeError(`${this.name(verb)} is not a function`);
      return { ok: true, value: fn.apply(this.api, args) };
    } catch (error) {
      this.gone(`${this.name(verb)}(${args.map(shown).join(', ')}) threw ${describe(error)}`);
      return { ok: false };
    }
  }

  private errorCode(): string {
    try {
      const fn = (this.api as unknown as Record<string, () => unknown>)[this.name('lastError')];
      const code = String(fn?.apply(this.api) ?? '0').trim();
      return code === '' ? '0' : code;
    } catch (error) {
      this.gone(`${this.name('lastError')}() threw ${describe(error)}`);
      return '?';
    }
  }

  private explain(verb: 'errorString' | 'diagnostic', code: string): string {
    try {
      const fn = (this.api as unknown as Record<string, (c: string) => unknown>)[this.name(verb)];
      return String(fn?.call(this.api, code) ?? '');
    } catch {
      return '';
    }
  }

  private refused(verb: Verb, args: string[], answer: string, code: string): void {
    this.lastError = code;
    if (verb !== 'get') this.refusals++;
    const words = code === '?' ? '' : this.explain('errorString', code);
    const detail = code === '?' ? '' : this.explain('diagnostic', code);
    const extra = detail && detail !== words ? ` (${detail})` : '';
    this.log.error(`${this.name(verb)}(${args.map(shown).join(', ')}) ${answer} · error ${code}${words ? ` "${words}"` : ''}${extra}`);
  }

  private gone(what: string): void {
    if (this.state === 'gone') return;
    this.state = 'gone';
    this.log.error(`${what}: the LMS is no longer reachable; progress is kept in this browser and sent at the next launch`);
  }
}

const describe = (error: unknown): string => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));
