import { lessonCheckId, moduleQuizId } from '../catalogue.ts';
import type { ReviewActivity, ReviewCourse } from './course.ts';

/**
 * One thing the daily review can ask again: a quiz question, a personality situation, or a
 * role-play decision point. Its id, `<activity id>/<question, situation or node id>`, is what
 * review events record; content ids never change once learners have used them, so it is stable.
 */
export interface ReviewItem {
  id: string;
  activityId: string;
  kind: 'question' | 'situation' | 'decision';
  /** The question, situation or node id within the activity. */
  part: string;
  /** The module it is mixed in under; an activity no lesson ties to a module is a group of its own. */
  group: string;
  /** Set for a lesson's knowledge check: its questions are reviewed only once that lesson is completed. */
  lessonId?: string;
}

export const reviewItemId = (activityId: string, part: string): string => `${activityId}/${part}`;

const partsOf = (activity: ReviewActivity): { kind: ReviewItem['kind']; part: string }[] =>
  activity.kind === 'quiz'
    ? activity.questions.map((q) => ({ kind: 'question', part: q.id }))
    : activity.kind === 'classification'
      ? activity.items.map((i) => ({ kind: 'situation', part: i.id }))
      : activity.nodes.map((n) => ({ kind: 'decision', part: n.id }));

/** Every reviewable item of the course, by id, in catalogue order. */
export function reviewItems(course: ReviewCourse): Map<string, ReviewItem> {
  const checkOf = new Map(course.lessons.map((l) => [lessonCheckId(l.id), l]));
  const quizOf = new Map(course.lessons.map((l) => [moduleQuizId(l.module), l.module]));
  const requiredBy = new Map<string, string>();
  for (const lesson of course.lessons)
    for (const id of lesson.requiredActivities) if (!requiredBy.has(id)) requiredBy.set(id, lesson.module);
  const items = new Map<string, ReviewItem>();
  for (const activity of course.activities) {
    const lesson = checkOf.get(activity.id);
    const group = lesson?.module ?? quizOf.get(activity.id) ?? requiredBy.get(activity.id) ?? activity.id;
    for (const { kind, part } of partsOf(activity)) {
      const id = reviewItemId(activity.id, part);
      items.set(id, { id, activityId: activity.id, kind, part, group, ...(lesson ? { lessonId: lesson.id } : {}) });
    }
  }
  return items;
}
