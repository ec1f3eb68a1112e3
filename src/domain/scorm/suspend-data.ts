import { deflateSync, inflateSync } from 'fflate';
import type { ActivityKind, Attempt, ProgressEvent, ProgressLog } from '../progress/events.ts';
import { compareEvents } from '../progress/events.ts';
import { decodeAnswers, encodeAnswers } from './answer-codec.ts';
import { ByteReader, ByteWriter, fromBase64Url, toBase64Url } from './bytes.ts';
import { catalogueFingerprints, type CatalogueActivity, type Catalogue } from '../catalogue.ts';

/**
 * The progress log as SCORM suspend data: compact enough that a finished course fits SCORM 1.2's
 * 4,096 characters with room to spare.
 *
 * Text: one format character, then base64url. "D" + deflated bytes, or "R" + raw bytes when
 * deflating would not make them smaller.
 *
 * Bytes (varints throughout, see `bytes.ts`):
 *   format (1) · shape fingerprint · structure fingerprint · flags (1 = trimmed, 2 = has reset)
 *   · base time (zigzag seconds since 2024-01-01 UTC) · [reset time − base] · event count
 *   · events in canonical order, each:
 *       head = kind (0 viewed, 1 completed, 2 attempt) + 4 × lesson or activity index
 *       · seconds since the previous event (zigzag)
 *       attempts continue: flags (1 passed, 2 version is the catalog's, 4 score is whole,
 *         8 maxScore is the catalog's, 16 kind is the catalog's, 32 its interactions have not
 *         reached the LMS yet) · finishedAt − at (zigzag s)
 *         · duration (zigzag s) · score (×10⁴ unless whole) · [maxScore ×10⁴] · [version string]
 *         · [kind] · answers as a length-prefixed block (empty: none; see `answer-codec.ts`)
 *
 * What is not carried: event ids (decoded events get ids derived from what they record, so a
 * resume merges idempotently), times below a second, the learner profile (the LMS supplies the
 * learner), and lessons or activities the catalog does not know.
 */

export const SUSPEND_FORMAT = 1;
/** SCORM 1.2's `cmi.suspend_data` is a CMIString4096. */
export const SCORM12_SUSPEND_LIMIT = 4096;
/** SCORM 2004 guarantees 64,000 characters. */
export const SCORM2004_SUSPEND_LIMIT = 64000;

const EPOCH = Date.UTC(2024, 0, 1) / 1000;
const KINDS: readonly ActivityKind[] = ['quiz', 'assessment', 'scenario'];
const Tag = { Viewed: 0, Completed: 1, Attempt: 2 } as const;
const AttemptFlag = { Passed: 1, CatalogVersion: 2, WholeScore: 4, CatalogMax: 8, CatalogKind: 16, Unreported: 32 } as const;

const seconds = (iso: string): number => Math.floor(Date.parse(iso) / 1000);
const iso = (s: number): string => new Date(s * 1000).toISOString();

/** The progress-log kind an activity of this catalog kind records its attempts under. */
export const progressKind = (spec: CatalogueActivity): ActivityKind =>
  spec.kind === 'classification' ? 'quiz' : spec.kind === 'assessment' ? 'assessment' : spec.kind === 'scenario' ? 'scenario' : 'quiz';

/** The maximum score an attempt at this activity records. */
export function catalogMaxScore(spec: CatalogueActivity): number {
  switch (spec.kind) {
    case 'quiz':
      return spec.questions.length;
    case 'classification':
      return spec.items.length * 2;
    case 'assessment':
      return 0;
    case 'scenario':
      return 100;
  }
}

export interface EncodeResult {
  text: string;
  /** Events of the log that could not be carried (unknown lesson or activity). */
  skipped: number;
  /** Attempts carried without their answers (answers of an unexpected shape). */
  withoutAnswers: number;
}

export interface EncodeOptions {
  /** The log was cut down to fit (see `fit-suspend-data.ts`). */
  trimmed?: boolean;
  /** Ids of attempts whose interactions the LMS has not accepted yet: the next launch, wherever it is, sends them. */
  unreported?: ReadonlySet<string>;
}

