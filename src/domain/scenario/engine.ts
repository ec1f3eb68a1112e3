import type { StepId } from '../complaint-steps.ts';
import type { Scenario, ScenarioChoice, ScenarioEnding, ScenarioNode, ScenarioTrigger } from '../../schemas/scenario.ts';
import { applyEffects, conditionHolds, initialState, type PathStep, type RunState } from './state.ts';

/** Lookups by id, built once per scenario object. */
interface Index {
  nodes: Map<string, ScenarioNode>;
  endings: Map<string, ScenarioEnding>;
  triggers: Map<string, ScenarioTrigger>;
}

const indexes = new WeakMap<Scenario, Index>();

function indexOf(scenario: Scenario): Index {
  let index = indexes.get(scenario);
  if (!index) {
    index = {
      nodes: new Map(scenario.nodes.map((n) => [n.id, n])),
      endings: new Map(scenario.endings.map((e) => [e.id, e])),
      triggers: new Map(scenario.triggers.map((t) => [t.id, t])),
    };
    indexes.set(scenario, index);
  }
  return index;
}

export const nodeById = (scenario: Scenario, id: string): ScenarioNode | undefined => indexOf(scenario).nodes.get(id);
export const endingById = (scenario: Scenario, id: string): ScenarioEnding | undefined => indexOf(scenario).endings.get(id);
export const triggerById = (scenario: Scenario, id: string): ScenarioTrigger | undefined => indexOf(scenario).triggers.get(id);

/** The node the run is at, or undefined once it has ended. */
export function currentNode(scenario: Scenario, state: RunState): ScenarioNode | undefined {
  return state.ended ? undefined : nodeById(scenario, state.at);
}

/** The ending the run reached, or undefined while it goes on. */
export function currentEnding(scenario: Scenario, state: RunState): ScenarioEnding | undefined {
  return state.ended ? endingById(scenario, state.at) : undefined;
}

/** Where a choice leads from this state: the first branch whose condition holds, else the last (the fallback). */
export function choiceTarget(choice: ScenarioChoice, state: Pick<RunState, 'mood' | 'steps' | 'flags'>): string {
  if (typeof choice.next === 'string') return choice.next;
  const branch = choice.next.find((b) => !b.when || conditionHolds(b.when, state)) ?? choice.next[choice.next.length - 1];
  return branch?.to ?? '';
}

/** The first trigger, not yet fired, whose condition holds in this state. */
export function firingTrigger(
  scenario: Scenario,
  state: Pick<RunState, 'mood' | 'steps' | 'flags' | 'fired'>,
): ScenarioTrigger | undefined {
  return scenario.triggers.find((t) => !state.fired.includes(t.id) && conditionHolds(t.when, state));
}

export class ScenarioMoveError extends Error {
  override name = 'ScenarioMoveError';
}

/**
 * The engine's one rule: from a state and a choice, the next state. The choice's effects apply
 * first; then a trigger whose condition now holds overrides where the choice led (the customer
 * who has had enough leaves whatever was said last); otherwise the choice's branches decide.
 */
export function choose(scenario: Scenario, state: RunState, choiceId: string): RunState {
  if (state.ended) throw new ScenarioMoveError(`场景 ${scenario.id} 已经结束，不能再选择`);
  const node = nodeById(scenario, state.at);
  if (!node) throw new ScenarioMoveError(`场景 ${scenario.id} 中没有节点 "${state.at}"`);
  const choice = node.choices.find((c) => c.id === choiceId);
  if (!choice) throw new ScenarioMoveError(`节点 "${node.id}" 没有选项 "${choiceId}"`);
  const affected = applyEffects(state, choice.effects);
  const trigger = firingTrigger(scenario, affected);
  const to = trigger ? trigger.to : choiceTarget(choice, affected);
  const ended = indexOf(scenario).endings.has(to);
  if (!ended && !indexOf(scenario).nodes.has(to)) throw new ScenarioMoveError(`选项 "${choice.id}" 指向不存在的 "${to}"`);
  const step: PathStep = [node.id, choice.id];
  return {
    ...affected,
    at: to,
    ended,
    fired: trigger ? [...state.fired, trigger.id] : state.fired,
    path: [...state.path, step],
  };
}

/** One move of a run, with what it changed: the transcript, review and map are drawn from these. */
export interface Move {
  node: ScenarioNode;
  choice: ScenarioChoice;
  /** Where the conversation went next (node or ending id). */
  to: string;
  /** The trigger that redirected the conversation, if one fired. */
  trigger?: ScenarioTrigger;
  moodBefore: number;
  moodAfter: number;
  /** Steps this move carried out for the first time. */
  stepsCredited: StepId[];
}

export type ReplayResult = { ok: true; state: RunState; moves: Move[] } | { ok: false; at: number; message: string };

/**
 * Plays a recorded path again from the start. A path recorded against an older version of the
 * scenario may no longer fit; then the result says at which move it stopped fitting.
 */
export function replay(scenario: Scenario, path: readonly PathStep[]): ReplayResult {
  let state = initialState(scenario);
  const moves: Move[] = [];
  for (const [i, [nodeId, choiceId]] of path.entries()) {
    if (state.at !== nodeId) return { ok: false, at: i, message: `第 ${i + 1} 步应在 "${state.at}"，记录却是 "${nodeId}"` };
    const node = nodeById(scenario, nodeId);
    const choice = node?.choices.find((c) => c.id === choiceId);
    if (!node || !choice) return { ok: false, at: i, message: `第 ${i + 1} 步的选项 "${choiceId}" 已不存在` };
    let next: RunState;
    try {
      next = choose(scenario, state, choiceId);
    } catch (error) {
      return { ok: false, at: i, message: (error as Error).message };
    }
    const fired = next.fired.length > state.fired.length ? triggerById(scenario, next.fired[next.fired.length - 1] ?? '') : undefined;
    moves.push({
      node,
      choice,
      to: next.at,
      ...(fired ? { trigger: fired } : {}),
      moodBefore: state.mood,
      moodAfter: next.mood,
      stepsCredited: next.steps.slice(state.steps.length),
    });
    state = next;
  }
  return { ok: true, state, moves };
}
