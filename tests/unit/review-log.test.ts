import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import type { ProgressEvent } from '../../src/domain/progress/events.ts';
import { mergeLogs } from '../../src/domain/progress/merge.ts';
import { parseProgress } from '../../src/domain/progress/parse.ts';
import { completionRecord } from '../../src/domain/records/completion-record.ts';
import { readCompletionRecord } from '../../src/domain/records/read-record.ts';
import { mergeResumed } from '../../src/domain/scorm/resume.ts';
import { fitSuspendData } from '../../src/domain/scorm/fit-suspend-data.ts';
import { decodeSuspendData, encodeSuspendData, SCORM12_SUSPEND_LIMIT } from '../../src/domain/scorm/suspend-data.ts';
import { generatedCatalog, generatedLog } from '../fixtures/generated-course.ts';
import { catalog, finishedCourse } from '../fixtures/scorm-course.ts';
import { learnerSet, minute, progressLog } from '../fixtures/progress-events.ts';

const courseId = catalog.course.id;
const quiz = catalog.activities.find((a) => a.kind === 'quiz')!;
const itemIds = catalog.activities.flatMap((a) => (a.kind === 'quiz' ? a.questions.map((q) => `${a.id}/${q.id}`) : []));

const review = (id: string, at: number, itemId = `${quiz.id}/q1`, rating: 1 | 2 | 3 = 1): ProgressEvent => ({
  id,
  at: minute(at),
  type: 'review',
  itemId,
  rating,
  correct: rating === 3,
});

describe('review events in the progress log', () => {
  it('are read back from storage, and a malformed one is refused with its place in the log', () => {
    const log = progressLog(courseId, [review('r1', 1), review('r2', 2, `${quiz.id}/q2`, 3)]);
    const read = parseProgress(JSON.stringify(log), courseId);
    expect(read.ok && read.log.events).toEqual(log.events);
    for (const bad of [{ rating: 5 }, { rating: 0 }, { itemId: '' }, { correct: 'yes' }]) {
      const broken = { ...log, events: [log.events[0], { ...log.events[1], ...bad }] };
      expect(parseProgress(JSON.stringify(broken), courseId)).toEqual({ ok: false, reason: 'invalid', detail: '2' });
    }
  });

  it('from two tabs merge into one log holding each review once', () => {
    const a = progressLog(courseId, [review('r1', 1), review('r2', 2)]);
    const b = progressLog(courseId, [review('r2', 2), review('r3', 3)]);
    expect(mergeLogs(a, b).events.map((e) => e.id)).toEqual(['r1', 'r2', 'r3']);
    expect(mergeLogs(b, a)).toEqual(mergeLogs(a, b));
  });
});

describe('review events in the completion record', () => {
  const log = progressLog(courseId, [
    learnerSet('l', 0, { name: '王小明', employeeId: 'E1', department: '' }),
    review('r1', 1),
    review('r2', 2),
  ]);
  const schema = JSON.parse(readFileSync('src/schemas/completion-record.schema.json', 'utf8')) as object;
  const validate = new Ajv2020({ allErrors: true }).compile(schema);

  it('are exported, each with its id, time, item and grade, and the record passes the published schema', () => {
    const record = completionRecord(log, catalog.course, catalog.map, minute(10));
    expect(record.reviews).toEqual([
      { id: 'r1', at: minute(1), itemId: `${quiz.id}/q1`, rating: 1, correct: false },
      { id: 'r2', at: minute(2), itemId: `${quiz.id}/q1`, rating: 1, correct: false },
    ]);
    expect(validate(record)).toBe(true);
    expect(readCompletionRecord(JSON.stringify(record)).ok).toBe(true);
  });

  it('are absent from a record without reviews, and a record from before reviews existed still reads', () => {
    const older = completionRecord(progressLog(courseId, [log.events[0]!]), catalog.course, catalog.map, minute(10));
    expect(older).not.toHaveProperty('reviews');
    expect(validate(older)).toBe(true);
    expect(readCompletionRecord(JSON.stringify(older)).ok).toBe(true);
  });

  it('of the wrong shape make the record invalid, for the reader and the schema alike', () => {
    const record = completionRecord(log, catalog.course, catalog.map, minute(10));
    const broken = { ...record, reviews: [{ ...record.reviews![0], rating: 7 }] };
    expect(readCompletionRecord(JSON.stringify(broken)).ok).toBe(false);
    expect(validate(broken)).toBe(false);
  });
});

