import type { Quiz } from '../../schemas/quiz.ts';
import type { Attempt, JsonValue } from '../progress/events.ts';
import { quizLayout } from '../quiz-layout.ts';
import { isAnswered, scoreAttempt, type QuestionResponse, type QuizAnswers } from '../quiz-scoring.ts';
import type { AttemptScore, AttemptStamp } from './attempt.ts';

/** A knowledge check's attempt (`quiz-scoring.ts` defines the credit of each kind of question). */

export function scoreQuizAnswers(quiz: Pick<Quiz, 'questions' | 'passMark'>, answers: unknown): AttemptScore {
  const r = scoreAttempt(quiz, answers);
  return { score: r.score, maxScore: r.maxScore, passed: r.passed, questions: r.questions.map((q) => ({ id: q.id, credit: q.credit })) };
}

/**
 * The answers a knowledge check submits: the responses given, and every ordering question the
 * learner left as it was shown answered with the order on screen (leaving it is an answer).
 */
export function quizAnswers(
  quiz: Pick<Quiz, 'questions' | 'shuffle'>,
  seed: number,
  responses: Readonly<Record<string, QuestionResponse>>,
): QuizAnswers {
  // A plain JSON copy: the island hands over reactive proxies.
  const given = JSON.parse(JSON.stringify(responses)) as Record<string, QuestionResponse>;
  for (const view of quizLayout(quiz, seed)) {
    const q = quiz.questions.find((x) => x.id === view.id);
    if (q?.type === 'ordering' && !Object.hasOwn(given, q.id)) given[q.id] = view.order;
  }
  return { seed, responses: given };
}

/** How many questions the answers leave unanswered (the quiz warns once before submitting). */
export const unansweredCount = (quiz: Pick<Quiz, 'questions'>, answers: QuizAnswers): number =>
  quiz.questions.filter((q) => !isAnswered(q, Object.hasOwn(answers.responses, q.id) ? answers.responses[q.id] : undefined)).length;

/** The attempt a knowledge check records when the learner submits. */
export function quizAttempt(quiz: Pick<Quiz, 'questions' | 'passMark'>, answers: QuizAnswers, stamp: AttemptStamp): Attempt {
  const { score, maxScore, passed } = scoreQuizAnswers(quiz, answers);
  return { ...stamp, activityKind: 'quiz', answers: JSON.parse(JSON.stringify(answers)) as JsonValue, score, maxScore, passed };
}
