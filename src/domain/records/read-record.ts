import { PROGRESS_FORMAT } from '../progress/events.ts';
import { cutShort } from '../progress/parse.ts';
import { completionRecordSchema } from '../../schemas/completion-record.ts';
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

/** A JSON path as HR reads it: `lessons[3].completedAt`. */
const pathText = (path: readonly PropertyKey[]): string =>
  path.map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? String(key) : `.${String(key)}`)).join('');

/** The path of the first field that breaks the record's schema, or undefined when the record is sound. */
function firstFlaw(record: Obj): string | undefined {
  const result = completionRecordSchema.safeParse(record);
  const issue = result.success ? undefined : result.error.issues[0];
  return issue && (pathText(issue.path) || 'record');
}

/**
 * Reads a completion record from a file's text: size, JSON, format, version and the shape of
 * every field, by the record's one schema (`src/schemas/completion-record.ts`); a flaw is named
 * by the path of the first field that is wrong. Never throws, and runs nothing it reads: names and answers stay plain data.
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
  return readRecordData(data);
}

/**
 * The same checks on a record that is already data (rebuilt from an LRS's statements, say): format,
 * version and the shape of every field.
 */
export function readRecordData(data: unknown): ReadResult {
  if (!isObj(data)) return reject('not-record');
  if (data['format'] === PROGRESS_FORMAT) return reject('progress-backup');
  if (data['format'] !== RECORD_FORMAT) return reject('not-record');
  if (typeof data['version'] === 'number' && data['version'] > RECORD_VERSION) return reject('newer-version');
  if (data['version'] !== RECORD_VERSION) return reject('invalid', 'version');
  const flaw = firstFlaw(data);
  return flaw === undefined ? { ok: true, record: data as unknown as CompletionRecord } : reject('invalid', flaw);
}
