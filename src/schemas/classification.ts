import { z } from 'zod';
import { idSchema, personalityTypeSchema, textSchema } from './ids.ts';

/** Where a situation takes place; shown as a tag above it. */
export const settingSchema = z.enum(['counter', 'phone', 'online', 'complaint']);
export type Setting = z.infer<typeof settingSchema>;

/** What the decks say about one personality type: shown with the results, per type. */
export const typeGuidanceSchema = z.object({
  /** Which of the four types this is. */
  type: personalityTypeSchema,
  /** The type's Chinese name, e.g. "活泼型". */
  name: textSchema,
  /** How to recognise the type: what such a customer says and does. */
  signs: z.array(textSchema).min(1),
  /** How to serve the type. */
  serve: z.array(textSchema).min(1),
  /** What to avoid with the type. */
  avoid: z.array(textSchema).min(1),
  /** The service styles (named by type) that the deck says suit this customer. */
  suitedService: z.array(personalityTypeSchema).min(1),
});

/** One way of serving the customer in a situation. */
export const approachSchema = z.object({
  /** Option id, unique within its item. */
  id: idSchema,
  /** What the service person does or says. */
  text: textSchema,
  /**
   * The personality type this approach is right for. Exactly one option of an item fits the
   * item's type; that option is the right answer. Leave it out for an approach that suits no one.
   */
  fits: personalityTypeSchema.optional(),
  /** Shown after answering when the learner chose this option. */
  feedback: textSchema.optional(),
});

/** A short customer situation: the learner names the type, then picks how to serve. */
export const classificationItemSchema = z.object({
  /** Item id, unique within the set; answers are recorded by it. */
  id: idSchema,
  /** Counter, phone, online chat, or a complaint. */
  setting: settingSchema,
  /** What the customer says and does, in two to four sentences. */
  situation: textSchema,
  /** The customer's personality type: the right answer to "which type is this?". */
  type: personalityTypeSchema,
  /** Ways to serve this customer; the one that `fits` the item's type is right. */
  options: z.array(approachSchema).min(3),
  /** Why this is that type and why that approach, shown after answering. */
  explanation: textSchema,
});

/**
 * `content/classifications/<id>.yaml`: a personality-classification set (outline 4.4), shown at
 * `/quizzes/<id>/` and embeddable with `<Quiz id="…" />`. Scored by `scoreClassification`.
 */
export const classificationSchema = z.object({
  /** Set id, unique among all activities; the file name without `.yaml`. */
  id: idSchema,
  /** Title shown above the set. */
  title: textSchema,
  /** One or two sentences on what the learner will do. */
  intro: textSchema,
  /** Percent of the maximum score (2 points per item) needed to pass. */
  passMark: z.number().int().min(0).max(100).default(70),
  /** Shuffle the items and their options; the order is fixed for the length of one attempt. */
  shuffle: z.boolean().default(true),
  /** The four types, each once, with the decks' guidance. */
  types: z.array(typeGuidanceSchema).length(4, '应列出全部四种性格类型，每种一次'),
  /** The situations. */
  items: z.array(classificationItemSchema).min(4),
});

export type Classification = z.infer<typeof classificationSchema>;
export type ClassificationItem = z.infer<typeof classificationItemSchema>;
export type TypeGuidance = z.infer<typeof typeGuidanceSchema>;
