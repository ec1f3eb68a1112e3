import { Diagnostics } from './diagnostics.ts';
import { isDiagnosticsKey } from './frame-bridge.ts';

/**
 * What every LMS launch page has, whichever LMS it speaks to (SCORM or cmi5): the course frame,
 * the notice bar whose texts the page holds (CSS shows the one matching `data-state`), and the
 * diagnostics panel a support person opens with Ctrl+Alt+D. The page is written by the packager
 * (src/packaging/launch-page.ts).
 */

export type NoticeState = 'ok' | 'refused' | 'gone' | 'refusals';

export interface LaunchShell {
  frame: HTMLIFrameElement;
  diagnostics: Diagnostics;
  toggleDiagnostics(): void;
  setNotice(state: NoticeState): void;
}

export function launchShell(header: () => Record<string, string>): LaunchShell {
  const frame = document.querySelector<HTMLIFrameElement>('[data-course-frame]')!;
  const notice = document.querySelector<HTMLElement>('[data-lms-notice]')!;
  const dialog = document.querySelector<HTMLDialogElement>('[data-diagnostics]')!;
  const logView = dialog.querySelector<HTMLTextAreaElement>('textarea')!;
  const copyButton = dialog.querySelector<HTMLButtonElement>('[data-copy]')!;
  const diagnostics = new Diagnostics(header);

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
  diagnostics.subscribe(() => {
    if (dialog.open) showLog();
  });
  dialog.querySelector('[data-close]')!.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => frame.focus());
  copyButton.addEventListener('click', () => void copyLog());
  notice.querySelector('[data-open-diagnostics]')!.addEventListener('click', showDiagnostics);
  document.addEventListener('keydown', (event) => {
    if (!isDiagnosticsKey(event)) return;
    event.preventDefault();
    toggleDiagnostics();
  });
  frame.addEventListener('load', () => {
    try {
      // Same origin: the LMS's window title follows the page being read.
      document.title = frame.contentDocument?.title || document.title;
    } catch {
      // A page of another origin (an external link followed inside the frame): keep the title.
    }
  });

  return {
    frame,
    diagnostics,
    toggleDiagnostics,
    setNotice(state) {
      notice.dataset['state'] = state;
      notice.hidden = state === 'ok';
    },
  };
}
