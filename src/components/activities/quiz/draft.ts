import type { QuestionResponse } from '../../../domain/quiz-scoring.ts';

/** A knowledge check in progress, kept in drafts so a reload resumes it with the same order. */
export interface QuizDraft {
  /** contentVersion of the quiz the draft was started on; a changed quiz starts afresh. */
  version: string;
  seed: number;
  startedAt: string;
  responses: Record<string, QuestionResponse>;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export const isQuizDraft = (v: unknown): v is QuizDraft =>
  isObj(v) &&
  typeof v['version'] === 'string' &&
  typeof v['seed'] === 'number' &&
  typeof v['startedAt'] === 'string' &&
  isObj(v['responses']);

/** A fresh 32-bit seed for a new attempt. */
export const newSeed = (): number => crypto.getRandomValues(new Uint32Array(1))[0] ?? 0;

/** What to re-read, per outline topic: the topic's title and the lessons that teach it (built at build time). */
export type Reread = Record<string, { title: string; lessons: { title: string; href: string }[] }>;
