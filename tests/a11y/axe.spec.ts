import AxeBuilder from '@axe-core/playwright';
import { builtPages } from '../bench/page-weight.ts';
import { test, expect, hydrated } from '../e2e/fixtures.ts';

// Every built page, in the light and the dark theme, must give axe nothing to report.
const pages = builtPages('dist');

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    for (const path of pages) {
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
