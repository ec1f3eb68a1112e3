import { z } from 'zod';
import { idSchema, textSchema, topicIdSchema } from './ids.ts';

/** An answer option of a choice question. */
export const optionSchema = z.object({
  /** Option id, unique within its question; answers are recorded by id, never by position. */
  id: idSchema,
  /** The option as the learner reads it. */
  text: textSchema,
  /** Whether choosing this option is right. */
  correct: z.boolean().default(false),
  /** Shown after submitting when the learner chose this option: why it is right or wrong. */
  feedback: textSchema.optional(),
});

const questionBase = {
  /** Question id, unique within its quiz. */
  id: idSchema,
  /** The question. */
  prompt: textSchema,
  /** The outline topic the question tests; missed topics link back to their lessons. */
  topic: topicIdSchema,
  /** Shown after submitting, whatever the answer: the reasoning, in a sentence or two. */
  explanation: textSchema,
};

/** One right answer among several options. */
export const singleQuestionSchema = z.object({
  ...questionBase,
  type: z.literal('single'),
  options: z.array(optionSchema).min(2),
});

/** Any number of right answers (at least one); scored with partial credit. */
export const multipleQuestionSchema = z.object({
  ...questionBase,
  type: z.literal('multiple'),
  options: z.array(optionSchema).min(3),
});

/** A statement the learner judges true or false. */
export const trueFalseQuestionSchema = z.object({
  ...questionBase,
  type: z.literal('truefalse'),
  /** Whether the statement in `prompt` is true. */
  answer: z.boolean(),
});

/** Items the learner puts in order; authored in the correct order, shown shuffled. */
export const orderingQuestionSchema = z.object({
  ...questionBase,
  type: z.literal('ordering'),
  items: z.array(z.object({ id: idSchema, text: textSchema })).min(3),
});

/** Pairs the learner matches (left ↔ right); authored as correct pairs, the right side shown shuffled. */
export const matchingQuestionSchema = z.object({
  ...questionBase,
  type: z.literal('matching'),
  pairs: z.array(z.object({ id: idSchema, left: textSchema, right: textSchema })).min(2),
});

export const questionSchema = z.discriminatedUnion('type', [
  singleQuestionSchema,
  multipleQuestionSchema,
  trueFalseQuestionSchema,
  orderingQuestionSchema,
  matchingQuestionSchema,
]);

/** `content/quizzes/<id>.yaml`: a knowledge check embedded in lessons and shown at `/quizzes/<id>/`. */
export const quizSchema = z.object({
  /** Quiz id, unique among all activities; the file name without `.yaml`. */
  id: idSchema,
  /** Title shown above the quiz. */
  title: textSchema,
  /** Percent of the maximum score needed to pass. */
  passMark: z.number().int().min(0).max(100).default(80),
  /** Shuffle questions and options; the order is fixed for the length of one attempt. */
  shuffle: z.boolean().default(true),
  /** How many attempts a learner may make; absent means unlimited. */
  retries: z.number().int().min(1).optional(),
  /** Show the right answers and explanations once the learner submits. */
  showAnswers: z.boolean().default(true),
  /** The questions. */
  questions: z.array(questionSchema).min(1),
});

export type Quiz = z.infer<typeof quizSchema>;
export type Question = z.infer<typeof questionSchema>;
export type QuestionOption = z.infer<typeof optionSchema>;
