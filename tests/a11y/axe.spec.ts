import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';
import type AxeCore from 'axe-core';
import { builtPages } from '../bench/page-weight.ts';
import { HANT_DIR } from '../../src/i18n/editions.ts';
import { test, expect, hydrated } from '../e2e/fixtures.ts';

// axe must find nothing on any built page, in the light theme and the dark one. The sweep is
// page-proportional (about four pages per lesson), so each page is made cheap:
//
// - every page is checked as built, with the islands' scripts blocked: the markup every learner
//   gets first (and keeps, without JavaScript), with no hydration to wait for. One browser page
//   visits a batch of pages; axe is loaded by an init script and asked for violations only.
//   The dark theme changes colours only, so on the same load it runs axe's colour rules;
// - the hydrated state is checked once per kind of page (each route pattern) and once per kind of
//   island (each island component), with every rule in both themes.
//
// A11Y_DIST points the sweep at another build (the bench's generated course); the server is
// started for it by playwright.config.ts.

const DIST = process.env['A11Y_DIST'] ?? 'dist';
const allPages = builtPages(DIST);
// The Traditional edition is the same markup with converted words: a sample of it is enough (below).
const pages = allPages.filter((path) => !path.startsWith(`/${HANT_DIR}/`));
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
/** The rules whose outcome depends on colours: all a theme that changes colours only can break. */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];
/** Pages per test: enough to share a browser page, small enough to spread over workers. */
const BATCH = 24;
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const kindOf = (path: string) =>
  path
    .replace(/\/(lessons|quizzes|assessments|scenarios|job-aids)\/[^/]+\//, '/$1/*/')
    .replace(/\/present\/(module\/)?[^/]+\//, '/present/$1*/');

/** The island components a page hydrates, by name. */
const islandsOf = (path: string): string[] => {
  const html = readFileSync(`${DIST}${path.endsWith('/') ? `${path}index.html` : path}`, 'utf8');
  return [...html.matchAll(/<astro-island\b[^>]*\scomponent-url="[^"]*\/([A-Za-z]+)\.[^"]*\.js"/g)].map(([, name]) => name ?? '');
};

/** One page of each kind, and the first page holding each island component. */
const hydratedPages = (() => {
  const chosen = new Map<string, string>();
  for (const path of pages) {
    if (!chosen.has(kindOf(path))) chosen.set(kindOf(path), path);
    for (const island of islandsOf(path)) if (!chosen.has(island)) chosen.set(island, path);
  }
  return [...new Set(chosen.values())];
})();

/** The Traditional home, lesson, quiz, role-play and /me/: each kind's first page, in the edition. */
const hantSample = ['/', '/lessons/*/', '/quizzes/*/', '/scenarios/*/', '/me/']
  .map((kind) => pages.find((path) => kindOf(path) === kind))
  .map((path) => `/${HANT_DIR}${path ?? '/'}`)
  .filter((path) => allPages.includes(path));

const batches = (paths: readonly string[], size = BATCH): string[][] =>
  Array.from({ length: Math.ceil(paths.length / size) }, (_, i) => paths.slice(i * size, (i + 1) * size));

async function violations(page: Page, rules?: string[]): Promise<string[]> {
  return page.evaluate(
    async ({ tags, rules }) => {
      const { axe } = window as unknown as { axe: typeof AxeCore };
      const results = await axe.run(document, {
        runOnly: rules ? { type: 'rule', values: rules } : { type: 'tag', values: tags },
        resultTypes: ['violations'],
      });
      return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
    },
    { tags: TAGS, rules },
  );
}

test.describe.configure({ mode: 'parallel' });

test.describe('every page as built, islands not hydrated', () => {
  for (const batch of batches(pages)) {
    test(`axe finds no violations, light and dark, on ${batch[0]} … ${batch.at(-1)} (${batch.length} pages)`, async ({ page }) => {
      test.setTimeout(30_000 + batch.length * 10_000);
      await page.route(/\/_astro\/[^?]*\.js(\?.*)?$/, (route) => route.abort());
      await page.addInitScript({ content: axeSource });
      const found: Record<string, string[]> = {};
      for (const path of batch) {
        await page.emulateMedia({ colorScheme: 'light' });
        await page.goto(path);
        const light = await violations(page);
        await page.emulateMedia({ colorScheme: 'dark' });
        const dark = (await violations(page, COLOUR_RULES)).map((v) => `dark theme: ${v}`);
        if (light.length + dark.length > 0) found[path] = [...light, ...dark];
      }
      expect(found).toEqual({});
    });
  }
});

test.describe('each kind of page and of island, hydrated', () => {
  for (const batch of batches(hydratedPages, Math.ceil(hydratedPages.length / 2))) {
    test(`axe finds no violations, light and dark, on ${batch.join(' ')}`, async ({ page }) => {
      test.setTimeout(30_000 + batch.length * 20_000);
      await page.addInitScript({ content: axeSource });
      const found: Record<string, string[]> = {};
      for (const path of batch) {
        await page.emulateMedia({ colorScheme: 'light' });
        await page.goto(path);
        await hydrated(page);
        for (const colorScheme of ['light', 'dark'] as const) {
          await page.emulateMedia({ colorScheme });
          const seen = await violations(page);
          if (seen.length > 0) found[`${path} (${colorScheme})`] = seen;
        }
      }
      expect(found).toEqual({});
    });
  }
});

test.describe('a sample of the Traditional edition, hydrated', () => {
  test(`axe finds no violations, light and dark, on ${hantSample.join(' ')}`, async ({ page }) => {
    test.setTimeout(30_000 + hantSample.length * 20_000);
    expect(hantSample.length).toBe(5);
    await page.addInitScript({ content: axeSource });
    const found: Record<string, string[]> = {};
    for (const path of hantSample) {
      await page.emulateMedia({ colorScheme: 'light' });
      await page.goto(path);
      await hydrated(page);
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        const seen = await violations(page);
        if (seen.length > 0) found[`${path} (${colorScheme})`] = seen;
      }
    }
    expect(found).toEqual({});
  });
});
