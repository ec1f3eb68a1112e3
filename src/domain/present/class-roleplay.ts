import type { Scenario } from '../../schemas/scenario.ts';
import { replay, type Move } from '../scenario/engine.ts';
import type { PathStep, RunState } from '../scenario/state.ts';

/**
 * A role-play in class is the learner's scenario run by the learner's engine. The slideshow state
 * records the room's choices as `node/choice` keys (plain strings, so the whole state stays JSON
 * for the windows' channel), and every window replays them with the engine to find where the
 * conversation is, the customer's mood, the steps carried out and any trigger that fired. No rule
 * of the scenario is repeated here, so a mood trigger or a conditional `next` turns out in class
 * exactly as it does for a learner.
 */

/** The key a choice is recorded under in the slideshow state: choice ids are unique only within their node. */
export const choiceKey = (node: string, choice: string): string => `${node}/${choice}`;

function stepOf(key: string): PathStep | undefined {
  const slash = key.indexOf('/');
  return slash > 0 ? [key.slice(0, slash), key.slice(slash + 1)] : undefined;
}

/** Where a class role-play stands. */
export interface ClassRoleplayView {
  /** The run after the room's choices: the node or ending it is at, mood, steps, flags. */
  state: RunState;
  /** The choices that fit the scenario, as keys (a stale tail is dropped). */
  path: string[];
  /** The move that led here, for the slide's echo: what the room chose, what it did to the mood, a trigger that fired. */
  last: Move | undefined;
}

/**
 * Replays the room's choices. A path recorded against another version of the scenario (a window
 * left open across a site update) degrades to the longest part of it that still fits.
 */
export function classRoleplayView(scenario: Scenario, keys: readonly string[]): ClassRoleplayView {
  let steps: PathStep[] = [];
  for (const key of keys) {
    const step = stepOf(key);
    if (!step) break;
    steps.push(step);
  }
  // Each failed replay names the first move that did not fit, so this ends (the empty path always fits).
  for (;;) {
    const result = replay(scenario, steps);
    if (result.ok) return { state: result.state, path: steps.map(([node, choice]) => choiceKey(node, choice)), last: result.moves.at(-1) };
    steps = steps.slice(0, result.at);
  }
}

/**
 * The scenario as a window needs it to replay the room's choices: nodes, choices and where they
 * lead, effects, conditions, triggers and outcomes. The words are on the slide already and stay
 * out of the page's data.
 */
export function replayData(scenario: Scenario): Scenario {
  return {
    ...scenario,
    title: '',
    summary: '',
    situation: '',
    sources: [],
    customer: { ...scenario.customer, name: '', problem: '' },
    flags: [],
    nodes: scenario.nodes.map(({ id, choices }) => ({ id, say: '', choices: choices.map((c) => ({ ...c, say: '', feedback: '' })) })),
    endings: scenario.endings.map((e) => ({ ...e, title: '', say: '', debrief: '' })),
    triggers: scenario.triggers.map((tr) => ({ ...tr, say: '' })),
  };
}
