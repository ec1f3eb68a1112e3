import { scoreAssessmentAnswers } from './assessment.ts';
import type { AttemptScore, ScorableActivity } from './attempt.ts';
import { scoreClassificationAnswers } from './classification.ts';
import { scoreQuizAnswers } from './quiz.ts';
import { scoreRolePlayAnswers } from './role-play.ts';

/**
 * What raw answers to an activity are worth, scored against the activity as given. Undefined
 * only when they cannot be scored at all (a role-play path that does not fit the scenario); the
 * other scorers are total, so answers of the wrong shape simply earn nothing.
 */
export function scoreAnswers(activity: ScorableActivity, answers: unknown): AttemptScore | undefined {
  switch (activity.kind) {
    case 'quiz':
      return scoreQuizAnswers(activity.data, answers);
    case 'classification':
      return scoreClassificationAnswers(activity.data, answers);
    case 'assessment':
      return scoreAssessmentAnswers(activity.data, answers);
    case 'scenario':
      return scoreRolePlayAnswers(activity.data, answers);
  }
}
