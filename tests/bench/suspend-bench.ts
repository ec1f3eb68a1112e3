// The SCORM suspend data of learners who finish generated courses of 44 (today's size), 130
// (three times) and 200 lessons: its length in full, and cut down to fit SCORM 1.2's 4,096
// characters (`fitSuspendData`), with and without a year of spaced-review state beside it.
//
// The courses and learners come from tests/fixtures/generated-course.ts (built by hand, not by the
// codec). The review state is a model, since the review feature (issue 16) does not exist yet:
// the compact form `fit-suspend-data.ts` expects, one section with per activity its Leitner box
// and the day of its last review, and a 366-bit map of the days the learner reviewed at all,
// simulated for a learner who reviews for a year after finishing.
import { fitSuspendData, TRIM_STEPS } from '../../src/domain/scorm/fit-suspend-data.ts';
import { encodeSuspendData, SCORM12_SUSPEND_LIMIT, type ExtraSection } from '../../src/domain/scorm/suspend-data.ts';
import { ByteWriter } from '../../src/domain/scorm/bytes.ts';
import type { Catalogue } from '../../src/domain/catalogue.ts';
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
  /** The same with a year of review state beside it. */
  withReviews: number;
  levelWithReviews: number;
}

/** A year of spaced review after the course, as the compact section the suspend data would carry. */
export function modelledReviewSection(catalog: Catalogue, seed: number): ExtraSection {
  const r = rng(seed);
  const days = new Uint8Array(46);
  const boxes = new ByteWriter();
  const last = new ByteWriter();
  for (const _ of catalog.activities) {
    let box = 1;
    let day = r.int(14);
    let lastDay = 0;
    while (day < 366) {
      lastDay = day;
      days[day >> 3]! |= 1 << (day & 7);
      box = r.chance(0.8) ? Math.min(box + 1, 6) : 1;
      day += 2 ** box + r.int(3);
    }
    boxes.uint(box);
    last.uint(lastDay);
  }
  const bytes = new ByteWriter().block(boxes.toBytes()).block(last.toBytes()).block(days).toBytes();
  return { tag: 3, bytes };
}

export function suspendBench(): SuspendRow[] {
  const rows: SuspendRow[] = [];
  for (const lessons of SUSPEND_BENCH_LESSONS) {
    const catalog = generatedCatalog(lessons);
    for (const [learner, options] of Object.entries(LEARNERS)) {
      const log = generatedLog(catalog, { seed: lessons, ...options });
      const fit = fitSuspendData(catalog, log, SCORM12_SUSPEND_LIMIT);
      const reviews = fitSuspendData(catalog, log, SCORM12_SUSPEND_LIMIT, undefined, [modelledReviewSection(catalog, lessons)]);
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
      });
    }
  }
  return rows;
}

export function printSuspendBench(rows: readonly SuspendRow[]): void {
  console.log(`\nSCORM suspend data (chars; SCORM 1.2 allows ${SCORM12_SUSPEND_LIMIT}), generated courses:`);
  console.log('lessons  activities  learner     events   full   sent (trim level)   + a year of reviews (level)');
  for (const r of rows) {
    console.log(
      `${String(r.lessons).padStart(7)}  ${String(r.activities).padStart(10)}  ${r.learner.padEnd(10)}  ${String(r.events).padStart(6)}  ${String(r.full).padStart(5)}  ${String(r.fitted).padStart(5)} (${r.level})           ${String(r.withReviews).padStart(5)} (${r.levelWithReviews})`,
    );
  }
  const levels = [...new Set(rows.flatMap((r) => [r.level, r.levelWithReviews]))].sort();
  for (const level of levels) console.log(`  level ${level}: ${TRIM_STEPS[level as keyof typeof TRIM_STEPS] ?? 'did not fit'}`);
}
