import { STEP_IDS, stepPosition, type StepId } from '../complaint-steps.ts';
import type { Outcome, Scenario, Verdict } from '../../schemas/scenario.ts';
import { endingById, nodeById } from './engine.ts';
import type { RunState } from './state.ts';

/**
 * How a finished run is scored, the one definition used by the player, the progress log, the
 * HR re-score and the LMS report. Out of 100:
 *   - outcome (25): loyal 25, resolved 15, lost silently 5, escalated to a third party 0;
 *   - steps (40): 5 for each of the eight steps carried out;
 *   - order (5): the share of those steps that came in the method's order;
 *   - replies (30): 30, less 10 for each reply the method calls poor and 4 for each mixed one,
 *     never below 0 — so a run that stumbles into a good ending through poor replies scores low.
 * With the default pass mark of 80, a loyal run with every step may make two poor replies and
 * recover; a third, or a run that only resolves the complaint after one, does not pass.
 * A run passes when it keeps the customer (loyal or resolved), its ending is not one the author
 * marked `failsRun` (a customer kept by giving in to an excessive demand), and it reaches the
 * scenario's pass mark.
 */
export const OUTCOME_POINTS: Record<Outcome, number> = { loyal: 25, resolved: 15, lost: 5, escalated: 0 };
export const POINTS_PER_STEP = 5;
export const ORDER_POINTS = 5;
export const REPLY_POINTS = 30;
/** What one reply costs of the reply points. */
export const REPLY_COST: Record<Verdict, number> = { good: 0, mixed: 4, poor: 10 };
export const MAX_SCORE = OUTCOME_POINTS.loyal + POINTS_PER_STEP * STEP_IDS.length + ORDER_POINTS + REPLY_POINTS;

/** Outcomes that keep the customer: the complaint stayed at the first level and was handled. */
export const KEEPS_CUSTOMER: ReadonlySet<Outcome> = new Set<Outcome>(['loyal', 'resolved']);

export interface RunScore {
  outcome: Outcome;
  ending: string;
  outcomePoints: number;
  /** Steps carried out, in the order they were carried out. */
  steps: StepId[];
  /** Steps of the method the run never carried out, in method order. */
  missing: StepId[];
  stepPoints: number;
  /** Steps that came earlier or later than the method puts them. */
  outOfOrder: StepId[];
  orderPoints: number;
  /** How many of the learner's replies were good, mixed and poor. */
  replies: Record<Verdict, number>;
  replyPoints: number;
  /** The customer's mood at the end, 0–10 (shown, not scored: the outcome already reflects it). */
  mood: number;
  total: number;
  max: number;
  passed: boolean;
}

/**
 * The longest run of steps already in method order (a longest increasing subsequence of their
 * positions); whatever is left out of it came out of order. Ties keep the earliest steps.
 */
export function stepsInOrder(steps: readonly StepId[]): StepId[] {
  const pos = steps.map(stepPosition);
  const best: number[] = pos.map(() => 1);
  const prev: number[] = pos.map(() => -1);
  for (let i = 0; i < pos.length; i++) {
    for (let j = 0; j < i; j++) {
      if ((pos[j] ?? 0) < (pos[i] ?? 0) && (best[j] ?? 0) + 1 > (best[i] ?? 0)) {
        best[i] = (best[j] ?? 0) + 1;
        prev[i] = j;
      }
    }
  }
  let end = -1;
  for (let i = 0; i < best.length; i++) if (end < 0 || (best[i] ?? 0) > (best[end] ?? 0)) end = i;
  const kept: StepId[] = [];
  for (let i = end; i >= 0; i = prev[i] ?? -1) kept.unshift(steps[i]!);
  return kept;
}

/** Scores a finished run; undefined while the run is still going. */
export function scoreRun(scenario: Scenario, state: RunState): RunScore | undefined {
  const ending = state.ended ? endingById(scenario, state.at) : undefined;
  if (!ending) return undefined;
  const outcomePoints = OUTCOME_POINTS[ending.outcome];
  const steps = [...state.steps];
  const inOrder = stepsInOrder(steps);
  const outOfOrder = steps.filter((s) => !inOrder.includes(s));
  const stepPoints = steps.length * POINTS_PER_STEP;
  const orderPoints = steps.length === 0 ? 0 : Math.round((ORDER_POINTS * inOrder.length) / steps.length);
  const replies: Record<Verdict, number> = { good: 0, mixed: 0, poor: 0 };
  for (const [nodeId, choiceId] of state.path) {
    const verdict = nodeById(scenario, nodeId)?.choices.find((c) => c.id === choiceId)?.verdict;
    if (verdict) replies[verdict]++;
  }
  const cost = replies.mixed * REPLY_COST.mixed + replies.poor * REPLY_COST.poor;
  const replyPoints = Math.max(0, REPLY_POINTS - cost);
  const total = outcomePoints + stepPoints + orderPoints + replyPoints;
  return {
    outcome: ending.outcome,
    ending: ending.id,
    outcomePoints,
    steps,
    missing: STEP_IDS.filter((s) => !steps.includes(s)),
    stepPoints,
    outOfOrder,
    orderPoints,
    replies,
    replyPoints,
    mood: state.mood,
    total,
    max: MAX_SCORE,
    passed: KEEPS_CUSTOMER.has(ending.outcome) && !ending.failsRun && total * 100 >= scenario.passMark * MAX_SCORE,
  };
}
