// `scorm/frame.js` in an LMS package, loaded first by every course page of the package (the
// packager adds it; the website never loads it). When the page is framed by the package's launch
// page, it lends the progress store a storage that goes through the launch page, which holds the
// LMS session (the log and the drafts, both kept per LMS learner); otherwise it does nothing and the page runs in its ordinary local mode.
import { parseProgress } from '../../domain/progress/parse.ts';
import { PACKAGE_STORAGE, type ProgressStorage } from '../../stores/progress-storage.ts';
import { findBridge, isDiagnosticsKey, KEPT_BY_ATTRIBUTE } from './frame-bridge.ts';

const bridge = findBridge(window);
if (bridge) {
  const storage: ProgressStorage = {
    load(courseId) {
      const result = parseProgress(bridge.read(), courseId);
      return result.ok ? { kind: 'loaded', log: result.log } : { kind: 'empty' };
    },
    save: (log) => bridge.write(JSON.stringify(log)),
    // One page at a time lives in the launch page's frame: there is no other tab to follow.
    watch: () => () => {},
    // Drafts too go through the launch page, which keeps them per LMS learner.
    drafts: {
      read: (activityId) => bridge.readDraft(activityId),
      write: (activityId, text) => bridge.writeDraft(activityId, text),
      clear: () => bridge.clearDrafts(),
    },
  };
  (window as Window & { [PACKAGE_STORAGE]?: ProgressStorage })[PACKAGE_STORAGE] = storage;
  document.documentElement.setAttribute(KEPT_BY_ATTRIBUTE, bridge.keptBy?.() ?? 'browser');
  bridge.visit(location.href);
  window.addEventListener('hashchange', () => bridge.visit(location.href));
  document.addEventListener('keydown', (event) => {
    if (!isDiagnosticsKey(event)) return;
    event.preventDefault();
    bridge.toggleDiagnostics();
  });
}
