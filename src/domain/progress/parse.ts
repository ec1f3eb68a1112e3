import { PROGRESS_FORMAT, PROGRESS_VERSION, type ProgressLog } from './events.ts';
import { isProgressV0, migrateV0 } from './migrate.ts';
import { firstInvalidEvent, isProgressEvent, isTime } from './validate.ts';

/** Largest progress file accepted: a finished course is a few dozen KB; 5 MB is clearly not ours. */
export const MAX_PROGRESS_BYTES = 5 * 1024 * 1024;

export const rejectReasons = [
  'empty',
  'too-large',
  'truncated',
  'not-json',
  'not-progress',
  'other-course',
  'newer-version',
  'invalid',
] as const;
export type RejectReason = (typeof rejectReasons)[number];

/**
 * A refusal names its reason as a code; the UI words it (i18n `progress.reject.<reason>`), so the
 * domain ships no sentences to pages that never show them. `detail` is the
 * other course's id, or the 1-based number of the first bad event, where that helps the learner.
 */
export type ParseResult = { ok: true; log: ProgressLog } | { ok: false; reason: RejectReason; detail?: string };

const reject = (reason: RejectReason, detail?: string): ParseResult =>
  detail === undefined ? { ok: false, reason } : { ok: false, reason, detail };

/**
 * More brackets opened than closed: the text was cut short. Brackets inside strings are counted
 * too; a learner's name with a stray "{" can only change which reason is given, never what is read.
 */
export const cutShort = (text: string): boolean => (text.match(/[[{]/g) ?? []).length > (text.match(/[\]}]/g) ?? []).length;

/**
 * Reads a progress record from text (localStorage value or an imported backup): size, JSON,
 * format, course, version (older versions are migrated) and every event's shape. Never throws.
 */
export function parseProgress(text: string, courseId: string, maxBytes = MAX_PROGRESS_BYTES): ParseResult {
  const trimmed = text.trim();
  if (trimmed === '') return reject('empty');
  // Length in UTF-16 units: exact for the ASCII JSON this course writes; file pickers check bytes first.
  if (text.length > maxBytes) return reject('too-large');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return reject(trimmed.startsWith('{') && cutShort(trimmed) ? 'truncated' : 'not-json');
  }
  if (isProgressV0(data)) data = migrateV0(data);
  const record = (typeof data === 'object' && data !== null ? data : {}) as Partial<
    Record<'format' | 'courseId' | 'version' | 'events' | 'resetAt', unknown>
  >;
  if (record.format !== PROGRESS_FORMAT) return reject('not-progress');
  if (record.courseId !== courseId) return reject('other-course', String(record.courseId));
  if (typeof record.version === 'number' && record.version > PROGRESS_VERSION) return reject('newer-version');
  if (record.version !== PROGRESS_VERSION || !Array.isArray(record.events)) return reject('invalid');
  if (record.resetAt !== undefined && !isTime(record.resetAt)) return reject('invalid');
  const bad = firstInvalidEvent(record.events);
  if (bad >= 0) return reject('invalid', String(bad + 1));
  return { ok: true, log: data as ProgressLog };
}

/**
 * What can still be read of a record `parseProgress` refused: every event that parses and
 * validates. A record cut short (a full disk, a crash mid-write) is read up to the end of its
 * last whole event: the log only ever grows at the end, so what comes before a cut is sound.
 * Undefined when nothing is left to read, or the record is not this course's progress at all.
 */
export function salvageProgress(text: string, courseId: string): ProgressLog | undefined {
  // The whole text first (it may be JSON, with bad events), then cut back one event at a time.
  for (let end = text.length, close = ''; end > 0; end = text.lastIndexOf('},{', end - 2) + 1, close = ']}') {
    try {
      const data = JSON.parse(text.slice(0, end) + close) as { events: unknown[] };
      const result = parseProgress(JSON.stringify({ ...data, events: data.events.filter(isProgressEvent) }), courseId);
      return result.ok && result.log.events.length > 0 ? result.log : undefined;
    } catch {
      // Not JSON yet, or no list of events: cut back further.
    }
  }
  return undefined;
}
