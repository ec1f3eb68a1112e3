import type { Attempt } from '../progress/events.ts';
import type { Scenario } from '../../schemas/scenario.ts';
import { replay } from './engine.ts';
import { MAX_SCORE, scoreRun, type RunScore } from './score.ts';
import type { PathStep, RunState } from './state.ts';

/** Practice shows feedback after every choice; a test run shows it only at the end. */
export type RunMode = 'practice' | 'test';

/**
 * What a finished role-play stores as its attempt's `answers`: the whole path as
 * `[nodeId, choiceId]` pairs, enough to replay, re-score and report the run, plus the ending
 * reached and the mode, so reports can read them without replaying.
 *   { "mode": "test", "path": [["opening", "thank-first"], …], "ending": "loyal" }
 */
export interface ScenarioAnswers {
  mode: RunMode;
  path: PathStep[];
  ending: string;
}

/** A role-play in progress, kept as a draft so a reload resumes it. */
export interface ScenarioDraft {
  /** contentVersion of the scenario the path belongs to; another version discards the draft. */
  version: string;
  mode: RunMode;
  path: PathStep[];
  startedAt: string;
}

const isMode = (v: unknown): v is RunMode => v === 'practice' || v === 'test';
const isPath = (v: unknown): v is PathStep[] =>
  Array.isArray(v) && v.every((s) => Array.isArray(s) && s.length === 2 && typeof s[0] === 'string' && typeof s[1] === 'string');

export function isScenarioAnswers(v: unknown): v is ScenarioAnswers {
  if (typeof v !== 'object' || v === null) return false;
  const a = v as Record<string, unknown>;
  return isMode(a['mode']) && isPath(a['path']) && typeof a['ending'] === 'string';
}

export function isScenarioDraft(v: unknown): v is ScenarioDraft {
  if (typeof v !== 'object' || v === null) return false;
  const d = v as Record<string, unknown>;
  return typeof d['version'] === 'string' && isMode(d['mode']) && isPath(d['path']) && typeof d['startedAt'] === 'string';
}

/** The attempt to append to the progress log for a finished run. */
export function scenarioAttempt(
  scenario: Scenario,
  run: { state: RunState; mode: RunMode; version: string; startedAt: string; finishedAt: string },
): Attempt | undefined {
  const score = scoreRun(scenario, run.state);
  if (!score) return undefined;
  const answers = { mode: run.mode, path: run.state.path.map(([n, c]) => [n, c]), ending: score.ending };
  return {
    activityId: scenario.id,
    activityKind: 'scenario',
    contentVersion: run.version,
    answers,
    score: score.total,
    maxScore: MAX_SCORE,
    passed: score.passed,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
  };
}

/** Scores a recorded run again against the scenario as it is now; undefined if the path no longer fits. */
export function rescore(scenario: Scenario, answers: unknown): RunScore | undefined {
  if (!isScenarioAnswers(answers)) return undefined;
  const result = replay(scenario, answers.path);
  return result.ok ? scoreRun(scenario, result.state) : undefined;
}
