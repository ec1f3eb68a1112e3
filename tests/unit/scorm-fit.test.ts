import { describe, expect, it } from 'vitest';
import type { ProgressEvent } from '../../src/domain/progress/events.ts';
import { activityResults, completionStatus, lessonProgress } from '../../src/domain/progress/reducers.ts';
import { fitSuspendData, trimEvents } from '../../src/domain/scorm/fit-suspend-data.ts';
import { decodeSuspendData, SCORM12_SUSPEND_LIMIT } from '../../src/domain/scorm/suspend-data.ts';
import { catalog, finishedCourse } from '../fixtures/scorm-course.ts';

/** What a learner's record shows: lesson states, and per activity the best score, whether and when passed. */
function record(events: readonly ProgressEvent[]) {
  const results = [...activityResults(events)].map(([id, r]) => [id, r.best.score, r.passedAt?.slice(0, 19) ?? null]);
  const lessons = [...lessonProgress(events)].map(([id, l]) => [id, l.state, l.completedAt?.slice(0, 19) ?? null]);
  return { lessons: lessons.sort(), results: results.sort(), met: completionStatus(catalog.map, catalog.rule, events).met };
}

describe('suspend data that would not fit', () => {
  // A learner who needed many attempts: about 150 of them, more than 4,096 characters in full.
  const struggler = finishedCourse({ seed: 6, skill: 0.3, maxAttempts: 4 });

  it('is cut down to fit SCORM 1.2, keeping every completion and every activity’s best and first passing result', () => {
    const fit = fitSuspendData(catalog, struggler, SCORM12_SUSPEND_LIMIT);
    expect(fit.ok).toBe(true);
    if (!fit.ok) return;
    expect(fit.level).toBeGreaterThan(0);
    expect(fit.text.length).toBeLessThanOrEqual(SCORM12_SUSPEND_LIMIT);
    const decoded = decodeSuspendData(catalog, fit.text);
    expect(decoded.ok && decoded.trimmed).toBe(true);
    if (!decoded.ok) return;
    const full = record(struggler.events);
    const cut = record(decoded.events);
    expect(cut.met).toBe(true);
    expect(cut.results).toEqual(full.results);
    expect(cut.lessons.map(([id, state, completedAt]) => [id, state, completedAt])).toEqual(
      full.lessons.map(([id, state, completedAt]) => [id, state, completedAt]),
    );
  });

  it('is not cut at all when it fits', () => {
    const fit = fitSuspendData(catalog, finishedCourse({ seed: 1 }), SCORM12_SUSPEND_LIMIT);
    expect(fit.ok && fit.level).toBe(0);
  });

  it('goes down step by step, each step keeping less, down to completions and required passes without answers', () => {
    const sizes = ([0, 1, 2, 3, 4, 5] as const).map((level) => trimEvents(catalog, struggler.events, level));
    for (let i = 1; i < sizes.length; i++) expect(sizes[i]!.length).toBeLessThanOrEqual(sizes[i - 1]!.length);
    const last = sizes[5]!;
    expect(last.filter((e) => e.type === 'lesson-viewed')).toEqual([]);
    expect(last.filter((e) => e.type === 'lesson-completed')).toHaveLength(catalog.map.lessons.length);
    const attempts = last.flatMap((e) => (e.type === 'attempt' ? [e.attempt] : []));
    expect(attempts.map((a) => a.activityId).sort()).toEqual([...catalog.rule.requiredActivities].sort());
    expect(attempts.every((a) => a.passed && a.answers === null)).toBe(true);
    expect(completionStatus(catalog.map, catalog.rule, last).met).toBe(true);
  });

  it('reports failure when even the smallest version is too long, so the LMS keeps its older copy', () => {
    const fit = fitSuspendData(catalog, struggler, 40);
    expect(fit).toEqual({ ok: false, length: expect.any(Number) });
    expect(!fit.ok && fit.length).toBeGreaterThan(40);
  });
});
