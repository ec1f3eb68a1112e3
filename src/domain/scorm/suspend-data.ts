import { deflateSync, inflateSync } from 'fflate';
import type { ActivityKind, Attempt, ProgressEvent, ProgressLog } from '../progress/events.ts';
import { compareEvents } from '../progress/events.ts';
import { decodeAnswers, encodeAnswers, type AnswerCoding } from './answer-codec.ts';
import { ByteReader, ByteWriter, fromBase64Url, toBase64Url } from './bytes.ts';
import { decodeReviews, encodeReviews } from './review-section.ts';
import { catalogueFingerprints, lessonCheckId, type CatalogueActivity, type Catalogue } from '../catalogue.ts';

/**
 * The progress log as SCORM suspend data: compact enough that a finished course three times
 * today's size fits SCORM 1.2's 4,096 characters (see `fit-suspend-data.ts` for what is left out
 * when a log does not fit).
 *
 * Text: one format character, then base64url. "D" + deflated bytes, or "R" + raw bytes when
 * deflating would not make them smaller.
 *
 * Bytes, format 2 (varints throughout, see `bytes.ts`; "t" is zigzag seconds from the time
 * before it in the same column, starting at the base time):
 *   format (2) · shape fingerprint · structure fingerprint · flags (1 = trimmed, 2 = has reset)
 *   · base time (zigzag seconds since 2024-01-01 UTC) · [reset time − base]
 *   · sections, each: tag · length-prefixed bytes. A reader skips a section whose tag it does
 *     not know, so a new kind of record (as the spaced reviews were) is added as a new section
 *     without breaking older packages; a change old readers would misread bumps the format.
 *     Section 1, lessons, in catalog order, as two columns:
 *       counts: per lesson, visits · completions
 *       times: per lesson, each visit's t then each completion's t, each list in time order
 *     Section 2, attempts, in time order, as columns (each a length-prefixed block):
 *       count · activity index · t of the event · flags (as format 1) · finishedAt − event time
 *       · duration · score (whole, or ×10⁴) · exceptions ([maxScore ×10⁴] · [version] · [kind],
 *       as the flags say) · answers (length-prefixed, empty: none; `answer-codec.ts`, relative)
 *   Columns put alike values together (flags, small deltas, right answers), which deflate
 *   squeezes far better than the same values interleaved.
 *   Section 3, the spaced reviews (`review-section.ts`), written only when the log has any; the
 *     first thing left out when space runs out (`fit-suspend-data.ts`). Packages that predate it
 *     hand it on unread, as any section of a kind they do not know.
 *
 * Format 1 (packages before format 2; still read, never written): the same header with format
 * 1, then an event count and the events in canonical order, each: head = kind (0 viewed,
 * 1 completed, 2 attempt) + 4 × lesson or activity index · seconds since the previous event
 * (zigzag); attempts continue with the format-2 attempt fields in that order and their answers
 * in the absolute coding.
 *
 * What is not carried: event ids (decoded events get ids derived from what they record, the
 * same in both formats, so a resume merges idempotently), times below a second, the learner
 * profile (the LMS supplies the learner), and lessons or activities the catalog does not know.
 */

export const SUSPEND_FORMAT = 2;
const FORMAT_1 = 1;
/** SCORM 1.2's `cmi.suspend_data` is a CMIString4096. */
export const SCORM12_SUSPEND_LIMIT = 4096;
/** SCORM 2004 guarantees 64,000 characters. */
export const SCORM2004_SUSPEND_LIMIT = 64000;

const EPOCH = Date.UTC(2024, 0, 1) / 1000;
const KINDS: readonly ActivityKind[] = ['quiz', 'assessment', 'scenario'];
const Tag = { Viewed: 0, Completed: 1, Attempt: 2 } as const;
const Section = { Lessons: 1, Attempts: 2, Reviews: 3 } as const;
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
  /** Sections of kinds this file does not own (tag ≥ 4), written as given after the lessons, attempts and reviews. */
  sections?: readonly ExtraSection[];
  /** Carry only this many of the latest spaced reviews (to make room; see `fit-suspend-data.ts`); all when not given. */
  latestReviews?: number;
}

/** A section of the suspend data owned elsewhere: a tag of its own (4 and up) and its bytes. */
export interface ExtraSection {
  tag: number;
  bytes: Uint8Array;
}

