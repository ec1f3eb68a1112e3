import type { Assessment } from '../schemas/assessment.ts';
import type { Classification } from '../schemas/classification.ts';
import type { Quiz } from '../schemas/quiz.ts';
import type { Scenario } from '../schemas/scenario.ts';
import { scoreClassification } from './classification-scoring.ts';
import { isRating } from './communication-style.ts';
import type { ActivityKind, Attempt, JsonValue } from './progress/events.ts';
import { quizLayout } from './quiz-layout.ts';
import { isAnswered, responsesOf, scoreAttempt, type QuestionResponse, type QuizAnswers } from './quiz-scoring.ts';
import { replay } from './scenario/engine.ts';
import { isScenarioAnswers, type RunMode, type ScenarioAnswers } from './scenario/run-record.ts';
import { scoreRun } from './scenario/score.ts';
import type { PathStep } from './scenario/state.ts';

/**
 * An attempt at an activity: built from the learner's raw answers and scored here, the one way,
 * wherever that happens — in the activity's island when the learner finishes, on the HR page when
 * a completion record is re-scored, in the LMS report. The islands call the builders
 * (`quizAttempt`, `classificationAttempt`, `assessmentAttempt`, `rolePlayAttempt`); whoever holds
 * an attempt and its activity calls `scoreAnswers`. Each builder scores with the same per-kind
 * function `scoreAnswers` dispatches to; they are separate exports so an island's bundle carries
 * its own kind's scoring only.
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

export function scoreQuizAnswers(quiz: Pick<Quiz, 'questions' | 'passMark'>, answers: unknown): AttemptScore {
  const r = scoreAttempt(quiz, answers);
  return { score: r.score, maxScore: r.maxScore, passed: r.passed, questions: r.questions.map((q) => ({ id: q.id, credit: q.credit })) };
}

export function scoreClassificationAnswers(set: Pick<Classification, 'items' | 'passMark'>, answers: unknown): AttemptScore {
  const r = scoreClassification(set, answers);
  const questions = r.items.map((i) => ({ id: i.id, credit: ((i.typeRight ? 1 : 0) + (i.serveRight ? 1 : 0)) / 2 }));
  return { score: r.score, maxScore: r.maxScore, passed: r.passed, questions };
}

/** The self-assessment is not graded: 0 of 0, passed (finished) once every statement is rated. */
export function scoreAssessmentAnswers(assessment: Pick<Assessment, 'items'>, answers: unknown): AttemptScore {
  const ratings = responsesOf(answers);
  const complete = assessment.items.every((i) => Object.hasOwn(ratings, i.id) && isRating(ratings[i.id]));
  return { score: 0, maxScore: 0, passed: complete };
}

/** A role-play's path replayed against the scenario; undefined when it no longer fits or does not end. */
export function scoreRolePlayAnswers(scenario: Scenario, answers: unknown): AttemptScore | undefined {
  if (!isScenarioAnswers(answers)) return undefined;
  const result = replay(scenario, answers.path);
  const run = result.ok ? scoreRun(scenario, result.state) : undefined;
  return run && { score: run.total, maxScore: run.max, passed: run.passed, ending: run.ending };
}

/**
 * What raw answers to an activity are worth, scored against the activity as given. Undefined
 * only when they cannot be scored at all (a role-play path that does not fit the scenario); the
 * other scorers are total, so answers of the wrong shape simply earn nothing.
 */
export function scoreAnswers(activity: ScorableActivity, answers: unknown): AttemptScore | undefined {
  switch (activity.kind) {
    case 'quiz':
      return scoreQuizAnswers(activity.data, answers);
    case 'classification':
      return scoreClassificationAnswers(activity.data, answers);
    case 'assessment':
      return scoreAssessmentAnswers(activity.data, answers);
    case 'scenario':
      return scoreRolePlayAnswers(activity.data, answers);
  }
}

/** Who and when: what an attempt records besides its answers and score. */
export interface AttemptStamp {
  activityId: string;
  /** `contentVersion()` of the activity as the learner saw it. */
  version: string;
  startedAt: string;
  finishedAt: string;
}

const attemptOf = (kind: ActivityKind, stamp: AttemptStamp, answers: JsonValue, scored: AttemptScore): Attempt => ({
  activityId: stamp.activityId,
  activityKind: kind,
  contentVersion: stamp.version,
  answers,
  score: scored.score,
  maxScore: scored.maxScore,
  passed: scored.passed,
  startedAt: stamp.startedAt,
  finishedAt: stamp.finishedAt,
});

/** A plain JSON copy (the islands hand over reactive proxies). */
const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/**
 * The answers a knowledge check submits: the responses given, and every ordering question the
 * learner left as it was shown answered with the order on screen (leaving it is an answer).
 */
export function quizAnswers(
  quiz: Pick<Quiz, 'questions' | 'shuffle'>,
  seed: number,
  responses: Readonly<Record<string, QuestionResponse>>,
): QuizAnswers {
  const given: Record<string, QuestionResponse> = plain({ ...responses });
  for (const view of quizLayout(quiz, seed)) {
    const q = quiz.questions.find((x) => x.id === view.id);
    if (q?.type === 'ordering' && !Object.hasOwn(given, q.id)) given[q.id] = view.order;
  }
  return { seed, responses: given };
}

/** How many questions the answers leave unanswered (the quiz warns once before submitting). */
export const unansweredCount = (quiz: Pick<Quiz, 'questions'>, answers: QuizAnswers): number =>
  quiz.questions.filter((q) => !isAnswered(q, Object.hasOwn(answers.responses, q.id) ? answers.responses[q.id] : undefined)).length;

export const quizAttempt = (quiz: Pick<Quiz, 'questions' | 'passMark'>, answers: QuizAnswers, stamp: AttemptStamp): Attempt =>
  attemptOf('quiz', stamp, plain(answers) as unknown as JsonValue, scoreQuizAnswers(quiz, answers));

export function classificationAttempt(
  set: Pick<Classification, 'items' | 'passMark'>,
  answers: { seed: number; responses: Readonly<Record<string, { type?: string; serve?: string }>> },
  stamp: AttemptStamp,
): Attempt {
  const raw = plain({ seed: answers.seed, responses: answers.responses }) as unknown as JsonValue;
  return attemptOf(attemptKind('classification'), stamp, raw, scoreClassificationAnswers(set, raw));
}

export function assessmentAttempt(
  assessment: Pick<Assessment, 'items'>,
  ratings: Readonly<Record<string, number>>,
  stamp: AttemptStamp,
): Attempt {
  const raw = plain({ responses: ratings }) as unknown as JsonValue;
  return attemptOf('assessment', stamp, raw, scoreAssessmentAnswers(assessment, raw));
}

/** A finished role-play run; undefined while the path has not reached an ending. */
export function rolePlayAttempt(
  scenario: Scenario,
  run: { mode: RunMode; path: readonly PathStep[] },
  stamp: AttemptStamp,
): Attempt | undefined {
  const path = run.path.map(([n, c]): PathStep => [n, c]);
  // The ending is the path's to say, so it is read back from the scoring, not taken from the caller.
  const scored = scoreRolePlayAnswers(scenario, { mode: run.mode, path, ending: '' });
  if (!scored) return undefined;
  const answers: ScenarioAnswers = { mode: run.mode, path, ending: scored.ending ?? '' };
  return attemptOf('scenario', stamp, answers as unknown as JsonValue, scored);
}
