// `npm run bench`: the HR page's work on 2,000 records (tests/bench/hr-bench.ts), the SCORM suspend
// data of generated courses of 44, 130 and 200 lessons (tests/bench/suspend-bench.ts), build time, and
// per page kind the HTML/JS/CSS bytes (raw and gzip) and the requests of a cold load in Chromium;
// then a generated course of BENCH_LESSONS lessons (default 200; 0 skips it, see
// generate-course.ts): its build time, its pages, and the time of `npm test`'s page-proportional
// part, the axe sweep, run on it for real. Prints a table and writes bench-results/bench.json.
// Figures rather than pass/fail: the size budgets are enforced by tests/e2e/budget.spec.ts. The one
// timed budget, the HR page's 3 s for 2,000 records, makes the bench exit non-zero when missed.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { defaultCourseIri } from '../../src/domain/xapi/statements.ts';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium, NO_BROWSER_MESSAGE } from '../e2e/browser.ts';
import { editionsBench, printEditionsBench, timedBuild, type EditionBuild } from './editions-bench.ts';
import { generateCourse } from './generate-course.ts';
import { hrBench, printHrBench } from './hr-bench.ts';
import { lrsBench, printLrsBench, type LrsBenchResult } from './lrs-bench.ts';
import { builtPages, pageWeight, type PageWeight } from './page-weight.ts';
import { printSuspendBench, suspendBench } from './suspend-bench.ts';

const PORT = Number(process.env['BENCH_PORT'] ?? 4391);
const DIST = 'dist';
process.env['ASTRO_TELEMETRY_DISABLED'] = '1';

// First, while nothing else of ours is running. It needs no browser, so it runs even without one.
const hr = hrBench();
printHrBench(hr);
// The HR budget is a figure the page promises its users; going over it fails the bench (not `npm test`).
if (!hr.withinBudget) process.exitCode = 1;
const suspend = suspendBench();
printSuspendBench(suspend);

const browserPath = findChromium();
if (!browserPath) {
  console.error(NO_BROWSER_MESSAGE);
  process.exit(1);
}

// The Simplified pages alone first, to see what the Traditional edition adds to the build below.
let hansOnly: EditionBuild;
let both: EditionBuild;
try {
  hansOnly = timedBuild({ SCRIPT_EDITIONS: 'hans' });
  both = timedBuild();
} catch {
  console.error('Build failed; no figures.');
  process.exit(1);
}
const buildSeconds = both.buildSeconds;
const editions = editionsBench(hansOnly, both);
const weights = new Map(builtPages(DIST).map((page) => [page, pageWeight(DIST, page)]));
const first = (test: (w: PageWeight) => boolean) => [...weights.values()].find(test)?.page;
const kinds: [string, string | undefined][] = [
  ['home', '/'],
  // Every lesson ends with a knowledge check, so the text-only pages are the reference pages.
  [
    'text-only lesson',
    first((w) => w.page.startsWith('/lessons/') && w.islands === 0 && !w.js.files.some((f) => f.includes('ClassTimer'))),
  ],
  ['text-only page', weights.has('/glossary/') ? '/glossary/' : undefined],
  ['class-activity lesson', first((w) => w.page.startsWith('/lessons/') && w.js.files.some((f) => f.includes('ClassTimer')))],
  ['lesson with an island', first((w) => w.page.startsWith('/lessons/') && w.islands > 0)],
  ['knowledge check', first((w) => w.page.startsWith('/quizzes/') && w.page !== '/quizzes/personality-types/')],
  ['personality quiz', weights.has('/quizzes/personality-types/') ? '/quizzes/personality-types/' : undefined],
  ['self-assessment', first((w) => w.page.startsWith('/assessments/') && w.page !== '/assessments/')],
  ['role-play', first((w) => /^\/scenarios\/[^/]+\/$/.test(w.page))],
  ['branch map', first((w) => /^\/scenarios\/[^/]+\/map\/$/.test(w.page))],
  ['presenter', first((w) => w.page.startsWith('/present/'))],
  ['my learning', '/me/'],
  ['HR dashboard', weights.has('/hr/') ? '/hr/' : undefined],
];
// The same kinds in the Traditional edition: the converted markup and the script copies it loads.
for (const [kind, page] of kinds.slice()) {
  if (page && ['home', 'text-only lesson', 'knowledge check', 'role-play', 'my learning'].includes(kind)) {
    kinds.push([`${kind} (繁)`, weights.has(`/zh-hant${page}`) ? `/zh-hant${page}` : undefined]);
  }
}

const server = spawn('npx', ['astro', 'preview', '--port', String(PORT), '--host', 'localhost', '--ignore-lock'], {
  stdio: 'ignore',
  detached: true,
});
const stopServer = () => {
  try {
    process.kill(-server.pid!, 'SIGTERM');
  } catch {
    // already gone
  }
};
process.on('exit', stopServer);