/** Encodes the events of a log (learner profiles are left out). */
export function encodeSuspendData(
  catalog: Catalogue,
  log: Pick<ProgressLog, 'events' | 'resetAt'>,
  { trimmed = false, unreported, sections = [], latestReviews = Infinity }: EncodeOptions = {},
): EncodeResult {
  const lessonIndex = new Map(catalog.map.lessons.map((l, i) => [l.id, i]));
  const activityIndex = new Map(catalog.activities.map((a, i) => [a.id, i]));
  const fingerprints = fingerprintsOf(catalog);
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

  // Lessons: per lesson its visits and completions.
  const visits = catalog.map.lessons.map((): number[] => []);
  const completions = catalog.map.lessons.map((): number[] => []);
  for (const e of carried) {
    if (e.type === 'lesson-viewed') visits[lessonIndex.get(e.lessonId)!]!.push(seconds(e.at));
    if (e.type === 'lesson-completed') completions[lessonIndex.get(e.lessonId)!]!.push(seconds(e.at));
  }
  const counts = new ByteWriter();
  const times = new TimeColumn(base);
  catalog.map.lessons.forEach((_, i) => {
    counts.uint(visits[i]!.length).uint(completions[i]!.length);
    for (const t of [...visits[i]!, ...completions[i]!]) times.add(t);
  });
  w.uint(Section.Lessons).block(columns(counts, times.w));

  // Attempts, in time order.
  const attempts = carried.filter((e) => e.type === 'attempt');
  const col = attemptColumns();
  const at = new TimeColumn(base);
  const rank = courseRank(catalog);
  let previousRank = 0;
  for (const event of attempts) {
    const index = activityIndex.get(event.attempt.activityId)!;
    col.index.int(rank[index]! - previousRank);
    previousRank = rank[index]!;
    at.add(seconds(event.at));
    if (!writeAttempt(col, catalog.activities[index]!, event.attempt, seconds(event.at), unreported?.has(event.id) ?? false))
      withoutAnswers++;
  }
  w.uint(Section.Attempts).block(
    columns(
      new ByteWriter().uint(attempts.length),
      col.index,
      at.w,
      col.flags,
      col.finished,
      col.duration,
      col.score,
      col.extra,
      col.answers,
    ),
  );

  const allReviews = carried.flatMap((e) => (e.type === 'review' ? [{ ...e, at: seconds(e.at) }] : []));
  const reviews = allReviews.slice(Math.max(0, allReviews.length - latestReviews));
  if (reviews.length > 0) w.uint(Section.Reviews).block(encodeReviews(reviews, base));

  for (const section of sections) {
    if (section.tag <= Section.Reviews) throw new RangeError(`section tag ${section.tag} is taken`);
    w.uint(section.tag).block(section.bytes);
  }

  const raw = w.toBytes();
  const packed = deflateSync(raw, { level: 9 });
  const text = packed.length < raw.length ? `D${toBase64Url(packed)}` : `R${toBase64Url(raw)}`;
  return { text, skipped, withoutAnswers };
}

/**
 * Catalog indices of the activities in roughly the order a learner meets them: each lesson's
 * knowledge check (`kc-<lesson>`) in lesson order, then the rest in catalog order. Attempts are
 * written as steps along this order (mostly +1 or 0) instead of catalog indices, which are sorted
 * by id and jump about. Part of format 2: it depends only on what the shape fingerprint covers
 * (lesson ids in order, activity ids), so a package that reads the data orders it the same way;
 * changing it needs a new format number.
 */
function courseOrder(catalog: Catalogue): readonly number[] {
  const known = orderCache.get(catalog);
  if (known) return known;
  const index = new Map(catalog.activities.map((a, i) => [a.id, i]));
  const order: number[] = [];
  const placed = new Set<number>();
  const add = (id: string) => {
    const i = index.get(id);
    if (i === undefined || placed.has(i)) return;
    order.push(i);
    placed.add(i);
  };
  for (const lesson of catalog.map.lessons) add(lessonCheckId(lesson.id));
  catalog.activities.forEach((a) => add(a.id));
  orderCache.set(catalog, order);
  return order;
}
const orderCache = new WeakMap<Catalogue, readonly number[]>();

/** The catalog's fingerprints, worked out once per catalog (hashing a large catalog takes a while). */
function fingerprintsOf(catalog: Catalogue): { shape: number; structure: number } {
  const known = fingerprintCache.get(catalog);
  if (known) return known;
  const computed = catalogueFingerprints(catalog);
  fingerprintCache.set(catalog, computed);
  return computed;
}
const fingerprintCache = new WeakMap<Catalogue, { shape: number; structure: number }>();

/** The inverse of `courseOrder`: each catalog index's position in it. */
function courseRank(catalog: Catalogue): number[] {
  const rank: number[] = [];
  courseOrder(catalog).forEach((i, r) => (rank[i] = r));
  return rank;
}

