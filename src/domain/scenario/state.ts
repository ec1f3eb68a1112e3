import { stepPosition, type StepId } from '../complaint-steps.ts';
import type { Condition, Effects, Scenario } from '../../schemas/scenario.ts';
import { clampMood } from './mood.ts';

/** The learner's move at one node: which node, which choice. */
export type PathStep = readonly [node: string, choice: string];

/** Everything the conversation remembers. Immutable: every move returns a new state. */
export interface RunState {
  /** The node the conversation is at, or the ending it reached. */
  at: string;
  /** Whether `at` is an ending. */
  ended: boolean;
  /** Customer's mood, MOOD_MIN..MOOD_MAX. */
  mood: number;
  /** Steps of the method carried out, in the order first carried out. */
  steps: readonly StepId[];
  /** Flags currently set, sorted. */
  flags: readonly string[];
  /** Triggers that have fired (each fires at most once), in firing order. */
  fired: readonly string[];
  /** Every move so far. */
  path: readonly PathStep[];
}

export function initialState(scenario: Scenario): RunState {
  return { at: scenario.start, ended: false, mood: clampMood(scenario.customer.mood), steps: [], flags: [], fired: [], path: [] };
}

/** Whether every test in the condition holds in this state. */
export function conditionHolds(condition: Condition, state: Pick<RunState, 'mood' | 'steps' | 'flags'>): boolean {
  const { moodAtLeast, moodAtMost, stepsDone, stepsMissing, flagsSet, flagsUnset } = condition;
  if (moodAtLeast !== undefined && state.mood < moodAtLeast) return false;
  if (moodAtMost !== undefined && state.mood > moodAtMost) return false;
  if (stepsDone && !stepsDone.every((s) => state.steps.includes(s))) return false;
  if (stepsMissing && stepsMissing.some((s) => state.steps.includes(s))) return false;
  if (flagsSet && !flagsSet.every((f) => state.flags.includes(f))) return false;
  if (flagsUnset && flagsUnset.some((f) => state.flags.includes(f))) return false;
  return true;
}

/**
 * Applies a choice's effects. Steps credited by one line count as done together, in method
 * order, so a line that thanks and apologises at once is never "out of order" with itself.
 */
export function applyEffects<S extends Pick<RunState, 'mood' | 'steps' | 'flags'>>(state: S, effects: Effects): S {
  const fresh = [...new Set(effects.steps)].filter((s) => !state.steps.includes(s)).sort((a, b) => stepPosition(a) - stepPosition(b));
  const flags = new Set(state.flags);
  for (const f of effects.set) flags.add(f);
  for (const f of effects.unset) flags.delete(f);
  return {
    ...state,
    mood: clampMood(state.mood + effects.mood),
    steps: [...state.steps, ...fresh],
    flags: [...flags].sort(),
  };
}
