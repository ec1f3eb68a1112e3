import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CatalogueActivity } from '../../src/domain/catalogue.ts';
import type { JsonValue, ProgressEvent, ReviewRating } from '../../src/domain/progress/events.ts';
import { mergeEvents } from '../../src/domain/progress/merge.ts';
import { activityResults, completionStatus, lessonProgress } from '../../src/domain/progress/reducers.ts';
import { reviewCourse } from '../../src/domain/review/course.ts';
import { DAILY_REVIEWS, localDay, reviewQueue } from '../../src/domain/review/queue.ts';
import { reviewSchedule } from '../../src/domain/review/schedule.ts';
import { shippedCatalogue } from '../fixtures/catalogue.ts';

const catalogue = shippedCatalogue();
const course = reviewCourse(catalogue);
const DAY = 86_400_000;
const T0 = Date.UTC(2026, 2, 2, 1, 0, 0);
const iso = (ms: number) => new Date(ms).toISOString();

const quizzes = catalogue.activities.filter((a): a is Extract<CatalogueActivity, { kind: 'quiz' }> => a.kind === 'quiz');
const sets = catalogue.activities.filter((a): a is Extract<CatalogueActivity, { kind: 'classification' }> => a.kind === 'classification');
const scenarios = catalogue.activities.filter((a): a is Extract<CatalogueActivity, { kind: 'scenario' }> => a.kind === 'scenario');
const lessonChecks = new Map(catalogue.map.lessons.map((l) => [`kc-${l.id}`, l.id]));

type Question = (typeof quizzes)[number]['questions'][number];

/** A response to a question that is fully right, or one that earns nothing, read off the question's key. */
function response(q: Question, right: boolean): JsonValue {
  switch (q.type) {
    case 'single':
      return q.options.find((o) => o.correct === right)!.id;
    case 'multiple':
      return right ? q.options.filter((o) => o.correct).map((o) => o.id) : [q.options.find((o) => !o.correct)!.id];
    case 'truefalse':
      return right ? q.answer : !q.answer;
    case 'ordering':
      return right ? q.items : [...q.items].reverse();
    case 'matching':
      // Every left side matched to the next pair's right side: no pair right.
      return Object.fromEntries(q.pairs.map((id, i) => [id, right ? id : q.pairs[(i + 1) % q.pairs.length]!]));
  }
}

/** What the test knows each answer earned, told apart from what the code under test concludes. */
interface Truth {
  /** Items answered below full credit, by activity and part. */
  missed: Set<string>;
  completedLessons: Set<string>;
}

const stamp = (activityId: string, version: string, at: number) => ({
  activityId,
  contentVersion: version,
  startedAt: iso(at - 60_000),
  finishedAt: iso(at),
  score: 0,
  maxScore: 1,
  passed: false,
});

type Step =
  | { kind: 'quiz'; activity: number; rights: boolean[] }
  | { kind: 'set'; activity: number; parts: [boolean, boolean][] }
  | { kind: 'scenario'; activity: number; picks: [number, number][] }
  | { kind: 'complete'; lesson: number }
  | { kind: 'review'; item: number; rating: ReviewRating };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('quiz' as const), activity: fc.nat(), rights: fc.array(fc.boolean(), { maxLength: 12 }) }),
  fc.record({
    kind: fc.constant('set' as const),
    activity: fc.nat(),
    parts: fc.array(fc.tuple(fc.boolean(), fc.boolean()), { maxLength: 8 }),
  }),
  fc.record({
    kind: fc.constant('scenario' as const),
    activity: fc.nat(),
    picks: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 6 }),
  }),
  fc.record({ kind: fc.constant('complete' as const), lesson: fc.nat() }),
  fc.record({ kind: fc.constant('review' as const), item: fc.nat(), rating: fc.constantFrom<ReviewRating>(1, 2, 3) }),
);

const PERSONALITIES = ['lively', 'powerful', 'peaceful', 'analytical'] as const;

