import type { Assessment } from '../../schemas/assessment.ts';
import { isRating } from '../communication-style.ts';
import type { Attempt, JsonValue } from '../progress/events.ts';
import type { AttemptScore, AttemptStamp } from './attempt.ts';

/** The self-assessment is not graded: 0 of 0, passed (finished) once every statement is rated. */
export function scoreAssessmentAnswers(assessment: Pick<Assessment, 'items'>, answers: unknown): AttemptScore {
  const given = typeof answers === 'object' && answers !== null ? (answers as { responses?: unknown }).responses : undefined;
  const ratings = (typeof given === 'object' && given !== null ? given : {}) as Record<string, unknown>;
  const complete = assessment.items.every((i) => Object.hasOwn(ratings, i.id) && isRating(ratings[i.id]));
  return { score: 0, maxScore: 0, passed: complete };
}

export function assessmentAttempt(
  assessment: Pick<Assessment, 'items'>,
  ratings: Readonly<Record<string, number>>,
  stamp: AttemptStamp,
): Attempt {
  // A plain JSON copy: the island hands over reactive proxies.
  const answers = JSON.parse(JSON.stringify({ responses: ratings })) as JsonValue;
  const { score, maxScore, passed } = scoreAssessmentAnswers(assessment, answers);
  return { ...stamp, activityKind: 'assessment', answers, score, maxScore, passed };
}
