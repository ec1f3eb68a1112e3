import type { Page } from '@playwright/test';
import { expect, hydrated, test } from './fixtures.ts';

// An island's server-rendered buttons show before its script has run. On a slow network (or in an
// LMS's player) a learner clicks 开始对话 at once: the click must not vanish into a button that
// only looked ready. Every island's controls stay visibly not ready, and inert, until it hydrates.

const SCENARIO = 'scenarios/angry-powerful-delayed-order/';

/** Holds back the site's scripts (islands, their framework) until `release` is called. */
async function holdScripts(page: Page): Promise<() => void> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/_astro\/.*\.js$/, async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

/** What a control inside a not-yet-hydrated island looks like and whether it takes a click or focus. */
const readiness = (page: Page, selector: string) =>
  page.locator(selector).evaluateAll((controls) =>
    controls.map((el) => {
      const style = getComputedStyle(el);
      return {
        inIslandNotHydrated: el.closest('astro-island')?.hasAttribute('ssr') ?? false,
        dimmed: style.filter.includes('grayscale'),
        takesPointer: style.pointerEvents !== 'none',
        busyCursor: getComputedStyle(el.closest('astro-island')!).cursor === 'progress',
      };
    }),
  );

test('a role-play’s 开始对话 clicked before its island has hydrated: visibly not ready, the click does nothing, and it works once ready', async ({
  page,
}) => {
  const release = await holdScripts(page);
  await page.goto(SCENARIO, { waitUntil: 'commit' });
  const early = page.locator('astro-island[ssr] button', { hasText: '开始对话' });
  await early.waitFor();

  // As early as a learner can: the button is on screen and its island's script has not run.
  expect(await readiness(page, 'astro-island[ssr] button:has-text("开始对话")')).toEqual([
    { inIslandNotHydrated: true, dimmed: true, takesPointer: false, busyCursor: true },
  ]);
  const box = (await early.boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  // Nor can the keyboard reach it.
  await early.evaluate((button: HTMLElement) => button.focus());
  expect(await early.evaluate((button) => document.activeElement === button)).toBe(false);

  // The script arrives: the island hydrates, and the early click has started nothing behind the learner's back.
  release();
  await hydrated(page);
  const start = page.getByRole('button', { name: '开始对话' });
  await expect(start).toBeVisible();
  expect(await start.evaluate((el) => getComputedStyle(el).filter)).toBe('none');
  await expect(page.getByRole('group', { name: '你怎么回应？' })).toHaveCount(0);

  // Now it looks ready, and it is.
  await start.click();
  await expect(page.getByRole('group', { name: '你怎么回应？' })).toBeVisible();
});

test('every island’s buttons and fields look not ready and take no click until it has hydrated', async ({ page }) => {
  const release = await holdScripts(page);
  // A role-play (mode choice and start), the learner's page (profile form, backup, reset), a lesson with a calculator.
  for (const path of [SCENARIO, 'me/', 'lessons/lifetime-value/']) {
    // Module scripts run before DOMContentLoaded, so it does not come while they are held back: wait for the page's end instead.
    await page.goto(path, { waitUntil: 'commit' });
    await page.locator('footer.site-footer').waitFor({ state: 'attached' });
    const controls = await readiness(page, 'astro-island[ssr] :is(button, input, select, textarea)');
    expect(controls.length, path).toBeGreaterThan(0);
    for (const control of controls)
      expect(control, path).toEqual({ inIslandNotHydrated: true, dimmed: true, takesPointer: false, busyCursor: true });
  }
  release();
  await hydrated(page);
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
  const after = await readiness(page, 'astro-island :is(button, input, select, textarea)');
  expect(after.filter((c) => !c.takesPointer || c.busyCursor)).toEqual([]);
});
