// The SCORM suspend data of learners who finish generated courses of 44 (today's size), 130
// (three times) and 200 lessons: its length in full, and cut down to fit SCORM 1.2's 4,096
// characters (`fitSuspendData`), with and without a year of spaced reviews in the log.
//
// The courses and learners come from tests/fixtures/generated-course.ts (built by hand, not by the
// codec). The reviews are a model of a learner who, after finishing, opens the daily review on
// about one day in three for a year and answers a handful of questions each time (`review` events
// as the review page writes them; which items FSRS would pick does not change their size much).
import { fitSuspendData, TRIM_STEPS } from '../../src/domain/scorm/fit-suspend-data.ts';
import { encodeSuspendData, SCORM12_SUSPEND_LIMIT } from '../../src/domain/scorm/suspend-data.ts';
import type { Catalogue } from '../../src/domain/catalogue.ts';
import type { ProgressEvent } from '../../src/domain/progress/events.ts';
import { generatedCatalog, generatedLog, rng, type GeneratedLearnerOptions } from '../fixtures/generated-course.ts';

export const SUSPEND_BENCH_LESSONS = [44, 130, 200] as const;

const LEARNERS: Record<string, Omit<GeneratedLearnerOptions, 'seed'>> = {
  typical: {},
  struggling: { skill: 0.3, maxAttempts: 4, improve: 0.3, revisit: 0.2 },
};

export interface SuspendRow {
  lessons: number;
  activities: number;
  learner: string;
  events: number;
  /** Length of the whole log, uncut. */
  full: number;
  /** Length sent to a SCORM 1.2 LMS, and the trim level it took. */
  fitted: number;
  level: number;
  /** The same with a year of reviews in the log, and how many of them still fitted. */
  withReviews: number;
  levelWithReviews: number;
  reviews: number;
  reviewsKept: number;
}

/** A year of spaced reviews after the course: on about one day in three, three to eight questions. */
export function modelledReviews(catalog: Catalogue, seed: number, after: string): ProgressEvent[] {
  const r = rng(seed);
  const items = catalog.activities.flatMap((a) => (a.kind === 'quiz' ? a.questions.map((q) => `${a.id}/${q.id}`) : []));
  const start = Date.parse(after);
  const events: ProgressEvent[] = [];
  for (let day = 1; day <= 365; day++) {
    if (!r.chance(1 / 3)) continue;
    const count = 3 + r.int(6);
    for (let n = 0; n < count; n++) {
      const rating = r.chance(0.8) ? 3 : 1;
      events.push({
        id: `review-${day}-${n}`,
        at: new Date(start + day * 86_400_000 + n * (20_000 + r.int(40_000))).toISOString(),
        type: 'review',
        itemId: items[r.int(items.length)]!,
        rating,
        correct: rating === 3,
      });
    }
  }
  return events;
}

export function suspendBench(): SuspendRow[] {
  const rows: SuspendRow[] = [];
  for (const lessons of SUSPEND_BENCH_LESSONS) {
    const catalog = generatedCatalog(lessons);
    for (const [learner, options] of Object.entries(LEARNERS)) {
      const log = generatedLog(catalog, { seed: lessons, ...options });
      const fit = fitSuspendData(catalog, log, SCORM12_SUSPEND_LIMIT);
      const year = modelledReviews(catalog, lessons, log.events.at(-1)?.at ?? new Date(0).toISOString());
      const reviews = fitSuspendData(catalog, { ...log, events: [...log.events, ...year] }, SCORM12_SUSPEND_LIMIT);
      rows.push({
        lessons,
        activities: catalog.activities.length,
        learner,
        events: log.events.length,
        full: encodeSuspendData(catalog, log).text.length,
        fitted: fit.ok ? fit.text.length : NaN,
        level: fit.ok ? fit.level : NaN,
        withReviews: reviews.ok ? reviews.text.length : NaN,
        levelWithReviews: reviews.ok ? reviews.level : NaN,
        reviews: year.length,
        reviewsKept: reviews.ok ? year.length - reviews.reviewsLeftOut : 0,
      });
    }
  }
  return rows;
}

export function printSuspendBench(rows: readonly SuspendRow[]): void {
  console.log(`\nSCORM suspend data (chars; SCORM 1.2 allows ${SCORM12_SUSPEND_LIMIT}), generated courses:`);
  console.log('lessons  activities  learner     events   full   sent (trim level)   + a year of reviews (level, reviews kept?)');
  for (const r of rows) {
    console.log(
      `${String(r.lessons).padStart(7)}  ${String(r.activities).padStart(10)}  ${r.learner.padEnd(10)}  ${String(r.events).padStart(6)}  ${String(r.full).padStart(5)}  ${String(r.fitted).padStart(5)} (${r.level})           ${String(r.withReviews).padStart(5)} (${r.levelWithReviews}, ${r.reviewsKept} of ${r.reviews} reviews kept)`,
    );
  }
  const levels = [...new Set(rows.flatMap((r) => [r.level, r.levelWithReviews]))].sort();
  for (const level of levels) console.log(`  level ${level}: ${TRIM_STEPS[level as keyof typeof TRIM_STEPS] ?? 'did not fit'}`);
}
