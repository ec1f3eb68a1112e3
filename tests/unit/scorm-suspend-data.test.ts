import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Attempt, JsonValue, ProgressEvent, ProgressLog } from '../../src/domain/progress/events.ts';
import { activityResults, completionStatus, lessonProgress } from '../../src/domain/progress/reducers.ts';
import type { CatalogueActivity, Catalogue } from '../../src/domain/catalogue.ts';
import { stableJson } from '../../src/domain/content-version.ts';
import { decodeSuspendData, encodeSuspendData, SCORM12_SUSPEND_LIMIT } from '../../src/domain/scorm/suspend-data.ts';
import { generatedCatalog, generatedLog } from '../fixtures/generated-course.ts';
import { attemptAt, catalog, finishedCourse, random } from '../fixtures/scorm-course.ts';
import formatOne from '../fixtures/suspend-data-format-1.json' with { type: 'json' };

const toSecond = (iso: string) => new Date(Math.floor(Date.parse(iso) / 1000) * 1000).toISOString();
const round4 = (n: number) => Math.round(n * 1e4) / 1e4;

/** A multiple-choice response is a set: the LMS copy lists it in authored order. */
function canonicalAnswers(spec: CatalogueActivity | undefined, answers: JsonValue): JsonValue {
  if (spec?.kind !== 'quiz' || typeof answers !== 'object' || answers === null || Array.isArray(answers)) return answers;
  const responses = { ...(answers['responses'] as Record<string, JsonValue>) };
  for (const q of spec.questions) {
    const r = responses[q.id];
    if (q.type === 'multiple' && Array.isArray(r)) responses[q.id] = q.options.map((o) => o.id).filter((id) => r.includes(id));
  }
  return { ...answers, responses };
}

/** What the LMS copy is meant to keep of a log: every event but the learner profile, to the second, without ids. */
function kept(events: readonly ProgressEvent[], of: Catalogue = catalog) {
  return (
    events
      .filter((e) => e.type !== 'learner-set')
      .map((e) => {
        if (e.type !== 'attempt') return { ...e, id: undefined, at: toSecond(e.at) };
        const a: Attempt = e.attempt;
        const spec = of.activities.find((s) => s.id === a.activityId);
        return {
          type: e.type,
          at: toSecond(e.at),
          attempt: {
            ...a,
            answers: canonicalAnswers(spec, a.answers),
            score: round4(a.score),
            startedAt: toSecond(a.startedAt),
            finishedAt: toSecond(a.finishedAt),
          },
        };
      })
      // Ordered by a key that does not depend on the order an object's fields were written in (the
      // decoder writes an attempt's answers in its own order, and events in the same second tie).
      .map((e) => ({ e, key: `${e.at}|${stableJson(e)}` }))
      .sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0))
      .map(({ e }) => e)
  );
}

function roundTrip(log: ProgressLog) {
  const encoded = encodeSuspendData(catalog, log);
  const decoded = decodeSuspendData(catalog, encoded.text);
  if (!decoded.ok) throw new Error(`not decoded: ${decoded.reason}`);
  return { encoded, decoded };
}

describe('a finished course in suspend data', () => {
  const learners = [1, 2, 3, 4, 5].map((seed) => finishedCourse({ seed }));

  it('fits SCORM 1.2’s 4,096 characters with room to spare, leaving nothing out, for learners who retake up to a third of the activities', () => {
    const quick = finishedCourse({ seed: 8, skill: 0.9, maxAttempts: 2 });
    for (const log of [...learners, quick]) {
      // The learner really did finish: every lesson, every activity, the completion rule met.
      expect(completionStatus(catalog.map, catalog.rule, log.events).met).toBe(true);
      expect(activityResults(log.events).size).toBe(catalog.activities.length);
      const { text, skipped, withoutAnswers } = encodeSuspendData(catalog, log);
      // About 1,900 characters: the other half is room for more retakes (and `fitSuspendData` cuts down beyond that).
      expect(text.length).toBeLessThanOrEqual(SCORM12_SUSPEND_LIMIT * 0.6);
      expect({ skipped, withoutAnswers }).toEqual({ skipped: 0, withoutAnswers: 0 });
    }
  });

  it('decodes to the same lessons, attempts, answers and scores', () => {
    for (const log of learners) {
      const { decoded } = roundTrip(log);
      expect(kept(decoded.events)).toEqual(kept(log.events));
      expect(lessonProgress(decoded.events).size).toBe(catalog.map.lessons.length);
      expect(completionStatus(catalog.map, catalog.rule, decoded.events).met).toBe(true);
    }
  });

  it('gives decoded events ids that depend only on what they record, so a second decode merges into nothing new', () => {
    const { encoded } = roundTrip(learners[0]!);
    const first = decodeSuspendData(catalog, encoded.text);
    const second = decodeSuspendData(catalog, encoded.text);
    expect(first.ok && second.ok && first.events.map((e) => e.id)).toEqual(second.ok && second.events.map((e) => e.id));
    expect(first.ok && new Set(first.events.map((e) => e.id)).size).toBe(first.ok && first.events.length);
  });
});

