import type { Question, Quiz } from '../schemas/quiz.ts';

/**
 * Scoring of knowledge checks: one function, used by the quiz island, the HR page and the SCORM
 * report to score the same raw answers the same way.
 *
 * Raw answers, as recorded in the progress log (`Attempt.answers`):
 *
 *   { seed: number,                      // the attempt's shuffle seed (see quiz-layout.ts)
 *     responses: { [questionId]: … } }   // single: optionId · multiple: optionId[] ·
 *                                        // truefalse: boolean · ordering: itemId[] in the
 *                                        // learner's order · matching: { [leftPairId]: rightPairId }
 *
 * Every question is worth 1 point; a quiz's maximum is its number of questions.
 *
 * Partial credit (the only place it is defined):
 *   single, truefalse  1 if right, else 0.
 *   multiple           (right options chosen − wrong options chosen) ÷ number of right options,
 *                      never below 0. Choosing everything earns nothing unless the right options
 *                      outnumber the wrong ones.
 *   ordering           1 − (steps that must be moved to fix the order) ÷ (number of steps − 1).
 *                      The steps that need not move are the longest run already in the right
 *                      relative order, so one step out of place, or two neighbours swapped,
 *                      costs one move; a fully reversed list scores 0.
 *   matching           pairs matched right ÷ number of pairs.
 * Credits are rounded to 4 decimals; the total to 4 decimals.
 *
 * The functions are total: an answer of the wrong shape, an unknown id, a repeated id or a
 * missing question scores 0 for that part; nothing throws, so an old record can always be
 * re-scored against the current quiz.
 */

export type QuestionResponse = string | string[] | boolean | Record<string, string>;

export interface QuizAnswers {
  seed: number;
  responses: Record<string, QuestionResponse>;
}

export interface QuestionResult {
  id: string;
  topic: string;
  /** Credit earned, 0–1. */
  credit: number;
  /** Full credit. */
  correct: boolean;
  /** Whether the learner gave any response. */
  answered: boolean;
}

export interface QuizResult {
  score: number;
  maxScore: number;
  /** Whole percent, rounded down, so a shown 70 % never hides a 69.9 % fail. */
  percent: number;
  passed: boolean;
  questions: QuestionResult[];
  /** Topics of the questions without full credit, once each, in question order. */
  missedTopics: string[];
}

const round4 = (x: number): number => Math.round(x * 1e4) / 1e4;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Distinct strings of an array, in first-seen order; anything that is not a string array yields []. */
function distinctStrings(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return [...new Set(value.filter((v): v is string => typeof v === 'string'))];
}

/** Length of the longest strictly increasing subsequence (patience sorting, O(n log n)). */
export function longestIncreasingRun(values: readonly number[]): number {
  const tails: number[] = [];
  for (const v of values) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((tails[mid] as number) < v) lo = mid + 1;
      else hi = mid;
    }
    tails[lo] = v;
  }
  return tails.length;
}

/**
 * What scoring reads of a question: its type and its key (option ids with their correctness, the
 * right answer, the item or pair ids in their right order). A `Question` is one; so is the SCORM
 * catalogue's reduced copy, which carries no texts.
 */
export type QuestionKey =
  | { type: 'single' | 'multiple'; options: readonly { id: string; correct: boolean }[] }
  | { type: 'truefalse'; answer: boolean }
  | { type: 'ordering'; items: readonly { id: string }[] }
  | { type: 'matching'; pairs: readonly { id: string }[] };

