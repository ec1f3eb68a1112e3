import { readFile } from 'node:fs/promises';
import { test, expect } from './fixtures.ts';

const KEY = 'service-classroom:progress:v1';
const FIRST = '/lessons/selling-starts-with-service/';

test('a learner starts the course, finishes the first lesson, and after a reload it is still finished', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('客服课堂');
  await expect(page.locator('[data-module]')).toHaveCount(8);
  await page.getByRole('link', { name: '开始学习' }).click();
  await expect(page).toHaveURL(FIRST);
  await expect(page.getByRole('heading', { name: '学完本课，你将能够' })).toBeVisible();

  await page.getByRole('button', { name: '完成本课' }).scrollIntoViewIfNeeded();
  await expect(page.getByText('本课已完成')).toBeVisible();
  await page.reload();
  await expect(page.getByText('本课已完成')).toBeVisible();
  await expect(page.getByRole('button', { name: '完成本课' })).toBeHidden();

  await page.goto('/');
  const first = page.locator(`[data-lesson="selling-starts-with-service"]`);
  await expect(first).toHaveAttribute('data-state', 'completed');
  await expect(first).toContainText('已完成');
  await expect(page.locator('[data-module="mindset"]')).toContainText('已完成 1/5 课');
  const next = page.getByRole('link', { name: '继续学习' });
  await expect(next).toHaveAttribute('href', '/lessons/marketing-concepts/');
});

test('once a module’s lessons are all finished, 继续学习 leads to its module quiz until the quiz is passed', async ({ page }) => {
  await page.goto('/');
  const lessonIds = await page
    .locator('[data-module="mindset"] [data-lesson]')
    .evaluateAll((els) => els.map((el) => el.getAttribute('data-lesson')));
  const at = (n: number) => new Date(Date.UTC(2026, 0, 5, 9, n)).toISOString();
  const events: unknown[] = lessonIds.flatMap((lessonId, i) => [
    { id: `seen-${i}`, at: at(2 * i), type: 'lesson-viewed', lessonId },
    { id: `done-${i}`, at: at(2 * i + 1), type: 'lesson-completed', lessonId },
  ]);
  const save = (list: unknown[]) =>
    page.evaluate(
      ([key, value]) => localStorage.setItem(key!, value!),
      [KEY, JSON.stringify({ format: 'service-classroom/progress', version: 1, courseId: 'service-classroom', events: list })],
    );
  await save(events);
  await page.reload();
  const next = page.getByRole('link', { name: '继续学习' });
  await expect(next).toHaveAttribute('href', '/quizzes/module-mindset/');

  const attempt = { activityKind: 'quiz', contentVersion: '', answers: {}, score: 8, maxScore: 10, startedAt: at(30), finishedAt: at(40) };
  await save([
    ...events,
    { id: 'quiz-1', at: at(40), type: 'attempt', attempt: { ...attempt, activityId: 'module-mindset', score: 6, passed: false } },
  ]);
  await page.reload();
  await expect(next).toHaveAttribute('href', '/quizzes/module-mindset/');

  await save([
    ...events,
    { id: 'quiz-2', at: at(50), type: 'attempt', attempt: { ...attempt, activityId: 'module-mindset', score: 9, passed: true } },
  ]);
  await page.reload();
  const nextModule = await page.locator('[data-module="economics"] [data-lesson] a').first().getAttribute('href');
  await expect(next).toHaveAttribute('href', nextModule!);
});

test('a lesson finished in a second tab shows up in the first without a reload', async ({ page, context }) => {
  await page.goto('/');
  const lesson = page.locator('[data-lesson="marketing-concepts"]');
  await expect(lesson).toHaveAttribute('data-state', 'not-started');

  const other = await context.newPage();
  await other.goto('/lessons/marketing-concepts/');
  await other.getByRole('button', { name: '完成本课' }).scrollIntoViewIfNeeded();
  await expect(other.getByText('本课已完成')).toBeVisible();

  await expect(lesson).toHaveAttribute('data-state', 'completed');
  await expect(page.getByText('已完成 1/5 课')).toBeVisible();
  await other.close();
});

