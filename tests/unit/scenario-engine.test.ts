import { describe, expect, test } from 'vitest';
import { choose, currentEnding, currentNode, replay, ScenarioMoveError } from '../../src/domain/scenario/engine.ts';
import { bestRun } from '../../src/domain/scenario/best-path.ts';
import { initialState, type PathStep, type RunState } from '../../src/domain/scenario/state.ts';
import type { Scenario } from '../../src/schemas/scenario.ts';
import { example } from './scenario-fixture.ts';

const play = (scenario: Scenario, ...choices: string[]): RunState =>
  choices.reduce((state, choice) => choose(scenario, state, choice), initialState(scenario));

describe('the engine on the documented example', () => {
  const s = example();

  test('a run starts at the start node with the customer’s starting mood and nothing done', () => {
    const state = initialState(s);
    expect(currentNode(s, state)?.id).toBe('opening');
    expect(state).toMatchObject({ mood: 5, steps: [], flags: [], fired: [], path: [], ended: false });
  });

  test('thanking, then putting it right, keeps a loyal customer with seven steps done', () => {
    const state = play(s, 'thank-and-apologise', 'fix-now');
    expect(currentEnding(s, state)?.id).toBe('loyal');
    expect(state.mood).toBe(10);
    expect(state.steps).toEqual(['thank', 'explain-gratitude', 'apologise', 'promise', 'fix-fast', 'check-satisfaction', 'prevent']);
    expect(state.path).toEqual([
      ['opening', 'thank-and-apologise'],
      ['what-now', 'fix-now'],
    ]);
  });

  test('blaming the courier sets a flag that turns the same good fix into a grudging "resolved"', () => {
    const state = play(s, 'blame-courier', 'fix-now');
    expect(state.flags).toEqual(['blamed-courier']);
    expect(currentEnding(s, state)?.id).toBe('resolved');
  });

  test('a customer whose mood falls to the trigger’s threshold leaves, whatever the last choice said', () => {
    // blame: 5 → 2; wait: 2 → 0, and the "gives-up" trigger fires before the choice's own target.
    const state = play(s, 'blame-courier', 'wait-and-see');
    expect(state.fired).toEqual(['gives-up']);
    expect(currentEnding(s, state)?.outcome).toBe('lost');
  });

  test('a trigger fires at most once, so a run cannot be thrown back to the same place again and again', () => {
    const looped = example();
    looped.triggers[0] = { id: 'second-thoughts', when: { flagsSet: ['blamed-courier'] }, to: 'what-now', say: '她犹豫了一下。' };
    const state = play(looped, 'blame-courier');
    expect(state.at).toBe('what-now');
    expect(play(looped, 'blame-courier', 'fix-now').at).toBe('resolved');
  });

  test('mood stays between 0 and 10', () => {
    expect(play(s, 'thank-and-apologise', 'fix-now').mood).toBe(10);
    expect(play(s, 'blame-courier', 'wait-and-see').mood).toBe(0);
  });

  test('a choice that is not on offer, or a move after the end, is refused', () => {
    expect(() => choose(s, initialState(s), 'fix-now')).toThrow(ScenarioMoveError);
    expect(() => choose(s, play(s, 'thank-and-apologise', 'fix-now'), 'fix-now')).toThrow('已经结束');
  });

  test('the engine never changes the state it was given', () => {
    const before = initialState(s);
    const copy = structuredClone(before);
    choose(s, before, 'blame-courier');
    expect(before).toEqual(copy);
  });
});

describe('replay', () => {
  const s = example();

  test('a recorded path replays to the same state, with each move’s mood change, steps and trigger', () => {
    const path: PathStep[] = [
      ['opening', 'blame-courier'],
      ['what-now', 'wait-and-see'],
    ];
    const result = replay(s, path);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.state).toEqual(play(s, 'blame-courier', 'wait-and-see'));
    expect(result.moves.map((m) => [m.node.id, m.choice.id, m.moodBefore, m.moodAfter, m.to, m.trigger?.id])).toEqual([
      ['opening', 'blame-courier', 5, 2, 'what-now', undefined],
      ['what-now', 'wait-and-see', 2, 0, 'gone', 'gives-up'],
    ]);
  });

  test('a path that no longer fits the scenario says where it stops fitting', () => {
    expect(replay(s, [['opening', 'shout']])).toEqual({ ok: false, at: 0, message: '第 1 步的选项 "shout" 已不存在' });
    expect(replay(s, [['what-now', 'fix-now']])).toEqual({ ok: false, at: 0, message: '第 1 步应在 "opening"，记录却是 "what-now"' });
  });
});

describe('bestRun', () => {
  test('finds the path with the highest score', () => {
    const best = bestRun(example());
    expect(best?.path).toEqual([
      ['opening', 'thank-and-apologise'],
      ['what-now', 'fix-now'],
    ]);
    expect(best?.score).toMatchObject({ ending: 'loyal', total: 40 + 35 + 10 + 10 });
  });
});
