import { defaultCourseIri } from '../../domain/xapi/vocabulary.ts';

/**
 * The deployment's xAPI settings, read at build time. `PUBLIC_XAPI_COURSE_IRI` names the course in
 * statements (default: an IRI under a reserved `.invalid` host, built from the course id).
 */
export const courseIri = (courseId: string): string =>
  (import.meta.env['PUBLIC_XAPI_COURSE_IRI'] as string | undefined) || defaultCourseIri(courseId);
