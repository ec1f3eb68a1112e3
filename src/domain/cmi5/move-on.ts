import type { CourseReport } from '../scorm/report.ts';

/**
 * Which cmi5-defined verbs the course owes the LMS now (cmi5 spec, section 9.3): `completed`,
 * `passed` and `failed` each at most once per registration, `completed` first and independently
 * of the outcome, none at all unless the LMS launched the AU in `Normal` mode (Browse and Review
 * launches may only initialize and terminate).
 *
 * The course's own status is the one the SCORM report sends (`courseReport`, from the completion
 * rule): completed once every lesson is completed and every required activity attempted; passed
 * once the rule is met; failed when everything was done but a required activity is not yet
 * passed. An LMS may impose a `masteryScore` in LMS.LaunchData; cmi5 says the AU must then judge
 * by it, so once completed the course score (÷ 100) against the mastery score decides.
 *
 * Once `passed` went out no `failed` may follow; a `failed` may be followed by `passed` when the
 * learner retakes a quiz and meets the rule later in the same registration, but in a later
 * session: one session sends at most one of the two.
 */

export type MoveOnVerb = 'completed' | 'passed' | 'failed';

export type LaunchMode = 'Normal' | 'Browse' | 'Review';

export interface MoveOnRules {
  launchMode: LaunchMode;
  /** 0–1, from LMS.LaunchData, if the LMS set one. */
  masteryScore?: number;
}

/** The outcome the course reports: the course rule's, or the LMS's mastery score's when it set one. */
export function outcome(report: CourseReport, rules: Pick<MoveOnRules, 'masteryScore'>): 'passed' | 'failed' | 'unknown' {
  if (rules.masteryScore === undefined) return report.successStatus;
  if (report.completionStatus !== 'completed') return 'unknown';
  return (report.score ?? 0) / 100 >= rules.masteryScore ? 'passed' : 'failed';
}

/**
 * @param sent the verbs already sent in this registration (any session)
 * @param sentThisSession those of them sent in this session
 */
export function dueVerbs(
  report: CourseReport,
  rules: MoveOnRules,
  sent: readonly MoveOnVerb[],
  sentThisSession: readonly MoveOnVerb[] = [],
): MoveOnVerb[] {
  if (rules.launchMode !== 'Normal') return [];
  const due: MoveOnVerb[] = [];
  if (report.completionStatus === 'completed' && !sent.includes('completed')) due.push('completed');
  if (sent.includes('passed') || sentThisSession.includes('failed')) return due;
  const result = outcome(report, rules);
  if (result === 'passed') due.push('passed');
  else if (result === 'failed' && !sent.includes('failed')) due.push('failed');
  return due;
}
