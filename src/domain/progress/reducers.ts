import { countsForCompletion, coursePath, lessonsToComplete, type CourseMap, type CourseStep } from '../course-map.ts';
import { resultRatio } from '../course-score.ts';
import type { Attempt, LearnerProfile, ProgressEvent } from './events.ts';

export type LessonState = 'not-started' | 'in-progress' | 'completed';

export interface LessonProgress {
  state: LessonState;
  firstViewedAt?: string;
  completedAt?: string;
}

export interface Tally {
  done: number;
  total: number;
  /** Whole percent, rounded down so 100 means truly everything. */
  percent: number;
}

export interface ActivityResult {
  best: Attempt;
  latest: Attempt;
  count: number;
  /** When the activity was first passed, if ever. */
  passedAt?: string;
}

const tally = (done: number, total: number): Tally => ({
  done,
  total,
  percent: total === 0 ? 0 : Math.floor((done * 100) / total),
});

/** Per-lesson state: viewed once → in progress; a completion event → completed, forever. */
export function lessonProgress(events: readonly ProgressEvent[]): Map<string, LessonProgress> {
  const lessons = new Map<string, LessonProgress>();
  for (const event of events) {
    if (event.type !== 'lesson-viewed' && event.type !== 'lesson-completed') continue;
    const current = lessons.get(event.lessonId) ?? { state: 'not-started' as LessonState };
    if (event.type === 'lesson-viewed') {
      lessons.set(event.lessonId, {
        ...current,
        state: current.state === 'completed' ? 'completed' : 'in-progress',
        firstViewedAt: current.firstViewedAt ?? event.at,
      });
    } else {
      lessons.set(event.lessonId, { ...current, state: 'completed', completedAt: current.completedAt ?? event.at });
    }
  }
  return lessons;
}

export const lessonStateOf = (lessons: Map<string, LessonProgress>, lessonId: string): LessonState =>
  lessons.get(lessonId)?.state ?? 'not-started';

/** Completed lessons per module and for the whole course, of the lessons that count (`countsForCompletion`). */
export function courseTallies(map: CourseMap, lessons: Map<string, LessonProgress>) {
  const isDone = (id: string) => lessonStateOf(lessons, id) === 'completed';
  const count = (own: CourseMap['lessons']) => {
    const counted = lessonsToComplete(own);
    return tally(counted.filter((l) => isDone(l.id)).length, counted.length);
  };
  const modules = map.modules.map((m) => ({ id: m.id, ...count(m.lessons) }));
  return { modules, course: count(map.lessons) };
}

/** Best (highest score ratio, `resultRatio`; earliest on ties) and latest attempt per activity. */
export function activityResults(events: readonly ProgressEvent[]): Map<string, ActivityResult> {
  const results = new Map<string, ActivityResult>();
  for (const event of events) {
    if (event.type !== 'attempt') continue;
    const attempt = event.attempt;
    const current = results.get(attempt.activityId);
    if (!current) {
      results.set(attempt.activityId, {
        best: attempt,
        latest: attempt,
        count: 1,
        ...(attempt.passed ? { passedAt: attempt.finishedAt } : {}),
      });
      continue;
    }
    const passedAt = current.passedAt ?? (attempt.passed ? attempt.finishedAt : undefined);
    results.set(attempt.activityId, {
      best: resultRatio(attempt) > resultRatio(current.best) ? attempt : current.best,
      latest: attempt,
      count: current.count + 1,
      ...(passedAt ? { passedAt } : {}),
    });
  }
  return results;
}

/** Each activity's best attempt, as `activityResults` picks it: what the course score averages. */
export const bestAttempts = (events: readonly ProgressEvent[]): Map<string, Attempt> =>
  new Map([...activityResults(events)].map(([id, r]) => [id, r.best]));

/** Every attempt in the order it was finished. */
export const allAttempts = (events: readonly ProgressEvent[]): Attempt[] =>
  events.flatMap((e) => (e.type === 'attempt' ? [e.attempt] : []));

/** The learner profile most recently set, if any. */
export function currentLearner(events: readonly ProgressEvent[]): LearnerProfile | undefined {
  let learner: LearnerProfile | undefined;
  for (const event of events) if (event.type === 'learner-set') learner = event.learner;
  return learner;
}

/** Whether the lesson's required activities have all been passed, so it may be completed. */
export function requiredActivitiesPassed(requiredActivities: readonly string[], results: Map<string, ActivityResult>): boolean {
  return requiredActivities.every((id) => results.get(id)?.passedAt !== undefined);
}

/**
 * Where "继续学习" goes: the first step of the learner's path not yet done — a lesson that counts
 * and is not completed, or a module quiz not passed — or undefined when every step is done.
 * Class-only lessons are passed over: a learner on their own is not sent to a group activity.
 */
export function nextStep(map: CourseMap, lessons: Map<string, LessonProgress>, passed: ReadonlySet<string>): CourseStep | undefined {
  const counted = new Set(lessonsToComplete(map.lessons).map((l) => l.id));
  return coursePath(map).find((s) =>
    s.kind === 'lesson' ? counted.has(s.id) && lessonStateOf(lessons, s.id) !== 'completed' : !passed.has(s.id),
  );
}

export interface CompletionRuleInput {
  allLessons: boolean;
  requiredActivities: readonly string[];
}

export interface CompletionStatus {
  met: boolean;
  /** When the rule first became true: the time of the event that completed it. */
  metAt?: string;
  missingLessons: string[];
  missingActivities: string[];
}

/**
 * Whether the course's completion rule is met, and since when. Replays the log so that `metAt`
 * is the moment the last missing piece arrived, not the time of the latest event.
 */
export function completionStatus(map: CourseMap, rule: CompletionRuleInput, events: readonly ProgressEvent[]): CompletionStatus {
  const neededLessons = new Set(rule.allLessons ? map.lessons.filter(countsForCompletion).map((l) => l.id) : []);
  const neededActivities = new Set(rule.requiredActivities);
  let metAt: string | undefined;
  if (neededLessons.size === 0 && neededActivities.size === 0) metAt = events[0]?.at;
  for (const event of events) {
    if (event.type === 'lesson-completed') neededLessons.delete(event.lessonId);
    if (event.type === 'attempt' && event.attempt.passed) neededActivities.delete(event.attempt.activityId);
    if (metAt === undefined && neededLessons.size === 0 && neededActivities.size === 0) metAt = event.at;
  }
  return {
    met: neededLessons.size === 0 && neededActivities.size === 0,
    ...(metAt ? { metAt } : {}),
    missingLessons: map.lessons.filter((l) => neededLessons.has(l.id)).map((l) => l.id),
    missingActivities: rule.requiredActivities.filter((id) => neededActivities.has(id)),
  };
}
