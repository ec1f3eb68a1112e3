import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ProgressEvent } from '../../src/domain/progress/events.ts';
import { mergeEvents } from '../../src/domain/progress/merge.ts';
import { MAX_PROGRESS_BYTES, parseProgress, salvageProgress, type ParseResult } from '../../src/domain/progress/parse.ts';
import { attempted, completed, learnerSet, minute, progressLog, viewed } from '../fixtures/progress-events.ts';

const COURSE = 'service-classroom';

const events: ProgressEvent[] = [
  viewed('e1', 1, 'what-is-service'),
  attempted('e2', 6, 'kc-what-is-service', { score: 9, passed: true, answers: { q1: ['a', 'c'], q2: true } }),
  completed('e3', 7, 'what-is-service'),
  learnerSet('e4', 8, { name: '王芳', employeeId: 'A-17', department: '客服部' }),
];
const validLog = progressLog(COURSE, events);
/** A backup as `exportBackup` writes it. */
const validText = JSON.stringify(validLog, null, 1);

const refusal = (result: ParseResult) => (result.ok ? 'accepted' : { reason: result.reason, detail: result.detail });

describe('reading a progress record', () => {
  it('reads back a log exactly as it was written', () => {
    expect(parseProgress(validText, COURSE)).toEqual({ ok: true, log: validLog });
    expect(parseProgress(JSON.stringify(validLog), COURSE)).toEqual({ ok: true, log: validLog });
  });

  it('reads back a log that was reset, keeping the reset time', () => {
    const reset = progressLog(COURSE, [], minute(30));
    expect(parseProgress(JSON.stringify(reset), COURSE)).toEqual({ ok: true, log: reset });
  });

  it('accepts an empty log of this course', () => {
    expect(parseProgress(JSON.stringify(progressLog(COURSE, [])), COURSE).ok).toBe(true);
  });
});

