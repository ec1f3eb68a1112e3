import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import type { Page } from '@playwright/test';
import { writeServiceWorker } from '../../src/integrations/offline/service-worker.ts';
import { test, expect, hydrated } from './fixtures.ts';

test.use({ serviceWorkers: 'allow' });

/** Waits until the page's service worker has installed (precached the course) and is active. */
async function serviceWorkerReady(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    if (registration.active?.state !== 'activated') {
      await new Promise<void>((resolve) => registration.active?.addEventListener('statechange', () => resolve()));
    }
  });
}

/** Every failure a learner could notice: an uncaught error, or a request the browser gave up on. */
function watchFailures(page: Page): string[] {
  const failures: string[] = [];
  page.on('pageerror', (error) => failures.push(`error: ${error.message}`));
  page.on('requestfailed', (request) => failures.push(`failed: ${request.url()} ${request.failure()?.errorText ?? ''}`));
  return failures;
}

test('after one visit the course works offline: lessons, a quiz, a role-play, and progress made offline is kept', async ({
  page,
  context,
}) => {
  const failures = watchFailures(page);
  await page.goto('/');
  await serviceWorkerReady(page);

  await context.setOffline(true);
  const pages = [
    { url: '/lessons/what-is-service/', heading: /服务/ },
    { url: '/quizzes/kc-what-is-service/', heading: /小测/ },
    { url: '/scenarios/angry-powerful-delayed-order/', heading: /./ },
    { url: '/glossary/', heading: /术语/ },
    { url: '/me/', heading: /我的学习/ },
  ];
  for (const { url, heading } of pages) {
    await page.goto(url);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
    await hydrated(page);
  }
  // The quiz and the role-play are interactive offline, not just shown.
  await page.goto('/scenarios/angry-powerful-delayed-order/');
  await hydrated(page);
  await page.getByRole('button', { name: '开始对话' }).click();
  await expect(page.getByRole('button', { name: '开始对话' })).toBeHidden();

  // Search is precached with the pages.
  await page.goto(`/search/?q=${encodeURIComponent('投诉')}`);
  await expect(page.locator('[data-search-results] li').first()).toBeVisible();

  await page.goto('/lessons/what-is-service/');
  await page.getByRole('button', { name: '完成本课' }).scrollIntoViewIfNeeded();
  await expect(page.getByText('本课已完成')).toBeVisible();

  await context.setOffline(false);
  await page.goto('/');
  await expect(page.locator('[data-lesson="what-is-service"]')).toHaveAttribute('data-state', 'completed');
  expect(failures).toEqual([]);
});

/** A static host for two versions of the site, switched by the test. */
function serveSite(): { server: Server; root: { dir: string } } {
  const root = { dir: '' };
  const types: Record<string, string> = {
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript',
    '.css': 'text/css',
    '.json': 'application/json',
    '.svg': 'image/svg+xml',
    '.png': 'image/png',
    '.webmanifest': 'application/manifest+json',
  };
  const server = createServer((request, response) => {
    let path = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    if (path.endsWith('/')) path += 'index.html';
    try {
      const body = readFileSync(join(root.dir, path));
      response.writeHead(200, { 'Content-Type': types[extname(path)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache' });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return { server, root };
}

test('a new version is offered with a notice and taken only when the learner refreshes', async ({ page }) => {
  const work = mkdtempSync(join(tmpdir(), 'sc-offline-'));
  const v1 = join(work, 'v1');
  const v2 = join(work, 'v2');
  cpSync('dist', v1, { recursive: true });
  cpSync('dist', v2, { recursive: true });
  const lesson = join(v2, 'lessons/what-is-service/index.html');
  writeFileSync(lesson, readFileSync(lesson, 'utf8').replace('<h1', '<p data-new-version>第二版</p><h1'));
  await writeServiceWorker(v2);

  const { server, root } = serveSite();
  root.dir = v1;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    await page.goto(`${origin}/`);
    await serviceWorkerReady(page);
    await page.goto(`${origin}/lessons/what-is-service/`);
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    await expect(page.getByRole('status').filter({ hasText: '新版本已就绪' })).toBeHidden();

    root.dir = v2;
    await page.goto(`${origin}/glossary/`);
    const notice = page.getByRole('status').filter({ hasText: '新版本已就绪，刷新即可' });
    await expect(notice).toBeVisible({ timeout: 30_000 });
    // Until the learner accepts, every page still comes from the version they started with.
    await page.goto(`${origin}/lessons/what-is-service/`);
    await expect(page.locator('[data-new-version]')).toHaveCount(0);
    await expect(notice).toBeVisible();
    await notice.getByRole('button', { name: '刷新' }).click();
    await expect(page.locator('[data-new-version]')).toHaveText('第二版');
  } finally {
    server.close();
    rmSync(work, { recursive: true, force: true });
  }
});
