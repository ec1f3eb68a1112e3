import type { Catalogue } from '../domain/catalogue.ts';
import type { ScormVersion } from '../domain/scorm/cmi.ts';
import { t } from '../i18n/index.ts';

/**
 * The launch page of an LMS package — `scorm/launch.html`, the SCO the manifest launches, or
 * `cmi5/launch.html`, the AU cmi5.xml names: a frame for the course, a notice bar for LMS
 * trouble, the diagnostics panel, and the course catalogue as a JSON data block (data, not
 * script, so the page's Content-Security-Policy allows no inline script at all). The cmi5 page
 * also has an exit button: a cmi5 AU runs in its own window and must end its session itself.
 */
export interface LaunchPageInput {
  /** The SCORM version, or cmi5. */
  version: ScormVersion | 'cmi5';
  catalogue: Catalogue;
  builtAt: string;
}

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** JSON that cannot end the `<script>` element it sits in. */
const jsonInHtml = (value: unknown): string => JSON.stringify(value).replace(/</g, '\\u003c');

const csp = (connect: string) =>
  [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "frame-src 'self'",
    `connect-src ${connect}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');

export const LAUNCH_CSP = csp("'self'");
/** A cmi5 LMS names its LRS endpoint only at launch, often on another host, so the page may connect out. */
export const CMI5_LAUNCH_CSP = csp("'self' https: http:");

export function launchPage({ version, catalogue, builtAt }: LaunchPageInput): string {
  const title = escapeHtml(catalogue.course.title);
  const cmi5 = version === 'cmi5';
  const exit = cmi5
    ? `
    <div class="lms-bar">
      <button type="button" data-exit data-texts="${escapeHtml(JSON.stringify({ exiting: t('cmi5.exiting'), exited: t('cmi5.exited'), exitedLocal: t('cmi5.exitedLocal') }))}">${escapeHtml(t('cmi5.exit'))}</button>
      <span data-exit-state role="status"></span>
    </div>`
    : '';
  return `<!doctype html>
<html lang="zh-CN" ${cmi5 ? 'data-lms="cmi5"' : `data-scorm-version="${version}"`} data-built-at="${escapeHtml(builtAt)}">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta http-equiv="content-security-policy" content="${cmi5 ? CMI5_LAUNCH_CSP : LAUNCH_CSP}">
    <title>${title}</title>
    <link rel="stylesheet" href="launch.css">
    <script type="application/json" id="catalogue">${jsonInHtml(catalogue)}</script>
    <script src="launch.js" defer></script>
  </head>
  <body>${exit}
    <div class="lms-notice" role="status" data-lms-notice data-state="ok" hidden>
      <p>
        <span data-when="refused">${escapeHtml(t('scorm.noticeRefused'))}</span>
        <span data-when="gone">${escapeHtml(t('scorm.noticeGone'))}</span>
        <span data-when="refusals">${escapeHtml(t('scorm.noticeRefusals'))}</span>
      </p>
      <button type="button" data-open-diagnostics>${escapeHtml(t('scorm.noticeDetails'))}</button>
    </div>
    <iframe class="course-frame" data-course-frame title="${escapeHtml(`${t('scorm.frameTitle')} · ${catalogue.course.title}`)}"></iframe>
    <dialog class="diagnostics" data-diagnostics aria-labelledby="diagnostics-title" aria-describedby="diagnostics-intro">
      <h2 id="diagnostics-title">${escapeHtml(t('scorm.diagnosticsTitle'))}</h2>
      <p id="diagnostics-intro">${escapeHtml(t('scorm.diagnosticsIntro'))}</p>
      <textarea readonly aria-label="${escapeHtml(t('scorm.diagnosticsLog'))}" spellcheck="false"></textarea>
      <div class="actions">
        <button type="button" data-copy data-label="${escapeHtml(t('scorm.diagnosticsCopy'))}" data-done="${escapeHtml(t('scorm.diagnosticsCopied'))}">${escapeHtml(t('scorm.diagnosticsCopy'))}</button>
        <button type="button" data-close>${escapeHtml(t('scorm.diagnosticsClose'))}</button>
      </div>
    </dialog>
  </body>
</html>
`;
}
