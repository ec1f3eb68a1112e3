import type { Review } from '../progress/events.ts';
import { ByteWriter, type ByteReader } from './bytes.ts';

/**
 * Section 3 of the suspend data: the learner's spaced reviews (`src/domain/review/`). The LMS
 * copy carries the review events themselves, not any schedule, so a resume replays the same
 * schedule this browser would.
 *
 * Bytes: count · item ids used (count, then each as a string) · per review, in time order, as
 * three columns: the item's index among those ids · t (zigzag seconds from the review before,
 * starting at the base time) · rating × 2 + correct.
 */

export interface TimedReview extends Review {
  /** Whole seconds since the epoch. */
  at: number;
}

export function encodeReviews(reviews: readonly TimedReview[], base: number): Uint8Array {
  const ids = [...new Set(reviews.map((r) => r.itemId))];
  const index = new Map(ids.map((id, i) => [id, i]));
  const head = new ByteWriter().uint(reviews.length).uint(ids.length);
  for (const id of ids) head.string(id);
  const items = new ByteWriter();
  const times = new ByteWriter();
  const grades = new ByteWriter();
  let previous = base;
  for (const r of reviews) {
    items.uint(index.get(r.itemId)!);
    times.int(r.at - previous);
    previous = r.at;
    grades.uint(r.rating * 2 + (r.correct ? 1 : 0));
  }
  return new ByteWriter().block(head.toBytes()).block(items.toBytes()).block(times.toBytes()).block(grades.toBytes()).toBytes();
}

/** The reviews of a section written by `encodeReviews`; throws RangeError on malformed bytes, as the other sections do. */
export function decodeReviews(section: ByteReader, base: number): TimedReview[] {
  const head = section.block();
  const [items, times, grades] = [section.block(), section.block(), section.block()];
  const count = head.uint();
  const ids = Array.from({ length: head.uint() }, () => head.string());
  const reviews: TimedReview[] = [];
  let at = base;
  for (let n = 0; n < count; n++) {
    const itemId = ids[items.uint()];
    at += times.int();
    const grade = grades.uint();
    const rating = grade >> 1;
    if (itemId === undefined || rating < 1 || rating > 4) throw new RangeError('review out of range');
    reviews.push({ itemId, at, rating: rating as TimedReview['rating'], correct: (grade & 1) === 1 });
  }
  return reviews;
}
