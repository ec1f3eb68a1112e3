// `scorm/launch.js`: the script of an LMS package's launch page (the SCO the manifest names). It
// holds the LMS session for the whole visit, shows the course in a full-size frame, tells the
// learner when the LMS is not taking their progress, and keeps the diagnostics log a support
// person opens with Ctrl+Alt+D. The page itself is written by the packager
// (src/packaging/launch-page.ts), with its texts and the course catalogue in it.
import type { Catalogue } from '../../domain/catalogue.ts';
import type { ScormVersion } from '../../domain/scorm/cmi.ts';
import { BRIDGE_NAME, type FrameBridge } from './frame-bridge.ts';
import { launchShell } from './launch-shell.ts';
import { LmsSession } from './lms-session.ts';

const root = document.documentElement;
const version: ScormVersion = root.dataset['scormVersion'] === '2004' ? '2004' : '1.2';
const catalog = JSON.parse(document.getElementById('catalogue')!.textContent ?? '{}') as Catalogue;
const openedAt = new Date().toISOString();

const shell = launchShell((): Record<string, string> => {
  // Called only when the log is shown, by which time the session exists.
  const status = session.status();
  return {
    course: `${catalog.course.id} (${catalog.course.title})`,
    package: `SCORM ${version}, built ${root.dataset['builtAt'] ?? '?'}`,
    'launch page': location.href,
    opened: openedAt,
    mode: `${status.mode}${status.gone ? ', LMS gone' : ''}, ${status.refusals} values or commits refused`,
    browser: navigator.userAgent,
  };
});
const session: LmsSession = new LmsSession({
  catalog,
  version,
  self: window,
  launchUrl: location.href,
  storage: () => window.localStorage,
  diagnostics: shell.diagnostics,
});

session.subscribe(() => {
  const status = session.status();
  shell.setNotice(
    status.mode === 'refused' ? 'refused' : status.gone ? 'gone' : status.mode === 'lms' && status.refusals > 0 ? 'refusals' : 'ok',
  );
});

const bridge: FrameBridge = {
  read: () => session.read(),
  write: (text) => session.write(text),
  readDraft: (activityId) => session.readDraft(activityId),
  writeDraft: (activityId, text) => session.writeDraft(activityId, text),
  clearDrafts: () => session.clearDrafts(),
  visit: (href) => session.visit(href),
  toggleDiagnostics: shell.toggleDiagnostics,
  keptBy: () => (['lms', 'review'].includes(session.status().mode) && !session.status().gone ? 'lms' : 'browser'),
};
(window as unknown as Record<string, unknown>)[BRIDGE_NAME] = bridge;

const first = session.start();
shell.frame.src = `../${first}`;

document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') session.hidden();
});
window.addEventListener('pagehide', () => session.end());
