import { describe, expect, it } from 'vitest';
import { CMI5_LAUNCH_CSP, LAUNCH_CSP, launchPage } from '../../src/packaging/launch-page.ts';
import { catalog } from '../fixtures/scorm-course.ts';

// The cmi5 package's launch page beside the SCORM one: the same shell, plus what only cmi5 needs.

const cmi5 = launchPage({ version: 'cmi5', catalogue: catalog, builtAt: '2026-03-02T09:00:00.000Z' });
const scorm = launchPage({ version: '1.2', catalogue: catalog, builtAt: '2026-03-02T09:00:00.000Z' });

describe('the cmi5 launch page', () => {
  it('has an exit button with a status line for what happened, which the SCORM page (ended by its LMS) has not', () => {
    expect(cmi5).toMatch(/<button type="button" data-exit [^>]*>退出课程<\/button>/);
    expect(cmi5).toContain('<span data-exit-state role="status"></span>');
    expect(scorm).not.toContain('data-exit');
  });

  it('may connect to an LRS on another host, which only the launch data names; the SCORM page stays on its own origin', () => {
    expect(cmi5).toContain(`content="${CMI5_LAUNCH_CSP}"`);
    expect(CMI5_LAUNCH_CSP).toContain("connect-src 'self' https: http:");
    expect(scorm).toContain(`content="${LAUNCH_CSP}"`);
    expect(LAUNCH_CSP).toContain("connect-src 'self';");
    // Neither allows inline script: the catalogue travels as a JSON data block.
    for (const page of [cmi5, scorm]) expect(page).toContain("script-src 'self';");
  });

  it('names its LMS as cmi5 (for a support person reading the page), not a SCORM version', () => {
    expect(cmi5).toContain('data-lms="cmi5"');
    expect(cmi5).not.toContain('data-scorm-version');
    expect(scorm).toContain('data-scorm-version="1.2"');
  });
});
