import type { ProgressLog } from '../domain/progress/events.ts';

let asked = false;

/**
 * Asks the browser to keep the site's storage under pressure (`navigator.storage.persist()`),
 * once, and only when the learner has something worth keeping: a completed lesson or attempt.
 * Asking again when already persisted is harmless, so there is no `persisted()` round trip.
 */
export function requestPersistenceWhenWorthIt(log: ProgressLog): void {
  if (asked || !navigator.storage?.persist || !log.events.some((e) => e.type === 'lesson-completed' || e.type === 'attempt')) return;
  asked = true;
  navigator.storage.persist().catch(() => false);
}
