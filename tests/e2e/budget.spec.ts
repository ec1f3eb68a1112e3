import { test, expect } from '@playwright/test';
import { builtPages, pageWeight } from '../bench/page-weight.ts';
import { HANT_DIR } from '../../src/i18n/editions.ts';

// Size budgets, checked on the built files rather than by timing a browser. "Progress script"
// means all the JS a page loads, compressed together, as one script would be.
const DIST = 'dist';
const KB = 1024;
const weights = builtPages(DIST).map((page) => pageWeight(DIST, page));

test('pages without an island load no framework JS', () => {
  const plain = weights.filter((w) => w.islands === 0);
  expect(plain.length).toBeGreaterThan(0);
  for (const w of plain) {
    expect(
      w.js.files.filter((f) => /svelte|client\.|render/i.test(f)),
      `${w.page} loads framework JS`,
    ).toEqual([]);
  }
});

const isLesson = (w: (typeof weights)[number]) => w.page.startsWith('/lessons/');
const hasTimer = (w: (typeof weights)[number]) => w.js.files.some((f) => f.includes('ClassTimer'));

// The progress script (3 KB, ids that need no secure context included) plus the offline worker's
// registration and update notice (0.6 KB).
test('a text-only page loads at most 3.75 KB gzip of JS: the progress script and the offline registration', () => {
  const textOnly = weights.filter((w) => w.islands === 0 && !hasTimer(w) && (isLesson(w) || w.page === '/404.html'));
  expect(textOnly.length).toBeGreaterThan(0);
  for (const w of textOnly) expect(w.js.gzipTogether, `${w.page} JS gzip bytes`).toBeLessThanOrEqual(3.75 * KB);
});

test('a class-activity lesson adds only its countdown to the every-page scripts: under 4.5 KB gzip, no framework', () => {
  const timed = weights.filter((w) => isLesson(w) && hasTimer(w) && w.islands === 0);
  expect(timed.length).toBeGreaterThan(0);
  for (const w of timed) expect(w.js.gzipTogether, `${w.page} JS gzip bytes`).toBeLessThanOrEqual(4.5 * KB);
});

// The home page shares the progress reducers with the certificate and HR pages (one chunk), so
// its overview costs the every-page scripts (progress and offline registration) plus that chunk:
// no framework, under 5 KB. Its "今天有 n 项待复习" line then loads the spaced-review schedule as a
// chunk of its own, after the overview: FSRS (ts-fsrs, 7 KB) and the scorers it replays answers
// with, about 10 KB more. 16 KB in all.
test('the course home, with its progress overview and its due-review count, stays under 16 KB gzip of JS, no framework', () => {
  const home = weights.find((w) => w.page === '/');
  expect(home).toBeDefined();
  expect(home!.js.files.filter((f) => /svelte|client\./i.test(f))).toEqual([]);
  expect(home!.js.gzipTogether).toBeLessThanOrEqual(16 * KB);
});

test('a role-play map page highlights the last run with a small script, no framework', () => {
  const maps = weights.filter((w) => /^\/scenarios\/[^/]+\/map\/$/.test(w.page));
  expect(maps.length).toBeGreaterThan(0);
  for (const w of maps) expect(w.js.gzipTogether, `${w.page} JS gzip bytes`).toBeLessThan(10 * KB);
});

// Islands of one component share its code: a lesson with four role-plays loads the player once,
// so it is held to the one-island budget. Each further kind of island adds only its own code (the
// framework and the progress store are shared), and the largest of those is under 10 KB gzip.
// 33 KB: the Svelte runtime (15 KB), the store (which since the daily review also checks review
// events), the every-page scripts (3.75 KB) and the island.
// Learners' pages. The HR page is a tool for HR with a budget of its own, below.
// The Traditional edition's HR page (/zh-hant/hr/) is the same tool in the other script.
const isHr = (w: (typeof weights)[number]) => w.page.replace(`/${HANT_DIR}/`, '/') === '/hr/';
// The daily review replays the learner's log through FSRS in the page: one island, plus ts-fsrs
// and the scorers of every kind of activity it asks about (10 KB). Its own budget, below.
const isReview = (w: (typeof weights)[number]) => w.page.replace(`/${HANT_DIR}/`, '/') === '/review/';

test('a learner page with one kind of island, however many of it, stays under 33 KB gzip of JS in total', () => {
  const single = weights.filter((x) => x.islandKinds === 1 && !isHr(x) && !isReview(x));
  for (const w of single) {
    expect(w.js.gzip, `${w.page} JS gzip bytes (each file compressed on its own)`).toBeLessThan(33 * KB);
  }
});

test('the daily review, its FSRS schedule included, stays under 42 KB gzip of JS', () => {
  const review = weights.find(isReview);
  expect(review).toBeDefined();
  expect(review!.js.gzip).toBeLessThan(42 * KB);
});

test('each further kind of island on a page adds under 10 KB gzip of JS', () => {
  const mixed = weights.filter((x) => x.islandKinds > 1 && !isHr(x));
  expect(mixed.length).toBeGreaterThan(0);
  for (const w of mixed) {
    expect(w.js.gzip, `${w.page} JS gzip bytes with ${w.islandKinds} kinds of island`).toBeLessThan((32 + 10 * (w.islandKinds - 1)) * KB);
  }
});

// What a page loads counts everything it starts: the HR dashboard's worker (which re-scores every
// record, with every kind of activity's scoring and the CSV writer) loads as soon as the page does.
// 84 KB: the dashboard (33 KB) and its worker (28 KB: the record schema, every activity's scorer,
// re-scoring, item analysis, CSV), and the LRS client the worker loads only when HR reads an LRS
// (@xapi/xapi with the axios it bundles, 18 KB; counted here though most visits never load it) —
// loaded by HR at a desk, never by a learner.
test('the HR page, its worker included, stays under 84 KB gzip of JS, and no learner page loads the worker', () => {
  const hr = weights.find((w) => w.page === '/hr/');
  expect(hr).toBeDefined();
  expect(
    hr!.js.files.some((f) => /worker/i.test(f)),
    'the HR page starts its worker',
  ).toBe(true);
  expect(hr!.js.gzip, '/hr/ JS gzip bytes, worker included').toBeLessThan(84 * KB);
  for (const w of weights.filter((x) => !isHr(x)))
    expect(
      w.js.files.filter((f) => /worker/i.test(f)),
      w.page,
    ).toEqual([]);
});
