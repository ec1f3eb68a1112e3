import type { ActivityResult } from '../progress/reducers.ts';

/**
 * Where a learner stands with a role-play, in their terms (runs and points), not the author's
 * (nodes and branches). Kept apart from the scorer and the path search so the role-play list's
 * small script carries neither.
 */

export type ScenarioStanding =
  | { state: 'not-started' }
  /** Played, never passed. */
  | { state: 'practised'; runs: number; best: number; max: number }
  /** Passed at least once (a later worse run does not undo it). */
  | { state: 'passed'; runs: number; best: number; max: number };

/**
 * Where the learner stands with a role-play, from its result as the progress reducers give it
 * (`activityResults`): the best run is the reducers' best, its points the scorer's, so this page
 * never disagrees with the role-play's own result or the course score.
 */
export function scenarioStanding(result: ActivityResult | undefined): ScenarioStanding {
  if (!result) return { state: 'not-started' };
  const figures = { runs: result.count, best: result.best.score, max: result.best.maxScore };
  return result.passedAt === undefined ? { state: 'practised', ...figures } : { state: 'passed', ...figures };
}
