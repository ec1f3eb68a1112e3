import { draftPrefix, keyedDrafts, type DraftStorage } from './draft-storage.ts';

/** Before drafts were namespaced: `service-classroom:draft:<activityId>`. Never read; swept by a reset. */
export const LEGACY_DRAFT_PREFIX = 'service-classroom:draft:';

/** Removes every key starting with one of `prefixes` from a Web Storage; a storage that fails is left as it is. */
export function sweepDrafts(getStorage: () => Storage | undefined, prefixes: readonly string[]): void {
  try {
    const store = getStorage();
    if (!store) return;
    const keys = Array.from({ length: store.length }, (_, i) => store.key(i));
    for (const key of keys) if (key !== null && prefixes.some((p) => key.startsWith(p))) store.removeItem(key);
  } catch {
    // Nothing to clear if storage is unavailable.
  }
}

/** Drafts under `prefix` that a reset clears (an LMS learner's, on the launch page). */
export const sweptDrafts = (getStorage: () => Storage | undefined, prefix: string): DraftStorage => ({
  ...keyedDrafts(getStorage, prefix),
  clear: () => sweepDrafts(getStorage, [prefix]),
});

/** The website's drafts of a course; a reset also sweeps the drafts kept before they were namespaced. */
export const localDrafts = (getStorage: () => Storage | undefined, courseId: string): DraftStorage => ({
  ...keyedDrafts(getStorage, draftPrefix(courseId)),
  clear: () => sweepDrafts(getStorage, [draftPrefix(courseId), LEGACY_DRAFT_PREFIX]),
});
