import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { t } from '../../src/i18n/index.ts';
import { quizSchema, type Question, type Quiz } from '../../src/schemas/quiz.ts';

// The journeys answer real knowledge checks, so they read the right answers from the quiz files
// rather than repeating option texts that change whenever an item is rewritten.

export const readQuiz = (id: string): Quiz => quizSchema.parse(parse(readFileSync(`content/quizzes/${id}.yaml`, 'utf8')));

/** The accessible names of the right choices of a choice or true/false question, as the learner sees them. */
export function rightLabels(question: Question): string[] {
  if (question.type === 'truefalse') return [t(question.answer ? 'quiz.true' : 'quiz.false')];
  if (question.type === 'single' || question.type === 'multiple') return question.options.filter((o) => o.correct).map((o) => o.text);
  return [];
}

/** The accessible names of the wrong choices of a choice or true/false question. */
export function wrongLabels(question: Question): string[] {
  if (question.type === 'truefalse') return [t(question.answer ? 'quiz.false' : 'quiz.true')];
  if (question.type === 'single' || question.type === 'multiple') return question.options.filter((o) => !o.correct).map((o) => o.text);
  return [];
}

/** The question of a quiz whose prompt a fieldset's legend shows. */
export const questionIn = (quiz: Quiz, legend: string): Question | undefined => quiz.questions.find((q) => legend.includes(q.prompt));

/** The question of a quiz by id; throws if the quiz no longer has it, so a rename is caught where it matters. */
export function question(quiz: Quiz, id: string): Question {
  const found = quiz.questions.find((q) => q.id === id);
  if (!found) throw new Error(`${quiz.id} has no question "${id}"`);
  return found;
}
