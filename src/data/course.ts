import { getCollection, getEntry } from 'astro:content';
import { courseMap, type CourseMap } from '../domain/course-map.ts';
import type { Course } from '../schemas/course.ts';

/** The course definition from `content/course.yaml`. */
export async function loadCourse(): Promise<Course> {
  const entry = await getEntry('course', 'course');
  if (!entry) throw new Error('content/course.yaml is missing');
  return entry.data;
}

/** A module's quiz is the knowledge check named `module-<module id>`. */
export const moduleQuizId = (moduleId: string) => `module-${moduleId}`;

/** The course map (modules with their quizzes, and lessons, in order), built once per build. */
let cached: Promise<CourseMap> | undefined;
export function loadCourseMap(): Promise<CourseMap> {
  cached ??= (async () => {
    const [course, lessons, quizzes] = await Promise.all([loadCourse(), getCollection('lessons'), getCollection('quizzes')]);
    const quizTitles = new Map(quizzes.map(({ data }) => [data.id, data.title]));
    return courseMap(
      course.modules.map((module) => {
        const id = moduleQuizId(module.id);
        const title = quizTitles.get(id);
        return title === undefined ? module : { ...module, quiz: { id, title } };
      }),
      lessons.map(({ data }) => ({
        id: data.id,
        title: data.title,
        module: data.module,
        order: data.order,
        minutes: data.minutes,
        topics: data.topics,
        requiredActivities: data.requiredActivities,
      })),
    );
  })();
  return cached;
}
