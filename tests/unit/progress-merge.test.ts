import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareEvents, type Attempt, type ProgressEvent } from '../../src/domain/progress/events.ts';
import { mergeEvents, mergeLogs } from '../../src/domain/progress/merge.ts';
import { completed, learnerSet, minute, progressLog, viewed } from '../fixtures/progress-events.ts';

// Ids come from a small pool so that the same id turns up in both tabs (and, to stress the tie-break,
// sometimes with different content); times mix arbitrary instants with a few shared ones so that ties happen.
const eventId = fc.constantFrom('e-01', 'e-02', 'e-03', 'e-04', 'e-05', 'e-06', 'e-07', 'e-08', 'e-09', 'e-10');
const isoTime = fc.oneof(
  fc
    .date({ min: new Date('2024-01-01T00:00:00.000Z'), max: new Date('2027-12-31T23:59:59.999Z'), noInvalidDate: true })
    .map((d) => d.toISOString()),
  fc.integer({ min: 0, max: 3 }).map(minute),
);
const lessonId = fc.constantFrom('what-is-service', 'silent-customers', 'crm-basics');

const attempt: fc.Arbitrary<Attempt> = fc
  .record({
    activityId: fc.constantFrom('kc-what-is-service', 'kc-crm-basics', 'complaint-role-play'),
    activityKind: fc.constantFrom('quiz' as const, 'assessment' as const, 'scenario' as const),
    contentVersion: fc.constantFrom('0123456789abcdef', 'fedcba9876543210'),
    answers: fc.constantFrom<Attempt['answers']>({ q1: 'a', q2: ['b', 'c'] }, ['start', 'listen', 'apologise'], null),
    maxScore: fc.integer({ min: 0, max: 10 }),
    scoreShare: fc.double({ min: 0, max: 1, noNaN: true }),
    startedAt: isoTime,
    finishedAt: isoTime,
  })
  .map(({ scoreShare, ...rest }) => {
    const score = Math.round(rest.maxScore * scoreShare);
    return { ...rest, score, passed: score >= rest.maxScore * 0.8 };
  });

const progressEvent: fc.Arbitrary<ProgressEvent> = fc.oneof(
  fc
    .record({ id: eventId, at: isoTime, lessonId })
    .map(({ id, at, lessonId }): ProgressEvent => ({ id, at, type: 'lesson-viewed', lessonId })),
  fc
    .record({ id: eventId, at: isoTime, lessonId })
    .map(({ id, at, lessonId }): ProgressEvent => ({ id, at, type: 'lesson-completed', lessonId })),
  fc.record({ id: eventId, at: isoTime, attempt }).map(({ id, at, attempt }): ProgressEvent => ({ id, at, type: 'attempt', attempt })),
  fc
    .record({ id: eventId, at: isoTime, name: fc.constantFrom('', '王芳', '李雷'), department: fc.constantFrom('', '客服部') })
    .map(({ id, at, name, department }): ProgressEvent => ({
      id,
      at,
      type: 'learner-set',
      learner: { name, employeeId: 'A-17', department },
    })),
);

/** A tab's log: each id at most once, in whatever order it arrived. */
const tabEvents = fc.uniqueArray(progressEvent, { selector: (e) => e.id, maxLength: 10 });

const ids = (events: readonly ProgressEvent[]) => new Set(events.map((e) => e.id));

