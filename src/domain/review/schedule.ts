import { createEmptyCard, fsrs, generatorParameters, type Grade } from 'ts-fsrs';
import type { ProgressEvent } from '../progress/events.ts';
import type { ReviewCourse } from './course.ts';
import { reviewHistories } from './history.ts';
import type { ReviewItem } from './item.ts';

/**
 * FSRS (`ts-fsrs`) with whole-day steps: a course reviewed a few minutes a day has no use for
 * FSRS's same-day learning steps, and without fuzz the same log always gives the same dates.
 */
const scheduler = fsrs(generatorParameters({ enable_short_term: false, enable_fuzz: false }));

export interface ScheduledItem {
  item: ReviewItem;
  /** ISO time the item is next due. */
  due: string;
  /** Encounters replayed (activity answers and reviews). */
  reps: number;
  lastSeen: string;
}

/**
 * Every item in the learner's review with its next due time, derived by replaying its encounters
 * through FSRS from an empty card; nothing of the schedule is stored. Sorted by due time, then id.
 */
export function reviewSchedule(course: ReviewCourse, events: readonly ProgressEvent[]): ScheduledItem[] {
  return reviewHistories(course, events)
    .map(({ item, encounters }): ScheduledItem => {
      let card = createEmptyCard(new Date(encounters[0]!.at));
      for (const { at, rating } of encounters) card = scheduler.next(card, new Date(at), rating as Grade).card;
      return { item, due: card.due.toISOString(), reps: encounters.length, lastSeen: encounters.at(-1)!.at };
    })
    .sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.item.id < b.item.id ? -1 : 1));
}
