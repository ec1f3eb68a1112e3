import { emptyLog, type ProgressLog } from '../progress/events.ts';
import { parseProgress } from '../progress/parse.ts';
import type { MoveOnVerb } from './move-on.ts';

/**
 * What the course keeps in the LMS's State API for one learner and registration (stateId
 * `CMI5_STATE_ID`), so the next launch resumes from it on any computer:
 *
 *   { format: "service-classroom/cmi5-state", version: 1,
 *     progress: <the progress log, as the website stores it>,
 *     moveOn: ["completed", "passed", …]   the cmi5-defined verbs already sent (each goes once)
 *     sent: ["<statement id>", …]          the course's statements the LRS has taken
 *     location?: "lessons/x/index.html" }  the page the learner was on
 *
 * The progress log is read with the website's own validation; anything unreadable gives an empty
 * state (and the browser's copy still joins it), never an error that stops the course.
 */

export const CMI5_STATE_ID = 'https://service-classroom.invalid/state/progress';
export const CMI5_STATE_FORMAT = 'service-classroom/cmi5-state';

export interface Cmi5State {
  progress: ProgressLog;
  moveOn: MoveOnVerb[];
  sent: string[];
  location?: string;
}

const VERBS: readonly MoveOnVerb[] = ['completed', 'passed', 'failed'];

export const emptyState = (courseId: string): Cmi5State => ({ progress: emptyLog(courseId), moveOn: [], sent: [] });

export const stateDocument = (state: Cmi5State) => ({ format: CMI5_STATE_FORMAT, version: 1, ...state });

/** The state read back from the LRS (any JSON value, or undefined when there was none). */
export function readState(value: unknown, courseId: string): { state: Cmi5State; problem?: string } {
  if (value === undefined || value === null || value === '') return { state: emptyState(courseId) };
  const doc = value as Record<string, unknown>;
  if (typeof doc !== 'object' || doc['format'] !== CMI5_STATE_FORMAT) {
    return { state: emptyState(courseId), problem: 'the saved state is not this course’s' };
  }
  const parsed = parseProgress(JSON.stringify(doc['progress']), courseId);
  const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  const state: Cmi5State = {
    progress: parsed.ok ? parsed.log : emptyLog(courseId),
    moveOn: strings(doc['moveOn']).filter((v): v is MoveOnVerb => (VERBS as readonly string[]).includes(v)),
    sent: strings(doc['sent']),
    ...(typeof doc['location'] === 'string' ? { location: doc['location'] } : {}),
  };
  return parsed.ok ? { state } : { state, problem: `the saved progress could not be read (${parsed.reason})` };
}
