import { PROGRESS_FORMAT, PROGRESS_VERSION, compareEvents, type JsonValue, type ProgressEvent, type ProgressLog } from './events.ts';

/**
 * Version 0 was the first, state-shaped record: one entry per lesson and a list of attempts.
 * It is kept here, with its migration, so that the upgrade path is exercised and the next shape
 * change has a pattern to follow.
 *
 *   { v: 0, course: string,
 *     lessons: { [lessonId]: { viewed: iso, done: iso | null } },
 *     attempts: [{ activity, kind, version, answers, score, max, passed, started, finished }] }
 */
export interface ProgressV0 {
  v: 0;
  course: string;
  lessons: Record<string, { viewed: string; done: string | null }>;
  attempts: {
    activity: string;
    kind: 'quiz' | 'assessment' | 'scenario';
    version: string;
    answers: JsonValue;
    score: number;
    max: number;
    passed: boolean;
    started: string;
    finished: string;
  }[];
}

export const isProgressV0 = (value: unknown): value is ProgressV0 =>
  typeof value === 'object' && value !== null && (value as { v?: unknown }).v === 0 && typeof (value as { course?: unknown }).course === 'string';

/** v0 → v1. Event ids are derived from the v0 data, so migrating the same record twice yields the same events. */
export function migrateV0(old: ProgressV0): ProgressLog {
  const events: ProgressEvent[] = [];
  for (const [lessonId, lesson] of Object.entries(old.lessons)) {
    events.push({ id: `v0-viewed-${lessonId}`, at: lesson.viewed, type: 'lesson-viewed', lessonId });
    if (lesson.done) events.push({ id: `v0-completed-${lessonId}`, at: lesson.done, type: 'lesson-completed', lessonId });
  }
  old.attempts.forEach((a, i) => {
    events.push({
      id: `v0-attempt-${i}-${a.activity}`,
      at: a.finished,
      type: 'attempt',
      attempt: {
        activityId: a.activity,
        activityKind: a.kind,
        contentVersion: a.version,
        answers: a.answers,
        score: a.score,
        maxScore: a.max,
        passed: a.passed,
        startedAt: a.started,
        finishedAt: a.finished,
      },
    });
  });
  return { format: PROGRESS_FORMAT, version: PROGRESS_VERSION, courseId: old.course, events: events.sort(compareEvents) };
}
