import { courseScore, hasCourseScore, scoredActivities } from '../course-score.ts';
import type { ProgressEvent } from '../progress/events.ts';
import { activityResults, bestAttempts, completionStatus, courseTallies, lessonProgress } from '../progress/reducers.ts';
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
 *   score       the course score (`course-score.ts`, the figure HR and /me/ show too). Absent
 *               until one of the activities it averages has been attempted.
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

  const scored = scoredActivities(rule, catalog.activities);
  const best = bestAttempts(events);
  const score = hasCourseScore(scored, best) ? courseScore(scored, best) : undefined;

  return {
    lessonStatus: status.met ? 'passed' : completed ? 'failed' : 'incomplete',
    completionStatus: completed ? 'completed' : 'incomplete',
    successStatus,
    ...(score === undefined ? {} : { score }),
    progress: tallies.course.total === 0 ? 0 : Math.round((tallies.course.done / tallies.course.total) * 100) / 100,
  };
}
