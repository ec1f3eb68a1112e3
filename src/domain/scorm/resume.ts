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
    case 'review':
      return `review|${event.itemId}|${toSecond(event.at)}`;
  }
}

/**
 * Which LMS attempt a suspend data belongs to. The course tags what it saves with a token drawn
 * when the LMS starts an attempt afresh (`entry` = `ab-initio`: a first launch, a new attempt,
 * another activity of the same course), and keeps this browser's copy under the same token. A
 * later launch joins the LMS copy only with the browser copy of the same attempt, so another
 * attempt's progress never passes this one, while the browser copy still fills in what the LMS
 * missed of this attempt.
 *
 * Text: `<token>~<suspend data>`. Suspend data is base64url after one format letter, which has
 * no `~`; an untagged text is what packages before the tag saved.
 */
export const ATTEMPT_TOKEN = /^[a-z0-9]{10}$/;
const TAGGED = /^([a-z0-9]{10})~/;

export function tagSuspendData(token: string, text: string): string {
  return `${token}~${text}`;
}

export function untagSuspendData(text: string): { token?: string; text: string } {
  const match = TAGGED.exec(text);
  return match ? { token: match[1]!, text: text.slice(match[0].length) } : { text };
}

/** The length a tag adds, for fitting the suspend data into the LMS's limit. */
export const ATTEMPT_TAG_LENGTH = 11;

/** A new attempt token from random bytes (`crypto.getRandomValues` in the browser). */
export function attemptToken(random: (n: number) => Uint8Array): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  return [...random(10)].map((b) => alphabet[b % alphabet.length]).join('');
}

export type AttemptChoice =
  /** A new attempt: the LMS holds nothing for it; start from nothing, under a new token. */
  | { kind: 'new' }
  /** The attempt the LMS's suspend data is tagged with: join the browser copy kept under its token. */
  | { kind: 'same'; token: string }
  /** The LMS copy carries no tag (saved by an older package, or lost): the browser copy the learner used last. */
  | { kind: 'untagged' };

/**
 * How to treat a launch: `entry` as the LMS gives it (`ab-initio`, `resume` or empty), and the
 * token of the LMS's suspend data if it has one.
 */
export function chooseAttempt(entry: string, lmsToken: string | undefined): AttemptChoice {
  if (lmsToken) return { kind: 'same', token: lmsToken };
  if (entry === 'ab-initio') return { kind: 'new' };
  return { kind: 'untagged' };
}
