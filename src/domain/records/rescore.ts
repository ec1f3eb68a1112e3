import type { AttemptScore } from '../attempts/attempt.ts';
import { isScenarioAnswers } from '../scenario/run-record.ts';

/** An attempt scored again from its raw answers by `scoreAnswers`, the function its island used. */
export type Rescored = AttemptScore;

/** The ending a role-play attempt says it reached, if its answers are a role-play's. */
export const claimedEnding = (answers: unknown): string | undefined => (isScenarioAnswers(answers) ? answers.ending : undefined);

// Scores are rounded to 4 decimals by every scorer; anything closer than this is the same score.
const SAME = 1e-6;

/** Whether what the learner's browser claimed is what the answers are worth. */
export function claimHolds(claimed: { score: number; maxScore: number; passed: boolean; answers: unknown }, rescored: Rescored): boolean {
  return (
    Math.abs(claimed.score - rescored.score) < SAME &&
    claimed.maxScore === rescored.maxScore &&
    claimed.passed === rescored.passed &&
    (rescored.ending === undefined || claimedEnding(claimed.answers) === rescored.ending)
  );
}