describe('the suspend-data codec', () => {
  const base = { format: 'service-classroom/progress', version: 1, courseId: catalog.course.id } as const;

  it('round-trips any mix of lesson events and attempts at any activity', () => {
    const event = fc
      .record({
        kind: fc.constantFrom('viewed', 'completed', 'attempt'),
        lesson: fc.integer({ min: 0, max: catalog.map.lessons.length - 1 }),
        activity: fc.integer({ min: 0, max: catalog.activities.length - 1 }),
        at: fc.integer({ min: Date.UTC(2023, 0, 1), max: Date.UTC(2030, 0, 1) }),
        seconds: fc.integer({ min: 0, max: 3 * 3600 }),
        skill: fc.double({ min: 0, max: 1, noNaN: true }),
        seed: fc.integer({ min: 0, max: 2 ** 31 }),
      })
      .map((r): ProgressEvent => {
        const at = new Date(r.at).toISOString();
        if (r.kind !== 'attempt') {
          return {
            id: `x${r.seed}`,
            at,
            type: r.kind === 'viewed' ? 'lesson-viewed' : 'lesson-completed',
            lessonId: catalog.map.lessons[r.lesson]!.id,
          };
        }
        const attempt = attemptAt(catalog.activities[r.activity]!, random(r.seed), r.skill, new Date(r.at - r.seconds * 1000), r.seconds);
        return { id: `x${r.seed}`, at, type: 'attempt', attempt };
      });
    fc.assert(
      fc.property(
        fc.array(event, { maxLength: 30 }),
        fc.option(fc.integer({ min: Date.UTC(2023, 0, 1), max: Date.UTC(2030, 0, 1) })),
        (events, reset) => {
          const resetAt = reset === null ? undefined : new Date(reset).toISOString();
          const log: ProgressLog = { ...base, events, ...(resetAt ? { resetAt } : {}) };
          const { decoded } = roundTrip(log);
          expect(kept(decoded.events)).toEqual(kept(events));
          expect(decoded.resetAt).toEqual(resetAt && toSecond(resetAt));
        },
      ),
      { numRuns: 150 },
    );
  }, 60_000);

  it('carries an attempt whose answers have an unexpected shape, without its answers', () => {
    const spec = catalog.activities.find((a) => a.kind === 'quiz')!;
    const attempt = { ...attemptAt(spec, random(1), 1, new Date('2025-03-03T08:00:00Z'), 60), answers: { q1: 'a' } };
    const log: ProgressLog = { ...base, events: [{ id: 'a', at: attempt.finishedAt, type: 'attempt', attempt }] };
    const encoded = encodeSuspendData(catalog, log);
    expect(encoded.withoutAnswers).toBe(1);
    const { decoded } = roundTrip(log);
    expect(decoded.events[0]).toMatchObject({
      type: 'attempt',
      attempt: { activityId: spec.id, answers: null, score: attempt.score, passed: true },
    });
  });

  it('marks the attempts whose interactions have not reached the LMS yet', () => {
    const log = finishedCourse({ seed: 11 });
    const attempts = log.events.filter((e) => e.type === 'attempt');
    const unsent = new Set([attempts[3]!.id, attempts[7]!.id]);
    const decoded = decodeSuspendData(catalog, encodeSuspendData(catalog, log, { unreported: unsent }).text);
    if (!decoded.ok) throw new Error(decoded.reason);
    const decodedAttempts = decoded.events.filter((e) => e.type === 'attempt');
    expect(decoded.unreported).toEqual([decodedAttempts[3]!.id, decodedAttempts[7]!.id]);
  });

  it('keeps an attempt’s own content version and kind when they differ from the package’s', () => {
    const spec = catalog.activities.find((a) => a.kind === 'scenario')!;
    const attempt = {
      ...attemptAt(spec, random(2), 1, new Date('2025-03-03T08:00:00Z'), 60),
      contentVersion: 'fedcba9876543210',
      maxScore: 90,
    };
    const { decoded } = roundTrip({ ...base, events: [{ id: 'a', at: attempt.finishedAt, type: 'attempt', attempt }] });
    expect(decoded.events[0]).toMatchObject({ attempt: { contentVersion: 'fedcba9876543210', maxScore: 90, activityKind: 'scenario' } });
  });

  it('leaves out what the package does not know (a lesson or activity since removed) and says how much', () => {
    const log: ProgressLog = {
      ...base,
      events: [
        { id: '1', at: '2025-03-03T08:00:00.000Z', type: 'lesson-completed', lessonId: 'a-lesson-since-removed' },
        { id: '2', at: '2025-03-03T08:01:00.000Z', type: 'lesson-completed', lessonId: catalog.map.lessons[0]!.id },
      ],
    };
    expect(encodeSuspendData(catalog, log).skipped).toBe(1);
    expect(roundTrip(log).decoded.events.map((e) => e.type === 'lesson-completed' && e.lessonId)).toEqual([catalog.map.lessons[0]!.id]);
  });

  it('refuses what it did not write, never throwing', () => {
    const text = encodeSuspendData(catalog, finishedCourse({ seed: 9 })).text;
    expect(decodeSuspendData(catalog, '')).toEqual({ ok: false, reason: 'empty' });
    expect(decodeSuspendData(catalog, 'hello world')).toEqual({ ok: false, reason: 'format' });
    expect(decodeSuspendData(catalog, '{"lesson":3}')).toEqual({ ok: false, reason: 'format' });
    expect(decodeSuspendData(catalog, text.slice(0, text.length / 2))).toMatchObject({ ok: false });
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (junk) => {
        expect(() => decodeSuspendData(catalog, `D${junk}`)).not.toThrow();
        expect(() => decodeSuspendData(catalog, `R${junk}`)).not.toThrow();
      }),
    );
  });

  it('refuses suspend data of a package whose lessons or activities differ, and drops only the answers when activities changed inside', () => {
    const log = finishedCourse({ seed: 10 });
    const text = encodeSuspendData(catalog, log).text;
    const fewerLessons = { ...catalog, map: { ...catalog.map, lessons: catalog.map.lessons.slice(1) } };
    expect(decodeSuspendData(fewerLessons, text)).toEqual({ ok: false, reason: 'other-catalog' });

    const reworded = {
      ...catalog,
      activities: catalog.activities.map((a) => (a.kind === 'quiz' ? { ...a, questions: [...a.questions].reverse() } : a)),
    };
    const decoded = decodeSuspendData(reworded, text);
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    const attempts = decoded.events.filter((e) => e.type === 'attempt');
    expect(decoded.answersDropped).toBe(attempts.length);
    expect(attempts.every((e) => e.type === 'attempt' && e.attempt.answers === null)).toBe(true);
    expect(completionStatus(reworded.map, reworded.rule, decoded.events).met).toBe(true);
  });
});

