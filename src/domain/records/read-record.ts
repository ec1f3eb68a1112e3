import { PROGRESS_FORMAT } from '../progress/events.ts';
import { cutShort } from '../progress/parse.ts';
import { isAttempt, isTime } from '../progress/validate.ts';
import { RECORD_FORMAT, RECORD_VERSION, type CompletionRecord } from './format.ts';

/** A learner's record is a few dozen KB; anything over 5 MB is not one, and is not read at all. */
export const MAX_RECORD_BYTES = 5 * 1024 * 1024;

export const recordRejectReasons = [
  'empty',
  'too-large',
  'truncated',
  'not-json',
  'progress-backup',
  'not-record',
  'newer-version',
  'invalid',
] as const;
export type RecordRejectReason = (typeof recordRejectReasons)[number];

/**
 * A refusal names its reason as a code for the page to word (`hr.reject.<reason>`); `detail` is
 * the JSON path of the first field that is wrong, for `invalid`.
 */
export type ReadResult = { ok: true; record: CompletionRecord } | { ok: false; reason: RecordRejectReason; detail?: string };

const reject = (reason: RecordRejectReason, detail?: string): ReadResult =>
  detail === undefined ? { ok: false, reason } : { ok: false, reason, detail };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';
const LESSON_STATES = ['not-started', 'in-progress', 'completed'];

/** The path of the first field that breaks the version 1 shape, or undefined when the record is sound. */
function firstFlaw(r: Obj): string | undefined {
  if (!isTime(r['exportedAt'])) return 'exportedAt';
  const course = r['course'];
  if (!isObj(course)) return 'course';
  for (const key of ['id', 'title', 'contentVersion']) if (typeof course[key] !== 'string') return `course.${key}`;
  const learner = r['learner'];
  if (!isObj(learner)) return 'learner';
  for (const key of ['name', 'employeeId']) if (!isText(learner[key])) return `learner.${key}`;
  if (typeof learner['department'] !== 'string') return 'learner.department';
  const lessons = r['lessons'];
  if (!Array.isArray(lessons)) return 'lessons';
  for (const [i, lesson] of lessons.entries()) {
    if (!isObj(lesson) || !isText(lesson['id']) || !LESSON_STATES.includes(lesson['state'] as string)) return `lessons[${i}]`;
    if (lesson['firstViewedAt'] !== undefined && !isTime(lesson['firstViewedAt'])) return `lessons[${i}].firstViewedAt`;
    const completed = lesson['state'] === 'completed';
    if (completed ? !isTime(lesson['completedAt']) : lesson['completedAt'] !== undefined) return `lessons[${i}].completedAt`;
  }
  const attempts = r['attempts'];
  if (!Array.isArray(attempts)) return 'attempts';
  const ids = new Set<string>();
  for (const [i, attempt] of attempts.entries()) {
    if (!isAttempt(attempt) || !isText((attempt as unknown as Obj)['id'])) return `attempts[${i}]`;
    const id = (attempt as unknown as Obj)['id'] as string;
    if (ids.has(id)) return `attempts[${i}].id`;
    ids.add(id);
  }
  return undefined;
}

/**
 * Reads a completion record from a file's text: size, JSON, format, version and the shape of
 * every field. Never throws, and runs nothing it reads: names and answers stay plain data.
 * Which course the record belongs to is for `verifyRecord` to judge.
 */
export function readCompletionRecord(text: string, maxBytes = MAX_RECORD_BYTES): ReadResult {
  if (text.length > maxBytes) return reject('too-large');
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed === '') return reject('empty');
  let data: unknown;
  try {
    data = JSON.parse(trimmed);
  } catch {
    return reject(trimmed.startsWith('{') && cutShort(trimmed) ? 'truncated' : 'not-json');
  }
  if (!isObj(data)) return reject('not-record');
  if (data['format'] === PROGRESS_FORMAT) return reject('progress-backup');
  if (data['format'] !== RECORD_FORMAT) return reject('not-record');
  if (typeof data['version'] === 'number' && data['version'] > RECORD_VERSION) return reject('newer-version');
  if (data['version'] !== RECORD_VERSION) return reject('invalid', 'version');
  const flaw = firstFlaw(data);
  return flaw === undefined ? { ok: true, record: data as unknown as CompletionRecord } : reject('invalid', flaw);
}