/** Encodes the events of a log (learner profiles are left out). */
export function encodeSuspendData(
  catalog: Catalogue,
  log: Pick<ProgressLog, 'events' | 'resetAt'>,
  { trimmed = false, unreported }: EncodeOptions = {},
): EncodeResult {
  const lessonIndex = new Map(catalog.map.lessons.map((l, i) => [l.id, i]));
  const activityIndex = new Map(catalog.activities.map((a, i) => [a.id, i]));
  const fingerprints = catalogueFingerprints(catalog);
  let skipped = 0;
  let withoutAnswers = 0;

  const carried = [...log.events].sort(compareEvents).filter((e) => {
    const known =
      e.type === 'attempt'
        ? activityIndex.has(e.attempt.activityId)
        : e.type === 'lesson-viewed' || e.type === 'lesson-completed'
          ? lessonIndex.has(e.lessonId)
          : true;
    if (!known) skipped++;
    return known && e.type !== 'learner-set';
  });

  const base = carried.length > 0 ? seconds(carried[0]!.at) : EPOCH;
  const w = new ByteWriter()
    .uint(SUSPEND_FORMAT)
    .uint(fingerprints.shape)
    .uint(fingerprints.structure)
    .uint((trimmed ? 1 : 0) + (log.resetAt ? 2 : 0))
    .int(base - EPOCH);
  if (log.resetAt) w.int(seconds(log.resetAt) - base);
  w.uint(carried.length);

  let previous = base;
  for (const event of carried) {
    const at = seconds(event.at);
    if (event.type === 'attempt') {
      const index = activityIndex.get(event.attempt.activityId)!;
      w.uint(Tag.Attempt + 4 * index).int(at - previous);
      if (!writeAttempt(w, catalog.activities[index]!, event.attempt, at, unreported?.has(event.id) ?? false)) withoutAnswers++;
    } else if (event.type === 'lesson-viewed' || event.type === 'lesson-completed') {
      w.uint((event.type === 'lesson-viewed' ? Tag.Viewed : Tag.Completed) + 4 * lessonIndex.get(event.lessonId)!).int(at - previous);
    }
    previous = at;
  }

  const raw = w.toBytes();
  const packed = deflateSync(raw, { level: 9 });
  const text = packed.length < raw.length ? `D${toBase64Url(packed)}` : `R${toBase64Url(raw)}`;
  return { text, skipped, withoutAnswers };
}

/** Writes the attempt after its head; returns false if its answers could not be carried. */
function writeAttempt(w: ByteWriter, spec: CatalogueActivity, attempt: Attempt, at: number, unreported: boolean): boolean {
  const whole = Number.isInteger(attempt.score) && attempt.score >= 0;
  const catalogMax = attempt.maxScore === catalogMaxScore(spec);
  const catalogVersion = attempt.contentVersion === spec.version;
  const catalogKind = attempt.activityKind === progressKind(spec);
  const flags =
    (attempt.passed ? AttemptFlag.Passed : 0) +
    (catalogVersion ? AttemptFlag.CatalogVersion : 0) +
    (whole ? AttemptFlag.WholeScore : 0) +
    (catalogMax ? AttemptFlag.CatalogMax : 0) +
    (catalogKind ? AttemptFlag.CatalogKind : 0) +
    (unreported ? AttemptFlag.Unreported : 0);
  const finished = seconds(attempt.finishedAt);
  w.uint(flags)
    .int(finished - at)
    .int(finished - seconds(attempt.startedAt));
  w.uint(whole ? attempt.score : scaled(attempt.score));
  if (!catalogMax) w.uint(scaled(attempt.maxScore));
  if (!catalogVersion) w.string(attempt.contentVersion);
  if (!catalogKind) w.uint(KINDS.indexOf(attempt.activityKind));
  const answers = encodeAnswers(spec, attempt.answers);
  w.block(answers ?? new Uint8Array());
  return answers !== undefined;
}

const scaled = (n: number): number => Math.max(0, Math.round(n * 1e4));

export type DecodeResult =
  | {
      ok: true;
      events: ProgressEvent[];
      resetAt?: string;
      trimmed: boolean;
      /** Attempts whose answers were left out because the package's activities changed since. */
      answersDropped: number;
      /** Ids (among `events`) of attempts whose interactions the LMS has not accepted yet. */
      unreported: string[];
    }
  | { ok: false; reason: 'empty' | 'format' | 'corrupt' | 'other-catalog' };