/** A learner's log from generated steps, one every few hours, and what each answer truly earned. */
function history(steps: readonly { step: Step; gapHours: number }[]): { events: ProgressEvent[]; truth: Truth; end: number } {
  const events: ProgressEvent[] = [];
  const truth: Truth = { missed: new Set(), completedLessons: new Set() };
  const reviewed: string[] = [];
  let at = T0;
  steps.forEach(({ step: s, gapHours }, n) => {
    at += gapHours * 3_600_000 + 1000;
    const id = `e${n}`;
    if (s.kind === 'quiz') {
      const quiz = quizzes[s.activity % quizzes.length]!;
      const responses = Object.fromEntries(
        quiz.questions.map((q, i) => {
          const right = s.rights[i % Math.max(1, s.rights.length)] ?? true;
          if (!right) truth.missed.add(`${quiz.id}/${q.id}`);
          reviewed.push(`${quiz.id}/${q.id}`);
          return [q.id, response(q, right)];
        }),
      );
      events.push({
        id,
        at: iso(at),
        type: 'attempt',
        attempt: { ...stamp(quiz.id, quiz.version, at), activityKind: 'quiz', answers: { seed: 1, responses } },
      });
    } else if (s.kind === 'set') {
      const set = sets[s.activity % sets.length]!;
      const responses = Object.fromEntries(
        set.items.map((item, i) => {
          const [typeRight, serveRight] = s.parts[i % Math.max(1, s.parts.length)] ?? [true, true];
          if (!typeRight || !serveRight) truth.missed.add(`${set.id}/${item.id}`);
          const wrongType = PERSONALITIES.find((p) => p !== item.type)!;
          const wrongServe = item.options.find((o) => o !== item.right)!;
          return [item.id, { type: typeRight ? item.type : wrongType, serve: serveRight ? item.right! : wrongServe }];
        }),
      );
      events.push({
        id,
        at: iso(at),
        type: 'attempt',
        attempt: { ...stamp(set.id, set.version, at), activityKind: 'quiz', answers: { seed: 1, responses } },
      });
    } else if (s.kind === 'scenario') {
      const scenario = scenarios[s.activity % scenarios.length]!;
      const path = s.picks.map(([node, choice]) => {
        const at = scenario.nodes[node % scenario.nodes.length]!;
        const chosen = at.choices[choice % at.choices.length]!;
        if (chosen.verdict !== 'good' && at.choices.some((c) => c.verdict === 'good')) truth.missed.add(`${scenario.id}/${at.id}`);
        return [at.id, chosen.id];
      });
      events.push({
        id,
        at: iso(at),
        type: 'attempt',
        attempt: { ...stamp(scenario.id, scenario.version, at), activityKind: 'scenario', answers: { mode: 'test', path, ending: 'lost' } },
      });
    } else if (s.kind === 'complete') {
      const lesson = catalogue.map.lessons[s.lesson % catalogue.map.lessons.length]!;
      truth.completedLessons.add(lesson.id);
      events.push({ id, at: iso(at), type: 'lesson-completed', lessonId: lesson.id });
    } else if (reviewed.length > 0) {
      const itemId = reviewed[s.item % reviewed.length]!;
      events.push({ id, at: iso(at), type: 'review', itemId, rating: s.rating, correct: s.rating === 3 });
    }
  });
  return { events, truth, end: at };
}

const histories = fc.array(fc.record({ step, gapHours: fc.integer({ min: 0, max: 72 }) }), { minLength: 1, maxLength: 25 }).map(history);
const laterBy = fc.integer({ min: 0, max: 40 * 24 });

