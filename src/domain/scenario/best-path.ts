import type { Scenario } from '../../schemas/scenario.ts';
import { choose, nodeById } from './engine.ts';
import { scoreRun, type RunScore } from './score.ts';
import { initialState, type PathStep, type RunState } from './state.ts';

export interface BestRun {
  path: PathStep[];
  score: RunScore;
}

const betterThan = (a: BestRun, b: BestRun | undefined): boolean =>
  !b || a.score.total > b.score.total || (a.score.total === b.score.total && a.path.length < b.path.length);

/**
 * The highest-scoring way through the scenario (the shortest among equals, the first choice
 * written among equals again), shown to the learner after a run as "the best path". Searches
 * every run; a validated scenario has no endless loop, so the search ends.
 */
export function bestRun(scenario: Scenario): BestRun | undefined {
  // The rest of a run scores the same from the same node, mood, flags, fired triggers and steps
  // done *in the same order*, so the best continuation is remembered by exactly that.
  const memo = new Map<string, BestRun | null>();
  const keyOf = (s: RunState) => `${s.at}|${s.mood}|${s.steps.join(',')}|${s.flags.join(',')}|${s.fired.join(',')}`;
  const visit = (state: RunState, depth: number): BestRun | undefined => {
    if (state.ended) {
      const score = scoreRun(scenario, state);
      return score ? { path: [], score } : undefined;
    }
    const key = keyOf(state);
    const known = memo.get(key);
    if (known !== undefined) return known ?? undefined;
    if (depth > 500) return undefined;
    let best: BestRun | undefined;
    for (const choice of nodeById(scenario, state.at)?.choices ?? []) {
      let next: RunState;
      try {
        next = choose(scenario, { ...state, path: [] }, choice.id);
      } catch {
        continue;
      }
      const rest = visit(next, depth + 1);
      if (!rest) continue;
      const candidate: BestRun = { path: [[state.at, choice.id], ...rest.path], score: rest.score };
      if (betterThan(candidate, best)) best = candidate;
    }
    memo.set(key, best ?? null);
    return best;
  };
  return visit(initialState(scenario), 0);
}
