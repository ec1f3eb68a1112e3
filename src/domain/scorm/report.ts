import type { ProgressEvent } from '../progress/events.ts';
import { activityResults, completionStatus, courseTallies, lessonProgress } from '../progress/reducers.ts';
import type { Catalogue } from '../catalogue.ts';

/**
 * What the course tells the LMS about the learner, derived from the progress log by the same
 * reducers the course pages use, against the course's completion rule (`course.yaml`):
 *
 *   completion  "completed" once every lesson the rule asks for is completed and every required
 *               activity has been attempted; "incomplete" before.
 *   success     "passed" once the rule is met (lessons completed, required activities passed);
 *               "failed" when everything has been done but a required activity is not yet passed
 *               (the learner may retry, and the status then becomes "passed"); else "unknown".
 *   SCORM 1.2   lesson_status folds both: passed · failed · incomplete.
 *   score       the overall percent: the mean of the best result of each required activity
 *               (not attempted counts 0), rounded down; with no required activities, of every
 *               graded activity. Absent until one of them has been attempted.
 *   progress    the share of lessons completed (SCORM 2004 progress_measure).
 */
export interface CourseReport {
  lessonStatus: 'passed' | 'failed' | 'incomplete';
  completionStatus: 'completed' | 'incomplete';
  successStatus: 'passed' | 'failed' | 'unknown';
  score?: number;
  progress: number;
}

export function courseReport(catalog: Catalogue, events: readonly ProgressEvent[]): CourseReport {
  const rule = catalog.rule;
  const lessons = lessonProgress(events);
  const results = activityResults(events);
  const status = completionStatus(catalog.map, rule, events);
  const tallies = courseTallies(catalog.map, lessons);

  const lessonsDone = !rule.allLessons || status.missingLessons.length === 0;
  const allAttempted = rule.requiredActivities.every((id) => results.has(id));
  const completed = lessonsDone && allAttempted;
  const successStatus = status.met ? 'passed' : completed ? 'failed' : 'unknown';

  const counted =
    rule.requiredActivities.length > 0
      ? rule.requiredActivities
      : catalog.activities.filter((a) => a.kind !== 'assessment').map((a) => a.id);
  const ratios = counted.map((id) => {
    const best = results.get(id)?.best;
    return best && best.maxScore > 0 ? best.score / best.maxScore : best?.passed ? 1 : 0;
  });
  const attempted = counted.some((id) => results.has(id));
  const score = attempted && ratios.length > 0 ? Math.floor((ratios.reduce((s, r) => s + r, 0) * 100) / ratios.length + 1e-9) : undefined;

  return {
    lessonStatus: status.met ? 'passed' : completed ? 'failed' : 'incomplete',
    completionStatus: completed ? 'completed' : 'incomplete',
    successStatus,
    ...(score === undefined ? {} : { score: Math.min(100, score) }),
    progress: tallies.course.total === 0 ? 0 : Math.round((tallies.course.done / tallies.course.total) * 100) / 100,
  };
}
