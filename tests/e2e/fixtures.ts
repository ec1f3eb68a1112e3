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
 * Waits until every Svelte island inside `scope` has hydrated (Astro removes `ssr` when it has).
 * A `client:visible` island waits to be seen, so it is scrolled into view first (through its
 * first child: the island itself is `display: contents` and has no box); one that cannot be seen
 * at all, such as an activity on a slide not being shown, is left alone.
 */
export async function hydrated(scope: Page | Locator): Promise<void> {
  const islands = scope.locator('astro-island');
  const count = await islands.count();
  for (let i = 0; i < count; i++) {
    const island = islands.nth(i);
    const shown = await island.evaluate((el) => {
      if (el.getAttribute('client') !== 'visible') return true;
      const box = el.firstElementChild;
      if (!box || box.getClientRects().length === 0) return false;
      box.scrollIntoView();
      return true;
    });
    if (shown) await expect(island).not.toHaveAttribute('ssr', /.*/);
  }
}
