import type { Catalogue } from '../catalogue.ts';
import type { Classification, ClassificationItem } from '../../schemas/classification.ts';
import type { Question } from '../../schemas/quiz.ts';
import type { Verdict } from './course.ts';
import { reviewItemId } from './item.ts';

/** What the review page shows of an item: the question, situation or decision point as the activity wrote it. */
export type ReviewCard =
  | { kind: 'question'; activityTitle: string; question: Question; shuffle: boolean }
  | { kind: 'situation'; activityTitle: string; item: ClassificationItem; types: Pick<Classification['types'][number], 'type' | 'name'>[] }
  | {
      kind: 'decision';
      activityTitle: string;
      customer: string;
      say: string;
      does?: string;
      choices: { id: string; say: string; verdict: Verdict; feedback: string }[];
    };

/** Every item's card, by review item id. */
export function reviewCards(catalogue: Pick<Catalogue, 'activities'>): Record<string, ReviewCard> {
  const cards: Record<string, ReviewCard> = {};
  for (const activity of catalogue.activities) {
    const activityTitle = activity.title;
    if (activity.kind === 'quiz') {
      for (const question of activity.data.questions)
        cards[reviewItemId(activity.id, question.id)] = { kind: 'question', activityTitle, question, shuffle: activity.data.shuffle };
    } else if (activity.kind === 'classification') {
      const types = activity.data.types.map(({ type, name }) => ({ type, name }));
      for (const item of activity.data.items) cards[reviewItemId(activity.id, item.id)] = { kind: 'situation', activityTitle, item, types };
    } else if (activity.kind === 'scenario') {
      for (const node of activity.data.nodes) {
        cards[reviewItemId(activity.id, node.id)] = {
          kind: 'decision',
          activityTitle,
          customer: activity.data.customer.name,
          say: node.say,
          ...(node.does ? { does: node.does } : {}),
          choices: node.choices.map(({ id, say, verdict, feedback }) => ({ id, say, verdict, feedback })),
        };
      }
    }
  }
  return cards;
}
