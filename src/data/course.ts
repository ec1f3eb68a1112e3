import { getEntry } from 'astro:content';
import type { CourseMap } from '../domain/course-map.ts';
import type { Course } from '../schemas/course.ts';
import { loadCatalogue } from './catalogue.ts';

/** The course definition from `content/course.yaml`. */
export async function loadCourse(): Promise<Course> {
  const entry = await getEntry('course', 'course');
  if (!entry) throw new Error('content/course.yaml is missing');
  return entry.data;
}

/** The course map (modules with their quizzes, and lessons, in order): the catalogue's. */
export const loadCourseMap = async (): Promise<CourseMap> => (await loadCatalogue()).map;
