/**
 * `cmi5.xml`, the course structure a cmi5 LMS imports (cmi5 spec section 13, namespace
 * `https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd`): the course, and the whole course
 * as one AU launched at `cmi5/launch.html` in its own window.
 *
 * `moveOn` follows the course's completion rule (`courseReport`): a course that requires passing
 * activities is satisfied when it is both completed and passed; one that only asks for lessons is
 * satisfied when completed. No `masteryScore` is written: the course passes when every required
 * activity is passed (each at its own pass mark), not at one course-wide score, and an LMS that
 * sets a mastery score anyway is obeyed at launch (`domain/cmi5/move-on.ts`).
 */

export const CMI5_NAMESPACE = 'https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd';

/** The course's IRI when the build names none: an IRI needs no real host. */
export { defaultCourseIri } from '../domain/xapi/statements.ts';

export type MoveOn = 'Passed' | 'Completed' | 'CompletedAndPassed' | 'CompletedOrPassed' | 'NotApplicable';

export interface CourseStructureInput {
  courseIri: string;
  title: string;
  description: string;
  /** The AU's launch page, relative to the package root. */
  launch: string;
  rule: { allLessons: boolean; requiredActivities: readonly string[] };
}

/** moveOn for a completion rule: passing is part of it exactly when the rule requires activities. */
export const moveOnFor = (rule: CourseStructureInput['rule']): MoveOn =>
  rule.requiredActivities.length > 0 ? 'CompletedAndPassed' : 'Completed';

const escapeXml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

const langstring = (text: string) => `<langstring lang="zh-CN">${escapeXml(text)}</langstring>`;

export function courseStructureXml(input: CourseStructureInput): string {
  const title = langstring(input.title);
  const description = langstring(input.description);
  return `<?xml version="1.0" encoding="UTF-8"?>
<courseStructure xmlns="${CMI5_NAMESPACE}">
  <course id="${escapeXml(input.courseIri)}">
    <title>${title}</title>
    <description>${description}</description>
  </course>
  <au id="${escapeXml(`${input.courseIri}/au`)}" moveOn="${moveOnFor(input.rule)}" launchMethod="OwnWindow">
    <title>${title}</title>
    <description>${description}</description>
    <url>${escapeXml(input.launch)}</url>
  </au>
</courseStructure>
`;
}
