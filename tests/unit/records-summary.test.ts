import { describe, expect, it } from 'vitest';
import { checkFile, combine } from '../../src/domain/records/analyse.ts';
import { learnerDetail } from '../../src/domain/records/detail.ts';
import type { CompletionRecord, RecordAttempt } from '../../src/domain/records/format.ts';
import { scoreHistogram } from '../../src/domain/records/stats.ts';
import { shippedCatalogue } from '../fixtures/catalogue.ts';
import { at, blank, honestAttempt, makeRecord } from '../fixtures/records.ts';

const catalogue = shippedCatalogue();
const required = catalogue.rule.requiredActivities.map((id) => catalogue.activities.find((a) => a.id === id)!);
const byId = (id: string) => catalogue.activities.find((a) => a.id === id)!;

const analyse = (...records: CompletionRecord[]) =>
  combine(
    records.map((r, index) => checkFile({ index, name: `${index}.json` }, JSON.stringify(r), catalogue)),
    catalogue,
  );
const summary = (record: CompletionRecord) => analyse(record).rows[0]!.summary;

/** Wrong answers to a quiz: nothing chosen. */
const failing = (activityId: string, id: string, minute: number): RecordAttempt =>
  honestAttempt(byId(activityId), id, minute, blank(byId(activityId)));

describe('what HR sees of one learner', () => {
  it('a learner who did everything has completed, at the moment the last piece arrived', () => {
    const s = summary(makeRecord(catalogue));
    // 44 lessons, of which the four classroom activities of module influence do not count.
    expect(s).toMatchObject({ state: 'completed', lessonsDone: 40, lessonsTotal: 40, activitiesPassed: 8, score: 100 });
    // makeRecord completes lesson i at minute 2i + 1 (the last at 87) and passes the module quizzes at 200…207.
    expect(s.completedAt).toBe(at(200 + required.length - 1));
  });

  it('a learner on their own who skipped the classroom activities has completed, with every module done', () => {
    const classOnly = catalogue.map.lessons.filter((l) => l.classOnly).map((l) => l.id);
    expect(classOnly).toEqual(['activity-my-team', 'activity-service-discussion', 'activity-service-flower', 'activity-process-map']);
    const s = summary(makeRecord(catalogue, { completedLessons: catalogue.map.lessons.filter((l) => !l.classOnly).map((l) => l.id) }));
    expect(s).toMatchObject({ state: 'completed', lessonsDone: 40, lessonsTotal: 40 });
    expect(Object.values(s.modulesDone).every(Boolean)).toBe(true);
  });

  it('a learner who skipped one lesson that counts has not completed', () => {
    const [skipped] = catalogue.map.lessons;
    const s = summary(makeRecord(catalogue, { completedLessons: catalogue.map.lessons.filter((l) => l !== skipped).map((l) => l.id) }));
    expect(s).toMatchObject({ state: 'in-progress', lessonsDone: 39, lessonsTotal: 40 });
  });

  it('a forged pass does not complete the course: only re-scored passes count', () => {
    const record = makeRecord(catalogue);
    record.attempts[3] = { ...failing(record.attempts[3]!.activityId, 'x', 203), score: 12, passed: true };
    const s = summary(record);
    expect(s).toMatchObject({ state: 'in-progress', activitiesPassed: 7 });
    expect(s.completedAt).toBeUndefined();
  });

  it('a pass after an earlier failure completes the course when it comes', () => {
    const record = makeRecord(catalogue, { completedLessons: catalogue.map.lessons.map((l) => l.id) });
    const [firstRequired] = required;
    const others = record.attempts.filter((a) => a.activityId !== firstRequired!.id);
    record.attempts = [failing(firstRequired!.id, 'early', 150), ...others, honestAttempt(firstRequired!, 'late', 500)];
    expect(summary(record)).toMatchObject({ state: 'completed', completedAt: at(500), score: 100 });
  });

  it('a learner with nothing done has not started', () => {
    expect(summary(makeRecord(catalogue, { completedLessons: [], attempts: [] }))).toMatchObject({
      state: 'not-started',
      lessonsDone: 0,
      activitiesPassed: 0,
      score: 0,
    });
  });

  it('the course score is the mean of the best re-scored result of each required quiz, missing ones counting 0, in whole percent', () => {
    const [a, b] = required;
    const record = makeRecord(catalogue, {
      attempts: [failing(a!.id, 'a1', 10), honestAttempt(a!, 'a2', 11), failing(b!.id, 'b1', 12)],
    });
    // One of eight at 100 %: 12.5, shown as the whole percent the LMS is sent.
    expect(summary(record).score).toBe(Math.floor(100 / required.length));
  });
});

describe('figures over every learner', () => {
  const [quizA] = required;
  const learner = (n: number, attempts: RecordAttempt[], lessons: string[]) =>
    makeRecord(catalogue, { name: `L${n}`, employeeId: `E${n}`, attempts, completedLessons: lessons });
  const firstModule = catalogue.map.modules[0]!.lessons.map((l) => l.id);
  const { stats, rows } = analyse(
    learner(1, [honestAttempt(quizA!, '1a', 1)], firstModule),
    learner(2, [failing(quizA!.id, '2a', 1), failing(quizA!.id, '2b', 2)], firstModule),
    learner(3, [failing(quizA!.id, '3a', 1), honestAttempt(quizA!, '3b', 2)], []),
    learner(4, [], []),
  );

  it('a pass rate counts learners, not attempts', () => {
    expect(stats.activities.find((a) => a.id === quizA!.id)).toMatchObject({ attempted: 3, passed: 2, rate: 67, attempts: 5 });
    expect(stats.activities.filter((a) => a.attempted > 0)).toHaveLength(1);
  });

  it('module completion counts learners who finished every lesson of the module', () => {
    expect(stats.modules[0]).toMatchObject({ id: catalogue.map.modules[0]!.id, done: 2, learners: 4, percent: 50 });
    expect(stats.modules[1]).toMatchObject({ done: 0, percent: 0 });
  });

  it('the score distribution has ten bins that hold every learner', () => {
    expect(stats.histogram.reduce((n, b) => n + b.count, 0)).toBe(rows.length);
    expect(scoreHistogram([0, 9.9, 10, 55, 99.9, 100]).map((b) => b.count)).toEqual([2, 1, 0, 0, 0, 1, 0, 0, 0, 2]);
  });

  it('a role-play attempt in a learner’s detail shows the conversation in words and where it ended', () => {
    const scenario = catalogue.activities.find((a) => a.kind === 'scenario')!;
    const {
      rows: [row],
    } = analyse(learner(9, [honestAttempt(scenario, 's1', 5)], []));
    const detail = learnerDetail(row!.merged, catalogue);
    const run = detail.attempts[0]!;
    expect(run.verdict).toBe('verified');
    expect(run.path?.[0]).toMatchObject({
      node: scenario.kind === 'scenario' ? scenario.data.start : '',
      verdict: expect.any(String) as unknown,
    });
    expect(run.path?.[0]?.answer).not.toBe(run.path?.[0]?.choice);
    expect(run.ending).toBeTruthy();
  });
});
