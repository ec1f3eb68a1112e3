import type { Question, Quiz } from '../schemas/quiz.ts';
import { seededShuffle, shuffleAwayFromOriginal } from './seeded-shuffle.ts';

/** How one question is shown in an attempt. */
export interface QuestionView {
  id: string;
  /**
   * Ids in display order: options (single, multiple), the starting order of the steps
   * (ordering), the right-hand choices (matching); empty for true/false.
   */
  order: string[];
}

function orderOf(question: Question, seed: number, shuffle: boolean): string[] {
  switch (question.type) {
    case 'single':
    case 'multiple': {
      const ids = question.options.map((o) => o.id);
      return shuffle ? seededShuffle(ids, seed, `options:${question.id}`) : ids;
    }
    // The authored order is the answer (ordering) or would line every pair up (matching), so
    // these are shuffled whatever the quiz's `shuffle` says.
    case 'ordering':
      return shuffleAwayFromOriginal(
        question.items.map((item) => item.id),
        seed,
        `items:${question.id}`,
      );
    case 'matching':
      return shuffleAwayFromOriginal(
        question.pairs.map((p) => p.id),
        seed,
        `right:${question.id}`,
      );
    default:
      return [];
  }
}

/**
 * The order of questions and of their options for the attempt with this seed. The same seed
 * always gives the same layout, so the review after submitting, a reload mid-quiz and a later
 * re-score all see what the learner saw.
 */
export function quizLayout(quiz: Pick<Quiz, 'questions' | 'shuffle'>, seed: number): QuestionView[] {
  const questions = quiz.shuffle ? seededShuffle(quiz.questions, seed, 'questions') : [...quiz.questions];
  return questions.map((q) => ({ id: q.id, order: orderOf(q, seed, quiz.shuffle) }));
}
