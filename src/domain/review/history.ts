import type { Quiz } from '../../schemas/quiz.ts';
import { itemResponse } from '../classification-scoring.ts';
import type { Attempt, ProgressEvent, ReviewRating } from '../progress/events.ts';
import { responsesOf, scoreAttempt } from '../quiz-scoring.ts';
import { isScenarioAnswers } from '../scenario/run-record.ts';
import type { ReviewActivity, ReviewCourse } from './course.ts';
import { decisionCredit, ratingOf, situationCredit } from './credit.ts';
import { reviewItemId, reviewItems, type ReviewItem } from './item.ts';

/** One time the learner met an item: answering it in an activity, or in the daily review. */
export interface Encounter {
  at: string;
  rating: ReviewRating;
}

/** An item in the learner's review, with every encounter in time order (what FSRS replays). */
export interface ItemHistory {
  item: ReviewItem;
  encounters: Encounter[];
}

/**
 * The credit an attempt earned on each item of its activity, scored again from its raw answers
 * by the activity's own scorer. An attempt made on another version of the activity counts only
 * the parts the learner answered, so a question added since is not taken for a miss.
 */
function attemptCredits(activity: ReviewActivity, attempt: Attempt): { part: string; credit: number }[] {
  const sameVersion = attempt.contentVersion === activity.version;
  switch (activity.kind) {
    case 'quiz':
      // `scoreAttempt` reads only each question's type and key, which the review course carries.
      return scoreAttempt({ questions: activity.questions as unknown as Quiz['questions'], passMark: 0 }, attempt.answers)
        .questions.filter((q) => sameVersion || q.answered)
        .map((q) => ({ part: q.id, credit: q.credit }));
    case 'classification': {
      const responses = responsesOf(attempt.answers);
      return activity.items.flatMap((key) => {
        const response = itemResponse(responses, key.id);
        if (!sameVersion && response.type === undefined && response.serve === undefined) return [];
        return [{ part: key.id, credit: situationCredit(key, response) }];
      });
    }
    case 'scenario': {
      if (!isScenarioAnswers(attempt.answers)) return [];
      const nodes = new Map(activity.nodes.map((n) => [n.id, n]));
      return attempt.answers.path.flatMap(([node, choice]) => {
        const at = nodes.get(node);
        return at ? [{ part: node, credit: decisionCredit(at, choice) }] : [];
      });
    }
  }
}

/**
 * Which items are in the learner's review, and every encounter with each, replayed from the log:
 * - a question, situation or decision point the learner did not get fully right in an attempt
 *   (a role-play reply below the best at its point) joins the review, with all its encounters;
 * - every question of a lesson's knowledge check joins once the lesson is completed, and never
 *   before; one the learner never answered counts as learned (good) at the completion;
 * - reviews of items in the review add their grades.
 * Only items the course still has are kept.
 */
export function reviewHistories(course: ReviewCourse, events: readonly ProgressEvent[]): ItemHistory[] {
  const items = reviewItems(course);
  const activities = new Map(course.activities.map((a) => [a.id, a]));
  const encounters = new Map<string, Encounter[]>();
  const missed = new Set<string>();
  const completed = new Map<string, string>();
  const add = (itemId: string, encounter: Encounter) => encounters.set(itemId, [...(encounters.get(itemId) ?? []), encounter]);

  for (const event of events) {
    if (event.type === 'lesson-completed' && !completed.has(event.lessonId)) completed.set(event.lessonId, event.at);
    if (event.type === 'review' && items.has(event.itemId)) add(event.itemId, { at: event.at, rating: event.rating });
    if (event.type !== 'attempt') continue;
    const activity = activities.get(event.attempt.activityId);
    if (!activity) continue;
    for (const { part, credit } of attemptCredits(activity, event.attempt)) {
      const id = reviewItemId(activity.id, part);
      if (!items.has(id)) continue;
      if (credit < 1) missed.add(id);
      add(id, { at: event.attempt.finishedAt, rating: ratingOf(credit) });
    }
  }

  const histories: ItemHistory[] = [];
  for (const item of items.values()) {
    const completedAt = item.lessonId === undefined ? undefined : completed.get(item.lessonId);
    const inReview = item.lessonId === undefined ? missed.has(item.id) : completedAt !== undefined;
    if (!inReview) continue;
    const seen = encounters.get(item.id) ?? [{ at: completedAt!, rating: 3 as const }];
    // Stable sort: encounters at one time keep the order the log gave them.
    histories.push({ item, encounters: [...seen].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0)) });
  }
  return histories;
}
