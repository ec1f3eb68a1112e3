import AxeBuilder from '@axe-core/playwright';
import { builtPages } from '../bench/page-weight.ts';
import { test, expect, hydrated } from '../e2e/fixtures.ts';

// axe must find nothing on any built page. Every page is checked in the light theme. The dark
// theme changes colours only, so it is checked on one page of each kind (each route pattern):
// the same components in the same colours, at a third of the time.
const pages = builtPages('dist');
const kindOf = (path: string) =>
  path.replace(/\/(lessons|quizzes|assessments|scenarios)\/[^/]+\//, '/$1/*/').replace(/\/present\/(module\/)?[^/]+\//, '/present/$1*/');
const onePerKind = [...new Map(pages.map((p) => [kindOf(p), p])).values()];

const sweeps = [
  { colorScheme: 'light', pages },
  { colorScheme: 'dark', pages: onePerKind },
] as const;

for (const { colorScheme, pages: paths } of sweeps) {
  test.describe(`${colorScheme} theme`, () => {
    for (const path of paths) {
      test(`axe finds no violations on ${path}`, async ({ page }) => {
        await page.emulateMedia({ colorScheme });
        await page.goto(path);
        await hydrated(page);
        const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
        const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
        expect(summary).toEqual([]);
      });
    }
  });
}
