import { readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { hantConverter } from '../../src/integrations/hant/convert-text.ts';
import { simplifiedLeft, simplifiedOnlyCharacters } from '../../src/integrations/hant/simplified-left.ts';
import { hydrated, test, expect } from './fixtures.ts';
import { readQuiz, rightLabels } from './quiz-answers.ts';
import { packagePath, startLms } from './scorm-lms.ts';

const DIST = 'dist';
const EDITION = join(DIST, 'zh-hant');
const LESSON = 'selling-starts-with-service';

function filesUnder(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && pattern.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

/**
 * What a Traditional reader can meet in a built file. Kept out, by design: inline scripts and
 * styles, ids and the fragments and references that point at them (heading ids stay as the
 * Simplified pages have them, so in-page links keep working) and URLs in island props.
 */
function readable(path: string): string {
  const text = readFileSync(path, 'utf8');
  if (!path.endsWith('.html')) return text;
  return text
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1>/g, '')
    .replace(/\s(?:id|href|for|aria-labelledby|aria-describedby|aria-controls)="[^"]*"/g, '')
    .replace(/&quot;[/#][^&]*&quot;/g, '');
}

test('the Traditional edition has no Simplified-only character left apart from the reviewed exceptions, and the same activity versions', () => {
  const simplifiedOnly = simplifiedOnlyCharacters(hantConverter([]));
  const files = filesUnder(EDITION, /\.(?:html|js|json|webmanifest)$/);
  expect(files.length).toBeGreaterThan(200);
  const left = files.flatMap((file) =>
    simplifiedLeft(readable(file), simplifiedOnly).map((l) => `${relative(EDITION, file)}: ${l.character} in “${l.context}”`),
  );
  expect(left).toEqual([]);

  // HR re-scores a record from either edition against either catalogue: versions are script-free.
  type Catalogue = { course: { contentVersion: string }; activities: { id: string; version: string }[] };
  const read = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Catalogue;
  const hans = read(join(DIST, 'catalogue.json'));
  const hant = read(join(EDITION, 'catalogue.json'));
  expect(hant.course.contentVersion).toBe(hans.course.contentVersion);
  expect(hant.activities.map((a) => [a.id, a.version])).toEqual(hans.activities.map((a) => [a.id, a.version]));
});

test('each edition’s service worker keeps that edition’s pages and the shared files, not the other edition’s pages', () => {
  const listed = (worker: string) => [...readFileSync(join(DIST, worker), 'utf8').matchAll(/\burl:"([^"]+)"/g)].map((m) => m[1]!);
  const hans = listed('sw.js');
  const hant = listed('zh-hant/sw.js').map((url) => url.replace(/^\.\.\//, ''));
  expect(hans).toContain('lessons/eight-step-complaint-method/index.html');
  expect(hans.filter((url) => url.startsWith('zh-hant/') || /zh-hant_/.test(url))).toEqual([]);
  expect(hant).toContain('zh-hant/lessons/eight-step-complaint-method/index.html');
  expect(hant.filter((url) => url.endsWith('.html') && !url.startsWith('zh-hant/'))).toEqual([]);
  expect(hant.filter((url) => /zh-cn_/.test(url))).toEqual([]);
  // The shared code and search engine are in both.
  expect(hant.filter((url) => url.startsWith('_astro/')).length).toBeGreaterThan(10);
  expect(hant).toContain('pagefind/pagefind.js');
});

test('the 简/繁 switch keeps the learner on the same page, and a lesson finished in Simplified is finished in Traditional', async ({
  page,
}) => {
  await page.goto(`/lessons/${LESSON}/`);
  await page.getByRole('button', { name: '完成本课' }).scrollIntoViewIfNeeded();
  await expect(page.getByText('本课已完成')).toBeVisible();

  await page.getByRole('navigation', { name: '简体或繁体' }).getByRole('link', { name: '繁體中文' }).click();
  await expect(page).toHaveURL(`/zh-hant/lessons/${LESSON}/`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hant');
  await expect(page.getByRole('heading', { name: '學完本課，你將能夠' })).toBeVisible();
  await expect(page.getByText('本課已完成')).toBeVisible();
  await expect(page.getByRole('link', { name: '繁體中文' })).toHaveAttribute('aria-current', 'page');

  // The course home in Traditional counts the same log.
  await page.getByRole('navigation', { name: '主導航' }).getByRole('link', { name: '課程首頁' }).click();
  await expect(page).toHaveURL('/zh-hant/');
  await expect(page.locator(`[data-lesson="${LESSON}"]`)).toHaveAttribute('data-state', 'completed');
  await expect(page.getByRole('link', { name: '繼續學習' })).toHaveAttribute('href', /^\/zh-hant\/lessons\//);

  await page.getByRole('navigation', { name: '簡體或繁體' }).getByRole('link', { name: '簡體中文' }).click();
  await expect(page).toHaveURL('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
});

test('a role-play in Traditional talks in Traditional, the eight steps included', async ({ page }) => {
  await page.goto('/zh-hant/scenarios/angry-powerful-delayed-order/');
  await hydrated(page);
  await expect(page.getByText('為錯誤道歉').first()).toBeAttached();
  await expect(page.getByText('为错误道歉')).toHaveCount(0);
  // Hydration keeps the server's text, so also check that the player runs from the edition's own
  // copy, whose step names and messages are converted (the Simplified copy would show 为错误道歉 later).
  await expect(page.locator('astro-island').first()).toHaveAttribute('component-url', /^\/zh-hant\/_astro\/ScenarioPlayer\./);
});

test('search in the Traditional edition finds the complaint lesson for 投訴', async ({ page }) => {
  await page.goto('/zh-hant/');
  const header = page.getByRole('search', { name: '全站搜索' });
  await header.getByRole('searchbox').fill('投訴');
  await header.getByRole('searchbox').press('Enter');
  await expect(page).toHaveURL(/\/zh-hant\/search\/\?q=/);
  await expect(page.getByRole('status').filter({ hasText: '“投訴”共找到' })).toBeVisible();
  const first = page.locator('[data-search-results] li').first();
  await expect(first.getByRole('link')).toHaveAttribute('href', /^\/zh-hant\/lessons\/eight-step-complaint-method\/#/);
  await expect(first.locator('mark').first()).toContainText('投訴');
});

test('the Traditional LMS package runs the course in Traditional, with no link out of the package', async ({ page }) => {
  const lms = await startLms('hant');
  try {
    expect(lms.missing).toEqual([]);
    expect(lms.contents['2004'].some((path) => path.startsWith('zh-hant/'))).toBe(false);
    await page.goto(`${lms.origin}${packagePath('2004')}scorm/launch.html`);
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hant');
    const course = page.frameLocator('[data-course-frame]');
    await expect(course.locator('html')).toHaveAttribute('lang', 'zh-Hant');
    await course.getByRole('link', { name: '開始學習' }).click();
    await course.locator('[data-lesson-completion]').scrollIntoViewIfNeeded();
    await expect(course.getByText('本課已完成')).toBeVisible();
    await expect(course.getByRole('link', { name: '繁體中文' })).toHaveCount(0);
  } finally {
    await lms.close();
  }
});

test('a record made in Traditional is verified by HR in either script', async ({ page }) => {
  const convert = hantConverter();
  const quiz = readQuiz('kc-selling-starts-with-service');
  await page.goto('/zh-hant/me/');
  await hydrated(page);
  await page.getByLabel('姓名').fill('王小明');
  await page.getByLabel('工號').fill('E1024');
  await page.getByRole('button', { name: '保存' }).click();

  await page.goto(`/zh-hant/quizzes/${quiz.id}/`);
  await hydrated(page);
  for (const q of quiz.questions) {
    const fieldset = page.locator('form fieldset').filter({ hasText: convert(q.prompt) });
    for (const label of rightLabels(q)) await fieldset.getByLabel(convert(label), { exact: true }).check();
  }
  await page.getByRole('button', { name: '提交答案' }).click();
  await expect(page.getByRole('heading', { name: /^通過/ })).toBeVisible();

  await page.goto('/zh-hant/me/');
  await hydrated(page);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '導出完成記錄' }).click();
  const record = await readFile(await (await download).path());

  for (const [hr, verified] of [
    ['/hr/', '已核验'],
    ['/zh-hant/hr/', '已核驗'],
  ] as const) {
    await page.goto(hr);
    await hydrated(page);
    await expect(page.locator('input[type="file"]')).toBeEnabled();
    await page.locator('input[type="file"]').setInputFiles({ name: 'record.json', mimeType: 'application/json', buffer: record });
    const learners = page.getByRole('region', { name: hr === '/hr/' ? '学员列表' : convert('学员列表') });
    await expect(learners.getByRole('row', { name: /E1024/ })).toContainText(verified);
  }
});
