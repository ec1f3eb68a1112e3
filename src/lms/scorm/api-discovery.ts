import { CMI, type ScormVersion } from '../../domain/scorm/cmi.ts';
import type { LmsApi } from './lms-connection.ts';

/**
 * Finding the LMS's API object, as the SCORM run-time environment specifies: look on this window
 * and up its chain of parents, then on the window that opened it and up that one's parents (an
 * LMS may launch the course in a pop-up). A frame of another origin throws when touched; that
 * only ends the search along its chain. The ADL algorithm gives up after 500 levels, and so do we.
 */

/** The parts of a window the search looks at; tests pass plain objects. */
export interface WindowLike {
  readonly parent: WindowLike | null;
  readonly opener?: WindowLike | null;
  readonly top?: WindowLike | null;
}

export interface FoundApi {
  version: ScormVersion;
  api: LmsApi;
  /** Where it was found, for the diagnostics log: "parent 1", "opener → parent 2", … */
  where: string;
}

const MAX_LEVELS = 500;

const REQUIRED: Record<ScormVersion, readonly string[]> = {
  '1.2': [
    'LMSInitialize',
    'LMSFinish',
    'LMSGetValue',
    'LMSSetValue',
    'LMSCommit',
    'LMSGetLastError',
    'LMSGetErrorString',
    'LMSGetDiagnostic',
  ],
  '2004': ['Initialize', 'Terminate', 'GetValue', 'SetValue', 'Commit', 'GetLastError', 'GetErrorString', 'GetDiagnostic'],
};

/** The API of this version on `win` itself, if it has one with every function the version needs. */
function apiOn(win: WindowLike, version: ScormVersion): LmsApi | undefined {
  try {
    const candidate = (win as unknown as Record<string, unknown>)[CMI[version].api];
    if (typeof candidate !== 'object' || candidate === null) return undefined;
    const api = candidate as Record<string, unknown>;
    return REQUIRED[version].every((name) => typeof api[name] === 'function') ? (candidate as LmsApi) : undefined;
  } catch {
    return undefined;
  }
}

function parentOf(win: WindowLike): WindowLike | undefined {
  try {
    const parent = win.parent;
    return parent && parent !== win ? parent : undefined;
  } catch {
    return undefined;
  }
}

function openerOf(win: WindowLike): WindowLike | undefined {
  try {
    return win.opener ?? undefined;
  } catch {
    return undefined;
  }
}

function searchChain(start: WindowLike, version: ScormVersion, label: string): FoundApi | undefined {
  let win: WindowLike | undefined = start;
  for (let level = 0; win && level <= MAX_LEVELS; level++) {
    const api = apiOn(win, version);
    if (api) return { version, api, where: level === 0 ? label : `${label} → parent ${level}` };
    win = parentOf(win);
  }
  return undefined;
}

/**
 * The LMS API, preferring the package's own SCORM version and falling back to the other (an LMS
 * offering only the other version still gets a report in its own data model).
 */
export function findLmsApi(self: WindowLike, preferred: ScormVersion): FoundApi | undefined {
  const versions: ScormVersion[] = preferred === '1.2' ? ['1.2', '2004'] : ['2004', '1.2'];
  for (const version of versions) {
    const found = searchChain(self, version, 'this window');
    if (found) return found;
    const opener = openerOf(self);
    const fromOpener = opener && searchChain(opener, version, 'opener');
    if (fromOpener) return fromOpener;
    // The course may sit in a frame of a pop-up: the pop-up's opener is reached through the top window.
    let top: WindowLike | undefined;
    try {
      top = self.top ?? undefined;
    } catch {
      top = undefined;
    }
    const topOpener = top && top !== self ? openerOf(top) : undefined;
    const fromTopOpener = topOpener && searchChain(topOpener, version, 'top opener');
    if (fromTopOpener) return fromTopOpener;
  }
  return undefined;
}
