/**
 * The progress record: an append-only log of what a learner did. Nothing derived is stored; every
 * view (lesson states, percentages, results, the completion record, LMS reports) is computed
 * from these events by the reducers beside this file.
 *
 * Stored shape, version 1 (`PROGRESS_VERSION`):
 *   { format: "service-classroom/progress", version: 1, courseId, resetAt?: iso, events: ProgressEvent[] }
 * Older shapes are upgraded by `migrate.ts`; bump the version and add a step there whenever
 * this shape changes.
 */

export const PROGRESS_FORMAT = 'service-classroom/progress';
export const PROGRESS_VERSION = 1;

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export type ActivityKind = 'quiz' | 'assessment' | 'scenario';

/** A finished attempt at an activity, with everything needed to re-score it later. */
export interface Attempt {
  activityId: string;
  activityKind: ActivityKind;
  /** `contentVersion()` of the activity as the learner saw it. */
  contentVersion: string;
  /** The learner's raw answers (quiz, assessment) or path (scenario); shape owned by the activity's domain module. */
  answers: JsonValue;
  score: number;
  maxScore: number;
  passed: boolean;
  /** ISO 8601 times. */
  startedAt: string;
  finishedAt: string;
}

/** What the learner chose to tell the course about themselves; all optional, kept locally. */
export interface LearnerProfile {
  name: string;
  employeeId: string;
  department: string;
}

interface EventBase {
  /** Unique id; merging two logs is a union by this id. */
  id: string;
  /** ISO 8601 time the event happened. */
  at: string;
}

/**
 * How well a spaced review went, as FSRS grades it (`ts-fsrs` `Rating`): 1 again (wrong), 2 hard
 * (partly right), 3 good (right). 4 (easy) is never written by this course but read if present.
 */
export type ReviewRating = 1 | 2 | 3 | 4;

/** One answered item of the daily review (`src/domain/review/`); the schedule is replayed from these. */
export interface Review {
  /** `reviewItemId`: the activity and the question, situation or decision point reviewed. */
  itemId: string;
  rating: ReviewRating;
  /** Full credit: what the learner is told and HR reads. */
  correct: boolean;
}

export type ProgressEvent =
  | (EventBase & { type: 'lesson-viewed'; lessonId: string })
  | (EventBase & { type: 'lesson-completed'; lessonId: string })
  | (EventBase & { type: 'attempt'; attempt: Attempt })
  | (EventBase & { type: 'learner-set'; learner: LearnerProfile })
  | (EventBase & { type: 'review' } & Review);

export interface ProgressLog {
  format: typeof PROGRESS_FORMAT;
  version: typeof PROGRESS_VERSION;
  courseId: string;
  /**
   * When the learner last reset their progress, if ever. Another tab holding an older log adopts
   * the reset instead of merging the forgotten events back in; an explicit import still merges.
   */
  resetAt?: string;
  events: ProgressEvent[];
}

export const emptyLog = (courseId: string): ProgressLog => ({
  format: PROGRESS_FORMAT,
  version: PROGRESS_VERSION,
  courseId,
  events: [],
});

/** Events in a canonical order: by time, then by id, so every merge of the same events is identical. */
export const compareEvents = (a: ProgressEvent, b: ProgressEvent): number =>
  a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
