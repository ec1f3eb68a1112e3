import { atom, onMount } from 'nanostores';
import { emptyLog, type Attempt, type LearnerProfile, type ProgressEvent, type ProgressLog } from '../domain/progress/events.ts';
import { mergeEvents } from '../domain/progress/merge.ts';
import { parseProgress } from '../domain/progress/parse.ts';
import { localProgressStorage, type ProgressStorage } from './progress-storage.ts';

/**
 * The learner's progress log and the actions that append to it. Components call the actions and
 * read computed views; nothing else writes the log. Changes from other tabs arrive through the
 * storage adapter's `watch` and are merged, never overwritten.
 */

/** Where the log is being kept right now, and what the learner needs to be told about it. */
export type StorageStatus =
  | { kind: 'saved' }
  /** Saving failed (full or disabled storage): progress lives in this tab only until exported. */
  | { kind: 'memory-only'; reason: 'quota' | 'unavailable' }
  /** An unreadable record was found on load and kept aside; the course started afresh. */
  | { kind: 'recovered'; backupKey: string; message: string };

export const $progress = atom<ProgressLog>(emptyLog('unknown'));
export const $storageStatus = atom<StorageStatus>({ kind: 'saved' });

let storage: ProgressStorage | undefined;
let started = false;
let canSave = true;
let newId: () => string = () => crypto.randomUUID();
let now: () => string = () => new Date().toISOString();
let stopWatching: () => void = () => {};

export interface StartOptions {
  courseId: string;
  storage: ProgressStorage;
  /** Injected in tests; default random UUIDs and the wall clock. */
  newId?: () => string;
  now?: () => string;
}

/** Loads the stored log (migrating or keeping aside what it must) and starts following other tabs. */
export function startProgress(options: StartOptions): void {
  stopWatching();
  started = true;
  storage = options.storage;
  if (options.newId) newId = options.newId;
  if (options.now) now = options.now;
  const outcome = storage.load(options.courseId);
  canSave = outcome.kind !== 'unavailable';
  if (outcome.kind === 'loaded') {
    $progress.set(outcome.log);
  } else {
    $progress.set(emptyLog(options.courseId));
  }
  if (outcome.kind === 'kept-aside') {
    $storageStatus.set({ kind: 'recovered', backupKey: outcome.backupKey, message: outcome.message });
  } else if (outcome.kind === 'unavailable') {
    $storageStatus.set({ kind: 'memory-only', reason: 'unavailable' });
  } else {
    $storageStatus.set({ kind: 'saved' });
  }
  stopWatching = storage.watch(options.courseId, adoptFromOtherTab);
}

function adoptFromOtherTab(incoming: ProgressLog): void {
  const ours = $progress.get();
  const theirsReset = incoming.resetAt ?? '';
  const oursReset = ours.resetAt ?? '';
  if (theirsReset > oursReset) {
    $progress.set(incoming);
    return;
  }
  if (theirsReset < oursReset) {
    persist(ours);
    return;
  }
  const events = mergeEvents(ours.events, incoming.events);
  $progress.set({ ...ours, events });
  // Write back only if we hold events the other tab lacks, so two tabs settle instead of echoing.
  if (events.length > incoming.events.length) persist($progress.get());
}

function persist(log: ProgressLog): void {
  if (!storage || !canSave) return;
  const outcome = storage.save(log);
  const status = $storageStatus.get();
  if (outcome === 'saved') {
    if (status.kind === 'memory-only') $storageStatus.set({ kind: 'saved' });
  } else {
    $storageStatus.set({ kind: 'memory-only', reason: outcome });
  }
}

type NewEvent = ProgressEvent extends infer E ? (E extends ProgressEvent ? Omit<E, 'id' | 'at'> : never) : never;

/**
 * In the browser the store starts itself on first use, from the course id the layout puts on
 * `<html data-course-id>` and localStorage, so islands and page scripts need no set-up call.
 */
export function ensureProgressStarted(): void {
  if (started || typeof document === 'undefined') return;
  startProgress({
    courseId: document.documentElement.dataset['courseId'] ?? 'unknown',
    storage: localProgressStorage(() => window.localStorage, window),
  });
}

// Whoever subscribes first (an island, a page script) starts the store.
onMount($progress, () => {
  ensureProgressStarted();
});

function append(event: NewEvent): void {
  ensureProgressStarted();
  const log = $progress.get();
  const full = { ...event, id: newId(), at: now() } as ProgressEvent;
  const next = { ...log, events: mergeEvents(log.events, [full]) };
  $progress.set(next);
  persist(next);
}

const hasEvent = (type: 'lesson-viewed' | 'lesson-completed', lessonId: string) =>
  (ensureProgressStarted(), $progress.get()).events.some((e) => e.type === type && e.lessonId === lessonId);

/** Records that the lesson was opened. Only the first visit is kept; later visits add nothing. */
export function markViewed(lessonId: string): void {
  if (!hasEvent('lesson-viewed', lessonId)) append({ type: 'lesson-viewed', lessonId });
}

/**
 * Marks the lesson completed, if its required activities are passed. Returns whether it is
 * completed now. Completing twice records nothing new; nothing is ever un-completed.
 */
export function completeLesson(lessonId: string, requiredActivities: readonly string[] = []): boolean {
  ensureProgressStarted();
  if (hasEvent('lesson-completed', lessonId)) return true;
  const passed = new Set($progress.get().events.flatMap((e) => (e.type === 'attempt' && e.attempt.passed ? [e.attempt.activityId] : [])));
  if (!requiredActivities.every((id) => passed.has(id))) return false;
  markViewed(lessonId);
  append({ type: 'lesson-completed', lessonId });
  return true;
}

/** Appends a finished attempt, with its raw answers, to the log. */
export function recordAttempt(attempt: Attempt): void {
  append({ type: 'attempt', attempt });
}

/** Stores the learner's name, employee id and department (locally only). */
export function setLearner(learner: LearnerProfile): void {
  append({ type: 'learner-set', learner });
}

/** Forgets all progress in this browser. Other open tabs adopt the reset rather than merge old events back. */
export function reset(): void {
  const log = $progress.get();
  const next: ProgressLog = { ...emptyLog(log.courseId), resetAt: now() };
  $progress.set(next);
  persist(next);
}

export type ImportResult = { ok: true; added: number } | { ok: false; message: string };

/** Merges a backup file's events into the log. A refused file changes nothing. */
export function importBackup(text: string): ImportResult {
  ensureProgressStarted();
  const log = $progress.get();
  const result = parseProgress(text, log.courseId);
  if (!result.ok) return { ok: false, message: result.message };
  const events = mergeEvents(log.events, result.log.events);
  const added = events.length - log.events.length;
  const next = { ...log, events };
  $progress.set(next);
  persist(next);
  return { ok: true, added };
}

/** The backup file for the current log: a name with the date, and the JSON text. */
export function exportBackup(): { filename: string; text: string } {
  ensureProgressStarted();
  const log = $progress.get();
  return { filename: `学习记录备份-${log.courseId}-${now().slice(0, 10)}.json`, text: JSON.stringify(log, null, 1) };
}
