import type { Scenario } from '../../schemas/scenario.ts';
import type { Attempt, JsonValue } from '../progress/events.ts';
import { replay } from '../scenario/engine.ts';
import { isScenarioAnswers, type RunMode, type ScenarioAnswers } from '../scenario/run-record.ts';
import { scoreRun } from '../scenario/score.ts';
import type { PathStep } from '../scenario/state.ts';
import type { AttemptScore, AttemptStamp } from './attempt.ts';

/** A role-play's attempt: the path taken, replayed and scored by `scenario/score.ts`. */

/** A role-play's path replayed against the scenario; undefined when it no longer fits or does not end. */
export function scoreRolePlayAnswers(scenario: Scenario, answers: unknown): AttemptScore | undefined {
  if (!isScenarioAnswers(answers)) return undefined;
  const result = replay(scenario, answers.path);
  const run = result.ok ? scoreRun(scenario, result.state) : undefined;
  return run && { score: run.total, maxScore: run.max, passed: run.passed, ending: run.ending };
}

/** A finished role-play run; undefined while the path has not reached an ending. */
export function rolePlayAttempt(
  scenario: Scenario,
  run: { mode: RunMode; path: readonly PathStep[] },
  stamp: AttemptStamp,
): Attempt | undefined {
  const path = run.path.map(([n, c]): PathStep => [n, c]);
  // The ending is the path's to say, so it is read back from the scoring, not taken from the caller.
  const scored = scoreRolePlayAnswers(scenario, { mode: run.mode, path, ending: '' });
  if (!scored) return undefined;
  const answers: ScenarioAnswers = { mode: run.mode, path, ending: scored.ending ?? '' };
  return {
    ...stamp,
    activityKind: 'scenario',
    answers: answers as unknown as JsonValue,
    score: scored.score,
    maxScore: scored.maxScore,
    passed: scored.passed,
  };
}
