import type { Scenario } from '../../schemas/scenario.ts';
import { choose, nodeById } from './engine.ts';
import { scoreRun, type RunScore } from './score.ts';
import { initialState, type PathStep, type RunState } from './state.ts';

export interface BestRun {
  path: PathStep[];
  score: RunScore;
}

interface Rest extends BestRun {
  /** The state the rest of the run ends in. */
  end: RunState;
}

const betterThan = (a: BestRun, b: BestRun | undefined): boolean =>
  !b || a.score.total > b.score.total || (a.score.total === b.score.total && a.path.length < b.path.length);

/**
 * The highest-scoring way through the scenario (the shortest among equals, the first choice
 * written among equals again), shown to the learner after a run as "the best path". Searches
 * every run; a validated scenario has no endless loop, so the search ends.
 */
export function bestRun(scenario: Scenario): BestRun | undefined {
  if (!found.has(scenario)) found.set(scenario, searchBestRun(scenario));
  return found.get(scenario);
}

/** The search is worth doing once per scenario object (a scenario is never changed in place). */
const found = new WeakMap<Scenario, BestRun | undefined>();

function searchBestRun(scenario: Scenario): BestRun | undefined {
  // The rest of a run is worth the same from the same node, mood, flags, fired triggers and steps
  // done *in the same order*: the reply points are a deduction per reply, the same whatever came
  // before. So the best rest is remembered by exactly that, and each rest is ranked by scoring
  // the end state with the rest's own replies (the replies before it are common to all rests).
  const memo = new Map<string, Rest | null>();
  const keyOf = (s: RunState) => `${s.at}|${s.mood}|${s.steps.join(',')}|${s.flags.join(',')}|${s.fired.join(',')}`;
  const visit = (state: RunState, depth: number): Rest | undefined => {
    if (state.ended) {
      const score = scoreRun(scenario, { ...state, path: [] });
      return score ? { path: [], score, end: state } : undefined;
    }
    const key = keyOf(state);
    const known = memo.get(key);
    if (known !== undefined) return known ?? undefined;
    if (depth > 500) return undefined;
    let best: Rest | undefined;
    for (const choice of nodeById(scenario, state.at)?.choices ?? []) {
      let next: RunState;
      try {
        next = choose(scenario, { ...state, path: [] }, choice.id);
      } catch {
        continue;
      }
      const rest = visit({ ...next, path: [] }, depth + 1);
      if (!rest) continue;
      const path: PathStep[] = [[state.at, choice.id], ...rest.path];
      const score = scoreRun(scenario, { ...rest.end, path });
      if (!score) continue;
      const candidate: Rest = { path, score, end: rest.end };
      if (betterThan(candidate, best)) best = candidate;
    }
    memo.set(key, best ?? null);
    return best;
  };
  const best = visit(initialState(scenario), 0);
  return best ? { path: best.path, score: best.score } : undefined;
}
