import { getCollection, getEntry } from 'astro:content';
import { courseMap, type CourseMap } from '../domain/course-map.ts';
import type { Course } from '../schemas/course.ts';

/** The course definition from `content/course.yaml`. */
export async function loadCourse(): Promise<Course> {
  const entry = await getEntry('course', 'course');
  if (!entry) throw new Error('content/course.yaml is missing');
  return entry.data;
}

/** The course map (modules and lessons in order), built once per build. */
let cached: Promise<CourseMap> | undefined;
export function loadCourseMap(): Promise<CourseMap> {
  cached ??= (async () => {
    const [course, lessons] = await Promise.all([loadCourse(), getCollection('lessons')]);
    return courseMap(
      course.modules,
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
