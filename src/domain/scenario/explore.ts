import type { Scenario } from '../../schemas/scenario.ts';
import { choose, nodeById } from './engine.ts';
import { initialState, type RunState } from './state.ts';

/** A state of the conversation without its history: what decides where it can go next. */
export type Situation = Omit<RunState, 'path'>;

/** The order steps were done in matters to the score, not to where the conversation can go. */
export const situationKey = (s: Situation): string =>
  `${s.at}|${s.ended ? 1 : 0}|${s.mood}|${[...s.steps].sort().join(',')}|${s.flags.join(',')}|${[...s.fired].sort().join(',')}`;

export interface StateGraph {
  start: string;
  states: Map<string, { situation: Situation; next: { choice: string; key: string }[] }>;
  /** True when exploration stopped at `limit` states. */
  truncated: boolean;
}

/** Past this many distinct states a scenario is too tangled to check (and to author). */
export const STATE_LIMIT = 50_000;

/**
 * Every state the conversation can reach from the start, and the moves between them. Mood,
 * steps, flags and fired triggers are finite, so this is a finite graph even when the scenario
 * loops. Moves to a missing node or ending are left out (the validator reports those).
 */
export function exploreStates(scenario: Scenario, limit = STATE_LIMIT): StateGraph {
  const first: Situation = withoutPath(initialState(scenario));
  const start = situationKey(first);
  const states: StateGraph['states'] = new Map();
  const queue: Situation[] = [first];
  states.set(start, { situation: first, next: [] });
  let truncated = false;
  for (let head = 0; head < queue.length; head++) {
    const here = queue[head]!;
    const entry = states.get(situationKey(here))!;
    const node = here.ended ? undefined : nodeById(scenario, here.at);
    for (const choice of node?.choices ?? []) {
      let after: Situation;
      try {
        after = withoutPath(choose(scenario, { ...here, path: [] }, choice.id));
      } catch {
        continue;
      }
      const key = situationKey(after);
      entry.next.push({ choice: choice.id, key });
      if (states.has(key)) continue;
      if (states.size >= limit) {
        truncated = true;
        continue;
      }
      states.set(key, { situation: after, next: [] });
      queue.push(after);
    }
  }
  return { start, states, truncated };
}

function withoutPath(state: RunState): Situation {
  const { path: _path, ...rest } = state;
  return rest;
}

/** Keys of the states from which some ending can still be reached. */
export function statesThatCanEnd(graph: StateGraph): Set<string> {
  const incoming = new Map<string, string[]>();
  const good = new Set<string>();
  const queue: string[] = [];
  for (const [key, { situation, next }] of graph.states) {
    if (situation.ended) {
      good.add(key);
      queue.push(key);
    }
    for (const { key: to } of next) incoming.set(to, [...(incoming.get(to) ?? []), key]);
  }
  while (queue.length > 0) {
    const key = queue.pop()!;
    for (const from of incoming.get(key) ?? []) {
      if (!good.has(from)) {
        good.add(from);
        queue.push(from);
      }
    }
  }
  return good;
}

/** Keys of states a move returns to while they are still on the way (a cycle in the state graph). */
export function statesOnCycles(graph: StateGraph): Set<string> {
  const colour = new Map<string, 'grey' | 'black'>();
  const found = new Set<string>();
  for (const root of graph.states.keys()) {
    if (colour.has(root)) continue;
    const stack: { key: string; i: number }[] = [{ key: root, i: 0 }];
    colour.set(root, 'grey');
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const next = graph.states.get(top.key)?.next ?? [];
      if (top.i >= next.length) {
        colour.set(top.key, 'black');
        stack.pop();
        continue;
      }
      const to = next[top.i++]!.key;
      const c = colour.get(to);
      if (c === 'grey') found.add(to);
      else if (!c) {
        colour.set(to, 'grey');
        stack.push({ key: to, i: 0 });
      }
    }
  }
  return found;
}

/** The most moves any run can take before it ends (the state graph must have no cycles). */
export function longestRun(graph: StateGraph): number {
  const memo = new Map<string, number>();
  const visit = (key: string, depth: number): number => {
    const known = memo.get(key);
    if (known !== undefined) return known;
    if (depth > graph.states.size) return Number.POSITIVE_INFINITY;
    const next = graph.states.get(key)?.next ?? [];
    const longest = next.reduce((max, n) => Math.max(max, 1 + visit(n.key, depth + 1)), 0);
    memo.set(key, longest);
    return longest;
  };
  return visit(graph.start, 0);
}
