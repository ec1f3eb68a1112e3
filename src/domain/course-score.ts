/**
 * The course score, the one definition behind every place it is shown or sent: the LMS
 * (`cmi.core.score.raw` / `cmi.score.raw`), the HR table, CSV and charts, 我的学习 on /me/ and
 * the certificate.
 *
 *   course score = ⌊ 100 × mean over the scored activities of (best score ÷ its maximum) ⌋
 *
 * a whole percent, as an LMS takes it, rounded down so a shown 80 never hides a 79.9. The scored
 * activities are the completion rule's required activities (this course: the eight module
 * quizzes), or every graded activity when the rule names none; one not attempted counts 0. An
 * ungraded result (maximum 0) counts 1 when passed. Each activity's best result enters as an
 * exact ratio: 4 quizzes at 2/3 and 4 at 1/3 give 50, not the 49.5 of averaging rounded percents.
 *
 * Inputs are structural (ids, kinds, scores) so that any catalogue and any source of results —
 * the learner's own log, or attempts HR re-scored from a record — can be scored the same way.
 */

/** A result as the course score reads it: an attempt, or an attempt re-scored. */
export interface ResultLike {
  score: number;
  maxScore: number;
  passed: boolean;
}

/** Share of the maximum, 0–1; an ungraded result counts 1 when passed. */
export const resultRatio = (r: ResultLike): number => (r.maxScore > 0 ? r.score / r.maxScore : r.passed ? 1 : 0);

/** Activities the course score averages: the rule's required ones, or every graded activity when it names none. */
export function scoredActivities(
  rule: { readonly requiredActivities: readonly string[] },
  activities: readonly { readonly id: string; readonly kind: string }[],
): string[] {
  return rule.requiredActivities.length > 0
    ? [...rule.requiredActivities]
    : activities.filter((a) => a.kind !== 'assessment').map((a) => a.id);
}

/** The best of each activity's results (highest ratio, the earliest among equals). */
export function bestResults<R extends ResultLike>(results: Iterable<readonly [activityId: string, result: R]>): Map<string, R> {
  const best = new Map<string, R>();
  for (const [id, result] of results) {
    const kept = best.get(id);
    if (!kept || resultRatio(result) > resultRatio(kept)) best.set(id, result);
  }
  return best;
}

/** The course score (whole percent, 0–100) from the scored activities and each one's best result. */
export function courseScore(scored: readonly string[], best: ReadonlyMap<string, ResultLike>): number {
  if (scored.length === 0) return 0;
  const sum = scored.reduce((s, id) => {
    const result = best.get(id);
    return s + (result ? resultRatio(result) : 0);
  }, 0);
  return Math.max(0, Math.min(100, Math.floor((sum * 100) / scored.length + 1e-9)));
}

/** Whether any scored activity has a result yet (an LMS leaves the score empty until then). */
export const hasCourseScore = (scored: readonly string[], best: ReadonlyMap<string, unknown>): boolean => scored.some((id) => best.has(id));
