import { test as base, expect, type Locator, type Page } from '@playwright/test';

export { expect };

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Every page in every e2e test is watched: a request that leaves localhost (a font, an analytics
 * beacon, a CDN script) or a Content-Security-Policy refusal fails the test that caused it.
 */
export const test = base.extend({
  page: async ({ page }, use) => {
    const offsite: string[] = [];
    const refused: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if ((url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'ws:') && !LOCAL_HOSTS.has(url.hostname)) {
        offsite.push(request.url());
      }
    });
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text())) refused.push(message.text());
    });
    await use(page);
    expect(offsite, 'requests that left localhost').toEqual([]);
    expect(refused, 'resources refused by the Content-Security-Policy').toEqual([]);
  },
});

/**
 * Waits until every Svelte island inside `scope` has hydrated (Astro removes `ssr` when it has),
 * scrolling each into view first, since `client:visible` islands wait until they are seen.
 */
export async function hydrated(scope: Page | Locator): Promise<void> {
  const islands = scope.locator('astro-island');
  const count = await islands.count();
  for (let i = 0; i < count; i++) {
    // Not scrollIntoViewIfNeeded: a client:only island is empty, so never "visible" until it hydrates.
    await islands.nth(i).evaluate((el) => el.scrollIntoView());
    await expect(islands.nth(i)).not.toHaveAttribute('ssr', /.*/);
  }
}
