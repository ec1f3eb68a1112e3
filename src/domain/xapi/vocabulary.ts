/**
 * The words the course's xAPI statements are made of: ADL's verbs, the activity types, and the
 * course's own result and context extensions (IRIs under a reserved `.invalid` host: an IRI names,
 * it is never fetched). Analysts query an LRS by these; the README lists them.
 */

export const VERBS = {
  completed: 'http://adlnet.gov/expapi/verbs/completed',
  passed: 'http://adlnet.gov/expapi/verbs/passed',
  failed: 'http://adlnet.gov/expapi/verbs/failed',
  experienced: 'http://adlnet.gov/expapi/verbs/experienced',
} as const;

export const EXTENSIONS = {
  answers: 'https://service-classroom.invalid/xapi/answers',
  contentVersion: 'https://service-classroom.invalid/xapi/content-version',
  activityKind: 'https://service-classroom.invalid/xapi/activity-kind',
  startedAt: 'https://service-classroom.invalid/xapi/started-at',
  courseVersion: 'https://service-classroom.invalid/xapi/course-version',
  department: 'https://service-classroom.invalid/xapi/department',
} as const;

/** A course's IRI when the deployment names none: an IRI identifies, it need not resolve. */
export const defaultCourseIri = (courseId: string): string => `https://service-classroom.invalid/courses/${courseId}`;

/** Where each kind of activity lives under the course's IRI. */
export const ACTIVITY_PATHS = { lesson: 'lessons', quiz: 'quizzes', assessment: 'assessments', scenario: 'scenarios' } as const;
