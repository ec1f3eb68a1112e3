import { describe, expect, test } from 'vitest';
import { choose } from '../../src/domain/scenario/engine.ts';
import { MAX_SCORE, scoreRun, stepsInOrder } from '../../src/domain/scenario/score.ts';
import { initialState, type RunState } from '../../src/domain/scenario/state.ts';
import { rolePlayAttempt, scoreRolePlayAnswers } from '../../src/domain/attempts/role-play.ts';
import type { StepId } from '../../src/domain/complaint-steps.ts';
import { example } from './scenario-fixture.ts';

const s = example();
const play = (...choices: string[]): RunState => choices.reduce((state, c) => choose(s, state, c), initialState(s));

describe('scoreRun', () => {
  test('is out of 100: outcome 25, eight steps 40, order 5, replies 30', () => {
    expect(MAX_SCORE).toBe(100);
  });

  test('scores nothing until the run has ended', () => {
    expect(scoreRun(s, play('thank-and-apologise'))).toBeUndefined();
  });

  test('a loyal ending with seven steps in order and a delighted customer', () => {
    expect(scoreRun(s, play('thank-and-apologise', 'fix-now'))).toEqual({
      outcome: 'loyal',
      ending: 'loyal',
      outcomePoints: 25,
      steps: ['thank', 'explain-gratitude', 'apologise', 'promise', 'fix-fast', 'check-satisfaction', 'prevent'],
      missing: ['gather-info'],
      stepPoints: 35,
      outOfOrder: [],
      orderPoints: 5,
      replies: { good: 2, mixed: 0, poor: 0 },
      replyPoints: 30,
      mood: 10,
      total: 95,
      max: 100,
      passed: true,
    });
  });

  test('a resolved ending after a mistake: fewer points for the outcome, and the poor reply costs 10', () => {
    const score = scoreRun(s, play('blame-courier', 'fix-now'));
    expect(score).toMatchObject({
      outcome: 'resolved',
      outcomePoints: 15,
      stepPoints: 20,
      orderPoints: 5,
      replies: { good: 1, mixed: 0, poor: 1 },
      replyPoints: 20,
      mood: 5,
      total: 60,
      passed: false,
    });
  });

  test('every poor reply costs 10 and every mixed one 4 of the 30 reply points, never below 0', () => {
    const verdicts = (s2: typeof s, v: 'good' | 'mixed' | 'poor') => ({
      ...s2,
      nodes: s2.nodes.map((n) => ({ ...n, choices: n.choices.map((c) => ({ ...c, verdict: v })) })),
    });
    const path = ['thank-and-apologise', 'fix-now'];
    const run = (v: 'good' | 'mixed' | 'poor') => {
      const sc = verdicts(s, v);
      return scoreRun(
        sc,
        path.reduce((state, c) => choose(sc, state, c), initialState(sc)),
      )?.replyPoints;
    };
    expect([run('good'), run('mixed'), run('poor')]).toEqual([30, 22, 10]);
    const long = {
      ...play('thank-and-apologise', 'fix-now'),
      path: Array.from({ length: 4 }, () => ['opening', 'blame-courier'] as const),
    };
    expect(scoreRun(s, long)?.replyPoints).toBe(0);
  });

  test('an ending the author marks failsRun never passes, however many points the run has', () => {
    const conceded = { ...s, endings: s.endings.map((e) => (e.id === 'loyal' ? { ...e, failsRun: true } : e)) };
    const score = scoreRun(conceded, play('thank-and-apologise', 'fix-now'));
    expect(score).toMatchObject({ outcome: 'loyal', total: 95, passed: false });
  });

  test('losing the customer never passes, whatever the points', () => {
    const lenient = { ...s, passMark: 0 };
    const lost = choose(lenient, choose(lenient, initialState(lenient), 'blame-courier'), 'wait-and-see');
    expect(scoreRun(lenient, lost)).toMatchObject({ outcome: 'lost', outcomePoints: 5, total: 15, passed: false });
  });

  test('a run passes at exactly the pass mark', () => {
    const state = play('blame-courier', 'fix-now');
    expect(scoreRun({ ...s, passMark: 60 }, state)?.passed).toBe(true);
    expect(scoreRun({ ...s, passMark: 61 }, state)?.passed).toBe(false);
  });
});

describe('stepsInOrder', () => {
  const order = (...steps: StepId[]) => stepsInOrder(steps);

  test('keeps every step when they come in the method’s order, gaps allowed', () => {
    expect(order('thank', 'apologise', 'gather-info', 'fix-fast')).toEqual(['thank', 'apologise', 'gather-info', 'fix-fast']);
  });

  test('leaves out a step that came too late or too early', () => {
    // Fixing before asking what went wrong: the late question is out of order.
    expect(order('thank', 'apologise', 'fix-fast', 'gather-info', 'check-satisfaction')).toEqual([
      'thank',
      'apologise',
      'fix-fast',
      'check-satisfaction',
    ]);
    // Apologising only at the very end.
    expect(order('promise', 'gather-info', 'fix-fast', 'apologise')).toEqual(['promise', 'gather-info', 'fix-fast']);
  });

  test('order points are the share of steps in order, rounded', () => {
    const late = { ...play('blame-courier', 'fix-now'), steps: ['fix-fast', 'thank', 'explain-gratitude', 'apologise'] as StepId[] };
    expect(scoreRun(s, late)).toMatchObject({ outOfOrder: ['fix-fast'], orderPoints: 4 });
  });
});

describe('recorded runs', () => {
  const state = play('thank-and-apologise', 'fix-now');
  const attempt = rolePlayAttempt(
    s,
    { mode: 'test', path: state.path },
    { activityId: s.id, contentVersion: 'v1', startedAt: '2025-01-01T10:00:00.000Z', finishedAt: '2025-01-01T10:05:00.000Z' },
  );

  test('a finished run becomes an attempt carrying its whole path, its ending and its mode', () => {
    expect(attempt).toEqual({
      activityId: 'example-late-lamp',
      activityKind: 'scenario',
      contentVersion: 'v1',
      answers: {
        mode: 'test',
        path: [
          ['opening', 'thank-and-apologise'],
          ['what-now', 'fix-now'],
        ],
        ending: 'loyal',
      },
      score: 95,
      maxScore: 100,
      passed: true,
      startedAt: '2025-01-01T10:00:00.000Z',
      finishedAt: '2025-01-01T10:05:00.000Z',
    });
  });

  test('the recorded path re-scores to the same score, and a path that no longer fits re-scores to nothing', () => {
    expect(scoreRolePlayAnswers(s, attempt?.answers)?.score).toBe(95);
    expect(scoreRolePlayAnswers(s, { mode: 'test', path: [['opening', 'gone-now']], ending: 'loyal' })).toBeUndefined();
    expect(scoreRolePlayAnswers(s, 'not a run')).toBeUndefined();
  });

  test('a run that has not reached an ending is no attempt', () => {
    const stamp = { activityId: s.id, contentVersion: 'v1', startedAt: '2025-01-01T10:00:00.000Z', finishedAt: '2025-01-01T10:05:00.000Z' };
    expect(rolePlayAttempt(s, { mode: 'test', path: play('thank-and-apologise').path }, stamp)).toBeUndefined();
  });
});