describe('the review queue, on generated histories', () => {
  it('holds every missed question, situation and decision point once, and every question of a completed lesson’s check', () => {
    fc.assert(
      fc.property(histories, ({ events, truth }) => {
        const ids = reviewSchedule(course, events).map((s) => s.item.id);
        expect(new Set(ids).size).toBe(ids.length);
        for (const missed of truth.missed) {
          const lesson = lessonChecks.get(missed.split('/')[0]!);
          if (lesson === undefined || truth.completedLessons.has(lesson)) expect(ids).toContain(missed);
        }
        for (const lesson of truth.completedLessons) {
          for (const q of quizzes.find((a) => a.id === `kc-${lesson}`)?.questions ?? []) expect(ids).toContain(`kc-${lesson}/${q.id}`);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('holds nothing from a lesson not yet completed, and nothing the learner got fully right outside a completed lesson', () => {
    fc.assert(
      fc.property(histories, ({ events, truth }) => {
        for (const { item } of reviewSchedule(course, events)) {
          const lesson = lessonChecks.get(item.activityId);
          if (lesson !== undefined) expect(truth.completedLessons).toContain(lesson);
          else expect(truth.missed).toContain(item.id);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('offers nothing before its due date, each item once, within the daily cap', () => {
    fc.assert(
      fc.property(histories, laterBy, fc.integer({ min: 1, max: 20 }), ({ events, end }, hours, cap) => {
        const now = new Date(end + hours * 3_600_000);
        const schedule = reviewSchedule(course, events);
        const queue = reviewQueue(schedule, events, now, localDay(now), cap);
        const due = new Map(schedule.map((s) => [s.item.id, s.due]));
        for (const item of queue.items) expect(due.get(item.id)! <= now.toISOString()).toBe(true);
        expect(new Set(queue.items.map((i) => i.id)).size).toBe(queue.items.length);
        expect(queue.items.length).toBeLessThanOrEqual(Math.max(0, cap - queue.doneToday));
        expect(queue.items.length).toBe(Math.min(queue.dueNow, Math.max(0, cap - queue.doneToday)));
      }),
      { numRuns: 150 },
    );
  });

  it('mixes modules: no module comes twice before every module with something due has come once', () => {
    fc.assert(
      fc.property(histories, laterBy, ({ events, end }, hours) => {
        const now = new Date(end + hours * 3_600_000);
        const queue = reviewQueue(reviewSchedule(course, events), events, now, localDay(now), 100);
        const groups = new Set(queue.items.map((i) => i.group));
        expect(new Set(queue.items.slice(0, groups.size).map((i) => i.group)).size).toBe(groups.size);
      }),
      { numRuns: 100 },
    );
  });

  it('is the same for the same log and time, whatever order the events arrive and however often they are merged', () => {
    fc.assert(
      fc.property(histories, laterBy, fc.integer(), ({ events, end }, hours, seed) => {
        const now = new Date(end + hours * 3_600_000);
        const shuffled = [...events].sort((a, b) => ((a.id.length * 31 + seed) % 7) - ((b.id.length * 31 + seed) % 7));
        const merged = mergeEvents(mergeEvents(shuffled.slice(0, 3), shuffled), events);
        const a = reviewQueue(reviewSchedule(course, events), events, now, localDay(now));
        const b = reviewQueue(reviewSchedule(course, merged), merged, now, localDay(now));
        expect(b).toEqual(a);
      }),
      { numRuns: 100 },
    );
  });

  it('changes no lesson state, result or completion: reviews are practice only', () => {
    fc.assert(
      fc.property(histories, ({ events }) => {
        const without = events.filter((e) => e.type !== 'review');
        expect(lessonProgress(events)).toEqual(lessonProgress(without));
        expect(activityResults(events)).toEqual(activityResults(without));
        expect(completionStatus(catalogue.map, catalogue.rule, events)).toEqual(completionStatus(catalogue.map, catalogue.rule, without));
      }),
      { numRuns: 50 },
    );
  });
});

describe('the review schedule, by example', () => {
  const quiz = quizzes.find((q) => !lessonChecks.has(q.id) && q.questions.length >= 3)!;
  const [q1, q2, q3] = quiz.questions;
  const attempt = (at: number, rights: Record<string, boolean>): ProgressEvent => ({
    id: `a${at}`,
    at: iso(at),
    type: 'attempt',
    attempt: {
      ...stamp(quiz.id, quiz.version, at),
      activityKind: 'quiz',
      answers: { seed: 1, responses: Object.fromEntries(quiz.questions.map((q) => [q.id, response(q, rights[q.id] ?? true)])) },
    },
  });
  const log = [attempt(T0, { [q1!.id]: false, [q2!.id]: false })];
  const queueAt = (events: ProgressEvent[], ms: number) =>
    reviewQueue(reviewSchedule(course, events), events, new Date(ms), localDay(new Date(ms)));

  it('asks a missed question again the next day, and not before; a question answered right is not asked', () => {
    expect(queueAt(log, T0 + DAY - 60_000).items).toEqual([]);
    expect(queueAt(log, T0 + DAY - 60_000).nextDue).toBe(iso(T0 + DAY));
    expect(
      queueAt(log, T0 + DAY)
        .items.map((i) => i.part)
        .sort(),
    ).toEqual([q1!.id, q2!.id].sort());
    expect(queueAt(log, T0 + 30 * DAY).items.map((i) => i.part)).not.toContain(q3!.id);
  });

  it('waits longer after a right review than after a wrong one', () => {
    const review = (rating: ReviewRating): ProgressEvent => ({
      id: 'r1',
      at: iso(T0 + DAY + 1000),
      type: 'review',
      itemId: `${quiz.id}/${q1!.id}`,
      rating,
      correct: rating === 3,
    });
    const dueAfter = (rating: ReviewRating) => reviewSchedule(course, [...log, review(rating)]).find((s) => s.item.part === q1!.id)!.due;
    expect(dueAfter(3) > dueAfter(1)).toBe(true);
    expect(Date.parse(dueAfter(1)) - (T0 + DAY)).toBeGreaterThanOrEqual(DAY - 1000);
  });

  it('stops at the daily cap and says more come tomorrow', () => {
    const reviews: ProgressEvent[] = Array.from({ length: DAILY_REVIEWS }, (_, n) => ({
      id: `r${n}`,
      at: iso(T0 + DAY + n * 1000),
      type: 'review',
      itemId: `${quiz.id}/${q3!.id}`,
      rating: 3,
      correct: true,
    }));
    const now = T0 + DAY + 3_600_000;
    const queue = queueAt([...log, ...reviews], now);
    expect(queue.items).toEqual([]);
    expect(queue.dueNow).toBeGreaterThan(0);
    expect(queue.nextDue).toBe(localDay(new Date(now)).end);
  });

  it('queues a completed lesson’s check questions a few days after completion, not at once', () => {
    const lesson = catalogue.map.lessons.find((l) => quizzes.some((q) => q.id === `kc-${l.id}`))!;
    const events: ProgressEvent[] = [{ id: 'c', at: iso(T0), type: 'lesson-completed', lessonId: lesson.id }];
    expect(queueAt(events, T0 + DAY).items).toEqual([]);
    expect(queueAt(events, T0 + 7 * DAY).items.length).toBeGreaterThan(0);
  });
});
