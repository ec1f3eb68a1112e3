import { z } from 'zod';
import { deckSchema, idSchema, textSchema, topicIdSchema } from './ids.ts';

/**
 * Front matter of a lesson, `content/lessons/<module>/<file>.mdx`. Cross-file rules (the module
 * exists, topics are in the outline, activities exist) are checked by `checkCourse`.
 */
export const lessonSchema = z
  .object({
    /** Lesson id, unique in the course; the lesson's URL is `/lessons/<id>/`. */
    id: idSchema,
    /** Lesson title in Chinese; the first slide when presented. */
    title: textSchema,
    /** Id of the module in `course.yaml`; must match the folder the file sits in. */
    module: idSchema,
    /** Position within the module, from 1. */
    order: z.number().int().min(1),
    /** Estimated minutes for a learner on their own. */
    minutes: z.number().int().min(1).max(60),
    /** What the learner will be able to do afterwards; shown at the top of the lesson. */
    objectives: z.array(textSchema).min(1, '至少写一条学习目标'),
    /** Outline topics the lesson teaches, e.g. `[2.3, 2.6]`. */
    topics: z.array(topicIdSchema).min(1, '至少标注一个大纲主题'),
    /** Deck files the lesson draws on, so a trainer can trace every fact. */
    sources: z.array(deckSchema).min(1, '至少注明一个来源课件'),
    /**
     * For authors and trainers, never shown in the lesson: how the lesson uses its sources — where
     * the decks disagree, a figure the decks lost, a deck's own spelling. Listed on the sources page.
     */
    sourceNotes: z.array(textSchema).default([]),
    /** Ids of the activities (quizzes, assessments, scenarios) embedded in the lesson. */
    activities: z.array(idSchema).default([]),
    /** Activities that must be passed before the lesson counts as completed; a subset of `activities`. */
    requiredActivities: z.array(idSchema).default([]),
    /** Marks a classroom activity lesson (outline 8.5): presented with a countdown timer. */
    classActivity: z
      .object({
        /** Minutes the trainer's countdown starts from. */
        minutes: z.number().int().min(1).max(120),
      })
      .optional(),
  })
  .superRefine((lesson, ctx) => {
    lesson.requiredActivities.forEach((id, i) => {
      if (!lesson.activities.includes(id)) {
        ctx.addIssue({ code: 'custom', path: ['requiredActivities', i], message: `"${id}" 不在本课的 activities 列表中` });
      }
    });
  });

export type LessonMeta = z.infer<typeof lessonSchema>;