/** Times written as differences from the one before. */
class TimeColumn {
  readonly w = new ByteWriter();
  private previous: number;
  constructor(start: number) {
    this.previous = start;
  }
  add(t: number): void {
    this.w.int(t - this.previous);
    this.previous = t;
  }
}

const attemptColumns = () => ({
  index: new ByteWriter(),
  flags: new ByteWriter(),
  finished: new ByteWriter(),
  duration: new ByteWriter(),
  score: new ByteWriter(),
  extra: new ByteWriter(),
  answers: new ByteWriter(),
});
type AttemptColumns = ReturnType<typeof attemptColumns>;

/** Columns one after the other, each length-prefixed. */
function columns(...writers: ByteWriter[]): Uint8Array {
  const w = new ByteWriter();
  for (const c of writers) w.block(c.toBytes());
  return w.toBytes();
}

/** Attempt flags (format 1 and 2). */
function attemptFlags(spec: CatalogueActivity, attempt: Attempt, unreported: boolean) {
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
  return { flags, whole, catalogMax, catalogVersion, catalogKind };
}

/** Writes the attempt's fields into their columns; returns false if its answers could not be carried. */
function writeAttempt(col: AttemptColumns, spec: CatalogueActivity, attempt: Attempt, at: number, unreported: boolean): boolean {
  const { flags, whole, catalogMax, catalogVersion, catalogKind } = attemptFlags(spec, attempt, unreported);
  const finished = seconds(attempt.finishedAt);
  col.flags.uint(flags);
  col.finished.int(finished - at);
  col.duration.int(finished - seconds(attempt.startedAt));
  col.score.uint(whole ? attempt.score : scaled(attempt.score));
  if (!catalogMax) col.extra.uint(scaled(attempt.maxScore));
  if (!catalogVersion) col.extra.string(attempt.contentVersion);
  if (!catalogKind) col.extra.uint(KINDS.indexOf(attempt.activityKind));
  const answers = encodeAnswers(spec, attempt.answers, 'relative');
  col.answers.block(answers ?? new Uint8Array());
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
      /** Sections of kinds this file does not read (tag ≥ 4), as they were written. */
      sections: ExtraSection[];
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
  const format = r.uint();
  if (format !== SUSPEND_FORMAT && format !== FORMAT_1) return { ok: false, reason: 'format' };
  const fingerprints = fingerprintsOf(catalog);
  if (r.uint() !== fingerprints.shape) return { ok: false, reason: 'other-catalog' };
  const sameStructure = r.uint() === fingerprints.structure;
  const flags = r.uint();
  const base = EPOCH + r.int();
  const resetAt = flags & 2 ? iso(base + r.int()) : undefined;
  const body = format === FORMAT_1 ? readEvents1(catalog, r, base, sameStructure) : readSections(catalog, r, base, sameStructure);
  return {
    ok: true,
    events: body.events.sort(compareEvents),
    ...(resetAt ? { resetAt } : {}),
    trimmed: (flags & 1) === 1,
    answersDropped: body.answersDropped,
    unreported: body.unreported,
    sections: body.sections,
  };
}

interface Body {
  events: ProgressEvent[];
  answersDropped: number;
  unreported: string[];
  sections: ExtraSection[];
}

/** Format 2's sections. */
function readSections(catalog: Catalogue, r: ByteReader, base: number, sameStructure: boolean): Body {
  const body: Body = { events: [], answersDropped: 0, unreported: [], sections: [] };
  const seen = new Map<string, number>();
  while (!r.done) {
    const tag = r.uint();
    const section = r.block();
    if (tag === Section.Lessons) {
      const [counts, times] = [section.block(), section.block()];
      let t = base;
      catalog.map.lessons.forEach((lesson, index) => {
        const [visits, completions] = [counts.uint(), counts.uint()];
        for (let n = 0; n < visits + completions; n++) {
          t += times.int();
          const viewed = n < visits;
          body.events.push({
            id: eventId(seen, `${viewed ? 'v' : 'c'}${index}`, t),
            at: iso(t),
            type: viewed ? 'lesson-viewed' : 'lesson-completed',
            lessonId: lesson.id,
          });
        }
      });
    } else if (tag === Section.Attempts) {
      const count = section.block().uint();
      const [index, times, flags, finished, duration, score, extra, answers] = Array.from({ length: 8 }, () => section.block());
      let t = base;
      const byRank = courseOrder(catalog);
      let rank = 0;
      for (let n = 0; n < count; n++) {
        rank += index!.int();
        const i = byRank[rank];
        const spec = i === undefined ? undefined : catalog.activities[i];
        if (i === undefined || !spec) throw new RangeError('activity index out of range');
        t += times!.int();
        const fields = { flags: flags!.uint(), finishedDelta: finished!.int(), duration: duration!.int() };
        const read = readAttempt(spec, t, fields, score!, extra!, () => answers!.block(), sameStructure ? 'relative' : undefined);
        pushAttempt(body, seen, i, t, read);
      }
    } else if (tag === Section.Reviews) {
      for (const { itemId, at, rating, correct } of decodeReviews(section, base)) {
        body.events.push({ id: eventId(seen, `r-${itemId}`, at), at: iso(at), type: 'review', itemId, rating, correct });
      }
    } else {
      // A section of a kind a later package added: handed on as it is.
      body.sections.push({ tag, bytes: section.rest() });
    }
  }
  return body;
}

