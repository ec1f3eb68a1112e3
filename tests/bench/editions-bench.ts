import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import { HANT_DIR } from '../../src/i18n/editions.ts';
import { builtPages } from './page-weight.ts';

/**
 * The cost of the Traditional edition: the site built with the Simplified pages alone
 * (SCRIPT_EDITIONS=hans skips the conversion step) against the normal build of both editions,
 * so the build time's growth can be set beside the page count's; and the bytes each edition
 * adds to the site and to a learner's offline copy (the precache of its service worker).
 */
export interface EditionsBench {
  hansOnly: { buildSeconds: number; pages: number };
  both: { buildSeconds: number; pages: number };
  /** Build time with both ÷ build time with Simplified alone. */
  timeGrowth: number;
  /** Pages with both ÷ pages with Simplified alone. */
  pageGrowth: number;
  bytes: { hans: number; hant: number };
  precache: { hans: { files: number; bytes: number }; hant: { files: number; bytes: number } };
}

/** Builds the Simplified edition alone into `dist` (the caller's full build comes after and replaces it). */
export function buildHansOnly(): { buildSeconds: number; pages: number } {
  const started = performance.now();
  const built = spawnSync('npx', ['astro', 'build'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, SCRIPT_EDITIONS: 'hans' },
  });
  if (built.status !== 0) throw new Error('the Simplified-only build failed');
  return { buildSeconds: (performance.now() - started) / 1000, pages: builtPages('dist').length };
}

function bytesUnder(dir: string, skip?: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    if (skip && relative(dir, path).split(/[\\/]/)[0] === skip) continue;
    total += statSync(path).size;
  }
  return total;
}

/** The files a worker precaches (the URLs in its list, resolved from where the worker is). */
function precache(dist: string, worker: string): { files: number; bytes: number } {
  const path = join(dist, worker);
  if (!existsSync(path)) return { files: 0, bytes: 0 };
  const urls = [...readFileSync(path, 'utf8').matchAll(/\burl:"([^"]+)"/g)].map((m) => m[1]!);
  const base = posix.dirname(worker);
  const bytes = urls.reduce((sum, url) => {
    const file = join(dist, posix.normalize(posix.join(base, url)));
    return sum + (existsSync(file) ? statSync(file).size : 0);
  }, 0);
  return { files: urls.length, bytes };
}

export function editionsBench(hansOnly: EditionsBench['hansOnly'], both: EditionsBench['both'], dist = 'dist'): EditionsBench {
  return {
    hansOnly,
    both,
    timeGrowth: both.buildSeconds / hansOnly.buildSeconds,
    pageGrowth: both.pages / hansOnly.pages,
    bytes: { hans: bytesUnder(dist, HANT_DIR), hant: bytesUnder(join(dist, HANT_DIR)) },
    precache: { hans: precache(dist, 'sw.js'), hant: precache(dist, `${HANT_DIR}/sw.js`) },
  };
}

export function printEditionsBench(e: EditionsBench): void {
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  console.log(
    `\nEditions: Simplified alone ${e.hansOnly.pages} pages in ${e.hansOnly.buildSeconds.toFixed(1)} s; ` +
      `both ${e.both.pages} pages in ${e.both.buildSeconds.toFixed(1)} s — build time ×${e.timeGrowth.toFixed(2)} for pages ×${e.pageGrowth.toFixed(2)}` +
      `${e.timeGrowth < e.pageGrowth ? '' : ' (grew more than the pages: convert once, not per page)'}.`,
  );
  console.log(`  site bytes: Simplified ${mb(e.bytes.hans)}, Traditional edition ${mb(e.bytes.hant)}`);
  console.log(
    `  offline copy per learner: Simplified ${e.precache.hans.files} files ${mb(e.precache.hans.bytes)}, ` +
      `Traditional ${e.precache.hant.files} files ${mb(e.precache.hant.bytes)}`,
  );
}
