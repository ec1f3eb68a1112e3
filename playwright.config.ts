import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './tests/e2e/browser.ts';

// One port per checkout (several worktrees may run e2e at once); E2E_PORT overrides.
const PORT = Number(process.env['E2E_PORT'] ?? 4400 + ([...process.cwd()].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 997, 7) % 500));

export default defineConfig({
  testDir: 'tests',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1,
  // One retry: a test that passes only on its second try is reported as flaky by name (npm test
  // lists it), so a rare timing fault on a loaded CI machine is seen without failing the run.
  retries: 1,
  timeout: 60_000,
  // A loaded 2-core CI machine can take more than the default 5 s to hydrate an island or let the
  // HR worker finish; what a user would call broken is far slower than this.
  expect: { timeout: 10_000 },
  // The JSON report's path comes from PLAYWRIGHT_JSON_OUTPUT_NAME (set by tests/run-all.ts).
  reporter: [['list'], ['json', { outputFile: process.env['PLAYWRIGHT_JSON_OUTPUT_NAME'] ?? 'test-results/playwright.json' }]],
  use: {
    baseURL: `http://localhost:${PORT}/`,
    locale: 'zh-CN',
    // The offline service worker precaches the course in the background of every new context; only
    // the offline e2e wants it (it opts in), the other tests would each download the site again.
    serviceWorkers: 'block',
    launchOptions: { executablePath: findChromium() ?? '', args: CHROMIUM_ARGS },
  },
  // The built site, served as a static host would: run `npm run build` first (npm test does).
  // --ignore-lock keeps the server in the foreground, owned by Playwright: without it Astro 7
  // detaches into the background when it detects a coding agent's environment, and the server
  // outlives this run and blocks the next suite's port.
  // A11Y_DIST serves another build instead (the bench's generated course; see tests/a11y/axe.spec.ts).
  webServer: {
    command: `npx astro preview --port ${PORT} --host localhost --ignore-lock${process.env['A11Y_DIST'] ? ` --outDir ${process.env['A11Y_DIST']}` : ''}`,
    url: `http://localhost:${PORT}/`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