describe('review events in SCORM suspend data', () => {
  const second = (iso: string) => iso.slice(0, 19);
  const reviewsOf = (events: readonly ProgressEvent[]) =>
    events.flatMap((e) => (e.type === 'review' ? [[second(e.at), e.itemId, e.rating, e.correct]] : []));

  it('travel to the LMS and back, and a resume joins them without doubling', () => {
    const base = finishedCourse({ seed: 3 });
    const start = Date.parse(base.events.at(-1)!.at);
    const reviews = Array.from({ length: 12 }, (_, n): ProgressEvent => ({
      id: `r${n}`,
      at: new Date(start + (n + 1) * 86_400_000 + n * 7_000).toISOString(),
      type: 'review',
      itemId: itemIds[(n * 7) % itemIds.length]!,
      rating: ((n % 3) + 1) as 1 | 2 | 3,
      correct: n % 3 === 2,
    }));
    const log = { ...base, events: [...base.events, ...reviews] };
    const decoded = decodeSuspendData(catalog, encodeSuspendData(catalog, log).text);
    if (!decoded.ok) throw new Error(decoded.reason);
    expect(reviewsOf(decoded.events)).toEqual(reviewsOf(reviews));
    expect(decoded.sections).toEqual([]);
    const resumed = mergeResumed(log, decoded);
    expect(reviewsOf(resumed.events)).toEqual(reviewsOf(reviews));
    expect(mergeResumed({ ...base, events: [] }, decoded).events.filter((e) => e.type === 'review')).toHaveLength(12);
  });

  /** Two years of reviews after a course, one every nine hours: far more than fits beside it in SCORM 1.2. */
  const manyReviews = (after: string, count = 2000, ids = itemIds) =>
    Array.from({ length: count }, (_, n): ProgressEvent => ({
      id: `r${n}`,
      at: new Date(Date.parse(after) + (n + 1) * 9 * 3_600_000 + (n % 13) * 1_000).toISOString(),
      type: 'review',
      itemId: ids[(n * 31) % ids.length]!,
      rating: ((n % 3) + 1) as 1 | 2 | 3,
      correct: n % 3 === 2,
    }));

  it('that do not all fit SCORM 1.2’s 4,096 characters are cut first, oldest first, and nothing else is', () => {
    const base = finishedCourse({ seed: 5 });
    const reviews = manyReviews(base.events.at(-1)!.at);
    const alone = fitSuspendData(catalog, base, SCORM12_SUSPEND_LIMIT);
    const fit = fitSuspendData(catalog, { ...base, events: [...base.events, ...reviews] }, SCORM12_SUSPEND_LIMIT);
    if (!fit.ok || !alone.ok) throw new Error('does not fit');
    expect(alone.level).toBe(0);
    expect(fit.level).toBe(0);
    expect(fit.text.length).toBeLessThanOrEqual(SCORM12_SUSPEND_LIMIT);
    expect(fit.reviewsLeftOut).toBeGreaterThan(0);
    expect(fit.reviewsLeftOut).toBeLessThan(reviews.length);
    const decoded = decodeSuspendData(catalog, fit.text);
    if (!decoded.ok) throw new Error(decoded.reason);
    expect(decoded.trimmed).toBe(true);
    expect(reviewsOf(decoded.events)).toEqual(reviewsOf(reviews.slice(fit.reviewsLeftOut)));
    const rest = (events: readonly ProgressEvent[]) => events.filter((e) => e.type !== 'review' && e.type !== 'learner-set').length;
    expect(rest(decoded.events)).toBe(rest(base.events));
  });

  it('are all left out before a course that itself needs cutting loses anything more', () => {
    // A course three times this one, and a learner who needed many attempts: over 12,000 characters in full.
    const big = generatedCatalog(130);
    const base = generatedLog(big, { seed: 4, skill: 0.3, maxAttempts: 4, improve: 0.3, revisit: 0.2 });
    const ids = big.activities.flatMap((a) => (a.kind === 'quiz' ? a.questions.map((q) => `${a.id}/${q.id}`) : []));
    const alone = fitSuspendData(big, base, SCORM12_SUSPEND_LIMIT);
    const reviews = manyReviews(base.events.at(-1)!.at, 50, ids);
    const fit = fitSuspendData(big, { ...base, events: [...base.events, ...reviews] }, SCORM12_SUSPEND_LIMIT);
    if (!fit.ok || !alone.ok) throw new Error('does not fit');
    expect(alone.level).toBeGreaterThan(0);
    expect(fit.reviewsLeftOut).toBe(50);
    expect(fit.level).toBe(alone.level);
    expect(fit.text).toBe(alone.text);
  });

  it('stay when they fit', () => {
    const base = finishedCourse({ seed: 5 });
    const fit = fitSuspendData(catalog, { ...base, events: [...base.events, review('r1', 1)] }, SCORM12_SUSPEND_LIMIT);
    expect(fit.ok && fit.reviewsLeftOut).toBe(0);
    const decoded = fit.ok ? decodeSuspendData(catalog, fit.text) : undefined;
    expect(decoded?.ok && reviewsOf(decoded.events)).toEqual([[second(minute(1)), `${quiz.id}/q1`, 1, false]]);
  });
});
