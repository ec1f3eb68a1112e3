import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attemptKind } from '../../src/domain/attempts/attempt.ts';
import { compareEvents, emptyLog, type ProgressEvent, type ProgressLog } from '../../src/domain/progress/events.ts';
import { completionRecord } from '../../src/domain/records/completion-record.ts';
import { verifyRecord } from '../../src/domain/records/verify.ts';
import { prng } from '../../src/domain/seeded-shuffle.ts';
import { recordsFromStatements } from '../../src/domain/xapi/records.ts';
import {
  defaultCourseIri,
  EXT,
  isoDuration,
  statementId,
  statementsOf,
  VERBS,
  type StatementContext,
} from '../../src/domain/xapi/statements.ts';
import { shippedCatalogue } from '../fixtures/catalogue.ts';
import { learnerSet, progressLog, viewed, completed, attempted, minute } from '../fixtures/progress-events.ts';
import { answered } from '../fixtures/records.ts';

const catalogue = shippedCatalogue();
const courseIri = defaultCourseIri(catalogue.course.id);
const ctx: StatementContext = { courseIri, courseVersion: catalogue.course.contentVersion };
const learner = { name: '王小明', employeeId: 'E-1024', department: '客服一部' };

/**
 * Learners' logs over the shipped course: a profile first, then lessons viewed and completed and
 * attempts at real activities, honest (answers made by the fixtures from the answer keys) or with a
 * raised score, at increasing times, each event with its own id.
 */
const journey: fc.Arbitrary<ProgressLog> = fc
  .array(
    fc.oneof(
      fc.record({
        kind: fc.constantFrom('viewed' as const, 'completed' as const),
        lesson: fc.constantFrom(...catalogue.map.lessons.map((l) => l.id)),
      }),
      fc.record({
        kind: fc.constant('attempt' as const),
        activity: fc.constantFrom(...catalogue.activities),
        seed: fc.integer({ min: 1, max: 1_000_000 }),
        forged: fc.boolean(),
      }),
    ),
    { maxLength: 25 },
  )
  .map((steps) => {
    const events: ProgressEvent[] = [learnerSet('id-000', 0, learner)];
    steps.forEach((step, i) => {
      const id = `id-${String(i + 1).padStart(3, '0')}`;
      const at = 5 + i * 3;
      if (step.kind === 'viewed') events.push(viewed(id, at, step.lesson));
      else if (step.kind === 'completed') events.push(completed(id, at, step.lesson));
      else if (step.kind === 'attempt') {
        const given = answered(step.activity, prng(step.seed));
        events.push(
          attempted(id, at, step.activity.id, {
            activityKind: attemptKind(step.activity.kind),
            contentVersion: step.activity.version,
            answers: given.answers,
            score: step.forged && given.maxScore > 0 ? Math.min(given.maxScore, given.score + 1) : given.score,
            maxScore: given.maxScore,
            passed: given.passed,
            startedAt: minute(at - 2),
          }),
        );
      }
    });
    return progressLog(catalogue.course.id, events.sort(compareEvents));
  });

