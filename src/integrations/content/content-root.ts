import { resolve } from 'node:path';

/**
 * The folder whose `content/` the course is built from: the project itself, or `COURSE_ROOT` when
 * set, so a generated course (the bench's 200 lessons) can be built and checked without touching
 * `content/`. The content collections, the build's content checks and `npm run check:content` all
 * read from here.
 */
export const COURSE_ROOT_VARIABLE = 'COURSE_ROOT';

export function courseRoot(projectRoot: string): string {
  const fromEnv = process.env[COURSE_ROOT_VARIABLE];
  return fromEnv ? resolve(fromEnv) : projectRoot;
}
