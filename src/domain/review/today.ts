import type { ProgressEvent } from '../progress/events.ts';
import type { ReviewCourse } from './course.ts';
import { localDay, reviewQueue, type ReviewQueue } from './queue.ts';
import { reviewSchedule } from './schedule.ts';

/** Today's review for a learner's log at `now`: the one entry point the review page and the home page share. */
export const todaysReview = (course: ReviewCourse, events: readonly ProgressEvent[], now: Date): ReviewQueue =>
  reviewQueue(reviewSchedule(course, events), events, now, localDay(now));