test('when storage is full, progress stays with the tab from page to page, the learner is warned, and the export holds it all', async ({
  page,
}) => {
  await page.addInitScript(() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (this: Storage, key: string, value: string) {
      if (this === window.localStorage) throw new DOMException('full', 'QuotaExceededError');
      setItem.call(this, key, value);
    };
  });
  await page.goto(FIRST);
  await page.getByRole('button', { name: '完成本课' }).scrollIntoViewIfNeeded();
  await expect(page.getByText('本课已完成')).toBeVisible();
  const warning = page.getByRole('status').filter({ hasText: '学习进度暂时无法保存到浏览器' });
  await expect(warning).toBeVisible();
  await expect(warning).toContainText('存储空间已满');

  // On to the next lesson and back home: the finished lesson is still finished, and the warning stays.
  await page.getByRole('link', { name: /下一课/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('营销观念');
  await expect(warning).toBeVisible();
  await page.goto('/');
  await expect(page.getByText('已完成 1/5 课')).toBeVisible();
  await expect(warning).toBeVisible();

  const download = page.waitForEvent('download');
  await warning.getByRole('button', { name: '导出学习记录' }).click();
  const file = await (await download).path();
  const exported = JSON.parse(await readFile(file, 'utf8')) as { format: string; events: { type: string; lessonId?: string }[] };
  expect(exported.format).toBe('service-classroom/progress');
  expect(exported.events.filter((e) => e.lessonId === 'selling-starts-with-service').map((e) => e.type)).toEqual([
    'lesson-viewed',
    'lesson-completed',
  ]);
});

test('a corrupt stored record is kept aside, the learner is told, and the course still works', async ({ page }) => {
  await page.goto('/');
  const broken = '{"format":"service-classroom/progress","version":1,"courseId":"service-classroom","events":[{"id":"a"';
  await page.evaluate(([key, value]) => localStorage.setItem(key!, value!), [KEY, broken]);
  await page.goto(FIRST);

  const notice = page.getByRole('status').filter({ hasText: '发现一份无法读取的学习记录' });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('文件不完整');
  const kept = await page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith('service-classroom:progress:unreadable:'))
      .map((k) => localStorage.getItem(k)),
  );
  expect(kept).toEqual([broken]);

  await page.getByRole('button', { name: '完成本课' }).scrollIntoViewIfNeeded();
  await expect(page.getByText('本课已完成')).toBeVisible();
  const stored = await page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '{}') as { events: unknown[] }, KEY);
  expect(stored.events.length).toBe(2);
});

test('on 我的学习 a learner saves their profile, imports a backup that merges, and a foreign file is refused', async ({ page }) => {
  await page.goto('/me/');
  await expect(page.getByRole('heading', { name: '我的学习', level: 1 })).toBeVisible();
  // On the website, this browser is all that keeps the progress.
  await expect(page.getByText('这里的一切都只保存在你当前使用的浏览器里')).toBeVisible();
  await expect(page.getByText('保存在学习平台（LMS）上')).toBeHidden();
  await page.getByLabel('姓名').fill('王小明');
  await page.getByLabel('工号').fill('E1024');
  await page.getByLabel('部门').fill('客服一部');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已保存')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('姓名')).toHaveValue('王小明');

  const backup = {
    format: 'service-classroom/progress',
    version: 1,
    courseId: 'service-classroom',
    events: [{ id: 'imported-1', at: '2026-01-02T03:04:05.000Z', type: 'lesson-completed', lessonId: 'what-is-service' }],
  };
  const input = page.locator('input[type="file"]');
  await input.setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(backup)) });
  await expect(page.getByText('已导入，新增 1 条记录。')).toBeVisible();
  await expect(page.getByText('总进度')).toContainText('1/');

  await input.setInputFiles({
    name: 'other.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ ...backup, courseId: 'forklift-safety' })),
  });
  await expect(page.getByText('未导入：这份记录属于另一门课程（forklift-safety），不能导入本课程。')).toBeVisible();

  await page.getByRole('button', { name: '清除全部学习记录' }).click();
  await expect(page.getByRole('alertdialog')).toContainText('1 课的学习状态');
  await page.getByRole('button', { name: '确认清除' }).click();
  await expect(page.getByText('学习记录已清除。')).toBeVisible();
  await expect(page.getByLabel('姓名')).toHaveValue('');
});
