/**
 * The two SCORM run-time data models this course reports to, by element name, and the value
 * formats they require. Everything version-specific lives here; the rest of the SCORM code asks
 * for "the location element" or "a session time" and gets the right spelling.
 */

export type ScormVersion = '1.2' | '2004';

export interface CmiNames {
  /** The API object's name on the LMS window. */
  api: 'API' | 'API_1484_11';
  learnerId: string;
  learnerName: string;
  entry: string;
  mode: string;
  location: string;
  suspendData: string;
  exit: string;
  sessionTime: string;
  scoreRaw: string;
  scoreMin: string;
  scoreMax: string;
  interactionCount: string;
}

export const CMI: Record<ScormVersion, CmiNames> = {
  '1.2': {
    api: 'API',
    learnerId: 'cmi.core.student_id',
    learnerName: 'cmi.core.student_name',
    entry: 'cmi.core.entry',
    mode: 'cmi.core.lesson_mode',
    location: 'cmi.core.lesson_location',
    suspendData: 'cmi.suspend_data',
    exit: 'cmi.core.exit',
    sessionTime: 'cmi.core.session_time',
    scoreRaw: 'cmi.core.score.raw',
    scoreMin: 'cmi.core.score.min',
    scoreMax: 'cmi.core.score.max',
    interactionCount: 'cmi.interactions._count',
  },
  '2004': {
    api: 'API_1484_11',
    learnerId: 'cmi.learner_id',
    learnerName: 'cmi.learner_name',
    entry: 'cmi.entry',
    mode: 'cmi.mode',
    location: 'cmi.location',
    suspendData: 'cmi.suspend_data',
    exit: 'cmi.exit',
    sessionTime: 'cmi.session_time',
    scoreRaw: 'cmi.score.raw',
    scoreMin: 'cmi.score.min',
    scoreMax: 'cmi.score.max',
    interactionCount: 'cmi.interactions._count',
  },
};

/** SCORM 1.2 CMITimespan: HHHH:MM:SS.SS. */
export function timespan12(ms: number): string {
  const centis = Math.max(0, Math.round(ms / 10));
  const h = Math.floor(centis / 360000);
  const m = Math.floor((centis % 360000) / 6000);
  const s = (centis % 6000) / 100;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(Math.min(h, 9999)).padStart(4, '0')}:${pad(m)}:${s.toFixed(2).padStart(5, '0')}`;
}

/** SCORM 2004 timeinterval (ISO 8601 duration), to the hundredth of a second: PT1H2M3.45S. */
export function timespan2004(ms: number): string {
  const centis = Math.max(0, Math.round(ms / 10));
  const h = Math.floor(centis / 360000);
  const m = Math.floor((centis % 360000) / 6000);
  const s = (centis % 6000) / 100;
  return `PT${h > 0 ? `${h}H` : ''}${h > 0 || m > 0 ? `${m}M` : ''}${Number(s.toFixed(2))}S`;
}

/** SCORM 1.2 CMITime, a time of day (HH:MM:SS) in the learner's time zone (`offsetMinutes` as `Date#getTimezoneOffset`). */
export function timeOfDay12(iso: string, offsetMinutes: number): string {
  const local = new Date(Date.parse(iso) - offsetMinutes * 60_000);
  return local.toISOString().slice(11, 19);
}

/** SCORM 2004 time (second): ISO 8601 with a fraction, so that the zone designator is allowed. */
export const timestamp2004 = (iso: string): string => new Date(Date.parse(iso)).toISOString().replace(/\.\d+Z$/, '.0Z');

/** The status values in the order a learner moves through them; the report never moves one backwards. */
const RANK: Record<string, number> = {
  'not attempted': 0,
  unknown: 0,
  browsed: 1,
  incomplete: 1,
  failed: 2,
  completed: 3,
  passed: 4,
};

/**
 * The status to report: `next`, unless the LMS already holds a later one (what this browser
 * knows may be less than the LMS was told from another machine). A failed status may still turn
 * to passed, never the other way round.
 */
export function forwardOnly<T extends string>(held: string, next: T): T | undefined {
  return (RANK[next] ?? 0) >= (RANK[held] ?? 0) ? next : undefined;
}

/**
 * The learner's name as the course shows it. SCORM's convention is "Family, Given" (Moodle sends
 * it so with its "SCORM standards" setting); Chinese names then read family name first with no
 * space, Latin names given name first. Without a comma the LMS has already put the name in the
 * order its settings give (Moodle's default: its full-name format, "Given Family" for English):
 * it is kept, only the space between Chinese parts goes ("王 小明" → "王小明").
 */
export function displayName(lmsName: string): string {
  const parts = lmsName.split(',').map((p) => p.trim());
  const cjk = (text: string) => /[\u3400-\u9fff]/.test(text);
  if (parts.length !== 2 || !parts[0] || !parts[1]) {
    const name = lmsName.trim().replace(/\s+/g, ' ');
    return name.split(' ').every(cjk) ? name.replaceAll(' ', '') : name;
  }
  const [family, given] = parts as [string, string];
  return cjk(family + given) ? `${family}${given}` : `${given} ${family}`;
}
