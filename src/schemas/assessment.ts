import { z } from 'zod';
import { idSchema, personalityTypeSchema, textSchema } from './ids.ts';

/** The four communication styles of deck 001's self-test (outline 4.5). */
export const communicationStyleSchema = z.enum(['control', 'thinking', 'affinity', 'expressive']);
export type CommunicationStyle = z.infer<typeof communicationStyleSchema>;

/** The two item groups of the test: each item's 1–4 score feeds the average of its group. */
export const axisSchema = z.enum(['A', 'B']);
export type Axis = z.infer<typeof axisSchema>;

/** A statement the learner rates from 1 (not like me) to 4 (very like me). */
export const assessmentItemSchema = z.object({
  /** Item id, unique within the assessment; answers are recorded by it. */
  id: idSchema,
  /** Which average the item feeds. */
  axis: axisSchema,
  /** A statement about how the learner communicates, in the first person. */
  statement: textSchema,
  /**
   * The statement describes the low end of its axis: a rating r counts as 5 − r, so agreeing
   * lowers the average. Mixing such items in keeps "agree with everything" from deciding the result.
   */
  reverse: z.boolean().default(false),
});

/** What the two ends of an axis mean, labelled on the chart. Keep the labels to a few characters. */
const axisMeaningSchema = z.object({
  /** Short name of the axis, e.g. "主导性". */
  name: textSchema,
  /** The low end (average below 2.5), e.g. "先听后说". */
  low: textSchema.max(8, '坐标轴两端的标签最多 8 个字'),
  /** The high end (average above 2.5), e.g. "主动开口". */
  high: textSchema.max(8, '坐标轴两端的标签最多 8 个字'),
});

/** Result texts for one communication style. */
export const styleProfileSchema = z.object({
  /** Which style. */
  style: communicationStyleSchema,
  /** Chinese name, e.g. "控制力". */
  name: textSchema,
  /** The deck's adjectives for the style. */
  adjectives: z.array(textSchema).min(2),
  /** A sentence or two describing the style. */
  summary: textSchema,
  /** What the style is good at with customers. */
  strengths: z.array(textSchema).min(1),
  /** What the style risks with each customer personality type (outline 4.4). */
  risks: z.object({
    lively: textSchema,
    powerful: textSchema,
    peaceful: textSchema,
    analytical: textSchema,
  }),
  /** The customer types this style serves most naturally. */
  naturalFor: z.array(personalityTypeSchema),
  /** Why those customers, and what to borrow from other styles for the rest. */
  naturalNote: textSchema,
});

/**
 * `content/assessments/<id>.yaml`: an ungraded self-assessment, shown at `/assessments/<id>/`
 * and embeddable with `<Assessment id="…" />`. Profiled by `profileCommunicationStyle`.
 */
export const assessmentSchema = z.object({
  /** Assessment id, unique among all activities. */
  id: idSchema,
  /** Title shown above the assessment. */
  title: textSchema,
  /** What the learner is about to do, and that it is not graded. */
  intro: textSchema,
  /** Labels of the ratings 1, 2, 3 and 4, in that order. */
  scale: z.array(textSchema).length(4),
  /** What the A and B averages measure. */
  axes: z.object({ A: axisMeaningSchema, B: axisMeaningSchema }),
  /** The statements, in the order shown. */
  items: z.array(assessmentItemSchema).min(2),
  /** Result texts for the four styles, each once. */
  styles: z.array(styleProfileSchema).length(4),
});

export type Assessment = z.infer<typeof assessmentSchema>;
export type AssessmentItem = z.infer<typeof assessmentItemSchema>;
export type StyleProfile = z.infer<typeof styleProfileSchema>;
