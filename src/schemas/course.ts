import { z } from 'zod';
import { idSchema, textSchema, topicIdSchema } from './ids.ts';

/** One topic of `../shared/course-outline.md`, listed under the module that teaches it. */
export const topicSchema = z.object({
  /** Outline number, e.g. "2.6". */
  id: topicIdSchema,
  /** Short Chinese title used in "what to re-read" links and coverage reports. */
  title: textSchema,
});

/** A module of the course: a folder of lessons under `content/lessons/<id>/`. */
export const moduleSchema = z.object({
  /** Module id; also the folder name under `content/lessons/`. */
  id: idSchema,
  /** Chinese title shown on the course home. */
  title: textSchema,
  /** One or two sentences saying what the module is for. */
  summary: textSchema,
  /** Outline topics this module is responsible for covering. */
  topics: z.array(topicSchema).min(1, '每个模块至少列出一个大纲主题'),
});

/** The rule that decides when a learner has completed the course. */
export const completionRuleSchema = z.object({
  /** Whether every lesson must be completed; class-only activities never count (`countsForCompletion`). */
  allLessons: z.boolean().default(true),
  /** Activity ids (quizzes, assessments, scenarios) that must be passed (assessments: finished). */
  requiredActivities: z.array(idSchema).default([]),
  /** Pass mark in percent applied to required activities that set none of their own. */
  passMark: z.number().int().min(0).max(100).default(80),
});

/** `content/course.yaml`: the course as a whole. */
export const courseSchema = z
  .object({
    /** Course id; completion records and SCORM packages carry it. */
    id: idSchema,
    /** Course title in Chinese. */
    title: textSchema,
    /** A sentence or two for the course home. */
    description: textSchema,
    /** Modules in teaching order. */
    modules: z.array(moduleSchema).min(1),
    /** When the course counts as completed. */
    completion: completionRuleSchema.default({ allLessons: true, requiredActivities: [], passMark: 80 }),
  })
  .superRefine((course, ctx) => {
    const seenModules = new Set<string>();
    const seenTopics = new Set<string>();
    course.modules.forEach((module, i) => {
      if (seenModules.has(module.id)) {
        ctx.addIssue({ code: 'custom', path: ['modules', i, 'id'], message: `模块 id "${module.id}" 重复` });
      }
      seenModules.add(module.id);
      module.topics.forEach((topic, j) => {
        if (seenTopics.has(topic.id)) {
          ctx.addIssue({ code: 'custom', path: ['modules', i, 'topics', j, 'id'], message: `大纲主题 "${topic.id}" 出现在多个模块中` });
        }
        seenTopics.add(topic.id);
      });
    });
  });

export type Course = z.infer<typeof courseSchema>;
export type CourseModule = z.infer<typeof moduleSchema>;
export type CompletionRule = z.infer<typeof completionRuleSchema>;
