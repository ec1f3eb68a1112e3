import type { Catalogue, CatalogueActivity } from '../catalogue.ts';
import type { PersonalityType } from '../../schemas/ids.ts';
import type { QuestionKey } from '../quiz-scoring.ts';

/**
 * What the spaced review needs to know of the course: which lesson each knowledge check belongs
 * to, which module each activity counts under (the queue mixes modules), and the answer keys the
 * learner's answers are scored with. No texts, so the home page's due count can carry it; the
 * review page adds the texts it shows. Derived from the catalogue, the one course map.
 */
export interface ReviewCourse {
  lessons: ReviewLesson[];
  activities: ReviewActivity[];
}

export interface ReviewLesson {
  id: string;
  module: string;
  requiredActivities: readonly string[];
}

export type Verdict = 'good' | 'mixed' | 'poor';

export type ReviewActivity =
  | { kind: 'quiz'; id: string; version: string; questions: (QuestionKey & { id: string })[] }
  | { kind: 'classification'; id: string; version: string; items: { id: string; type: PersonalityType; right: string | null }[] }
  | { kind: 'scenario'; id: string; version: string; nodes: { id: string; choices: { id: string; verdict: Verdict }[] }[] };

function reviewActivity(activity: CatalogueActivity): ReviewActivity | undefined {
  switch (activity.kind) {
    case 'quiz':
      return {
        kind: 'quiz',
        id: activity.id,
        version: activity.version,
        questions: activity.questions.map((q): QuestionKey & { id: string } => {
          switch (q.type) {
            case 'single':
            case 'multiple':
              return { id: q.id, type: q.type, options: q.options };
            case 'truefalse':
              return { id: q.id, type: 'truefalse', answer: q.answer };
            case 'ordering':
              return { id: q.id, type: 'ordering', items: q.items.map((id) => ({ id })) };
            case 'matching':
              return { id: q.id, type: 'matching', pairs: q.pairs.map((id) => ({ id })) };
          }
        }),
      };
    case 'classification':
      return {
        kind: 'classification',
        id: activity.id,
        version: activity.version,
        items: activity.items.map(({ id, type, right }) => ({ id, type, right })),
      };
    case 'scenario':
      return {
        kind: 'scenario',
        id: activity.id,
        version: activity.version,
        nodes: activity.nodes.map(({ id, choices }) => ({ id, choices })),
      };
    case 'assessment':
      // A self-assessment has no right answers to review.
      return undefined;
  }
}

export function reviewCourse(catalogue: Pick<Catalogue, 'map' | 'activities'>): ReviewCourse {
  return {
    lessons: catalogue.map.lessons.map(({ id, module, requiredActivities }) => ({ id, module, requiredActivities })),
    activities: catalogue.activities.flatMap((a) => reviewActivity(a) ?? []),
  };
}