describe('merging two progress logs', () => {
  it('gives the same result whichever tab merges first', () => {
    fc.assert(
      fc.property(tabEvents, tabEvents, (a, b) => {
        expect(mergeEvents(a, b)).toEqual(mergeEvents(b, a));
      }),
    );
  });

  it('gives the same result however three copies (two tabs and a backup) are grouped', () => {
    fc.assert(
      fc.property(tabEvents, tabEvents, tabEvents, (a, b, c) => {
        expect(mergeEvents(mergeEvents(a, b), c)).toEqual(mergeEvents(a, mergeEvents(b, c)));
      }),
    );
  });

  it('adds nothing when the same log or backup is merged again', () => {
    fc.assert(
      fc.property(tabEvents, tabEvents, (a, b) => {
        const merged = mergeEvents(a, b);
        expect(mergeEvents(merged, merged)).toEqual(merged);
        expect(mergeEvents(merged, b)).toEqual(merged);
        expect(mergeEvents(a, a)).toEqual(mergeEvents(a, []));
      }),
    );
  });

  it('keeps every event id from both sides, each exactly once', () => {
    fc.assert(
      fc.property(tabEvents, tabEvents, (a, b) => {
        const merged = mergeEvents(a, b);
        expect(ids(merged)).toEqual(new Set([...ids(a), ...ids(b)]));
        expect(merged).toHaveLength(ids(merged).size);
      }),
    );
  });

  it('never invents or alters an event: each kept event is one of the inputs, verbatim', () => {
    fc.assert(
      fc.property(tabEvents, tabEvents, (a, b) => {
        for (const event of mergeEvents(a, b)) expect([...a, ...b]).toContainEqual(event);
      }),
    );
  });

  it('keeps events with distinct ids unchanged', () => {
    fc.assert(
      fc.property(tabEvents, tabEvents, (a, b) => {
        const merged = mergeEvents(a, b);
        const shared = ids(a).intersection(ids(b));
        for (const event of [...a, ...b].filter((e) => !shared.has(e.id))) expect(merged).toContainEqual(event);
      }),
    );
  });

  it('lists the result in canonical order: by time, then by id', () => {
    fc.assert(
      fc.property(tabEvents, tabEvents, (a, b) => {
        const merged = mergeEvents(a, b);
        merged.slice(1).forEach((event, i) => {
          const before = merged[i] as ProgressEvent;
          expect(before.at < event.at || (before.at === event.at && before.id < event.id)).toBe(true);
          expect(compareEvents(before, event)).toBe(-1);
        });
      }),
    );
  });

  it('interleaves two tabs’ work by time', () => {
    const tabA = [viewed('a1', 1, 'what-is-service'), completed('a2', 9, 'what-is-service')];
    const tabB = [viewed('b1', 4, 'crm-basics'), learnerSet('b2', 6, { name: '王芳', employeeId: 'A-17', department: '客服部' })];
    expect(mergeEvents(tabA, tabB).map((e) => e.id)).toEqual(['a1', 'b1', 'b2', 'a2']);
  });

  it('orders events recorded in the same millisecond by id, so both tabs agree', () => {
    expect(mergeEvents([viewed('z', 2, 'crm-basics')], [viewed('m', 2, 'what-is-service')]).map((e) => e.id)).toEqual(['m', 'z']);
  });

  it('keeps a single copy of an event both tabs hold', () => {
    const shared = viewed('same', 3, 'crm-basics');
    expect(mergeEvents([shared], [{ ...shared }])).toEqual([shared]);
  });
});

describe('mergeLogs', () => {
  const header = fc.record({
    courseId: fc.constant('service-classroom'),
    resetAt: fc.option(isoTime, { nil: undefined }),
  });

  it('is commutative, associative and idempotent for copies of the same course log', () => {
    fc.assert(
      fc.property(header, tabEvents, tabEvents, tabEvents, ({ courseId, resetAt }, a, b, c) => {
        const [x, y, z] = [progressLog(courseId, a, resetAt), progressLog(courseId, b, resetAt), progressLog(courseId, c, resetAt)];
        expect(mergeLogs(x, y)).toEqual(mergeLogs(y, x));
        expect(mergeLogs(mergeLogs(x, y), z)).toEqual(mergeLogs(x, mergeLogs(y, z)));
        expect(mergeLogs(mergeLogs(x, y), y)).toEqual(mergeLogs(x, y));
      }),
    );
  });

  it('keeps the course and format of the log merged into', () => {
    const merged = mergeLogs(
      progressLog('service-classroom', [viewed('a', 1, 'x')]),
      progressLog('service-classroom', [viewed('b', 2, 'y')]),
    );
    expect(merged).toMatchObject({ format: 'service-classroom/progress', version: 1, courseId: 'service-classroom' });
    expect(merged.events.map((e) => e.id)).toEqual(['a', 'b']);
  });

  it('gives the same log whichever side holds a reset', () => {
    const resetTab = progressLog('service-classroom', [viewed('after-reset', 9, 'crm-basics')], minute(5));
    const staleTab = progressLog('service-classroom', [viewed('before-reset', 1, 'crm-basics')]);
    expect(mergeLogs(resetTab, staleTab)).toEqual(mergeLogs(staleTab, resetTab));
  });
});