/** Reads suspend data written by `encodeSuspendData`. Never throws. */
export function decodeSuspendData(catalog: Catalogue, text: string): DecodeResult {
  if (text === '') return { ok: false, reason: 'empty' };
  const kind = text[0];
  const bytes = kind === 'D' || kind === 'R' ? fromBase64Url(text.slice(1)) : undefined;
  if (!bytes) return { ok: false, reason: 'format' };
  let raw: Uint8Array;
  try {
    raw = kind === 'D' ? inflateSync(bytes) : bytes;
  } catch {
    return { ok: false, reason: 'corrupt' };
  }
  try {
    return readLog(catalog, new ByteReader(raw));
  } catch (error) {
    if (error instanceof RangeError) return { ok: false, reason: 'corrupt' };
    throw error;
  }
}

function readLog(catalog: Catalogue, r: ByteReader): DecodeResult {
  if (r.uint() !== SUSPEND_FORMAT) return { ok: false, reason: 'format' };
  const fingerprints = catalogueFingerprints(catalog);
  if (r.uint() !== fingerprints.shape) return { ok: false, reason: 'other-catalog' };
  const sameStructure = r.uint() === fingerprints.structure;
  const flags = r.uint();
  const base = EPOCH + r.int();
  const resetAt = flags & 2 ? iso(base + r.int()) : undefined;
  const count = r.uint();
  const events: ProgressEvent[] = [];
  const seen = new Map<string, number>();
  const unreported: string[] = [];
  let answersDropped = 0;
  let at = base;
  for (let n = 0; n < count; n++) {
    const head = r.uint();
    at += r.int();
    const tag = head % 4;
    const index = Math.floor(head / 4);
    if (tag === Tag.Attempt) {
      const spec = catalog.activities[index];
      if (!spec) throw new RangeError('activity index out of range');
      const { attempt, answersKept, reported } = readAttempt(r, spec, at, sameStructure);
      if (!answersKept) answersDropped++;
      const id = eventId(seen, `a${index}`, at);
      if (!reported) unreported.push(id);
      events.push({ id, at: iso(at), type: 'attempt', attempt });
    } else if (tag === Tag.Viewed || tag === Tag.Completed) {
      const lesson = catalog.map.lessons[index];
      if (!lesson) throw new RangeError('lesson index out of range');
      const type = tag === Tag.Viewed ? 'lesson-viewed' : 'lesson-completed';
      events.push({ id: eventId(seen, `${tag === Tag.Viewed ? 'v' : 'c'}${index}`, at), at: iso(at), type, lessonId: lesson.id });
    } else {
      throw new RangeError('unknown event kind');
    }
  }
  return {
    ok: true,
    events: events.sort(compareEvents),
    ...(resetAt ? { resetAt } : {}),
    trimmed: (flags & 1) === 1,
    answersDropped,
    unreported,
  };
}

/** Ids that depend only on what an event records, so decoding the same data twice yields the same events. */
function eventId(seen: Map<string, number>, what: string, at: number): string {
  const key = `lms-${what}-${at.toString(36)}`;
  const n = seen.get(key) ?? 0;
  seen.set(key, n + 1);
  return n === 0 ? key : `${key}-${n}`;
}

function readAttempt(
  r: ByteReader,
  spec: CatalogueActivity,
  at: number,
  sameStructure: boolean,
): { attempt: Attempt; answersKept: boolean; reported: boolean } {
  const flags = r.uint();
  const finished = at + r.int();
  const started = finished - r.int();
  const score = flags & AttemptFlag.WholeScore ? r.uint() : r.uint() / 1e4;
  const maxScore = flags & AttemptFlag.CatalogMax ? catalogMaxScore(spec) : r.uint() / 1e4;
  const contentVersion = flags & AttemptFlag.CatalogVersion ? spec.version : r.string();
  const kind = flags & AttemptFlag.CatalogKind ? progressKind(spec) : KINDS[r.uint()];
  if (!kind) throw new RangeError('unknown activity kind');
  const block = r.block();
  const carried = !block.done;
  const answers = carried && sameStructure ? decodeAnswers(spec, block) : undefined;
  return {
    attempt: {
      activityId: spec.id,
      activityKind: kind,
      contentVersion,
      answers: answers ?? null,
      score,
      maxScore,
      passed: (flags & AttemptFlag.Passed) === 1,
      startedAt: iso(started),
      finishedAt: iso(finished),
    },
    answersKept: !carried || answers !== undefined,
    reported: (flags & AttemptFlag.Unreported) === 0,
  };
}
