import type { Attempt } from '../domain/progress/events.ts';
import { isScenarioDraft, type ScenarioDraft } from '../domain/scenario/run-record.ts';
import { clearDraft, loadDraft, saveDraft } from './drafts.ts';
import { recordAttempt } from './progress.ts';

/**
 * The role-play's actions on the learner's records: a run in progress is a draft (so a reload
 * resumes it); a finished run is an attempt in the progress log, and its draft goes.
 */

/** The unfinished run for this scenario, if one was saved against the same version of it. */
export function resumeRun(scenarioId: string, version: string): ScenarioDraft | undefined {
  const draft = loadDraft(scenarioId, isScenarioDraft);
  if (draft && draft.version !== version) {
    clearDraft(scenarioId);
    return undefined;
  }
  return draft;
}

export function saveRun(scenarioId: string, draft: ScenarioDraft): void {
  saveDraft(scenarioId, draft);
}

export function abandonRun(scenarioId: string): void {
  clearDraft(scenarioId);
}

/** Appends the finished run to the progress log and forgets its draft. */
export function finishRun(attempt: Attempt): void {
  recordAttempt(attempt);
  clearDraft(attempt.activityId);
}
