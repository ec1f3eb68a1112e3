/**
 * Where drafts (unfinished work: a quiz half answered, a role-play mid-conversation) are kept,
 * beside the progress log and under the same namespace: per course on the website, per course
 * and per LMS learner in a package, so two learners sharing a browser never resume each other's.
 * A `ProgressStorage` that knows better (the package's, going through its launch page) carries
 * its own `drafts`; otherwise they live in localStorage, one key per activity.
 *
 * Kept out of `progress-storage.ts` so the script every page loads does not carry it, and the
 * sweep a reset needs is apart again (`sweepDrafts`), so the islands do not carry that either.
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

/** The website's drafts of a course: `service-classroom:drafts:v1:<courseId>:<activityId>`. */
export const draftPrefix = (courseId: string): string => `service-classroom:drafts:v1:${courseId}:`;

/** Reading and writing drafts under `prefix + activityId` in a Web Storage. */
export function keyedDrafts(getStorage: () => Storage | undefined, prefix: string): Omit<DraftStorage, 'clear'> {
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
  };
}
