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
export interface EditionBuild {
  buildSeconds: number;
  /** CPU seconds the build used (its processes' user + system time; Linux only, else undefined). */
  cpuSeconds: number | undefined;
  pages: number;
}

export interface EditionsBench {
  hansOnly: EditionBuild;
  both: EditionBuild;
  /**
   * Build time with both ÷ with Simplified alone: in CPU seconds where known, because on a shared
   * machine the neighbours' load moves wall time more than the build does; else in wall time.
   */
  timeGrowth: number;
  /** Pages with both ÷ pages with Simplified alone. */
  pageGrowth: number;
  bytes: { hans: number; hant: number };
  precache: { hans: { files: number; bytes: number }; hant: { files: number; bytes: number } };
}

/** CPU seconds used so far by this process's finished children and their descendants (`cutime` + `cstime`, proc(5)). */
function childCpuSeconds(): number | undefined {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    // Fields after the command name start at field 3 (state); cutime and cstime are fields 16 and 17.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return undefined;
  }
}

/** Runs `astro build` (into `dist`) with `env` added; its wall and CPU time and pages. */
export function timedBuild(env: Record<string, string> = {}): EditionBuild {
  const cpuBefore = childCpuSeconds();
  const started = performance.now();
  const built = spawnSync('npx', ['astro', 'build'], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, ...env } });
  if (built.status !== 0) throw new Error('the build failed');
  const cpuAfter = childCpuSeconds();
  return {
    buildSeconds: (performance.now() - started) / 1000,
    cpuSeconds: cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore,
    pages: builtPages('dist').length,
  };
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

export function editionsBench(hansOnly: EditionBuild, both: EditionBuild, dist = 'dist'): EditionsBench {
  const cpu = hansOnly.cpuSeconds !== undefined && both.cpuSeconds !== undefined;
  return {
    hansOnly,
    both,
    timeGrowth: cpu ? both.cpuSeconds! / hansOnly.cpuSeconds! : both.buildSeconds / hansOnly.buildSeconds,
    pageGrowth: both.pages / hansOnly.pages,
    bytes: { hans: bytesUnder(dist, HANT_DIR), hant: bytesUnder(join(dist, HANT_DIR)) },
    precache: { hans: precache(dist, 'sw.js'), hant: precache(dist, `${HANT_DIR}/sw.js`) },
  };
}

export function printEditionsBench(e: EditionsBench): void {
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  const time = (b: EditionBuild) =>
    `${b.buildSeconds.toFixed(1)} s${b.cpuSeconds === undefined ? '' : ` (${b.cpuSeconds.toFixed(1)} s CPU)`}`;
  console.log(
    `\nEditions: Simplified alone ${e.hansOnly.pages} pages in ${time(e.hansOnly)}; both ${e.both.pages} pages in ${time(e.both)}: ` +
      `build time ×${e.timeGrowth.toFixed(2)} for pages ×${e.pageGrowth.toFixed(2)}` +
      `${e.timeGrowth < e.pageGrowth ? '' : ' (grew more than the pages)'}.`,
  );
  console.log(`  site bytes: Simplified ${mb(e.bytes.hans)}, Traditional edition ${mb(e.bytes.hant)}`);
  console.log(
    `  offline copy per learner: Simplified ${e.precache.hans.files} files ${mb(e.precache.hans.bytes)}, ` +
      `Traditional ${e.precache.hant.files} files ${mb(e.precache.hant.bytes)}`,
  );
}
