import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { bestRun } from '../../src/domain/scenario/best-path.ts';
import { choiceTarget, choose, currentEnding, nodeById, replay } from '../../src/domain/scenario/engine.ts';
import { exploreStates, situationKey, statesThatCanEnd, type StateGraph } from '../../src/domain/scenario/explore.ts';
import { KEEPS_CUSTOMER, scoreRun } from '../../src/domain/scenario/score.ts';
import { initialState, type RunState } from '../../src/domain/scenario/state.ts';
import { validateScenario } from '../../src/domain/scenario/validate.ts';
import { scenarioSchema, type Scenario } from '../../src/schemas/scenario.ts';

const dir = new URL('../../content/scenarios/', import.meta.url);
const shipped: Scenario[] = readdirSync(dir)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => scenarioSchema.parse(parse(readFileSync(new URL(f, dir), 'utf8'))));

/** The ids the lessons embed; each must exist. */
const REQUIRED_IDS = [
  'angry-powerful-delayed-order',
  'analytical-billing-questions',
  'peaceful-silent-leaver',
  'lively-talkative-return',
  'cause-misuse-appliance',
  'cause-misunderstanding-promotion',
  'cause-staff-attitude',
  'excessive-demand-compensation',
];

test('every scenario the lessons name is shipped', () => {
  expect(shipped.map((s) => s.id).sort()).toEqual(expect.arrayContaining(REQUIRED_IDS));
});

test('there is a scenario for each personality type', () => {
  expect(new Set(shipped.map((s) => s.customer.personality))).toEqual(new Set(['powerful', 'analytical', 'peaceful', 'lively']));
});

/** Keys of states right after a poor choice from which a customer can still be kept. */
function recoverableMistakes(s: Scenario, graph: StateGraph): string[] {
  const keeps = new Set<string>();
  // States from which an ending that keeps the customer is reachable.
  const incoming = new Map<string, string[]>();
  for (const [key, { situation, next }] of graph.states) {
    if (situation.ended && KEEPS_CUSTOMER.has(s.endings.find((e) => e.id === situation.at)!.outcome)) keeps.add(key);
    for (const n of next) incoming.set(n.key, [...(incoming.get(n.key) ?? []), key]);
  }
  const queue = [...keeps];
  while (queue.length > 0) {
    for (const from of incoming.get(queue.pop()!) ?? []) {
      if (!keeps.has(from)) {
        keeps.add(from);
        queue.push(from);
      }
    }
  }
  const found = new Set<string>();
  for (const { situation, next } of graph.states.values()) {
    const node = nodeById(s, situation.at);
    for (const n of next) {
      const choice = node?.choices.find((c) => c.id === n.choice);
      if (choice?.verdict === 'poor' && keeps.has(n.key)) found.add(`${situation.at}/${choice.id}`);
    }
  }
  return [...found];
}

/** Moves whose destination the state decided: a trigger fired, or a condition held. */
function stateDependentMoves(s: Scenario, graph: StateGraph): string[] {
  const found = new Set<string>();
  for (const { situation } of graph.states.values()) {
    for (const choice of nodeById(s, situation.at)?.choices ?? []) {
      if (situation.ended) continue;
      const fallback = typeof choice.next === 'string' ? choice.next : choice.next[choice.next.length - 1]!.to;
      const after = choose(s, { ...situation, path: [] }, choice.id);
      if (after.at !== fallback || choiceTarget(choice, after) !== fallback) found.add(`${situation.at}/${choice.id}→${after.at}`);
    }
  }
  return [...found];
}

describe.each(shipped.map((s) => [s.id, s] as const))('%s', (_id, s) => {
  const graph = exploreStates(s);

  test('passes the graph validator', () => {
    expect(validateScenario(s)).toEqual([]);
  });

  test('has at least 12 nodes and at least 3 different outcomes', () => {
    expect(s.nodes.length).toBeGreaterThanOrEqual(12);
    expect(new Set(s.endings.map((e) => e.outcome)).size).toBeGreaterThanOrEqual(3);
  });

  test('its best path applies all eight steps and keeps a loyal customer', () => {
    const best = bestRun(s);
    expect(best?.score.outcome).toBe('loyal');
    expect(best?.score.missing).toEqual([]);
    expect(best?.score.outOfOrder).toEqual([]);
  });

  test('has a transition that depends on the state, and at least two mistakes a learner can recover from', () => {
    expect(stateDependentMoves(s, graph).length).toBeGreaterThanOrEqual(1);
    expect(recoverableMistakes(s, graph).length).toBeGreaterThanOrEqual(2);
  });

  test('every reachable state can still end', () => {
    const canEnd = statesThatCanEnd(graph);
    expect([...graph.states.keys()].filter((k) => !canEnd.has(k))).toEqual([]);
  });

  test('the engine, played move by move, reaches every ending, and each path replays to that ending and is scored with its outcome', () => {
    // Breadth first over the engine's own moves, so each ending is reached by a shortest path.
    const pathTo = new Map<string, RunState['path']>();
    const seen = new Set<string>();
    const queue: RunState[] = [initialState(s)];
    while (queue.length > 0 && pathTo.size < s.endings.length) {
      const state = queue.shift()!;
      if (seen.has(situationKey(state))) continue;
      seen.add(situationKey(state));
      if (state.ended) {
        if (!pathTo.has(state.at)) pathTo.set(state.at, state.path);
        continue;
      }
      for (const choice of nodeById(s, state.at)!.choices) queue.push(choose(s, state, choice.id));
    }
    expect([...pathTo.keys()].sort()).toEqual(s.endings.map((e) => e.id).sort());
    for (const [ending, path] of pathTo) {
      const played = replay(s, path);
      expect(played.ok && currentEnding(s, played.state)?.id).toBe(ending);
      // Scored with that ending's outcome.
      expect(played.ok && scoreRun(s, played.state)?.outcome).toBe(s.endings.find((e) => e.id === ending)?.outcome);
    }
  });

  test('any random walk reaches an ending within three moves per node', () => {
    const bound = s.nodes.length * 3;
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: bound, maxLength: bound }), (picks) => {
        let state = initialState(s);
        for (const pick of picks) {
          if (state.ended) break;
          const choices = nodeById(s, state.at)!.choices;
          state = choose(s, state, choices[pick % choices.length]!.id);
        }
        expect(state.ended).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
