import { draftPrefix, keyedDrafts, type DraftStorage } from './draft-storage.ts';
import { $progress, currentStorage, ensureProgressStarted } from './progress.ts';

/**
 * Unfinished work (a quiz half answered, a role-play mid-conversation) kept per activity so a
 * reload resumes it. Drafts are progress not yet finished: they never enter the log and are
 * dropped when the attempt is recorded, but they are kept where the log is kept — per course, per
 * LMS learner in a package (through its launch page), and forgotten by a reset
 * (`draft-storage.ts`). Storage failures are ignored; losing a draft only costs a restart.
 */
function drafts(): Omit<DraftStorage, 'clear'> {
  ensureProgressStarted();
  return currentStorage()?.drafts ?? keyedDrafts(() => globalThis.localStorage, draftPrefix($progress.get().courseId));
}

export function loadDraft<T>(activityId: string, isValid: (value: unknown) => value is T): T | undefined {
  try {
    const raw = drafts().read(activityId);
    if (!raw) return undefined;
    const value: unknown = JSON.parse(raw);
    return isValid(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

export const saveDraft = (activityId: string, value: unknown): void => drafts().write(activityId, JSON.stringify(value));

export const clearDraft = (activityId: string): void => drafts().write(activityId, null);

/**
 * One activity's draft slot, for the activity as built (`version` is its content version): a
 * draft saved against another version of the activity is not offered, so a changed quiz starts
 * afresh instead of resuming answers to questions that moved.
 */
export function draftSlot<T extends { version: string }>(activityId: string, version: string, isValid: (value: unknown) => value is T) {
  return {
    load: (): T | undefined => {
      const draft = loadDraft(activityId, isValid);
      return draft?.version === version ? draft : undefined;
    },
    save: (draft: T): void => saveDraft(activityId, draft),
    clear: (): void => clearDraft(activityId),
  };
}
