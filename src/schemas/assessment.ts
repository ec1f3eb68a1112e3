import { z } from 'zod';
import { idSchema, textSchema } from './ids.ts';

/**
 * `content/assessments/<id>.yaml`: an ungraded self-assessment. Started small here; the quiz
 * issue completes it (items, scales, result texts).
 */
export const assessmentSchema = z.object({
  /** Assessment id, unique among all activities. */
  id: idSchema,
  /** Title shown above the assessment. */
  title: textSchema,
  /** What the learner is about to do, and that it is not graded. */
  intro: textSchema,
});

export type Assessment = z.infer<typeof assessmentSchema>;
