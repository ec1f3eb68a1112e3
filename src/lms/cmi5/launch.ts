// `cmi5/launch.js`: the script of the cmi5 package's launch page (the AU cmi5.xml names). The
// same shell as the SCORM launch page (course frame, notice bar, diagnostics), with a cmi5
// session behind the frame bridge and an exit button: a cmi5 AU ends its own session, and then
// returns the learner to the LMS (LMS.LaunchData's returnURL).
import type { Catalogue } from '../../domain/catalogue.ts';
import { BRIDGE_NAME, type FrameBridge } from '../scorm/frame-bridge.ts';
import { launchShell } from '../scorm/launch-shell.ts';
import { Cmi5Session } from './cmi5-session.ts';

const root = document.documentElement;
const catalog = JSON.parse(document.getElementById('catalogue')!.textContent ?? '{}') as Catalogue;
const openedAt = new Date().toISOString();
const exitButton = document.querySelector<HTMLButtonElement>('[data-exit]')!;
const exitState = document.querySelector<HTMLElement>('[data-exit-state]')!;
const texts = JSON.parse(exitButton.dataset['texts'] ?? '{}') as Record<'exiting' | 'exited' | 'exitedLocal', string>;

const shell = launchShell((): Record<string, string> => {
  const status = session.status();
  return {
    course: `${catalog.course.id} (${catalog.course.title})`,
    package: `cmi5, built ${root.dataset['builtAt'] ?? '?'}`,
    'launch page': location.href.replace(/([?&]fetch=)[^&]*/, '$1…'),
    opened: openedAt,
    mode: `${status.mode}${status.gone ? ', LRS unreachable' : ''}, ${status.refusals} requests refused`,
    browser: navigator.userAgent,
  };
});
const session = new Cmi5Session({
  catalog,
  launchUrl: location.href,
  storage: () => window.localStorage,
  diagnostics: shell.diagnostics,
});
session.subscribe(() => shell.setNotice(session.noticeState()));

const bridge: FrameBridge = {
  read: () => session.read(),
  write: (text) => session.write(text),
  readDraft: (activityId) => session.readDraft(activityId),
  writeDraft: (activityId, text) => session.writeDraft(activityId, text),
  clearDrafts: () => session.clearDrafts(),
  visit: (href) => session.visit(href),
  toggleDiagnostics: shell.toggleDiagnostics,
  keptBy: () => session.keptBy(),
};
(window as unknown as Record<string, unknown>)[BRIDGE_NAME] = bridge;

exitButton.addEventListener('click', () => void exit());
async function exit(): Promise<void> {
  exitButton.disabled = true;
  exitState.textContent = texts.exiting;
  const { returnUrl, complete } = await session.exit();
  exitState.textContent = complete ? texts.exited : texts.exitedLocal;
  // cmi5 section 10: a terminated AU goes back to the LMS when it gave a return URL. What the LRS
  // did not take is in this browser's copy and goes with the next launch.
  if (returnUrl) location.href = returnUrl;
}

document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') session.hidden();
});
window.addEventListener('pagehide', () => session.end());
void session.start().then((first) => {
  shell.frame.src = `../${first}`;
});
