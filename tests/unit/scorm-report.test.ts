import { describe, expect, it } from 'vitest';
import { displayName, forwardOnly, timeOfDay12, timespan12, timespan2004, timestamp2004 } from '../../src/domain/scorm/cmi.ts';
import { lessonsToComplete } from '../../src/domain/course-map.ts';
import { courseReport } from '../../src/domain/scorm/report.ts';
import { catalog, finishedCourse } from '../fixtures/scorm-course.ts';
import { attempted, completed, viewed } from '../fixtures/progress-events.ts';

const lessons = catalog.map.lessons.map((l) => l.id);
const required = catalog.rule.requiredActivities;
const allLessons = lessons.map((id, i) => completed(`c${i}`, i, id));
const pass = (id: string, at: number, score = 10) => attempted(`p-${id}-${at}`, at, id, { score, maxScore: 10, passed: true });
const fail = (id: string, at: number, score = 4) => attempted(`f-${id}-${at}`, at, id, { score, maxScore: 10, passed: false });

describe('what the course reports to the LMS, against the completion rule', () => {
  it('a learner who has only looked around: incomplete, success unknown, no score yet', () => {
    const report = courseReport(catalog, [viewed('v', 1, lessons[0]!)]);
    expect(report).toEqual({ lessonStatus: 'incomplete', completionStatus: 'incomplete', successStatus: 'unknown', progress: 0 });
  });

  it('a knowledge check alone does not make a score: the score is the mean of the required (module) quizzes', () => {
    const kc = catalog.activities.find((a) => a.id.startsWith('kc-'))!.id;
    expect(courseReport(catalog, [pass(kc, 1)]).score).toBeUndefined();
    // One module quiz at 80 %, seven not attempted: 80 / 8 = 10.
    expect(courseReport(catalog, [pass(required[0]!, 1, 8)]).score).toBe(Math.floor(80 / required.length));
  });

  it('every lesson done and every required quiz attempted, one not yet passed: completed but failed (a retake may still pass)', () => {
    const events = [...allLessons, ...required.slice(1).map((id, i) => pass(id, 100 + i)), fail(required[0]!, 200, 5)];
    const report = courseReport(catalog, events);
    expect(report).toMatchObject({ lessonStatus: 'failed', completionStatus: 'completed', successStatus: 'failed', progress: 1 });
    expect(report.score).toBe(Math.floor((100 * (required.length - 1) + 50) / required.length));
    const retaken = courseReport(catalog, [...events, pass(required[0]!, 300, 9)]);
    expect(retaken).toMatchObject({ lessonStatus: 'passed', completionStatus: 'completed', successStatus: 'passed' });
    // The best attempt counts: 9/10 after 5/10.
    expect(retaken.score).toBe(Math.floor((100 * (required.length - 1) + 90) / required.length));
  });

  it('all required quizzes passed but a lesson unfinished: still incomplete', () => {
    const report = courseReport(catalog, [...allLessons.slice(1), ...required.map((id, i) => pass(id, 100 + i))]);
    expect(report).toMatchObject({ lessonStatus: 'incomplete', completionStatus: 'incomplete', successStatus: 'unknown', score: 100 });
    // The share of the lessons that count: class-only activities are left out of it.
    const counted = lessonsToComplete(catalog.map.lessons).length;
    expect(report.progress).toBe(Math.round(((counted - 1) / counted) * 100) / 100);
  });

  it('a finished course: passed and completed', () => {
    expect(courseReport(catalog, finishedCourse({ seed: 1 }).events)).toMatchObject({
      lessonStatus: 'passed',
      completionStatus: 'completed',
      successStatus: 'passed',
      progress: 1,
    });
  });

  it('without required activities, the score is over every graded activity, the self-assessment excepted', () => {
    const open = { ...catalog, rule: { ...catalog.rule, requiredActivities: [] } };
    const graded = catalog.activities.filter((a) => a.kind !== 'assessment');
    expect(courseReport(open, [pass(graded[0]!.id, 1)]).score).toBe(Math.floor(100 / graded.length));
    expect(courseReport(open, allLessons)).toMatchObject({ lessonStatus: 'passed', successStatus: 'passed' });
  });
});

describe('SCORM values', () => {
  it('spells session times as each version wants', () => {
    expect(timespan12(0)).toBe('0000:00:00.00');
    expect(timespan12(3_723_456)).toBe('0001:02:03.46');
    expect(timespan2004(0)).toBe('PT0S');
    expect(timespan2004(63_450)).toBe('PT1M3.45S');
    expect(timespan2004(3_723_456)).toBe('PT1H2M3.46S');
  });

  it('spells interaction times: SCORM 1.2 a time of day in the learner’s zone, 2004 an instant', () => {
    expect(timeOfDay12('2025-03-03T01:05:09.500Z', -480)).toBe('09:05:09');
    expect(timestamp2004('2025-03-03T01:05:09.500Z')).toBe('2025-03-03T01:05:09.0Z');
  });

  it('never moves a status backwards from what the LMS already holds', () => {
    expect(forwardOnly('', 'incomplete')).toBe('incomplete');
    expect(forwardOnly('not attempted', 'incomplete')).toBe('incomplete');
    expect(forwardOnly('passed', 'incomplete')).toBeUndefined();
    expect(forwardOnly('failed', 'passed')).toBe('passed');
    expect(forwardOnly('passed', 'failed')).toBeUndefined();
    expect(forwardOnly('completed', 'incomplete')).toBeUndefined();
    expect(forwardOnly('unknown', 'failed')).toBe('failed');
  });

  it('turns the LMS’s "Family, Given" into a name as the course shows it', () => {
    expect(displayName('王, 小明')).toBe('王小明');
    expect(displayName('Smith, Jane')).toBe('Jane Smith');
    // Without a comma, the LMS's own order (Moodle's full-name format); Chinese parts lose the space.
    expect(displayName('王 小明')).toBe('王小明');
    expect(displayName('Jane  Smith')).toBe('Jane Smith');
    expect(displayName('王小明')).toBe('王小明');
    expect(displayName('  Jane Smith ')).toBe('Jane Smith');
    expect(displayName('a, b, c')).toBe('a, b, c');
  });
});
