import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../e2e/browser.ts';

// The real-LMS suite (`npm run test:lms`): a Moodle 4.3 installed from ../shared/lms/moodle/,
// started by global-setup.ts and stopped after. See tests/lms/README.md.
export default defineConfig({
  testDir: '.',
  testMatch: '*.moodle.ts',
  fullyParallel: false,
  workers: 1,
  // One retry, as the main suite: a test that passes only on its second try is listed as flaky.
  retries: 1,
  timeout: 240_000,
  expect: { timeout: 20_000 },
  globalSetup: './global-setup.ts',
  reporter: [['list']],
  use: {
    locale: 'zh-CN',
    actionTimeout: 30_000,
    navigationTimeout: 60_000,
    launchOptions: { executablePath: findChromium() ?? '', args: CHROMIUM_ARGS },
  },
});
