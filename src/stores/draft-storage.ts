/**
 * Where drafts (unfinished work: a quiz half answered, a role-play mid-conversation) are kept,
 * beside the progress log and under the same namespace: per course on the website, per course
 * and per LMS learner in a package, so two learners sharing a browser never resume each other's.
 * A `ProgressStorage` that knows better (the package's, going through its launch page) carries
 * its own `drafts`; otherwise they live in localStorage, one key per activity.
 *
 * Kept out of `progress-storage.ts` so the script every page loads does not carry it.
 * Storage failures are swallowed: losing a draft only costs a restart.
 */

/** What drafts are kept in: JSON text per activity id. */
export interface DraftStorage {
  read(activityId: string): string | null;
  /** Saves the draft, or forgets it when `text` is null. */
  write(activityId: string, text: string | null): void;
  /** Forgets every draft in this namespace (the learner reset their progress). */
  clear(): void;
}

/** `service-classroom:drafts:v1:<courseId>:<activityId>` on the website. */
export const DRAFT_PREFIX = 'service-classroom:drafts:v1:';
/** Before drafts were namespaced: `service-classroom:draft:<activityId>`. Never read; removed by a reset. */
export const LEGACY_DRAFT_PREFIX = 'service-classroom:draft:';

/** Drafts under `prefix + activityId` in a Web Storage; `clear` removes every key starting with one of `prefixes`. */
export function keyedDrafts(getStorage: () => Storage | undefined, prefix: string, prefixes: readonly string[] = [prefix]): DraftStorage {
  return {
    read(activityId) {
      try {
        return getStorage()?.getItem(prefix + activityId) ?? null;
      } catch {
        return null;
      }
    },
    write(activityId, text) {
      try {
        const store = getStorage();
        if (text === null) store?.removeItem(prefix + activityId);
        else store?.setItem(prefix + activityId, text);
      } catch {
        // A full or disabled storage loses the draft, not progress.
      }
    },
    clear() {
      try {
        const store = getStorage();
        if (!store) return;
        const keys = Array.from({ length: store.length }, (_, i) => store.key(i));
        for (const key of keys) if (key !== null && prefixes.some((p) => key.startsWith(p))) store.removeItem(key);
      } catch {
        // Nothing to clear if storage is unavailable.
      }
    },
  };
}

/** The website's drafts of one course, in localStorage (a reset also sweeps the pre-namespace ones). */
export const localDrafts = (getStorage: () => Storage | undefined, courseId: string): DraftStorage =>
  keyedDrafts(getStorage, `${DRAFT_PREFIX}${courseId}:`, [`${DRAFT_PREFIX}${courseId}:`, LEGACY_DRAFT_PREFIX]);
