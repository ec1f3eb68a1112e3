import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ProgressEvent } from '../../src/domain/progress/events.ts';
import { activityResults, completionStatus, lessonProgress } from '../../src/domain/progress/reducers.ts';
import type { Catalogue } from '../../src/domain/catalogue.ts';
import { fitSuspendData, TRIM_LEVELS, trimEvents } from '../../src/domain/scorm/fit-suspend-data.ts';
import { decodeSuspendData, SCORM12_SUSPEND_LIMIT } from '../../src/domain/scorm/suspend-data.ts';
import { generatedCatalog, generatedLog } from '../fixtures/generated-course.ts';
import { catalog, finishedCourse } from '../fixtures/scorm-course.ts';

const second = (iso: string | undefined) => iso?.slice(0, 19) ?? null;

/**
 * What a learner's record shows: every lesson completion, and per activity its best result and
 * its first pass (score, when, and the answers that earned it).
 */
function record(of: Catalogue, events: readonly ProgressEvent[]) {
  const completions = events.flatMap((e) => (e.type === 'lesson-completed' ? [`${e.lessonId}@${second(e.at)}`] : [])).sort();
  const firstPass = new Map<string, ProgressEvent>();
  for (const e of [...events].sort((a, b) => (a.at < b.at ? -1 : 1)))
    if (e.type === 'attempt' && e.attempt.passed && !firstPass.has(e.attempt.activityId)) firstPass.set(e.attempt.activityId, e);
  const results = [...activityResults(events)]
    .map(([id, r]) => {
      const pass = firstPass.get(id);
      return {
        id,
        best: [r.best.score, r.best.maxScore, second(r.best.finishedAt)],
        firstPass: pass?.type === 'attempt' ? [pass.attempt.score, second(pass.attempt.finishedAt)] : null,
        passedAt: second(r.passedAt),
      };
    })
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  return { completions, results, met: completionStatus(of.map, of.rule, events).met };
}

describe('suspend data that would not fit', () => {
  // Three times today's course, a learner who needed many attempts and came back to improve: over 12,000 characters in full.
  const big = generatedCatalog(130);
  const struggler = generatedLog(big, { seed: 4, skill: 0.3, maxAttempts: 4, improve: 0.3, revisit: 0.2 });

  it('is cut down to fit SCORM 1.2, keeping every completion and every activity’s best and first passing result, with their answers', () => {
    const fit = fitSuspendData(big, struggler, SCORM12_SUSPEND_LIMIT);
    expect(fit.ok).toBe(true);
    if (!fit.ok) return;
    expect(fit.level).toBeGreaterThan(0);
    expect(fit.level).toBeLessThanOrEqual(4);
    expect(fit.text.length).toBeLessThanOrEqual(SCORM12_SUSPEND_LIMIT);
    const decoded = decodeSuspendData(big, fit.text);
    expect(decoded.ok && decoded.trimmed).toBe(true);
    if (!decoded.ok) return;
    expect(record(big, decoded.events)).toEqual(record(big, struggler.events));
    expect(record(big, decoded.events).met).toBe(true);
    // The best attempts travel with their answers.
    const bests = [...activityResults(decoded.events).values()].map((r) => r.best);
    expect(bests.every((a) => a.answers !== null)).toBe(true);
  });

  it('keeps every completion and each activity’s best and first passing result for any course up to 200 lessons, however many retakes', () => {
    const courses = new Map<number, Catalogue>();
    const course = (lessons: number) => courses.get(lessons) ?? courses.set(lessons, generatedCatalog(lessons)).get(lessons)!;
    fc.assert(
      fc.property(
        fc.record({
          lessons: fc.integer({ min: 1, max: 200 }),
          seed: fc.integer({ min: 0, max: 2 ** 31 }),
          skill: fc.double({ min: 0, max: 1, noNaN: true }),
          maxAttempts: fc.integer({ min: 1, max: 6 }),
          improve: fc.double({ min: 0, max: 1, noNaN: true }),
          revisit: fc.double({ min: 0, max: 1, noNaN: true }),
        }),
        ({ lessons, ...learner }) => {
          const of = course(lessons);
          const log = generatedLog(of, learner);
          const fit = fitSuspendData(of, log, SCORM12_SUSPEND_LIMIT);
          expect(fit.ok).toBe(true);
          if (!fit.ok) return;
          expect(fit.text.length).toBeLessThanOrEqual(SCORM12_SUSPEND_LIMIT);
          expect(fit.level).toBeLessThanOrEqual(5);
          const decoded = decodeSuspendData(of, fit.text);
          if (!decoded.ok) throw new Error(decoded.reason);
          expect(record(of, decoded.events)).toEqual(record(of, log.events));
        },
      ),
      { numRuns: 30 },
    );
  }, 120_000);

  it('is not cut at all when it fits: a learner who finishes today’s course', () => {
    const fit = fitSuspendData(catalog, finishedCourse({ seed: 1 }), SCORM12_SUSPEND_LIMIT);
    expect(fit.ok && fit.level).toBe(0);
  });

  it('goes down step by step, each step keeping less, down to completions and required passes without answers', () => {
    const steps = TRIM_LEVELS.map((level) => trimEvents(big, struggler.events, level));
    const weight = (events: ProgressEvent[]) =>
      events.length + events.filter((e) => e.type === 'attempt' && e.attempt.answers !== null).length;
    for (let i = 1; i < steps.length; i++) expect(weight(steps[i]!)).toBeLessThan(weight(steps[i - 1]!));
    // Down to step 5, the record is whole.
    for (const events of steps.slice(0, 6)) expect(record(big, events)).toEqual(record(big, struggler.events));
    const last = steps[6]!;
    expect(last.filter((e) => e.type === 'lesson-viewed')).toEqual([]);
    expect(last.filter((e) => e.type === 'lesson-completed')).toHaveLength(big.map.lessons.length);
    const attempts = last.flatMap((e) => (e.type === 'attempt' ? [e.attempt] : []));
    const passedRequired = big.rule.requiredActivities.filter((id) => activityResults(struggler.events).get(id)?.passedAt);
    expect(attempts.map((a) => a.activityId).sort()).toEqual([...passedRequired].sort());
    expect(attempts.every((a) => a.passed && a.answers === null)).toBe(true);
    expect(completionStatus(big.map, big.rule, last).met).toBe(completionStatus(big.map, big.rule, struggler.events).met);
    expect(lessonProgress(last).size).toBe(big.map.lessons.length);
  });

  it('reports failure when even the smallest version is too long, so the LMS keeps its older copy', () => {
    const fit = fitSuspendData(big, struggler, 40);
    expect(fit).toEqual({ ok: false, length: expect.any(Number) as unknown });
    expect(!fit.ok && fit.length).toBeGreaterThan(40);
  });
});