describe('refusing what is not a progress record of this course', () => {
  it('refuses an empty file as empty', () => {
    expect(refusal(parseProgress('', COURSE))).toEqual({ reason: 'empty', detail: undefined });
  });

  it('refuses a file of only spaces and newlines as empty', () => {
    expect(refusal(parseProgress('  \n\t \r\n', COURSE))).toEqual({ reason: 'empty', detail: undefined });
  });

  it('refuses a file over 5 MB as too large', () => {
    expect(refusal(parseProgress(`{"x":"${'a'.repeat(MAX_PROGRESS_BYTES)}"}`, COURSE))).toEqual({ reason: 'too-large', detail: undefined });
  });

  it('refuses a file cut off in the middle as truncated', () => {
    expect(refusal(parseProgress('{"format":"service-classroom/progress","version":1,"cour', COURSE))).toEqual({
      reason: 'truncated',
      detail: undefined,
    });
    expect(refusal(parseProgress(validText.slice(0, validText.length / 2), COURSE))).toMatchObject({ reason: 'truncated' });
  });

  it('refuses a backup cut off right after a closing brace as truncated, not as “not JSON”', () => {
    const lines = validText.split('\n');
    const cut = lines.slice(0, lines.findIndex((line) => line.trim() === '}') + 1).join('\n');
    expect(cut.trim().endsWith('}')).toBe(true);
    expect(refusal(parseProgress(cut, COURSE))).toMatchObject({ reason: 'truncated' });
  });

  it('refuses text that is not JSON', () => {
    expect(refusal(parseProgress('学习记录：已完成 3 课', COURSE))).toEqual({ reason: 'not-json', detail: undefined });
    expect(refusal(parseProgress('<!doctype html><html></html>', COURSE))).toEqual({ reason: 'not-json', detail: undefined });
  });

  it('refuses JSON of another shape as not a progress record', () => {
    for (const text of ['[]', '[1,2,3]', '{"hello":1}', 'null', '42', '"progress"', '{"format":"other-app/progress","version":1}']) {
      expect(refusal(parseProgress(text, COURSE)), text).toEqual({ reason: 'not-progress', detail: undefined });
    }
  });

  it('refuses another course’s record, naming that course', () => {
    const other = JSON.stringify(progressLog('complaint-handling', events));
    expect(refusal(parseProgress(other, COURSE))).toEqual({ reason: 'other-course', detail: 'complaint-handling' });
  });

  it('refuses a record written by a newer version of the site', () => {
    expect(refusal(parseProgress(JSON.stringify({ ...validLog, version: 2 }), COURSE))).toEqual({
      reason: 'newer-version',
      detail: undefined,
    });
  });

  it('refuses a record without a version or without an events list as invalid', () => {
    const { version: _version, ...noVersion } = validLog;
    const { events: _events, ...noEvents } = validLog;
    expect(refusal(parseProgress(JSON.stringify(noVersion), COURSE))).toEqual({ reason: 'invalid', detail: undefined });
    expect(refusal(parseProgress(JSON.stringify(noEvents), COURSE))).toEqual({ reason: 'invalid', detail: undefined });
    expect(refusal(parseProgress(JSON.stringify({ ...validLog, events: {} }), COURSE))).toEqual({ reason: 'invalid', detail: undefined });
  });

  it('refuses a record with a malformed event, naming its 1-based position', () => {
    const badThird = { ...validLog, events: [events[0], events[1], { ...events[2], at: 'yesterday' }, events[3]] };
    expect(refusal(parseProgress(JSON.stringify(badThird), COURSE))).toEqual({ reason: 'invalid', detail: '3' });
  });

  it('names the first malformed event when several are wrong', () => {
    const log = { ...validLog, events: [events[0], { id: 'x', at: minute(2), type: 'lesson-skipped', lessonId: 'a' }, 'oops'] };
    expect(refusal(parseProgress(JSON.stringify(log), COURSE))).toEqual({ reason: 'invalid', detail: '2' });
  });

  it.each<[string, unknown]>([
    [
      'an attempt with a negative maximum score',
      { ...events[1], attempt: { ...(events[1] as { attempt: object }).attempt, maxScore: -1 } },
    ],
    ['an attempt of an unknown kind', { ...events[1], attempt: { ...(events[1] as { attempt: object }).attempt, activityKind: 'survey' } }],
    ['an attempt without answers', { ...events[1], attempt: { ...(events[1] as { attempt: object }).attempt, answers: undefined } }],
    ['an event with an empty id', { ...events[0], id: '' }],
    ['an event time without a time zone', { ...events[0], at: '2025-03-03T08:01:00' }],
    [
      'a learner profile missing its department',
      { id: 'e9', at: minute(9), type: 'learner-set', learner: { name: '王芳', employeeId: 'A-17' } },
    ],
  ])('refuses %s as invalid', (_what, bad) => {
    expect(refusal(parseProgress(JSON.stringify({ ...validLog, events: [events[0], bad] }), COURSE))).toEqual({
      reason: 'invalid',
      detail: '2',
    });
  });

  it('refuses a record whose reset time is not a time', () => {
    expect(refusal(parseProgress(JSON.stringify({ ...validLog, resetAt: 'last week' }), COURSE))).toEqual({
      reason: 'invalid',
      detail: undefined,
    });
    expect(refusal(parseProgress(JSON.stringify({ ...validLog, resetAt: 1741000000000 }), COURSE))).toMatchObject({ reason: 'invalid' });
  });
});

