import { atom } from 'nanostores';
import { emptyLog, type Attempt, type ProgressEvent, type ProgressLog } from '../domain/progress/events.ts';
import { mergeEvents } from '../domain/progress/merge.ts';
import type { RejectReason } from '../domain/progress/parse.ts';
import { localProgressStorage, PACKAGE_STORAGE, type ProgressStorage } from './progress-storage.ts';
import { randomUuid } from '../domain/uuid.ts';

/**
 * The learner's progress log and the actions that append to it. Components call the actions and
 * read `$progress` through the domain reducers; nothing else writes the log. Changes from other
 * tabs arrive through the storage adapter's `watch` and are merged, never overwritten.
 * Importing backups, the learner profile and reset live in `progress-admin.ts`, away from the script every page loads.
 */

/** Where the log is being kept right now, and what the learner needs to be told about it. */
export type StorageStatus =
  | { kind: 'saved' }
  /** Saving failed (full or disabled storage): progress lives in this tab only until exported. */
  | { kind: 'memory-only'; reason: 'quota' | 'unavailable' }
  /**
   * An unreadable record was found on load and kept aside; the course goes on from the `kept`
   * events that could still be read of it (0: it started afresh).
   */
  | { kind: 'recovered'; backupKey: string; reason: RejectReason; kept: number };

export const $progress = atom<ProgressLog>(emptyLog(''));
export const $storageStatus = atom<StorageStatus>({ kind: 'saved' });

let storage: ProgressStorage | undefined;
let started = false;
let canSave = true;
let newId: () => string = () => randomUuid();
let now: () => string = () => new Date().toISOString();
/** The current time as the store sees it (injectable in tests). */
export const currentTime = (): string => now();
let stopWatching: () => void = () => {};
/** The storage the log is kept in (drafts keep beside it). */
export const currentStorage = (): ProgressStorage | undefined => storage;

export interface StartOptions {
  courseId: string;
  storage: ProgressStorage;
  /** Injected in tests; default random UUIDs and the wall clock. */
  newId?: () => string;
  now?: () => string;
}

/** Loads the stored log (keeping aside what it cannot read, migrating an old record) and starts following other tabs. */
export function startProgress(options: StartOptions): void {
  stopWatching();
  started = true;
  storage = options.storage;
  if (options.newId) newId = options.newId;
  if (options.now) now = options.now;
  const outcome = storage.load(options.courseId);
  canSave = outcome.kind !== 'unavailable';
  const log = (outcome.kind === 'loaded' || outcome.kind === 'kept-aside') && outcome.log;
  $progress.set(log || emptyLog(options.courseId));
  $storageStatus.set(
    outcome.kind === 'kept-aside'
      ? { kind: 'recovered', backupKey: outcome.backupKey, reason: outcome.reason, kept: log ? log.events.length : 0 }
      : outcome.kind === 'unavailable'
        ? { kind: 'memory-only', reason: 'unavailable' }
        : { kind: 'saved' },
  );
  stopWatching = storage.watch(options.courseId, adoptFromOtherTab);
  // What an earlier page of this tab could not save joins in as another tab's record would, and is saved again.
  const unsaved = storage.unsaved?.(options.courseId);
  if (unsaved) {
    adoptFromOtherTab(unsaved);
    persist($progress.get());
  }
}

/** In the browser the store starts itself, from `<html data-course-id>` and localStorage (or, in an LMS package, the launch page). */
export function ensureProgressStarted(): void {
  if (started || typeof document === 'undefined') return;
  startProgress({
    courseId: document.documentElement.dataset['courseId'] ?? '',
    storage:
      (window as Window & { [PACKAGE_STORAGE]?: ProgressStorage })[PACKAGE_STORAGE] ??
      localProgressStorage(
        () => window.localStorage,
        window,
        () => window.sessionStorage,
      ),
  });
}

function adoptFromOtherTab(incoming: ProgressLog): void {
  const ours = $progress.get();
  const theirsReset = incoming.resetAt ?? '';
  const oursReset = ours.resetAt ?? '';
  if (theirsReset > oursReset) return $progress.set(incoming);
  if (theirsReset < oursReset) return persist(ours);
  const events = mergeEvents(ours.events, incoming.events);
  $progress.set({ ...ours, events });
  // Write back only if we hold events the other tab lacks, so two tabs settle instead of echoing.
  if (events.length > incoming.events.length) persist($progress.get());
}

function persist(log: ProgressLog): void {
  if (!storage || !canSave) return;
  const outcome = storage.save(log);
  if (outcome !== 'saved') $storageStatus.set({ kind: 'memory-only', reason: outcome });
  else if ($storageStatus.get().kind === 'memory-only') $storageStatus.set({ kind: 'saved' });
}

/** Replaces the log with `next` and saves it. */
export function commit(next: ProgressLog): void {
  ensureProgressStarted();
  $progress.set(next);
  persist(next);
}

type NewEvent = ProgressEvent extends infer E ? (E extends ProgressEvent ? Omit<E, 'id' | 'at'> : never) : never;

export function append(event: NewEvent): void {
  ensureProgressStarted();
  const log = $progress.get();
  commit({ ...log, events: mergeEvents(log.events, [{ ...event, id: newId(), at: now() } as ProgressEvent]) });
  // Something worth keeping (more than a visit): ask the browser not to evict the site's storage
  // under pressure. The browser remembers the answer, so asking again later changes nothing.
  if (event.type !== 'lesson-viewed') navigator.storage?.persist?.().catch(() => false);
}

const hasLessonEvent = (log: ProgressLog, type: 'lesson-viewed' | 'lesson-completed', lessonId: string): boolean =>
  log.events.some((e) => e.type === type && e.lessonId === lessonId);

/** Whether the log records the lesson as completed; cheaper than the reducers for one lesson. */
export const isLessonCompleted = (log: ProgressLog, lessonId: string): boolean => hasLessonEvent(log, 'lesson-completed', lessonId);

/** Records that the lesson was opened. Only the first visit is kept; later visits add nothing. */
export function markViewed(lessonId: string): void {
  ensureProgressStarted();
  if (!hasLessonEvent($progress.get(), 'lesson-viewed', lessonId)) append({ type: 'lesson-viewed', lessonId });
}

/**
 * Marks the lesson completed, if its required activities are passed. Returns whether it is
 * completed now. Completing twice records nothing new; nothing is ever un-completed.
 */
export function completeLesson(lessonId: string, requiredActivities: readonly string[] = []): boolean {
  ensureProgressStarted();
  const log = $progress.get();
  if (isLessonCompleted(log, lessonId)) return true;
  if (!requiredActivities.every((id) => log.events.some((e) => e.type === 'attempt' && e.attempt.passed && e.attempt.activityId === id)))
    return false;
  markViewed(lessonId);
  append({ type: 'lesson-completed', lessonId });
  return true;
}

/** Appends a finished attempt, with its raw answers, to the log. */
export function recordAttempt(attempt: Attempt): void {
  append({ type: 'attempt', attempt });
}

/** The backup file for the current log: a name with the course and date, and the JSON text. */
export function exportBackup(): { filename: string; text: string } {
  ensureProgressStarted();
  const log = $progress.get();
  return { filename: `progress-${log.courseId}-${now().slice(0, 10)}.json`, text: JSON.stringify(log, null, 1) };
}

/** Offers the backup to the learner as a downloaded file; nothing leaves the browser. */
export function downloadBackup(): void {
  const { filename, text } = exportBackup();
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  link.download = filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

// Pages and islands read `$progress` without a set-up call: in the browser the store starts on import.
ensureProgressStarted();
