import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { attemptToken, chooseAttempt, mergeResumed, tagSuspendData, untagSuspendData } from '../../src/domain/scorm/resume.ts';
import { decodeSuspendData, encodeSuspendData } from '../../src/domain/scorm/suspend-data.ts';
import { catalog, finishedCourse } from '../fixtures/scorm-course.ts';
import { attempted, completed, learnerSet, minute, progressLog, viewed } from '../fixtures/progress-events.ts';

const lessonA = catalog.map.lessons[0]!.id;
const lessonB = catalog.map.lessons[1]!.id;
const quiz = catalog.activities.find((a) => a.kind === 'quiz')!;

/** The LMS copy of a log: what the launch page reads back on the next launch. */
function fromLms(log: ReturnType<typeof progressLog>) {
  const decoded = decodeSuspendData(catalog, encodeSuspendData(catalog, log).text);
  if (!decoded.ok) throw new Error(decoded.reason);
  return decoded;
}

describe('joining the LMS copy with this browser’s copy on launch', () => {
  it('recognises the LMS twin of a local event and keeps the fuller local one', () => {
    const local = progressLog(catalog.course.id, [
      viewed('v1', 1, lessonA),
      completed('c1', 5, lessonA),
      attempted('a1', 4, quiz.id, { contentVersion: quiz.version, answers: { seed: 7, responses: {} } }),
    ]);
    const joined = mergeResumed(local, fromLms(local));
    expect(joined.events.map((e) => e.id)).toEqual(['v1', 'a1', 'c1']);
  });

  it('adds what only the LMS knows (progress made on another computer)', () => {
    const elsewhere = progressLog(catalog.course.id, [viewed('v1', 1, lessonA), completed('c1', 5, lessonA), viewed('v2', 9, lessonB)]);
    const here = progressLog(catalog.course.id, [viewed('mine', 1, lessonA)]);
    const joined = mergeResumed(here, fromLms(elsewhere));
    expect(joined.events.map((e) => [e.type, e.type === 'lesson-viewed' || e.type === 'lesson-completed' ? e.lessonId : ''])).toEqual([
      ['lesson-viewed', lessonA],
      ['lesson-completed', lessonA],
      ['lesson-viewed', lessonB],
    ]);
    expect(joined.events[0]!.id).toBe('mine');
  });

  it('is idempotent: launching again with the same LMS data adds nothing', () => {
    const log = finishedCourse({ seed: 3 });
    const lms = fromLms(log);
    const once = mergeResumed(progressLog(catalog.course.id, []), lms);
    const twice = mergeResumed(once, lms);
    expect(twice).toEqual(once);
    expect(mergeResumed(log, lms).events).toHaveLength(log.events.length);
  });

  it('never takes a learner profile from the LMS copy; the local one stays', () => {
    const local = progressLog(catalog.course.id, [learnerSet('l1', 0, { name: '王小明', employeeId: 'E1024', department: '客服部' })]);
    const joined = mergeResumed(local, { events: [learnerSet('x', 1, { name: 'someone else', employeeId: 'X', department: '' })] });
    expect(joined.events.map((e) => e.id)).toEqual(['l1']);
  });

  it('follows the later reset: events from before it are forgotten on both sides', () => {
    const local = progressLog(catalog.course.id, [completed('old', 1, lessonA), completed('new', 20, lessonB)]);
    const resetElsewhere = { events: [viewed('lms', 15, lessonB)], resetAt: minute(10) };
    const joined = mergeResumed(local, resetElsewhere);
    expect(joined.resetAt).toBe(minute(10));
    expect(joined.events.map((e) => e.id)).toEqual(['lms', 'new']);

    const resetHere = progressLog(catalog.course.id, [completed('new', 20, lessonB)], minute(10));
    expect(mergeResumed(resetHere, { events: [completed('x', 1, lessonA)] }).events.map((e) => e.id)).toEqual(['new']);
  });
});

describe('the attempt a suspend data belongs to', () => {
  it('a tag round-trips with any suspend data, and untagged text (older packages) stays as it was', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 10, maxLength: 10 }), fc.stringMatching(/^[DR][A-Za-z0-9_-]*$/), (bytes, text) => {
        const token = attemptToken(() => bytes);
        expect(token).toMatch(/^[a-z0-9]{10}$/);
        expect(untagSuspendData(tagSuspendData(token, text))).toEqual({ token, text });
        expect(untagSuspendData(text)).toEqual({ text });
      }),
    );
  });

  it('a tagged LMS copy names its attempt; without one, ab-initio is a new attempt, anything else the latest copy', () => {
    expect(chooseAttempt('resume', 'abcdefghij')).toEqual({ kind: 'same', token: 'abcdefghij' });
    expect(chooseAttempt('', 'abcdefghij')).toEqual({ kind: 'same', token: 'abcdefghij' });
    expect(chooseAttempt('ab-initio', undefined)).toEqual({ kind: 'new' });
    expect(chooseAttempt('resume', undefined)).toEqual({ kind: 'untagged' });
    expect(chooseAttempt('', undefined)).toEqual({ kind: 'untagged' });
  });
});
