import type { SaveOutcome } from '../../stores/progress-storage.ts';

/**
 * How a course page in an LMS package talks to the launch page that frames it. The launch page
 * holds the LMS session for the whole visit (an LMS initialises a course once per launch, while
 * every course page is a new document) and puts this object on its window; the page's
 * `frame.js` finds it on `window.parent` (same origin) and lends the progress store a storage
 * that goes through it.
 *
 * Only strings cross between the two windows: objects made in a page's realm would outlive the
 * page that made them once it navigates away.
 */
export const BRIDGE_NAME = 'serviceClassroomLms';

export interface FrameBridge {
  /** The progress log the launch page holds (LMS copy merged with this browser's), as JSON. */
  read(): string;
  /** The page's progress log after a change, as JSON. Says whether it is kept beyond this tab. */
  write(text: string): SaveOutcome;
  /** This learner's draft of an activity (JSON), or null: drafts are kept per LMS learner, as the log is. */
  readDraft(activityId: string): string | null;
  /** Saves the learner's draft of an activity, or forgets it when `text` is null. */
  writeDraft(activityId: string, text: string | null): void;
  /** Forgets every draft of this learner (a reset on 我的学习). */
  clearDrafts(): void;
  /** The page now shown (its full URL): the bookmark. */
  visit(href: string): void;
  /** Shows or hides the diagnostics panel (the key combination is pressed inside the page). */
  toggleDiagnostics(): void;
  /** Who keeps the progress: an LMS (a session runs, or shows an attempt for review), or this browser alone (no LMS, or it refused). */
  keptBy?(): 'lms' | 'browser';
}

/** The attribute `frame.js` sets on a course page's root element when an LMS keeps the progress (`data-progress-kept="lms"`), so pages can say so. */
export const KEPT_BY_ATTRIBUTE = 'data-progress-kept';

/** The bridge on the parent window, if this window is a course page framed by a launch page. */
export function findBridge(self: Window): FrameBridge | undefined {
  try {
    if (self.parent === self) return undefined;
    const bridge = (self.parent as unknown as Record<string, unknown>)[BRIDGE_NAME];
    if (typeof bridge !== 'object' || bridge === null) return undefined;
    const b = bridge as Record<string, unknown>;
    return typeof b['read'] === 'function' && typeof b['write'] === 'function' ? (bridge as FrameBridge) : undefined;
  } catch {
    // A parent of another origin (the page framed by something else): no bridge.
    return undefined;
  }
}

/** Ctrl+Alt+D (Control+Option+D on a Mac) opens the diagnostics panel, in the launch page or in the course. */
export const isDiagnosticsKey = (e: Pick<KeyboardEvent, 'ctrlKey' | 'altKey' | 'code' | 'key'>): boolean =>
  e.ctrlKey && e.altKey && (e.code === 'KeyD' || e.key.toLowerCase() === 'd');
