import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { parse } from 'yaml';
import { assessmentSchema } from './schemas/assessment.ts';
import { classificationSchema } from './schemas/classification.ts';
import { courseSchema } from './schemas/course.ts';
import { glossaryTermSchema } from './schemas/glossary.ts';
import { jobAidSchema } from './schemas/job-aid.ts';
import { lessonSchema } from './schemas/lesson.ts';
import { quizSchema } from './schemas/quiz.ts';
import { scenarioSchema } from './schemas/scenario.ts';
import { courseRoot } from './integrations/content/content-root.ts';

// Entry ids come from the `id` field, not the file path, so URLs and progress records survive a
// file being moved between module folders. `checkCourse` (run first, by the content-checks
// integration) has already reported any file whose data is wrong, naming the file.
const byDataId = ({ data, entry }: { data: Record<string, unknown>; entry: string }) =>
  typeof data['id'] === 'string' ? data['id'] : entry;

// The content folder: the project's own, or a generated course's (see content-root.ts).
const content = `${courseRoot('.')}/content`;

export const collections = {
  course: defineCollection({
    loader: file(`${content}/course.yaml`, { parser: (text) => ({ course: parse(text) as Record<string, unknown> }) }),
    schema: courseSchema,
  }),
  lessons: defineCollection({
    loader: glob({ pattern: '**/*.mdx', base: `${content}/lessons`, generateId: byDataId }),
    schema: lessonSchema,
  }),
  quizzes: defineCollection({
    loader: glob({ pattern: '*.yaml', base: `${content}/quizzes`, generateId: byDataId }),
    schema: quizSchema,
  }),
  classifications: defineCollection({
    loader: glob({ pattern: '*.yaml', base: `${content}/classifications`, generateId: byDataId }),
    schema: classificationSchema,
  }),
  assessments: defineCollection({
    loader: glob({ pattern: '*.yaml', base: `${content}/assessments`, generateId: byDataId }),
    schema: assessmentSchema,
  }),
  glossary: defineCollection({
    loader: file(`${content}/glossary.yaml`),
    schema: glossaryTermSchema,
  }),
  scenarios: defineCollection({
    loader: glob({ pattern: '*.yaml', base: `${content}/scenarios`, generateId: byDataId }),
    schema: scenarioSchema,
  }),
  jobAids: defineCollection({
    loader: glob({ pattern: '*.yaml', base: `${content}/job-aids`, generateId: byDataId }),
    schema: jobAidSchema,
  }),
};