/** Credit (0–1) for one question's response. */
export function scoreQuestion(question: QuestionKey, response: unknown): number {
  switch (question.type) {
    case 'single':
      return typeof response === 'string' && question.options.some((o) => o.id === response && o.correct) ? 1 : 0;
    case 'truefalse':
      return response === question.answer ? 1 : 0;
    case 'multiple': {
      const right = question.options.filter((o) => o.correct).map((o) => o.id);
      if (right.length === 0) return 0;
      const wrong = new Set(question.options.filter((o) => !o.correct).map((o) => o.id));
      const chosen = distinctStrings(response);
      const hits = chosen.filter((id) => right.includes(id)).length;
      const misses = chosen.filter((id) => wrong.has(id)).length;
      return round4(Math.max(0, (hits - misses) / right.length));
    }
    case 'ordering': {
      const n = question.items.length;
      if (n < 2) return 0;
      const position = new Map(question.items.map((item, i) => [item.id, i]));
      const positions = distinctStrings(response).flatMap((id) => (position.has(id) ? [position.get(id) as number] : []));
      const inPlace = longestIncreasingRun(positions);
      return round4(Math.max(0, (inPlace - 1) / (n - 1)));
    }
    case 'matching': {
      if (!isRecord(response) || question.pairs.length === 0) return 0;
      const matched = question.pairs.filter((p) => Object.hasOwn(response, p.id) && response[p.id] === p.id).length;
      return round4(matched / question.pairs.length);
    }
    default:
      return 0;
  }
}

/** Whether a response says anything at all (an untouched question is shown as "not answered"). */
export function isAnswered(question: Question, response: unknown): boolean {
  switch (question.type) {
    case 'single':
      return typeof response === 'string';
    case 'truefalse':
      return typeof response === 'boolean';
    case 'multiple':
    case 'ordering':
      return distinctStrings(response).length > 0;
    case 'matching':
      return isRecord(response) && Object.values(response).some((v) => typeof v === 'string');
    default:
      return false;
  }
}

/** The responses of raw answers, or an empty record when the answers are not of the expected shape. */
export function responsesOf(answers: unknown): Record<string, unknown> {
  if (!isRecord(answers)) return {};
  const responses = answers['responses'];
  return isRecord(responses) ? responses : {};
}

/** The shuffle seed of raw answers (0 if missing). */
export function seedOf(answers: unknown): number {
  const seed = isRecord(answers) ? answers['seed'] : undefined;
  return typeof seed === 'number' && Number.isFinite(seed) ? seed : 0;
}

/** Whether `score` out of `maxScore` reaches `passMark` percent (compared without rounding). */
export const reachesPassMark = (score: number, maxScore: number, passMark: number): boolean => score * 100 >= passMark * maxScore - 1e-9;

/** Whole percent, rounded down. */
export const wholePercent = (score: number, maxScore: number): number => (maxScore > 0 ? Math.floor((score * 100) / maxScore + 1e-9) : 0);

/** How a learner reads a partly credited score: questions fully right, partly right, and in all. */
export interface CreditTally {
  right: number;
  partial: number;
  total: number;
}

/** Counts full and partial credit, so "1.58 / 6" can be shown as "6 题中答对 1 题，另有 2 题部分答对". */
export function creditTally(questions: readonly Pick<QuestionResult, 'credit'>[]): CreditTally {
  const right = questions.filter((q) => q.credit >= 1).length;
  const partial = questions.filter((q) => q.credit > 0 && q.credit < 1).length;
  return { right, partial, total: questions.length };
}

/** Scores a whole attempt from its raw answers. */
export function scoreAttempt(quiz: Pick<Quiz, 'questions' | 'passMark'>, answers: unknown): QuizResult {
  const responses = responsesOf(answers);
  const questions = quiz.questions.map((q): QuestionResult => {
    const response = Object.hasOwn(responses, q.id) ? responses[q.id] : undefined;
    const credit = scoreQuestion(q, response);
    return { id: q.id, topic: q.topic, credit, correct: credit === 1, answered: isAnswered(q, response) };
  });
  const score = round4(questions.reduce((sum, q) => sum + q.credit, 0));
  const maxScore = quiz.questions.length;
  const missedTopics = [...new Set(questions.filter((q) => !q.correct).map((q) => q.topic))];
  return {
    score,
    maxScore,
    percent: wholePercent(score, maxScore),
    passed: reachesPassMark(score, maxScore, quiz.passMark),
    questions,
    missedTopics,
  };
}
