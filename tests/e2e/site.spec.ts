import { readFileSync } from 'node:fs';
import { shippedCatalogue } from '../fixtures/catalogue.ts';
import { test, expect } from './fixtures.ts';

test('a lesson page says where in the course it is and links to its neighbours', async ({ page }) => {
  await page.goto('/lessons/marketing-concepts/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('navigation', { name: '你在这里' })).toContainText('模块 1');
  await expect(page.getByText('模块 1 · 第 2 课')).toBeVisible();
  await expect(page.getByRole('link', { name: /上一课/ })).toHaveAttribute('href', '/lessons/selling-starts-with-service/');
  await expect(page.getByRole('link', { name: /下一课/ })).toHaveAttribute('href', '/lessons/what-is-service/');
  await expect(page.getByText('教师备注').first()).toBeVisible();
});

test('the last lesson of a module leads to its module quiz, and the quiz on to the next module', async ({ page }) => {
  await page.goto('/lessons/service-economy-and-ten-laws/');
  const toQuiz = page.getByRole('navigation', { name: '课程翻页' }).getByRole('link', { name: /下一步/ });
  await expect(toQuiz).toContainText('模块测验');
  await expect(toQuiz).toHaveAttribute('href', '/quizzes/module-mindset/');
  await toQuiz.click();

  await expect(page).toHaveURL('/quizzes/module-mindset/');
  const pager = page.getByRole('navigation', { name: '课程翻页' });
  await expect(pager.getByRole('link', { name: /上一课/ })).toHaveAttribute('href', '/lessons/service-economy-and-ten-laws/');
  await pager.getByRole('link', { name: /下一课/ }).click();

  await expect(page).toHaveURL(/\/lessons\/[^/]+\/$/);
  await expect(page.getByText('模块 2 · 第 1 课')).toBeVisible();
  await expect(page.getByRole('navigation', { name: '课程翻页' }).getByRole('link', { name: /上一步/ })).toHaveAttribute(
    'href',
    '/quizzes/module-mindset/',
  );
});

test('the sources page lists each lesson’s notes about the decks, which the lesson itself leaves out', async ({ page }) => {
  await page.goto('/sources/');
  const notes = page.getByRole('region', { name: '各课怎样使用课件' });
  await expect(notes.getByRole('heading', { name: '购买心理：需求层次与理性客户' })).toBeVisible();
  await expect(notes).toContainText('马斯诺');
  await notes.getByRole('link', { name: '购买心理：需求层次与理性客户' }).click();

  await expect(page).toHaveURL('/lessons/buying-psychology/');
  await expect(page.getByRole('heading', { name: '需求有层次：马斯洛的理论' })).toBeVisible();
  await expect(page.getByRole('main')).not.toContainText('马斯诺');
});

test('the skip link takes a keyboard user straight to the lesson', async ({ page }) => {
  await page.goto('/lessons/what-is-service/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: '跳到正文' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
});

test('an unknown address shows a friendly page with the way back', async ({ page }) => {
  const response = await page.goto('/lessons/no-such-lesson/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: '页面不存在' })).toBeVisible();
  await expect(page.getByRole('link', { name: '回到课程首页' })).toHaveAttribute('href', '/');
});

test('printing a lesson leaves out navigation and trainer notes', async ({ page }) => {
  await page.goto('/lessons/what-is-service/');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: '主导航' })).toBeHidden();
  await expect(page.locator('.trainer-notes').first()).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

test('the catalogue the build emits, which HR and the LMS packages score against, is the one the unit tests check', async ({ request }) => {
  const served = (await (await request.get('/catalogue.json')).json()) as unknown;
  expect(served).toEqual(JSON.parse(readFileSync('dist/catalogue.json', 'utf8')));
  expect(served).toEqual(JSON.parse(JSON.stringify(shippedCatalogue())));
});
