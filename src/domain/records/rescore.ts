import { scoreClassification } from '../classification-scoring.ts';
import { profileCommunicationStyle } from '../communication-style.ts';
import { responsesOf, scoreAttempt } from '../quiz-scoring.ts';
import { isScenarioAnswers, rescore } from '../scenario/run-record.ts';
import type { CatalogueActivity } from '../catalogue.ts';

/** An attempt scored again from its raw answers, by the function its island used. */
export interface Rescored {
  score: number;
  maxScore: number;
  passed: boolean;
  /** Quizzes and the classification set: credit 0–1 per question (per situation), for "hardest questions". */
  questions?: { id: string; credit: number }[];
  /** Role-plays: the ending the path leads to. */
  ending?: string;
}

/**
 * Re-scores raw answers against the activity as it is now. Undefined when they cannot be scored
 * at all: a role-play path that no longer fits the scenario (or is not a path). Quiz scoring is
 * total, so answers of the wrong shape simply earn nothing.
 */
export function rescoreAttempt(activity: CatalogueActivity, answers: unknown): Rescored | undefined {
  switch (activity.kind) {
    case 'quiz': {
      const result = scoreAttempt(activity.data, answers);
      return { score: result.score, maxScore: result.maxScore, passed: result.passed, questions: result.questions };
    }
    case 'classification': {
      const result = scoreClassification(activity.data, answers);
      const questions = result.items.map((i) => ({ id: i.id, credit: ((i.typeRight ? 1 : 0) + (i.serveRight ? 1 : 0)) / 2 }));
      return { score: result.score, maxScore: result.maxScore, passed: result.passed, questions };
    }
    case 'assessment': {
      // Ungraded: the island records it, unscored, once every statement is rated.
      const profile = profileCommunicationStyle(activity.data.items, responsesOf(answers));
      return { score: 0, maxScore: 0, passed: profile.complete };
    }
    case 'scenario': {
      const run = rescore(activity.data, answers);
      return run ? { score: run.total, maxScore: run.max, passed: run.passed, ending: run.ending } : undefined;
    }
  }
}

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
