import { parseProgress, type RejectReason } from '../domain/progress/parse.ts';
import type { ProgressLog } from '../domain/progress/events.ts';

/** The one namespaced, versioned key the progress record lives under. */
export const PROGRESS_KEY = 'service-classroom:progress:v1';
/** Where version 0 kept its record (see `migrate.ts`); read once, migrated, then removed. */
export const LEGACY_V0_KEY = 'service-classroom:progress:v0';
/** Unreadable records are kept aside under this prefix plus a timestamp, never deleted. */
export const CORRUPT_PREFIX = 'service-classroom:progress:unreadable:';

export type LoadOutcome =
  | { kind: 'empty' }
  | { kind: 'loaded'; log: ProgressLog }
  | { kind: 'kept-aside'; backupKey: string; reason: RejectReason }
  | { kind: 'unavailable' };

export type SaveOutcome = 'saved' | 'quota' | 'unavailable';

/**
 * In an LMS package, the launch page lends the course pages it frames a storage of its own under
 * this window property (installed by the package's `frame.js`, see `src/components/scorm/frame.ts`).
 */
export const PACKAGE_STORAGE = 'serviceClassroomStorage';

/** Where the progress log is persisted. localStorage here; the SCORM runtime is another. */
export interface ProgressStorage {
  load(courseId: string): LoadOutcome;
  save(log: ProgressLog): SaveOutcome;
  /** Calls back with another tab's newer record; returns an unsubscribe function. */
  watch(courseId: string, onChange: (log: ProgressLog) => void): () => void;
}

const isQuotaError = (error: unknown): boolean =>
  error instanceof DOMException && (error.name === 'QuotaExceededError' || error.name === 'NS_ERROR_DOM_QUOTA_REACHED');

/**
 * localStorage, guarded: every call is in try/catch because storage may be disabled (privacy
 * modes, policies) or full, and the course must keep working in memory either way.
 */
export function localProgressStorage(
  getStorage: () => Storage | undefined,
  target?: Pick<Window, 'addEventListener' | 'removeEventListener'>,
): ProgressStorage {
  const storage = (): Storage | undefined => {
    try {
      return getStorage();
    } catch {
      return undefined;
    }
  };
  return {
    load(courseId) {
      const store = storage();
      if (!store) return { kind: 'unavailable' };
      try {
        const current = store.getItem(PROGRESS_KEY);
        const key = current === null ? LEGACY_V0_KEY : PROGRESS_KEY;
        const text = current ?? store.getItem(LEGACY_V0_KEY);
        if (text === null) return { kind: 'empty' };
        const result = parseProgress(text, courseId);
        if (result.ok) {
          if (key === LEGACY_V0_KEY) {
            store.setItem(PROGRESS_KEY, JSON.stringify(result.log));
            store.removeItem(LEGACY_V0_KEY);
          }
          return { kind: 'loaded', log: result.log };
        }
        const backupKey = CORRUPT_PREFIX + new Date().toISOString();
        store.setItem(backupKey, text);
        store.removeItem(key);
        return { kind: 'kept-aside', backupKey, reason: result.reason };
      } catch {
        // Storage that throws on reading or on setting the copy aside: work in memory, touch nothing.
        return { kind: 'unavailable' };
      }
    },
    save(log) {
      const store = storage();
      if (!store) return 'unavailable';
      try {
        store.setItem(PROGRESS_KEY, JSON.stringify(log));
        return 'saved';
      } catch (error) {
        return isQuotaError(error) ? 'quota' : 'unavailable';
      }
    },
    watch(courseId, onChange) {
      if (!target) return () => {};
      const listener = (event: StorageEvent) => {
        if (event.key !== PROGRESS_KEY || event.newValue === null) return;
        const result = parseProgress(event.newValue, courseId);
        if (result.ok) onChange(result.log);
      };
      target.addEventListener('storage', listener as EventListener);
      return () => target.removeEventListener('storage', listener as EventListener);
    },
  };
}