describe('statements derived from the progress log', () => {
  it('gives each reported event one statement whose id is the event’s id, and deriving again gives the same statements', () => {
    fc.assert(
      fc.property(journey, (log) => {
        const statements = statementsOf(log, ctx);
        const reported = log.events.filter((e) => e.type !== 'learner-set').map((e) => statementId(e.id));
        expect(statements.map((s) => s.id)).toEqual(reported);
        expect(new Set(statements.map((s) => s.id)).size).toBe(statements.length);
        expect(statementsOf(structuredClone(log), ctx)).toEqual(statements);
      }),
      { numRuns: 60 },
    );
  });

  it('derives nothing while the learner has given no employee id, and everything once one is set', () => {
    const events = [viewed('v', 1, 'a'), completed('c', 2, 'a')];
    expect(statementsOf(progressLog('c', events), ctx)).toEqual([]);
    expect(statementsOf(progressLog('c', [learnerSet('l', 0, { ...learner, employeeId: '  ' }), ...events]), ctx)).toEqual([]);
    const later = statementsOf(progressLog('c', [...events, learnerSet('l', 3, learner)]), ctx);
    expect(later.map((s) => [s.id, s.verb.id])).toEqual([
      [statementId('v'), VERBS.experienced.id],
      [statementId('c'), VERBS.completed.id],
    ]);
    expect(later[0]!.actor).toEqual({
      objectType: 'Agent',
      name: '王小明',
      account: { homePage: 'https://service-classroom.invalid', name: 'E-1024' },
    });
    expect(statementsOf(emptyLog('c'), ctx)).toEqual([]);
  });

  it('reports a quiz as passed or failed with its score, and the self-assessment as completed without one', () => {
    const log = progressLog('c', [
      learnerSet('l', 0, learner),
      attempted('q1', 10, 'kc-one', { score: 3, maxScore: 4, passed: false, answers: { seed: 1, responses: {} } }),
      attempted('q2', 20, 'kc-one', { score: 4, maxScore: 4, passed: true }),
      attempted('s1', 30, 'communication-style', { activityKind: 'assessment', score: 0, maxScore: 0, passed: true }),
    ]);
    const [failed, passed, assessment] = statementsOf(log, ctx);
    expect(failed!.verb.id).toBe(VERBS.failed.id);
    expect(failed!.object.id).toBe(`${courseIri}/quizzes/kc-one`);
    expect(failed!.result).toMatchObject({ score: { raw: 3, min: 0, max: 4, scaled: 0.75 }, success: false, duration: 'PT1M0S' });
    expect(failed!.result!.extensions[EXT.answers]).toEqual({ seed: 1, responses: {} });
    expect(failed!.timestamp).toBe(minute(10));
    expect(failed!.context.contextActivities.parent).toEqual([{ objectType: 'Activity', id: courseIri }]);
    expect(failed!.context.extensions[EXT.courseVersion]).toBe(catalogue.course.contentVersion);
    expect(passed!.verb.id).toBe(VERBS.passed.id);
    expect(assessment!.verb.id).toBe(VERBS.completed.id);
    expect(assessment!.object.id).toBe(`${courseIri}/assessments/communication-style`);
    expect(assessment!.result!.score).toBeUndefined();
  });

  it('takes the actor, registration and context extensions a cmi5 launch gives', () => {
    const actor = { objectType: 'Agent' as const, account: { homePage: 'https://lms.example', name: 'lms-7' } };
    const [statement] = statementsOf(progressLog('c', [viewed('v', 1, 'a')]), {
      ...ctx,
      actor,
      registration: '9c1b6f3e-1f0a-4c55-9d35-3f5f7a0e6a11',
      contextExtras: { 'https://w3id.org/xapi/cmi5/context/extensions/sessionid': 's-1' },
    });
    expect(statement!.actor).toEqual(actor);
    expect(statement!.context.registration).toBe('9c1b6f3e-1f0a-4c55-9d35-3f5f7a0e6a11');
    expect(statement!.context.extensions['https://w3id.org/xapi/cmi5/context/extensions/sessionid']).toBe('s-1');
  });

  it('writes durations in seconds, never negative', () => {
    expect(isoDuration(minute(0), minute(2))).toBe('PT2M0S');
    expect(isoDuration('2026-01-01T00:00:00.000Z', '2026-01-01T00:00:01.234Z')).toBe('PT1.23S');
    expect(isoDuration(minute(2), minute(0))).toBe('PT0S');
  });
});