describe('suspend data of the packages before this one (format 1)', () => {
  const course = generatedCatalog(44);

  it('still resumes a learner mid-course: the same lessons, attempts, answers, reset and unsent attempts', () => {
    const log = generatedLog(course, { seed: 7, skill: 0.5, maxAttempts: 3, improve: 0.2, revisit: 0.2 });
    const decoded = decodeSuspendData(course, formatOne.full);
    if (!decoded.ok) throw new Error(decoded.reason);
    expect(kept(decoded.events, course)).toEqual(kept(log.events, course));
    expect(decoded.resetAt).toBe('2025-03-01T00:00:00.000Z');
    expect(decoded.trimmed).toBe(false);
    const attempts = decoded.events.filter((e) => e.type === 'attempt');
    expect(decoded.unreported).toEqual(attempts.slice(-2).map((e) => e.id));
  });

  it('gives the decoded events the ids format 2 gives them, so a resume after the upgrade adds nothing twice', () => {
    const v1 = decodeSuspendData(course, formatOne.full);
    if (!v1.ok) throw new Error(v1.reason);
    const v2 = decodeSuspendData(course, encodeSuspendData(course, { events: v1.events, resetAt: v1.resetAt! }).text);
    expect(v2.ok && v2.events.map((e) => e.id)).toEqual(v1.events.map((e) => e.id));
  });

  it('reads a cut-down copy as cut down, with every completion and result it kept', () => {
    const decoded = decodeSuspendData(course, formatOne.fitted!.text);
    expect(decoded.ok && decoded.trimmed).toBe(true);
    if (!decoded.ok) return;
    const full = generatedLog(course, { seed: 8, skill: 0.2, maxAttempts: 5, improve: 0.5 });
    expect(completionStatus(course.map, course.rule, decoded.events).met).toBe(true);
    const best = (events: readonly ProgressEvent[]) =>
      [...activityResults(events)].map(([id, r]) => [id, r.best.score, r.passedAt?.slice(0, 19)]).sort();
    expect(best(decoded.events)).toEqual(best(full.events));
  });
});

describe('sections of kinds the codec does not read', () => {
  it('come back as they were written, beside the lessons, attempts and reviews', () => {
    const log = finishedCourse({ seed: 12 });
    const section = { tag: 4, bytes: Uint8Array.from([1, 2, 3, 250, 0, 7]) };
    const decoded = decodeSuspendData(catalog, encodeSuspendData(catalog, log, { sections: [section] }).text);
    if (!decoded.ok) throw new Error(decoded.reason);
    expect(decoded.sections).toEqual([section]);
    expect(kept(decoded.events)).toEqual(kept(log.events));
    expect(() => encodeSuspendData(catalog, log, { sections: [{ tag: 3, bytes: new Uint8Array() }] })).toThrow(/taken/);
  });
});
