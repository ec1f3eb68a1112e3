import { mergeEvents } from '../domain/progress/merge.ts';
import { parseProgress } from '../domain/progress/parse.ts';
import type { RejectReason } from '../domain/progress/parse.ts';
import { emptyLog, type LearnerProfile } from '../domain/progress/events.ts';
import { localDrafts } from './draft-sweep.ts';
import { $progress, append, commit, currentStorage, currentTime, ensureProgressStarted } from './progress.ts';

// What only `/me/` does to the log: import a backup, set the learner's profile, reset. Kept apart
// from `progress.ts` so the script every page loads does not carry it.

export type ImportResult = { ok: true; added: number } | { ok: false; reason: RejectReason; detail?: string };

/**
 * Merges a backup file's events into the log (older versions are migrated). A refused file changes nothing. */
export function importBackup(text: string): ImportResult {
  ensureProgressStarted();
  const log = $progress.get();
  const result = parseProgress(text, log.courseId);
  if (!result.ok) return result;
  const events = mergeEvents(log.events, result.log.events);
  commit({ ...log, events });
  return { ok: true, added: events.length - log.events.length };
}

/** Stores the learner's name, employee id and department (locally only). */
export function setLearner(learner: LearnerProfile): void {
  append({ type: 'learner-set', learner });
}

/**
 * Forgets all progress in this browser, half-finished activities included. Other open tabs adopt
 * the reset rather than merge old events back.
 */
export function reset(): void {
  ensureProgressStarted();
  const { courseId } = $progress.get();
  commit({ ...emptyLog(courseId), resetAt: currentTime() });
  (currentStorage()?.drafts ?? localDrafts(() => globalThis.localStorage, courseId)).clear();
}
