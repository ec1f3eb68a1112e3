import { test, expect } from './fixtures.ts';

// Each query a new employee would type, and the lesson that teaches it: it must come first.
const QUERIES = [
  { query: '投诉', lesson: '/lessons/eight-step-complaint-method/' },
  { query: '八步', lesson: '/lessons/eight-step-complaint-method/' },
  { query: '终身价值', lesson: '/lessons/lifetime-value/' },
  { query: '活泼型', lesson: '/lessons/four-personality-types/' },
];

test('the header search finds the lesson that teaches a Chinese term first, and a result opens at its section', async ({ page }) => {
  await page.goto('/glossary/');
  const header = page.getByRole('search', { name: '全站搜索' });
  await header.getByRole('searchbox').fill('八步');
  await header.getByRole('searchbox').press('Enter');
  await expect(page).toHaveURL(/\/search\/\?q=/);

  for (const { query, lesson } of QUERIES) {
    await page.goto(`/search/?q=${encodeURIComponent(query)}`);
    await expect(page.getByRole('status').filter({ hasText: `“${query}”共找到` })).toBeVisible();
    const first = page.locator('[data-search-results] li').first();
    await expect(first.getByRole('link')).toHaveAttribute('href', new RegExp(`^${lesson}#`));
    await expect(first.locator('mark').first()).toContainText(query.slice(0, 2));
  }

  // 退款 is taught as a case (a phone bought a year ago, a full refund demanded) among the excessive demands.
  await page.goto(`/search/?q=${encodeURIComponent('退款')}`);
  const links = page.locator('[data-search-results] li > a');
  await expect(links.first()).toBeVisible();
  expect(
    (await links.evaluateAll((as) => as.slice(0, 2).map((a) => a.getAttribute('href') ?? ''))).some((h) =>
      h.startsWith('/lessons/excessive-demands-customer-mistakes/'),
    ),
  ).toBe(true);

  // Keyboard alone: tab from the search field to the first result and open it at the section it names.
  await page.goto(`/search/?q=${encodeURIComponent('终身价值')}`);
  await expect(page.locator('[data-search-results] li')).not.toHaveCount(0);
  await page.getByRole('searchbox', { name: '搜索课程内容' }).first().focus();
  const result = page.locator('[data-search-results] li > a').first();
  const href = (await result.getAttribute('href')) ?? '';
  await result.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(href);
  const id = decodeURIComponent(new URL(href, 'http://x').hash.slice(1));
  await expect(page.locator(`[id="${id}"]`)).toBeInViewport();
});

test('a query with no match says so and suggests a shorter word', async ({ page }) => {
  await page.goto(`/search/?q=${encodeURIComponent('zqxjv')}`);
  await expect(page.getByRole('status').filter({ hasText: '没有找到' })).toBeVisible();
  await expect(page.locator('[data-search-results] li')).toHaveCount(0);
});
