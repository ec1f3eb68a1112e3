import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { choose, currentEnding, currentNode, replay, ScenarioMoveError } from '../../src/domain/scenario/engine.ts';
import { bestRun } from '../../src/domain/scenario/best-path.ts';
import { initialState, type PathStep, type RunState } from '../../src/domain/scenario/state.ts';
import { scenarioSchema, type Scenario } from '../../src/schemas/scenario.ts';
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
    expect(best?.score).toMatchObject({ ending: 'loyal', total: 25 + 35 + 5 + 30 });
  });
});

describe('the engine on a shipped scenario: a path to each of its endings', () => {
  const s = scenarioSchema.parse(
    parse(readFileSync(new URL('../../content/scenarios/angry-powerful-delayed-order.yaml', import.meta.url), 'utf8')),
  );
  const best = bestRun(s)!.path.map(([, choice]) => choice);
  const end = (...choices: string[]) => {
    const state = play(s, ...choices);
    return {
      ending: currentEnding(s, state)?.id,
      outcome: currentEnding(s, state)?.outcome,
      mood: state.mood,
      steps: state.steps.length,
      fired: state.fired,
    };
  };

  test('the best path keeps a loyal customer with all eight steps', () => {
    expect(end(...best)).toEqual({ ending: 'opening-day', outcome: 'loyal', mood: 10, steps: 8, fired: [] });
  });

  test('hanging up once the delivery is fixed resolves the complaint without winning the customer', () => {
    expect(end('thank-apologise', 'why-thanks-promise', 'ask-what-matters', 'three-options', 'quick-bye')).toMatchObject({
      ending: 'resolved-grudging',
      outcome: 'resolved',
    });
  });

  test('passing the angry customer to a supervisor resolves it, with fewer steps done', () => {
    expect(end('order-number', 'insist', 'hand-over')).toMatchObject({ ending: 'supervisor', outcome: 'resolved', steps: 2 });
  });

  test('offering only a refund he does not want loses him', () => {
    expect(end('thank-apologise', 'why-thanks-promise', 'ask-what-matters', 'refund-only', 'refund-is-fastest')).toMatchObject({
      ending: 'buys-elsewhere',
      outcome: 'lost',
    });
  });

  test('two mistakes in a row send his mood to the floor and the trigger takes him to a third party', () => {
    expect(end('calm-down', 'blame-logistics')).toEqual({ ending: 'media', outcome: 'escalated', mood: 0, steps: 0, fired: ['blows-up'] });
  });

  test('the same late prevention step keeps a loyal customer only if his mood has recovered far enough', () => {
    // Recovering from "calm down" costs mood; the prevention line's branch checks moodAtLeast 7.
    const recovered = end(
      'calm-down',
      'own-it',
      'why-thanks-promise',
      'ask-what-matters',
      'three-options',
      'confirm-satisfied',
      'prevent-repeat',
    );
    expect(recovered).toMatchObject({ ending: 'opening-day', mood: 9 });
    const lower = end(
      'order-number',
      'insist',
      'take-it-on',
      'guess-date',
      'get-facts',
      'three-options',
      'confirm-satisfied',
      'prevent-repeat',
    );
    expect(lower).toMatchObject({ ending: 'resolved-grudging', outcome: 'resolved', mood: 6 });
  });

  test('a coupon offered before the facts calms him now and still costs the loyal ending at the end', () => {
    const coupon = end('thank-apologise', 'coupon-first', 'get-facts', 'three-options', 'confirm-satisfied', 'prevent-repeat');
    expect(coupon).toMatchObject({ ending: 'resolved-grudging', mood: 10 });
  });
});
