import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessmentAttempt } from '../../src/domain/attempts/assessment.ts';
import { classificationAttempt } from '../../src/domain/attempts/classification.ts';
import { quizAnswers, quizAttempt } from '../../src/domain/attempts/quiz.ts';
import { rolePlayAttempt } from '../../src/domain/attempts/role-play.ts';
import { bestResults, courseScore, hasCourseScore, scoredActivities } from '../../src/domain/course-score.ts';
import type { Attempt, ProgressEvent } from '../../src/domain/progress/events.ts';
import { bestAttempts } from '../../src/domain/progress/reducers.ts';
import type { QuestionResponse } from '../../src/domain/quiz-scoring.ts';
import { checkFile, combine } from '../../src/domain/records/analyse.ts';
import type { CatalogueActivity } from '../../src/domain/catalogue.ts';
import { completionRecord } from '../../src/domain/records/completion-record.ts';
import { choose, nodeById } from '../../src/domain/scenario/engine.ts';
import { initialState } from '../../src/domain/scenario/state.ts';
import { courseReport } from '../../src/domain/scorm/report.ts';
import { prng } from '../../src/domain/seeded-shuffle.ts';
import { shippedCatalogue } from '../fixtures/catalogue.ts';
import { completed, learnerSet, minute, progressLog } from '../fixtures/progress-events.ts';
import { catalog } from '../fixtures/scorm-course.ts';

const r = (score: number, maxScore: number, passed = false) => ({ score, maxScore, passed });

describe('the course score', () => {
  it('averages exact ratios and rounds down once: four quizzes at 2/3 and four at 1/3 make 50', () => {
    const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
    const best = new Map(ids.map((id, i) => [id, i < 4 ? r(2, 3) : r(1, 3)]));
    expect(courseScore(ids, best)).toBe(50);
  });

  it('is a whole percent, rounded down, so a shown figure never exceeds what was earned', () => {
    expect(
      courseScore(
        ['x', 'y', 'z'],
        new Map([
          ['x', r(1, 2)],
          ['y', r(3, 4)],
        ]),
      ),
    ).toBe(41);
    expect(courseScore(['x'], new Map([['x', r(0.9999, 1)]]))).toBe(99);
    expect(courseScore(['x'], new Map([['x', r(7, 7)]]))).toBe(100);
  });

  it('counts an activity not attempted as 0, and an ungraded one as 1 once finished', () => {
    expect(courseScore(['x', 'y'], new Map([['x', r(1, 1)]]))).toBe(50);
    expect(
      courseScore(
        ['x', 'y'],
        new Map([
          ['x', r(0, 0, true)],
          ['y', r(0, 0, false)],
        ]),
      ),
    ).toBe(50);
    expect(courseScore([], new Map())).toBe(0);
  });

  it('averages the rule’s required activities, or every graded one when the rule names none', () => {
    const activities = [
      { id: 'q1', kind: 'quiz' },
      { id: 'style', kind: 'assessment' },
      { id: 'talk', kind: 'scenario' },
    ];
    expect(scoredActivities({ requiredActivities: ['q1'] }, activities)).toEqual(['q1']);
    expect(scoredActivities({ requiredActivities: [] }, activities)).toEqual(['q1', 'talk']);
  });

  it('takes each activity’s best result, the earliest among equals', () => {
    const first = r(2, 4);
    const best = bestResults([
      ['x', first],
      ['x', r(1, 4)],
      ['x', r(4, 8)],
    ]);
    expect(best.get('x')).toBe(first);
    expect(hasCourseScore(['x'], best)).toBe(true);
    expect(hasCourseScore(['y'], best)).toBe(false);
  });
});

// ---- One figure everywhere: the LMS, the HR page and /me/ ----

const catalogue = shippedCatalogue();
const scored = new Set(scoredActivities(catalogue.rule, catalogue.activities));
const TYPES = ['lively', 'powerful', 'peaceful', 'analytical'] as const;

/**
 * What a learner might answer, made from a seed: any option, any subset, any order, any
 * pairing, questions left out, answers of the wrong shape. Built into an attempt by the function
 * the activity's island calls, so the log is what a browser would have recorded.
 */
