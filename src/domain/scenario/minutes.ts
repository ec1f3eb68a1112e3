import type { Scenario } from '../../schemas/scenario.ts';
import { bestRun } from './best-path.ts';

/**
 * Seconds one reply takes: reading what the customer says, weighing three or four replies, reading
 * the feedback. The shipped role-plays' best runs of 6–8 replies then come to 4–5 minutes, the
 * time the lessons budget for a role-play.
 */
export const SECONDS_PER_REPLY = 40;

/** Minutes a run takes, from the replies on the best way through it (a run that goes worse is rarely longer); at least 1. */
export function scenarioMinutes(scenario: Scenario): number {
  const replies = bestRun(scenario)?.path.length ?? scenario.nodes.length;
  return Math.max(1, Math.round((replies * SECONDS_PER_REPLY) / 60));
}
