import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CMI5_NAMESPACE, courseStructureXml, defaultCourseIri, moveOnFor } from '../../src/packaging/cmi5-xml.ts';
import { catalog } from '../fixtures/scorm-course.ts';

// cmi5.xml, the course structure a cmi5 LMS imports. No copy of the cmi5 XSD is available here,
// so its structure is checked element by element (and for well-formedness by xmllint, when present).

const input = {
  courseIri: defaultCourseIri(catalog.course.id),
  title: catalog.course.title,
  description: '从服务理念到投诉处理 <八个模块> & 案例',
  launch: 'cmi5/launch.html',
  rule: catalog.rule,
};
const xml = courseStructureXml(input);

/** The elements of `xml` in document order, as "name attr=value …" (a tiny reader: the file has no comments or CDATA). */
const elements = (text: string) =>
  [...text.matchAll(/<([a-zA-Z]+)((?:\s+[\w:]+="[^"]*")*)\s*\/?>/g)].map((m) => [m[1], m[2]!.trim()].join(' ').trim());

describe('cmi5.xml', () => {
  it('holds the course and the course as one AU launched at cmi5/launch.html, in the cmi5 namespace', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
    expect(elements(xml)).toEqual([
      `courseStructure xmlns="${CMI5_NAMESPACE}"`,
      'course id="https://service-classroom.invalid/courses/service-classroom"',
      'title',
      'langstring lang="zh-CN"',
      'description',
      'langstring lang="zh-CN"',
      'au id="https://service-classroom.invalid/courses/service-classroom/au" moveOn="CompletedAndPassed" launchMethod="OwnWindow"',
      'title',
      'langstring lang="zh-CN"',
      'description',
      'langstring lang="zh-CN"',
      'url',
    ]);
    expect(xml).toContain('<url>cmi5/launch.html</url>');
    expect(xml).toContain(`<langstring lang="zh-CN">${catalog.course.title}</langstring>`);
    // Passing is judged per quiz at its own pass mark, so no course-wide mastery score is claimed.
    expect(xml).not.toContain('masteryScore');
  });

  it('escapes text so a title or description cannot break the XML', () => {
    expect(xml).toContain('从服务理念到投诉处理 &lt;八个模块&gt; &amp; 案例');
    const hostile = courseStructureXml({ ...input, title: '"a" & \'b\' </title>' });
    expect(hostile).toContain('&quot;a&quot; &amp; &apos;b&apos; &lt;/title&gt;');
  });

  it('moveOn follows the completion rule: passing required quizzes makes it CompletedAndPassed, lessons alone Completed', () => {
    expect(moveOnFor(catalog.rule)).toBe('CompletedAndPassed');
    expect(moveOnFor({ allLessons: true, requiredActivities: [] })).toBe('Completed');
  });

  it('is well-formed XML', () => {
    const lint = spawnSync('xmllint', ['--noout', '-'], { input: xml, encoding: 'utf8' });
    if (lint.error) return; // xmllint is not installed here; CI installs it (.ci/run)
    expect(lint.stderr).toBe('');
    expect(lint.status).toBe(0);
  });
});
