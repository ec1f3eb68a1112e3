import type { Assessment } from '../../schemas/assessment.ts';
import type { Classification } from '../../schemas/classification.ts';
import type { Quiz } from '../../schemas/quiz.ts';
import type { Scenario } from '../../schemas/scenario.ts';
import type { ActivityKind, Attempt } from '../progress/events.ts';

/**
 * An attempt at an activity: built from the learner's raw answers and scored here, the one way,
 * wherever that happens — in the activity's island when the learner finishes, on the HR page when
 * a completion record is re-scored, in the LMS report. The islands call the builders
 * (`quizAttempt`, `classificationAttempt`, `assessmentAttempt`, `rolePlayAttempt`); whoever holds
 * an attempt and its activity calls `scoreAnswers` (`score-answers.ts`). Each builder scores with
 * the per-kind function `scoreAnswers` dispatches to. One folder, one file per kind, so that an
 * island's bundle carries its own kind's scoring only (bundles are split by file).
 *
 * Raw answers, as an attempt stores them (`Attempt.answers`):
 *   quiz            { seed, responses: { question: … } }            (quiz-scoring.ts)
 *   classification  { seed, responses: { item: { type, serve } } }  (classification-scoring.ts)
 *   self-assessment { responses: { item: 1–4 } }                    (communication-style.ts)
 *   role-play       { mode, path: [[node, choice], …], ending }     (scenario/run-record.ts)
 */

/** An activity as scoring needs it: its kind and its authored data (a catalogue entry is one). */
export type ScorableActivity =
  | { kind: 'quiz'; data: Pick<Quiz, 'questions' | 'passMark'> }
  | { kind: 'classification'; data: Pick<Classification, 'items' | 'passMark'> }
  | { kind: 'assessment'; data: Pick<Assessment, 'items'> }
  | { kind: 'scenario'; data: Scenario };

export type ScorableKind = ScorableActivity['kind'];

/** What raw answers are worth. */
export interface AttemptScore {
  score: number;
  maxScore: number;
  passed: boolean;
  /** Quizzes and the classification set: credit 0–1 per question (per situation), for "hardest questions". */
  questions?: { id: string; credit: number }[];
  /** Role-plays: the ending the path leads to. */
  ending?: string;
}

/** The kind an attempt records: a classification set is taken as a quiz. */
export const attemptKind = (kind: ScorableKind): ActivityKind => (kind === 'classification' ? 'quiz' : kind);

/**
 * Who and when: what an attempt records besides its kind, answers and score. The builders spread
 * it into the attempt, so its fields are named as `Attempt`'s.
 */
export type AttemptStamp = Pick<Attempt, 'activityId' | 'contentVersion' | 'startedAt' | 'finishedAt'>;