function islandAttempt(activity: CatalogueActivity, seed: number, finishedAt: number): Attempt | undefined {
  const random = prng(seed);
  const any = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const some = <T>(items: readonly T[]): T[] => items.filter(() => random() < 0.5);
  const shuffled = <T>(items: readonly T[]): T[] => [...items].sort(() => random() - 0.5);
  const stamp = {
    activityId: activity.id,
    contentVersion: activity.version,
    startedAt: minute(finishedAt - 2),
    finishedAt: minute(finishedAt),
  };
  switch (activity.kind) {
    case 'quiz': {
      const responses: Record<string, QuestionResponse> = {};
      for (const q of activity.data.questions) {
        const roll = random();
        if (roll < 0.15) continue;
        if (roll < 0.2) {
          responses[q.id] = 'not-an-id';
          continue;
        }
        if (q.type === 'single') responses[q.id] = any(q.options).id;
        else if (q.type === 'multiple') responses[q.id] = some(q.options).map((o) => o.id);
        else if (q.type === 'truefalse') responses[q.id] = random() < 0.5;
        else if (q.type === 'ordering') responses[q.id] = shuffled(q.items).map((i) => i.id);
        else responses[q.id] = Object.fromEntries(q.pairs.map((p) => [p.id, any(q.pairs).id]));
      }
      return quizAttempt(activity.data, quizAnswers(activity.data, seed, responses), stamp);
    }
    case 'classification': {
      const responses = Object.fromEntries(
        activity.data.items.map((item) => [item.id, { type: any(TYPES), ...(random() < 0.9 ? { serve: any(item.options).id } : {}) }]),
      );
      return classificationAttempt(activity.data, { seed, responses }, stamp);
    }
    case 'assessment':
      return assessmentAttempt(
        activity.data,
        Object.fromEntries(some(activity.data.items).map((i) => [i.id, 1 + Math.floor(random() * 4)])),
        stamp,
      );
    case 'scenario': {
      let state = initialState(activity.data);
      for (let step = 0; step < 60 && !state.ended; step++)
        state = choose(activity.data, state, any(nodeById(activity.data, state.at)!.choices).id);
      return rolePlayAttempt(activity.data, { mode: 'test', path: state.path }, stamp);
    }
  }
}

describe('one course score for the LMS, the HR page and /me/', () => {
  // Mostly the activities the score averages, so that most logs have a score to compare.
  const counted = catalogue.activities.filter((a) => scored.has(a.id));
  const activity = fc.oneof(
    { arbitrary: fc.constantFrom(...counted), weight: 4 },
    { arbitrary: fc.constantFrom(...catalogue.activities), weight: 1 },
  );

  it('for any progress log, the LMS is sent the score HR computes from the exported record, and /me/ shows it', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(activity, fc.integer({ min: 1, max: 2 ** 31 - 2 })), { maxLength: 30 }),
        fc.subarray(catalogue.map.lessons.map((l) => l.id)),
        (tries, lessons) => {
          const events: ProgressEvent[] = [
            learnerSet('me', 0, { name: '测试', employeeId: 'T1', department: '' }),
            ...lessons.map((id, i) => completed(`l${i}`, 1 + i, id)),
            ...tries.flatMap(([a, seed], i): ProgressEvent[] => {
              const attempt = islandAttempt(a, seed, 100 + i * 3);
              return attempt ? [{ id: `a${i}`, at: attempt.finishedAt, type: 'attempt', attempt }] : [];
            }),
          ];
          const log = progressLog(catalogue.course.id, events);

          const lms = courseReport(catalog, log.events).score;

          const record = completionRecord(log, catalogue.course, catalogue.map, minute(9999));
          const file = checkFile({ index: 0, name: 'r.json' }, JSON.stringify(record), catalogue);
          expect(file.kind === 'checked' && file.status).toBe('verified');
          const hr = combine([file], catalogue).rows[0]!.summary.score;

          // What 我的学习 computes from the learner's own log.
          const ids = scoredActivities(catalogue.rule, catalogue.activities);
          const best = bestAttempts(log.events);
          const me = hasCourseScore(ids, best) ? courseScore(ids, best) : undefined;

          expect(me).toBe(lms);
          expect(hr).toBe(lms ?? 0);
          expect(lms === undefined).toBe(
            !tries.some(([a]) => scored.has(a.id)) || !events.some((e) => e.type === 'attempt' && scored.has(e.attempt.activityId)),
          );
        },
      ),
      { numRuns: 80 },
    );
  });
});
