import type { z } from 'zod';
import { courseMap } from '../domain/course-map.ts';
import { buildCatalog, type ScormCatalog } from '../domain/scorm/catalog.ts';
import { assessmentSchema } from '../schemas/assessment.ts';
import { classificationSchema } from '../schemas/classification.ts';
import { courseSchema } from '../schemas/course.ts';
import { lessonSchema } from '../schemas/lesson.ts';
import { quizSchema } from '../schemas/quiz.ts';
import { scenarioSchema } from '../schemas/scenario.ts';
import { readContent, type RawFile } from '../integrations/content/read-content.ts';

/**
 * The course catalog for the launch page, from the authored files under `<root>/content`, parsed
 * with the same schemas the site's content collections use, so every activity's content version
 * matches the one its island records. The build has checked the content already; a file that
 * fails here stops the packaging.
 */
export function readCatalog(root: string): ScormCatalog {
  const { content, problems } = readContent(root);
  if (problems.length > 0) throw new Error(`content could not be read: ${problems.map((p) => `${p.file}: ${p.message}`).join('; ')}`);
  const parse = <S extends z.ZodType>(schema: S, raw: RawFile): z.infer<S> => {
    const result = schema.safeParse(raw.data);
    if (!result.success) throw new Error(`${raw.file} does not pass its schema; run npm run check:content`);
    return result.data;
  };
  if (!content.course) throw new Error('content/course.yaml is missing');
  const course = parse(courseSchema, content.course);
  const lessons = content.lessons.map((raw) => parse(lessonSchema, raw));
  const map = courseMap(
    course.modules,
    lessons.map((l) => ({
      id: l.id,
      title: l.title,
      module: l.module,
      order: l.order,
      minutes: l.minutes,
      topics: l.topics,
      requiredActivities: l.requiredActivities,
    })),
  );
  return buildCatalog({
    course,
    map,
    quizzes: content.quizzes.map((raw) => parse(quizSchema, raw)),
    classifications: content.classifications.map((raw) => parse(classificationSchema, raw)),
    assessments: content.assessments.map((raw) => parse(assessmentSchema, raw)),
    scenarios: content.scenarios.map((raw) => parse(scenarioSchema, raw)),
  });
}
