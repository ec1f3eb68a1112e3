/**
 * Unfinished work (a quiz half answered, a role-play mid-conversation) kept per activity so a
 * reload resumes it. Drafts are not progress: they never enter the log and are dropped when the
 * attempt is recorded. Storage failures are ignored; losing a draft only costs a restart.
 */
const PREFIX = 'service-classroom:draft:';

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

export function loadDraft<T>(activityId: string, isValid: (value: unknown) => value is T): T | undefined {
  try {
    const raw = storage()?.getItem(PREFIX + activityId);
    if (!raw) return undefined;
    const value: unknown = JSON.parse(raw);
    return isValid(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

export function saveDraft(activityId: string, value: unknown): void {
  try {
    storage()?.setItem(PREFIX + activityId, JSON.stringify(value));
  } catch {
    // A full or disabled storage loses the draft, not progress; the attempt itself is recorded by the progress store.
  }
}

export function clearDraft(activityId: string): void {
  try {
    storage()?.removeItem(PREFIX + activityId);
  } catch {
    // Nothing to clear if storage is unavailable.
  }
}

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
