import { attemptKind } from '../attempts/attempt.ts';
import { scoreAnswers } from '../attempts/score-answers.ts';
import { isScenarioAnswers } from '../scenario/run-record.ts';
import type { PathStep } from '../scenario/state.ts';
import { activityIndex, type Catalogue, type CatalogueActivity, type CatalogueKind } from '../catalogue.ts';
import type { CompletionRecord, RecordAttempt } from './format.ts';
import { claimHolds, type Rescored } from './rescore.ts';

/**
 * What the HR page makes of one attempt:
 *   verified         the activity is as it was, and the answers are worth what was claimed;
 *   score-mismatch   the activity is as it was, but the claim and the answers disagree (or the
 *                    answers cannot be scored, or the kind of activity is wrong);
 *   content-changed  the activity changed (or left the course) since the attempt, so the claim
 *                    cannot be held against today's content.
 * Whatever the verdict, only `rescored` is ever counted; the claim is shown beside it.
 */
export type AttemptVerdict = 'verified' | 'score-mismatch' | 'content-changed';

/** An attempt's claims without its raw answers, which are needed only until it is re-scored. */
export type AttemptClaim = Omit<RecordAttempt, 'answers'>;

export interface CheckedAttempt {
  attempt: AttemptClaim;
  /** A role-play's path as recorded, for the detail view and the detail CSV. */
  path?: PathStep[];
  /** The activity's title today, or its id when it left the course. */
  title: string;
  kind: CatalogueKind | 'unknown';
  verdict: AttemptVerdict;
  /** The answers scored against today's activity; undefined when they cannot be (no such activity, a path that no longer fits). */
  rescored?: Rescored;
}

/** Statuses a record can earn by itself; `duplicate`, `unreadable` and `other-course` come from elsewhere. */
export type VerifiedStatus = AttemptVerdict;

export type RecordStatus = VerifiedStatus | 'duplicate' | 'other-course' | 'unreadable';

export type Verification =
  | { status: 'other-course'; courseId: string; courseTitle: string }
  | {
      status: VerifiedStatus;
      attempts: CheckedAttempt[];
      /** Titles of the activities that changed since an attempt, each once, in course order. */
      changed: string[];
      /** How many attempts' claims did not hold. */
      mismatches: number;
    };

/**
 * Re-scores one attempt and judges its claims. The raw answers are not kept (a role-play's path
 * is), so hundreds of records fit in memory and the answers can be freed as soon as they are scored.
 */
export function checkAttempt(attempt: RecordAttempt, activity: CatalogueActivity | undefined): CheckedAttempt {
  const { answers, ...claim } = attempt;
  const path = attempt.activityKind === 'scenario' && isScenarioAnswers(answers) ? answers.path : undefined;
  const kept = { attempt: claim, ...(path ? { path } : {}) };
  if (!activity) return { ...kept, title: attempt.activityId, kind: 'unknown', verdict: 'content-changed' };
  const rescored = scoreAnswers(activity, answers);
  const base = { ...kept, title: activity.title, kind: activity.kind, ...(rescored ? { rescored } : {}) };
  if (attempt.contentVersion !== activity.version) return { ...base, verdict: 'content-changed' };
  const holds = attempt.activityKind === attemptKind(activity.kind) && rescored !== undefined && claimHolds(attempt, rescored);
  return { ...base, verdict: holds ? 'verified' : 'score-mismatch' };
}

/** The worst verdict among attempts: a claim that does not hold outweighs changed content. */
export function worstVerdict(attempts: readonly CheckedAttempt[]): VerifiedStatus {
  if (attempts.some((a) => a.verdict === 'score-mismatch')) return 'score-mismatch';
  if (attempts.some((a) => a.verdict === 'content-changed')) return 'content-changed';
  return 'verified';
}

/** Titles of the activities behind `content-changed` verdicts, each once, in catalogue order. */
export function changedTitles(attempts: readonly CheckedAttempt[], catalogue: Catalogue): string[] {
  const changed = new Set(attempts.filter((a) => a.verdict === 'content-changed').map((a) => a.attempt.activityId));
  if (changed.size === 0) return [];
  const known = catalogue.activities.filter((a) => changed.has(a.id)).map((a) => a.title);
  const gone = [...changed].filter((id) => !catalogue.activities.some((a) => a.id === id));
  return [...known, ...gone];
}

/** Checks a record against the course as it is now, re-scoring every attempt from its raw answers. */
export function verifyRecord(record: CompletionRecord, catalogue: Catalogue, index = activityIndex(catalogue)): Verification {
  if (record.course.id !== catalogue.course.id) {
    return { status: 'other-course', courseId: record.course.id, courseTitle: record.course.title };
  }
  const attempts = record.attempts.map((attempt) => checkAttempt(attempt, index.get(attempt.activityId)));
  return {
    status: worstVerdict(attempts),
    attempts,
    changed: changedTitles(attempts, catalogue),
    mismatches: attempts.filter((a) => a.verdict === 'score-mismatch').length,
  };
}
