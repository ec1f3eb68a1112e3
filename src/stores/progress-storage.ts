import { parseProgress, salvageProgress, type RejectReason } from '../domain/progress/parse.ts';
import type { ProgressLog } from '../domain/progress/events.ts';
import type { DraftStorage } from './draft-storage.ts';

/** The one namespaced, versioned key the progress record lives under. */
export const PROGRESS_KEY = 'service-classroom:progress:v1';
/** Where version 0 kept its record (see `migrate.ts`); read once, migrated, then removed. */
export const LEGACY_V0_KEY = 'service-classroom:progress:v0';
/**
 * Unreadable records are kept aside under this prefix plus a timestamp, never deleted; whatever
 * can still be read of one (`salvageProgress`) becomes the record.
 */
export const CORRUPT_PREFIX = 'service-classroom:progress:unreadable:';
/**
 * While the lasting save fails (full or disabled localStorage), the log is also written to this
 * tab's sessionStorage under this key, so the next page of the same tab still has it; the first
 * lasting save that succeeds removes it.
 */
export const UNSAVED_KEY = 'service-classroom:progress:unsaved';

export type LoadOutcome =
  | { kind: 'empty' }
  | { kind: 'loaded'; log: ProgressLog }
  /** The record could not be read whole: kept aside as it was; what could be read of it is `log`. */
  | { kind: 'kept-aside'; backupKey: string; reason: RejectReason; log?: ProgressLog }
  | { kind: 'unavailable' };

export type SaveOutcome = 'saved' | 'quota' | 'unavailable';

/**
 * In an LMS package, the launch page lends the course pages it frames a storage of its own under
 * this window property (installed by the package's `frame.js`, see `src/lms/scorm/frame.ts`).
 */
export const PACKAGE_STORAGE = 'serviceClassroomStorage';

/** Where the progress log is persisted. localStorage here; the SCORM runtime is another. */
export interface ProgressStorage {
  load(courseId: string): LoadOutcome;
  save(log: ProgressLog): SaveOutcome;
  /** Progress an earlier page of this tab could not save lastingly, still to be merged in and saved. */
  unsaved?(courseId: string): ProgressLog | undefined;
  /** Calls back with another tab's newer record; returns an unsubscribe function. */
  watch(courseId: string, onChange: (log: ProgressLog) => void): () => void;
  /**
   * Where this storage keeps drafts, when it keeps them itself (the package's, per LMS learner).
   * Without it, drafts go to localStorage under the course's namespace (`draft-storage.ts`).
   */
  drafts?: DraftStorage;
}

const isQuotaError = (error: unknown): boolean => (error as DOMException | undefined)?.name === 'QuotaExceededError';

/**
 * localStorage, guarded: every call is in try/catch because storage may be disabled (privacy
 * modes, policies) or full, and the course must keep working in memory either way. With `getTabStorage`
 * (sessionStorage), a log that cannot be saved lastingly is kept for the tab's next page (see `UNSAVED_KEY`).
 */
export function localProgressStorage(
  getStorage: () => Storage | undefined,
  target?: Pick<Window, 'addEventListener' | 'removeEventListener'>,
  getTabStorage?: () => Storage | undefined,
): ProgressStorage {
  // Only ever reached inside try/catch, so a tab storage that throws needs no guard of its own.
  const tab = () => getTabStorage?.();
  return {
    load(courseId) {
      try {
        // Storage that cannot be reached throws (or is missing, and reading it throws a TypeError).
        const store = getStorage()!;
        const current = store.getItem(PROGRESS_KEY);
        const key = current === null ? LEGACY_V0_KEY : PROGRESS_KEY;
        const text = current ?? store.getItem(LEGACY_V0_KEY);
        if (text === null) return { kind: 'empty' };
        const result = parseProgress(text, courseId);
        const log = result.ok ? result.log : salvageProgress(text, courseId);
        const backupKey = CORRUPT_PREFIX + new Date().toISOString();
        if (!result.ok) store.setItem(backupKey, text);
        // A version 0 record moves to the current key; an unreadable one makes way for what could be read of it.
        if (key !== PROGRESS_KEY || !result.ok) {
          store.removeItem(key);
          if (log) store.setItem(PROGRESS_KEY, JSON.stringify(log));
        }
        return result.ok
          ? { kind: 'loaded', log: result.log }
          : { kind: 'kept-aside', backupKey, reason: result.reason, ...(log && { log }) };
      } catch {
        // Storage that throws on reading or on setting the copy aside: work in memory, touch nothing.
        return { kind: 'unavailable' };
      }
    },
    unsaved(courseId) {
      try {
        const copy = parseProgress(tab()?.getItem(UNSAVED_KEY) ?? '', courseId);
        return copy.ok ? copy.log : undefined;
      } catch {
        return undefined;
      }
    },
    save(log) {
      const text = JSON.stringify(log);
      let outcome: SaveOutcome = 'unavailable';
      try {
        // Storage that cannot be reached throws too, and counts as unavailable.
        getStorage()!.setItem(PROGRESS_KEY, text);
        outcome = 'saved';
      } catch (error) {
        if (isQuotaError(error)) outcome = 'quota';
      }
      try {
        if (outcome === 'saved') tab()?.removeItem(UNSAVED_KEY);
        else tab()?.setItem(UNSAVED_KEY, text);
      } catch {
        // No tab storage either: the log lives in this page only, and the learner has been warned.
      }
      return outcome;
    },
    watch(courseId, onChange) {
      const listener = (event: StorageEvent) => {
        const result = event.key === PROGRESS_KEY && event.newValue !== null && parseProgress(event.newValue, courseId);
        if (result && result.ok) onChange(result.log);
      };
      target?.addEventListener('storage', listener as EventListener);
      return () => target?.removeEventListener('storage', listener as EventListener);
    },
  };
}
