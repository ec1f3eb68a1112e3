import type { PathStep } from './state.ts';

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
