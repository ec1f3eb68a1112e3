import type { Classification } from '../../schemas/classification.ts';
import { scoreClassification } from '../classification-scoring.ts';
import type { Attempt, JsonValue } from '../progress/events.ts';
import type { AttemptScore, AttemptStamp } from './attempt.ts';

/** The personality classification set's attempt (`classification-scoring.ts`: two points a situation). */

export function scoreClassificationAnswers(set: Pick<Classification, 'items' | 'passMark'>, answers: unknown): AttemptScore {
  const r = scoreClassification(set, answers);
  const questions = r.items.map((i) => ({ id: i.id, credit: ((i.typeRight ? 1 : 0) + (i.serveRight ? 1 : 0)) / 2 }));
  return { score: r.score, maxScore: r.maxScore, passed: r.passed, questions };
}

export function classificationAttempt(
  set: Pick<Classification, 'items' | 'passMark'>,
  answers: { seed: number; responses: Readonly<Record<string, { type?: string; serve?: string }>> },
  stamp: AttemptStamp,
): Attempt {
  // A plain JSON copy: the island hands over reactive proxies.
  const raw = JSON.parse(JSON.stringify({ seed: answers.seed, responses: answers.responses })) as JsonValue;
  const { score, maxScore, passed } = scoreClassificationAnswers(set, raw);
  // Recorded as a quiz (`attemptKind`).
  return { ...stamp, activityKind: 'quiz', answers: raw, score, maxScore, passed };
}
