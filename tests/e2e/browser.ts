import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/**
 * The Chromium the e2e tests drive: `CHROME_PATH` if set, else Debian's chromium, else another
 * system Chrome, else Playwright's own downloaded browser if one is present. Undefined when there
 * is none, so the caller can stop with one clear message.
 */
export function findChromium(): string | undefined {
  const fromEnv = process.env['CHROME_PATH'];
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  const system = CANDIDATES.find((path) => existsSync(path));
  if (system) return system;
  try {
    const bundled = chromium.executablePath();
    return existsSync(bundled) ? bundled : undefined;
  } catch {
    return undefined;
  }
}

export const NO_BROWSER_MESSAGE =
  'No Chromium found for the browser tests. Install one with `sudo apt-get install -y chromium fonts-noto-cjk` ' +
  '(Debian/Ubuntu), or point CHROME_PATH at a Chrome or Chromium binary, then run `npm test` again.';

/** Flags for a headless Chromium on a machine without a network or a GPU. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  // Containers often give /dev/shm only 64 MB; Chromium then crashes tabs unless it uses /tmp.
  '--disable-dev-shm-usage',
  '--no-first-run',
];
