import { scoreItemKey, type ItemResponse } from '../classification-scoring.ts';
import type { ReviewRating } from '../progress/events.ts';
import { scoreQuestion, type QuestionKey } from '../quiz-scoring.ts';
import type { PersonalityType } from '../../schemas/ids.ts';
import type { ReviewActivity, Verdict } from './course.ts';

/**
 * Credit (0–1) for one reviewed item, from the scorers the activities themselves use: a question
 * as `scoreQuestion` credits it, a situation as the classification scores its two parts, a
 * decision point by the verdict of the reply chosen against the best reply at that point.
 */

export const questionCredit = (question: QuestionKey, response: unknown): number => scoreQuestion(question, response);

export function situationCredit(key: { id: string; type: PersonalityType; right: string | null }, response: ItemResponse): number {
  const result = scoreItemKey(key, response);
  return (Number(result.typeRight) + Number(result.serveRight)) / 2;
}

const RANK: Record<Verdict, number> = { poor: 0, mixed: 1, good: 2 };

/** 1 for a reply as good as the best at its node, ½ for a mixed reply where a good one was offered, else 0. */
export function decisionCredit(node: { choices: readonly { id: string; verdict: Verdict }[] }, choiceId: string): number {
  const chosen = node.choices.find((c) => c.id === choiceId);
  if (!chosen) return 0;
  const best = Math.max(...node.choices.map((c) => RANK[c.verdict]));
  return RANK[chosen.verdict] >= best ? 1 : chosen.verdict === 'mixed' ? 0.5 : 0;
}

/** How FSRS grades a credit: full credit good, some credit hard, none again. */
export const ratingOf = (credit: number): ReviewRating => (credit >= 1 ? 3 : credit > 0 ? 2 : 1);

/** The part of an activity a review item names, or undefined when the content no longer has it. */
export function findPart(activity: ReviewActivity, part: string) {
  switch (activity.kind) {
    case 'quiz':
      return activity.questions.find((q) => q.id === part);
    case 'classification':
      return activity.items.find((i) => i.id === part);
    case 'scenario':
      return activity.nodes.find((n) => n.id === part);
  }
}