describe('completion records rebuilt from statements, for HR', () => {
  const recordsCtx = { course: catalogue.course, map: catalogue.map, courseIri };

  it('re-score exactly as the log’s own completion record does, forged scores flagged alike', () => {
    fc.assert(
      fc.property(journey, (log) => {
        const own = completionRecord(log, catalogue.course, catalogue.map, minute(999));
        const { records, rejected } = recordsFromStatements(statementsOf(log, ctx), recordsCtx);
        expect(rejected).toEqual([]);
        if (log.events.length === 1) {
          expect(records).toEqual([]);
          return;
        }
        expect(records).toHaveLength(1);
        const rebuilt = records[0]!;
        expect(rebuilt.learner).toEqual(learner);
        expect(rebuilt.lessons).toEqual(own.lessons);
        const verdicts = (r: typeof own) =>
          verifyRecord(r, catalogue).status === 'other-course'
            ? []
            : (verifyRecord(r, catalogue) as Exclude<ReturnType<typeof verifyRecord>, { status: 'other-course' }>).attempts.map((a) => ({
                id: a.attempt.id,
                verdict: a.verdict,
                rescored: a.rescored,
                claimed: [a.attempt.score, a.attempt.maxScore, a.attempt.passed],
              }));
        // Statement ids are the events' ids made UUIDs (the fixture's events have short ids).
        expect(verdicts(rebuilt)).toEqual(verdicts(own).map((v) => ({ ...v, id: statementId(v.id) })));
        expect(verifyRecord(rebuilt, catalogue).status).toBe(verifyRecord(own, catalogue).status);
      }),
      { numRuns: 40 },
    );
  });

  it('flags a statement whose score was raised on its way to the LRS, as a forged record is flagged', () => {
    const quiz = catalogue.activities.find((a) => a.kind === 'quiz')!;
    const given = answered(quiz, prng(7));
    const log = progressLog(catalogue.course.id, [
      learnerSet('l', 0, learner),
      attempted('q', 2, quiz.id, {
        contentVersion: quiz.version,
        answers: given.answers,
        score: given.score,
        maxScore: given.maxScore,
        passed: given.passed,
      }),
    ]);
    const [honest] = statementsOf(log, ctx);
    const forged = structuredClone(honest!);
    forged.result!.score = { raw: given.maxScore, min: 0, max: given.maxScore, scaled: 1 };
    forged.result!.success = true;
    expect(given.score).toBeLessThan(given.maxScore);
    const status = (statement: unknown) => verifyRecord(recordsFromStatements([statement], recordsCtx).records[0]!, catalogue).status;
    expect(status(honest)).toBe('verified');
    expect(status(forged)).toBe('score-mismatch');
  });

  it('names each statement it cannot read and still loads the rest', () => {
    const log = progressLog(catalogue.course.id, [
      learnerSet('l', 0, learner),
      viewed('v', 1, catalogue.map.lessons[0]!.id),
      attempted('q', 2, 'kc-x', { answers: { seed: 1, responses: {} } }),
    ]);
    const [good, attempt] = statementsOf(log, ctx);
    const noAnswers = structuredClone(attempt!);
    delete noAnswers.result!.extensions[EXT.answers];
    const noAccount = { ...structuredClone(good!), id: 'x1', actor: { objectType: 'Agent', mbox: 'mailto:a@b.c' } };
    const elsewhere = { ...structuredClone(good!), id: 'x2', object: { objectType: 'Activity', id: 'https://other.example/lessons/a' } };
    const oddVerb = { ...structuredClone(good!), id: 'x3', verb: { id: 'http://adlnet.gov/expapi/verbs/answered' } };
    const { records, rejected } = recordsFromStatements([good, 'nonsense', noAnswers, noAccount, elsewhere, oddVerb, good], recordsCtx);
    expect(rejected.map((r) => [r.index, r.reason])).toEqual([
      [1, 'not-statement'],
      [2, 'no-answers'],
      [3, 'no-account'],
      [4, 'other-course'],
      [5, 'unknown-verb'],
      [6, 'repeated-id'],
    ]);
    expect(records).toHaveLength(1);
    expect(records[0]!.lessons[0]).toMatchObject({ state: 'in-progress', firstViewedAt: minute(1) });
  });

  it('files statements by employee id, one record per learner', () => {
    const other = { name: '李华', employeeId: 'E-2048', department: '' };
    const lesson = catalogue.map.lessons[0]!.id;
    const a = statementsOf(progressLog('c', [learnerSet('l1', 0, learner), completed('c1', 1, lesson)]), ctx);
    const b = statementsOf(progressLog('c', [learnerSet('l2', 0, other), viewed('v2', 2, lesson)]), ctx);
    const { records } = recordsFromStatements([...b, ...a], recordsCtx);
    expect(records.map((r) => [r.learner.employeeId, r.lessons[0]!.state])).toEqual([
      ['E-2048', 'in-progress'],
      ['E-1024', 'completed'],
    ]);
  });
});