describe('upgrading a version 0 record', () => {
  const v0 = {
    schema: 0,
    courseId: COURSE,
    events: [
      { id: 'old-1', kind: 'lesson-viewed', time: minute(1), lessonId: 'what-is-service' },
      { id: 'old-2', kind: 'lesson-completed', time: minute(4), lessonId: 'what-is-service' },
      { id: 'old-3', kind: 'learner-set', time: minute(5), learner: { name: '李雷', employeeId: '', department: '' } },
    ],
  };

  it('reads a version 0 record as version 1', () => {
    expect(parseProgress(JSON.stringify(v0), COURSE)).toEqual({
      ok: true,
      log: progressLog(COURSE, [
        viewed('old-1', 1, 'what-is-service'),
        completed('old-2', 4, 'what-is-service'),
        learnerSet('old-3', 5, { name: '李雷', employeeId: '', department: '' }),
      ]),
    });
  });

  it('gives the same events when the same old record is migrated twice and merged', () => {
    const once = parseProgress(JSON.stringify(v0), COURSE);
    const twice = parseProgress(JSON.stringify(v0), COURSE);
    if (!once.ok || !twice.ok) throw new Error('version 0 record was refused');
    expect(mergeEvents(once.log.events, twice.log.events)).toEqual(mergeEvents(once.log.events, []));
  });

  it('refuses a version 0 record with a malformed event, naming its position', () => {
    const broken = { ...v0, events: [v0.events[0], { id: 'old-2', kind: 'lesson-completed', lessonId: 'what-is-service' }] };
    expect(refusal(parseProgress(JSON.stringify(broken), COURSE))).toEqual({ reason: 'invalid', detail: '2' });
    expect(refusal(parseProgress(JSON.stringify({ ...v0, events: [7] }), COURSE))).toEqual({ reason: 'invalid', detail: '1' });
  });

  it('refuses a version 0 record of another course, naming it', () => {
    expect(refusal(parseProgress(JSON.stringify({ ...v0, courseId: 'complaint-handling' }), COURSE))).toEqual({
      reason: 'other-course',
      detail: 'complaint-handling',
    });
  });
});

describe('salvaging a damaged record', () => {
  // A learner's log as the store keeps it: compact JSON, every event appended in time order.
  const lessons = ['what-is-service', 'service-mindset', 'crm-basics', 'customer-value-ladder', 'service-flower'];
  const long: ProgressEvent[] = [
    learnerSet('p0', 0, { name: '王芳', employeeId: 'A-17', department: '客服部' }),
    ...lessons.flatMap((lesson, i) => [
      viewed(`v${i}`, 10 * i + 1, lesson),
      attempted(`a${i}`, 10 * i + 5, `kc-${lesson}`, {
        score: i,
        maxScore: 4,
        passed: i >= 3,
        answers: { seed: i, responses: { q: ['x', 'y'] } },
      }),
      completed(`c${i}`, 10 * i + 9, lesson),
    ]),
  ];
  const stored = JSON.stringify(progressLog(COURSE, long));
  /** Events whose whole text, and the start of the next, lie before the cut. */
  const whole = (cut: number) => long.filter((_, i) => i < long.length - 1 && stored.indexOf(`"id":"${long[i + 1]!.id}"`) <= cut).length;
  const salvaged = (text: string) => salvageProgress(text, COURSE)?.events ?? [];

  it.each([0.1, 0.25, 0.4, 0.6, 0.75, 0.9, 0.99])('keeps every whole event of a record cut at %s of its length', (share) => {
    const cut = Math.floor(stored.length * share);
    const text = stored.slice(0, cut);
    expect(parseProgress(text, COURSE)).toMatchObject({ ok: false, reason: 'truncated' });
    const kept = salvaged(text);
    expect(kept).toEqual(long.slice(0, kept.length));
    expect(kept).toHaveLength(whole(cut));
  });

  it('reads the prefix of a record cut anywhere, never an event that was not whole', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: stored.length - 1 }), (cut) => {
        const kept = salvaged(stored.slice(0, cut));
        expect(kept).toEqual(long.slice(0, kept.length));
        expect(kept).toHaveLength(whole(cut));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the events that validate when some in the middle do not', () => {
    const damaged = JSON.parse(stored) as { events: unknown[] };
    damaged.events[4] = { id: 'x', at: 'yesterday', type: 'lesson-viewed' };
    damaged.events[7] = 'garbage';
    const kept = salvaged(JSON.stringify(damaged));
    expect(kept).toEqual(long.filter((_, i) => i !== 4 && i !== 7));
  });

  it('reads nothing of a record cut before its first event, of another course, or of no known shape', () => {
    expect(salvageProgress(stored.slice(0, 60), COURSE)).toBeUndefined();
    expect(salvageProgress(JSON.stringify(progressLog('complaint-handling', long)).slice(0, 800), COURSE)).toBeUndefined();
    expect(salvageProgress('progress: lesson 1 done', COURSE)).toBeUndefined();
    expect(
      salvageProgress(JSON.stringify({ format: 'service-classroom/progress', version: 1, courseId: COURSE, events: ['x'] }), COURSE),
    ).toBeUndefined();
  });
});