async function waitForServer(): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`http://localhost:${PORT}/`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('preview server did not start');
}
await waitForServer();

const browser = await chromium.launch({ executablePath: browserPath, args: CHROMIUM_ARGS });
const rows: Record<string, unknown>[] = [];
for (const [kind, page] of kinds) {
  if (!page) continue;
  const weight = weights.get(page)!;
  const context = await browser.newContext();
  const tab = await context.newPage();
  const requests: string[] = [];
  tab.on('request', (r) => requests.push(r.url()));
  await tab.goto(`http://localhost:${PORT}${page}`, { waitUntil: 'networkidle' });
  await context.close();
  rows.push({
    kind,
    page,
    requests: requests.length,
    htmlRaw: weight.html.raw,
    htmlGzip: weight.html.gzip,
    jsRaw: weight.js.raw,
    jsGzip: weight.js.gzip,
    jsFiles: weight.js.files.length,
    cssRaw: weight.css.raw,
    cssGzip: weight.css.gzip,
    islands: weight.islands,
  });
}
// HR reading 10,000 learners from an LRS, on the built /hr/ page (BENCH_LRS_LEARNERS=0 skips it).
const LRS_LEARNERS = Number(process.env['BENCH_LRS_LEARNERS'] ?? 10_000);
let lrs: LrsBenchResult | undefined;
if (LRS_LEARNERS > 0) {
  const catalogue = JSON.parse(readFileSync(join(DIST, 'catalogue.json'), 'utf8')) as { course: { id: string } };
  lrs = await lrsBench(browser, `http://localhost:${PORT}/hr/`, defaultCourseIri(catalogue.course.id), LRS_LEARNERS);
}
await browser.close();
stopServer();

const kb = (n: unknown) => `${((n as number) / 1024).toFixed(1)}`;
printHrBench(hr);
printSuspendBench(suspend);
if (lrs) printLrsBench(lrs);
console.log(`\nBuild: ${buildSeconds.toFixed(1)} s for ${weights.size} pages (both editions)`);
printEditionsBench(editions);
console.log('');
console.log('kind                   requests  HTML KB (gz)   JS KB (gz)     CSS KB (gz)   islands  page');
for (const r of rows) {
  console.log(
    `${String(r['kind']).padEnd(22)} ${String(r['requests']).padStart(8)}  ${kb(r['htmlRaw']).padStart(6)} (${kb(r['htmlGzip']).padStart(5)})  ${kb(r['jsRaw']).padStart(6)} (${kb(r['jsGzip']).padStart(5)})  ${kb(r['cssRaw']).padStart(5)} (${kb(r['cssGzip']).padStart(5)})  ${String(r['islands']).padStart(7)}  ${String(r['page'])}`,
  );
}
// A course at scale: generated, built and swept by axe exactly as `npm test` sweeps the real one.
const LESSONS = Number(process.env['BENCH_LESSONS'] ?? 200);
let scale: Record<string, unknown> | undefined;
if (LESSONS > 0) {
  const root = mkdtempSync(join(tmpdir(), 'bench-course-'));
  try {
    const generated = generateCourse(process.cwd(), root, LESSONS);
    const env = { ...process.env, COURSE_ROOT: root };
    const dist = join(root, 'dist');
    const buildStart = performance.now();
    const built = spawnSync('npx', ['astro', 'build', '--outDir', dist], { stdio: ['ignore', 'ignore', 'inherit'], env });
    const seconds = (performance.now() - buildStart) / 1000;
    if (built.status !== 0) throw new Error(`the generated course of ${LESSONS} lessons did not build`);
    const pages = builtPages(dist).length;
    const axeStart = performance.now();
    const swept = spawnSync('npx', ['playwright', 'test', 'tests/a11y', '--workers=2', '--reporter=dot'], {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...env, A11Y_DIST: dist, PLAYWRIGHT_JSON_OUTPUT_NAME: join(root, 'a11y.json') },
    });
    const axeSeconds = (performance.now() - axeStart) / 1000;
    scale = { lessons: generated.lessons, pages, buildSeconds: seconds, axeSeconds, axePassed: swept.status === 0 };
    console.log(
      `\nA course of ${generated.lessons} lessons: ${pages} pages, built in ${seconds.toFixed(1)} s; ` +
        `npm test's axe sweep of every page took ${axeSeconds.toFixed(1)} s (${((axeSeconds / pages) * 1000).toFixed(0)} ms a page)` +
        `${swept.status === 0 ? '' : ', and found violations'}.`,
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

mkdirSync('bench-results', { recursive: true });
writeFileSync(
  'bench-results/bench.json',
  JSON.stringify(
    { date: new Date().toISOString(), buildSeconds, pages: weights.size, editions, kinds: rows, hr, lrs, suspend, scale },
    null,
    2,
  ),
);
console.log('\nWritten to bench-results/bench.json');
