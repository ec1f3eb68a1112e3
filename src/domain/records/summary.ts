import { compareEvents, type ProgressEvent } from '../progress/events.ts';
import { completionStatus } from '../progress/reducers.ts';
import { bestResults, courseScore, scoredActivities, type ResultLike } from '../course-score.ts';
import { wholePercent } from '../quiz-scoring.ts';
import type { Catalogue } from '../catalogue.ts';
import { lessonsToComplete } from '../course-map.ts';
import type { MergedLearner } from './merge.ts';
import type { CheckedAttempt } from './verify.ts';

export type CourseState = 'completed' | 'in-progress' | 'not-started';

/** What HR sees of one learner: every figure worked out from re-scored attempts, none taken from the record's claims. */
export interface LearnerSummary {
  /** Lessons completed, of those that count for completion (class-only activities left out). */
  lessonsDone: number;
  /** Lessons that count for completion (`countsForCompletion`). */
  lessonsTotal: number;
  /** Activities of the course with at least one attempt that passes when re-scored. */
  activitiesPassed: number;
  activitiesTotal: number;
  /** The course score, a whole percent (`course-score.ts`: the figure the LMS and /me/ show). */
  score: number;
  state: CourseState;
  /** When the completion rule was met, if it is. */
  completedAt?: string;
  /** Module id → every lesson of the module that counts completed. */
  modulesDone: Record<string, boolean>;
  /** Activity id → best re-scored whole percent, for activities attempted. */
  best: Record<string, number>;
}

const passes = (a: CheckedAttempt) => a.rescored?.passed === true;

/** An attempt that cannot be re-scored is worth nothing. */
const NOTHING: ResultLike = { score: 0, maxScore: 1, passed: false };

/** Each activity's best re-scored result; only re-scored figures count, never the record's claims. */
export const bestRescored = (attempts: readonly CheckedAttempt[]): Map<string, ResultLike> =>
  bestResults(attempts.map((a) => [a.attempt.activityId, a.rescored ?? NOTHING] as const));

/**
 * The learner's progress as HR should read it. Completion replays lesson completions and
 * re-scored passes through the same `completionStatus` the learner's browser uses, so the date
 * is when the last missing piece arrived.
 */
export function summariseLearner(learner: MergedLearner, catalogue: Catalogue): LearnerSummary {
  const { map, rule } = catalogue;
  const completed = new Map(learner.lessons.filter((l) => l.state === 'completed').map((l) => [l.id, l.completedAt ?? '']));
  // Only passes move the rule forward, so failed attempts are left out of the replay.
  const events: ProgressEvent[] = [
    ...[...completed].map(([lessonId, at]): ProgressEvent => ({ id: `lesson:${lessonId}`, at, type: 'lesson-completed', lessonId })),
    ...learner.attempts.filter(passes).map((a): ProgressEvent => ({
      id: a.attempt.id,
      at: a.attempt.finishedAt,
      type: 'attempt',
      attempt: { ...a.attempt, answers: null, passed: true },
    })),
  ].sort(compareEvents);
  const status = completionStatus(map, rule, events);
  const known = new Set(catalogue.activities.map((a) => a.id));
  const passed = new Set(learner.attempts.filter((a) => passes(a) && known.has(a.attempt.activityId)).map((a) => a.attempt.activityId));
  const started = learner.lessons.some((l) => l.state !== 'not-started') || learner.attempts.length > 0;
  const best = bestRescored(learner.attempts);
  return {
    lessonsDone: lessonsToComplete(map.lessons).filter((l) => completed.has(l.id)).length,
    lessonsTotal: lessonsToComplete(map.lessons).length,
    activitiesPassed: passed.size,
    activitiesTotal: catalogue.activities.length,
    score: courseScore(scoredActivities(catalogue.rule, catalogue.activities), best),
    state: status.met ? 'completed' : started ? 'in-progress' : 'not-started',
    ...(status.met && status.metAt ? { completedAt: status.metAt } : {}),
    modulesDone: Object.fromEntries(map.modules.map((m) => [m.id, lessonsToComplete(m.lessons).every((l) => completed.has(l.id))])),
    best: Object.fromEntries([...best].map(([id, r]) => [id, wholePercent(r.score, r.maxScore)])),
  };
}