function pushAttempt(body: Body, seen: Map<string, number>, index: number, at: number, read: ReturnType<typeof readAttempt>): void {
  if (!read.answersKept) body.answersDropped++;
  const id = eventId(seen, `a${index}`, at);
  if (!read.reported) body.unreported.push(id);
  body.events.push({ id, at: iso(at), type: 'attempt', attempt: read.attempt });
}

/** Format 1's event stream. */
function readEvents1(catalog: Catalogue, r: ByteReader, base: number, sameStructure: boolean): Body {
  const count = r.uint();
  const body: Body = { events: [], answersDropped: 0, unreported: [], sections: [] };
  const { events } = body;
  const seen = new Map<string, number>();
  let at = base;
  for (let n = 0; n < count; n++) {
    const head = r.uint();
    at += r.int();
    const tag = head % 4;
    const index = Math.floor(head / 4);
    if (tag === Tag.Attempt) {
      const spec = catalog.activities[index];
      if (!spec) throw new RangeError('activity index out of range');
      const fields = { flags: r.uint(), finishedDelta: r.int(), duration: r.int() };
      pushAttempt(
        body,
        seen,
        index,
        at,
        readAttempt(spec, at, fields, r, r, () => r.block(), sameStructure ? 'absolute' : undefined),
      );
    } else if (tag === Tag.Viewed || tag === Tag.Completed) {
      const lesson = catalog.map.lessons[index];
      if (!lesson) throw new RangeError('lesson index out of range');
      const type = tag === Tag.Viewed ? 'lesson-viewed' : 'lesson-completed';
      events.push({ id: eventId(seen, `${tag === Tag.Viewed ? 'v' : 'c'}${index}`, at), at: iso(at), type, lessonId: lesson.id });
    } else {
      throw new RangeError('unknown event kind');
    }
  }
  return body;
}

/** Ids that depend only on what an event records, so decoding the same data twice yields the same events. */
function eventId(seen: Map<string, number>, what: string, at: number): string {
  const key = `lms-${what}-${at.toString(36)}`;
  const n = seen.get(key) ?? 0;
  seen.set(key, n + 1);
  return n === 0 ? key : `${key}-${n}`;
}

/** An attempt from its fields; answers are decoded only if the catalog's structure is the writer's (`coding` given). */
function readAttempt(
  spec: CatalogueActivity,
  at: number,
  { flags, finishedDelta, duration }: { flags: number; finishedDelta: number; duration: number },
  score: ByteReader,
  extra: ByteReader,
  answerBlock: () => ByteReader,
  coding: AnswerCoding | undefined,
): { attempt: Attempt; answersKept: boolean; reported: boolean } {
  const finished = at + finishedDelta;
  const started = finished - duration;
  const points = flags & AttemptFlag.WholeScore ? score.uint() : score.uint() / 1e4;
  const maxScore = flags & AttemptFlag.CatalogMax ? catalogMaxScore(spec) : extra.uint() / 1e4;
  const contentVersion = flags & AttemptFlag.CatalogVersion ? spec.version : extra.string();
  const kind = flags & AttemptFlag.CatalogKind ? progressKind(spec) : KINDS[extra.uint()];
  if (!kind) throw new RangeError('unknown activity kind');
  const block = answerBlock();
  const carried = !block.done;
  const answers = carried && coding ? decodeAnswers(spec, block, coding) : undefined;
  return {
    attempt: {
      activityId: spec.id,
      activityKind: kind,
      contentVersion,
      answers: answers ?? null,
      score: points,
      maxScore,
      passed: (flags & AttemptFlag.Passed) === 1,
      startedAt: iso(started),
      finishedAt: iso(finished),
    },
    answersKept: !carried || answers !== undefined,
    reported: (flags & AttemptFlag.Unreported) === 0,
  };
}
