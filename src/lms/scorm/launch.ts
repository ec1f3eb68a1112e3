// `scorm/launch.js`: the script of an LMS package's launch page (the SCO the manifest names). It
// holds the LMS session for the whole visit, shows the course in a full-size frame, tells the
// learner when the LMS is not taking their progress, and keeps the diagnostics log a support
// person opens with Ctrl+Alt+D. The page itself is written by the packager
// (src/packaging/launch-page.ts), with its texts and the course catalogue in it.
import type { Catalogue } from '../../domain/catalogue.ts';
import type { ScormVersion } from '../../domain/scorm/cmi.ts';
import { Diagnostics } from './diagnostics.ts';
import { BRIDGE_NAME, isDiagnosticsKey, type FrameBridge } from './frame-bridge.ts';
import { LmsSession } from './lms-session.ts';

const root = document.documentElement;
const version: ScormVersion = root.dataset['scormVersion'] === '2004' ? '2004' : '1.2';
const catalog = JSON.parse(document.getElementById('catalogue')!.textContent ?? '{}') as Catalogue;
const frame = document.querySelector<HTMLIFrameElement>('[data-course-frame]')!;
const notice = document.querySelector<HTMLElement>('[data-lms-notice]')!;
const dialog = document.querySelector<HTMLDialogElement>('[data-diagnostics]')!;
const logView = dialog.querySelector<HTMLTextAreaElement>('textarea')!;
const copyButton = dialog.querySelector<HTMLButtonElement>('[data-copy]')!;
const openedAt = new Date().toISOString();

const diagnostics: Diagnostics = new Diagnostics((): Record<string, string> => {
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
  diagnostics,
});

function showLog(): void {
  logView.value = diagnostics.text();
  // The newest entries are what a support person looks for first.
  logView.setSelectionRange(0, 0);
  logView.scrollTop = logView.scrollHeight;
}
function showDiagnostics(): void {
  copyButton.textContent = copyButton.dataset['label'] ?? '';
  if (!dialog.open) dialog.showModal();
  showLog();
}
function toggleDiagnostics(): void {
  if (dialog.open) dialog.close();
  else showDiagnostics();
}
diagnostics.subscribe(() => {
  if (dialog.open) showLog();
});
dialog.querySelector('[data-close]')!.addEventListener('click', () => dialog.close());
dialog.addEventListener('close', () => frame.focus());
copyButton.addEventListener('click', () => void copyLog());
async function copyLog(): Promise<void> {
  logView.select();
  try {
    await navigator.clipboard.writeText(logView.value);
  } catch {
    // An LMS frame may be denied the clipboard; the selected text can still be copied by hand.
    document.execCommand('copy');
  }
  copyButton.textContent = copyButton.dataset['done'] ?? '';
}
notice.querySelector('[data-open-diagnostics]')!.addEventListener('click', showDiagnostics);
document.addEventListener('keydown', (event) => {
  if (!isDiagnosticsKey(event)) return;
  event.preventDefault();
  toggleDiagnostics();
});

// The notice's texts are in the HTML; CSS shows the one matching `data-state`.
session.subscribe(() => {
  const status = session.status();
  notice.dataset['state'] =
    status.mode === 'refused' ? 'refused' : status.gone ? 'gone' : status.mode === 'lms' && status.refusals > 0 ? 'refusals' : 'ok';
  notice.hidden = notice.dataset['state'] === 'ok';
});

const bridge: FrameBridge = {
  read: () => session.read(),
  write: (text) => session.write(text),
  readDraft: (activityId) => session.readDraft(activityId),
  writeDraft: (activityId, text) => session.writeDraft(activityId, text),
  clearDrafts: () => session.clearDrafts(),
  visit: (href) => session.visit(href),
  toggleDiagnostics,
  keptBy: () => (['lms', 'review'].includes(session.status().mode) && !session.status().gone ? 'lms' : 'browser'),
};
(window as unknown as Record<string, unknown>)[BRIDGE_NAME] = bridge;

const first = session.start();
frame.addEventListener('load', () => {
  try {
    // Same origin: the LMS's window title follows the page being read.
    document.title = frame.contentDocument?.title || document.title;
  } catch {
    // A page of another origin (an external link followed inside the frame): keep the title.
  }
});
frame.src = `../${first}`;

document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') session.hidden();
});
window.addEventListener('pagehide', () => session.end());
