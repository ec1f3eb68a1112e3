import type { ProgressEvent } from '../progress/events.ts';
import type { ReviewItem } from './item.ts';
import type { ScheduledItem } from './schedule.ts';

/** A few minutes a day: at most this many reviews per day, whatever is due. */
export const DAILY_REVIEWS = 12;

export interface ReviewDay {
  /** ISO times of the learner's local day: start inclusive, end exclusive. */
  start: string;
  end: string;
}

/** The learner's local calendar day around `now` (the time zone of the clock that runs this). */
export function localDay(now: Date): ReviewDay {
  const start = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  const end = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
  return { start: start.toISOString(), end: end.toISOString() };
}

export interface ReviewQueue {
  /** Today's reviews, modules interleaved, at most what is left of the daily cap. */
  items: ReviewItem[];
  /** Everything due now, before the cap. */
  dueNow: number;
  /** Reviews already done today. */
  doneToday: number;
  /** When the next item will be waiting, if nothing is now: an item's due time, or tomorrow when today's cap is spent. */
  nextDue?: string;
}

/**
 * Round robin over groups (modules), each in its own order, groups taken in the order they first
 * appear: the most overdue item leads, and no module comes twice before every module with items
 * has come once.
 */
export function interleave<T>(ordered: readonly T[], groupOf: (item: T) => string): T[] {
  const groups = new Map<string, T[]>();
  for (const item of ordered) groups.set(groupOf(item), [...(groups.get(groupOf(item)) ?? []), item]);
  const lists = [...groups.values()];
  const out: T[] = [];
  for (let round = 0; out.length < ordered.length; round++) for (const list of lists) if (round < list.length) out.push(list[round]!);
  return out;
}

/** What to review now: due items, most overdue first, modules mixed, capped per day. */
export function reviewQueue(
  schedule: readonly ScheduledItem[],
  events: readonly ProgressEvent[],
  now: Date,
  day: ReviewDay,
  cap = DAILY_REVIEWS,
): ReviewQueue {
  const at = now.toISOString();
  const doneToday = events.filter((e) => e.type === 'review' && e.at >= day.start && e.at < day.end).length;
  const due = schedule.filter((s) => s.due <= at);
  const left = Math.max(0, cap - doneToday);
  const items = interleave(due, (s) => s.item.group)
    .slice(0, left)
    .map((s) => s.item);
  const later = schedule.find((s) => s.due > at)?.due;
  const nextDue = due.length > 0 && left === 0 ? day.end : later;
  return { items, dueNow: due.length, doneToday, ...(items.length === 0 && nextDue ? { nextDue } : {}) };
}
