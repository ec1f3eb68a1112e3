import type { ProgressEvent, ProgressLog } from '../progress/events.ts';
import { mergeEvents } from '../progress/merge.ts';

/**
 * Joins the log kept in this browser with the one decoded from the LMS's suspend data. The LMS
 * copy carries no event ids and times only to the second, so an event is recognised by what it
 * records: the same lesson viewed or completed in the same second, the same activity finished in
 * the same second. A local event wins over its LMS twin (it is the fuller copy); LMS events this
 * browser never saw are added. A reset on either side forgets the other side's older events, as
 * a reset in another tab does.
 */
export function mergeResumed(local: ProgressLog, fromLms: { events: readonly ProgressEvent[]; resetAt?: string }): ProgressLog {
  const localReset = local.resetAt ?? '';
  const lmsReset = fromLms.resetAt ?? '';
  const resetAt = localReset > lmsReset ? localReset : lmsReset;
  const after = (e: ProgressEvent) => resetAt === '' || e.at >= resetAt;

  const ours = local.events.filter(after);
  const known = new Set(ours.map(sameAs));
  const theirs = fromLms.events.filter((e) => after(e) && e.type !== 'learner-set' && !known.has(sameAs(e)));
  const { resetAt: _dropped, ...rest } = local;
  return { ...rest, ...(resetAt ? { resetAt } : {}), events: mergeEvents(ours, theirs) };
}

const toSecond = (iso: string): number => Math.floor(Date.parse(iso) / 1000);

/** What an event records, to the second: two events with the same key are the same event. */
export function sameAs(event: ProgressEvent): string {
  switch (event.type) {
    case 'lesson-viewed':
    case 'lesson-completed':
      return `${event.type}|${event.lessonId}|${toSecond(event.at)}`;
    case 'attempt':
      return `attempt|${event.attempt.activityId}|${toSecond(event.attempt.finishedAt)}`;
    case 'learner-set':
      return `learner-set|${event.id}`;
  }
}
