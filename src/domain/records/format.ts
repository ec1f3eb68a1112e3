import type { Attempt, LearnerProfile } from '../progress/events.ts';
import type { LessonState } from '../progress/reducers.ts';

/**
 * The completion record: what a learner exports from `/me/` for HR, and what the HR page reads.
 * Documented for people in the README ("Completion record") and for machines in
 * `src/schemas/completion-record.schema.json`; a unit test keeps the three in step.
 *
 * Version 1:
 *   { format: "service-classroom/completion-record", version: 1, exportedAt,
 *     course: { id, title, contentVersion },
 *     learner: { name, employeeId, department },
 *     lessons: [{ id, state, firstViewedAt?, completedAt? }],      // every lesson, course order
 *     attempts: [{ id, activityId, activityKind, contentVersion, answers, score, maxScore,
 *                  passed, startedAt, finishedAt }] }                 // every attempt, as finished
 *
 * Scores in it are what the learner's browser claimed; HR re-scores every attempt from its raw
 * answers and never shows a claimed number as fact. A change of shape bumps RECORD_VERSION; the
 * reader refuses a newer version by name, so an old HR page says "update the course" rather
 * than misreading it.
 */
export const RECORD_FORMAT = 'service-classroom/completion-record';
export const RECORD_VERSION = 1;

/** The course as the learner's browser knew it. */
export interface RecordCourse {
  id: string;
  title: string;
  /** `courseContentVersion` of every scored activity when the record was made. */
  contentVersion: string;
}

/** One lesson's state, as the learner's progress log has it. */
export interface RecordLesson {
  id: string;
  state: LessonState;
  firstViewedAt?: string;
  /** Present exactly when `state` is "completed". */
  completedAt?: string;
}

/** An attempt from the progress log, with its event id so that two records of one learner merge without double counting. */
export interface RecordAttempt extends Attempt {
  id: string;
}

export interface CompletionRecord {
  format: typeof RECORD_FORMAT;
  version: typeof RECORD_VERSION;
  /** ISO 8601; when there are several records of one learner, the latest export wins. */
  exportedAt: string;
  course: RecordCourse;
  learner: LearnerProfile;
  lessons: RecordLesson[];
  attempts: RecordAttempt[];
}
