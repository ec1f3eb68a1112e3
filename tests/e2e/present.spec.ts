import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

const LESSON = '/present/selling-starts-with-service/';
const FIXTURE = '/present/fixture/class-activities/';

/** Waits until the deck controller has set the slides up. */
async function ready(page: Page): Promise<void> {
  await expect(page.locator('[data-deck]')).toHaveAttribute('data-ready', '');
}

/** The slide the window shows (hidden slides are out of the accessibility tree). */
const slide = (page: Page, n: number) => page.getByRole('group', { name: new RegExp(`^第 ${n} 页，共 \\d+ 页$`) });

/** How many slides the deck has, as the deck itself counts them. */
const slideCount = (page: Page) => page.locator('[data-deck] [data-slide-index]').count();

async function openPresenter(audience: Page): Promise<Page> {
  const [presenter] = await Promise.all([audience.context().waitForEvent('page'), audience.keyboard.press('s')]);
  await ready(presenter);
  return presenter;
}

test('a trainer opens the presentation from the lesson, and presenter and audience windows follow each other', async ({ page }) => {
  await page.goto('/lessons/selling-starts-with-service/');
  await page.getByRole('link', { name: '课堂演示' }).click();
  await expect(page).toHaveURL(/\/present\/selling-starts-with-service\/#1$/);
  await ready(page);
  await expect(slide(page, 1).getByRole('heading', { name: '销售从服务开始' })).toBeVisible();

  const presenter = await openPresenter(page);
  await expect(presenter).toHaveURL(/\/presenter\/#1$/);
  await expect(presenter.getByRole('heading', { name: '教师备注' })).toBeVisible();

  // The presenter advances; the audience follows.
  await presenter.keyboard.press('ArrowRight');
  await presenter.keyboard.press('ArrowRight');
  await expect(slide(page, 3).getByRole('heading', { name: '先服务，后销售' })).toBeVisible();
  await expect(page).toHaveURL(/#3$/);
  await expect(presenter.locator('[data-notes]')).toContainText('开场先问学员');

  // The audience advances; the presenter follows, with that slide's notes and the next slide.
  await page.keyboard.press('ArrowRight');
  await expect(slide(presenter, 4).getByRole('heading', { name: '成交的两个关键' })).toBeVisible();
  await expect(presenter.locator('[data-notes]')).toContainText('让学员两人一组');
  await expect(presenter.locator('[data-next-preview]')).toContainText('一个例子：没成交的电话');
  await expect(presenter.locator('[data-counter]')).toHaveText(/^4 \/ \d+$/);

  // A window opened later asks where the others are and shows the current slide.
  const late = await page.context().newPage();
  await late.goto(LESSON);
  await ready(late);
  await expect(slide(late, 4).getByRole('heading', { name: '成交的两个关键' })).toBeVisible();
  await expect(late).toHaveURL(/#4$/);
});

test('every listed key works in the audience window', async ({ page }) => {
  await page.goto(LESSON);
  await ready(page);
  const at = async (n: number) => {
    await expect(slide(page, n)).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`#${n}$`));
  };
  await page.keyboard.press('ArrowRight');
  await at(2);
  await page.keyboard.press('Space');
  await at(3);
  await page.keyboard.press('PageDown');
  await at(4);
  await page.keyboard.press('ArrowLeft');
  await at(3);
  await page.keyboard.press('PageUp');
  await at(2);
  await page.keyboard.press('End');
  await at(await slideCount(page));
  await page.keyboard.press('Home');
  await at(1);

  await page.keyboard.press('6');
  await expect(page.getByText('跳到第 6 页，按 Enter 确认')).toBeVisible();
  await page.keyboard.press('Enter');
  await at(6);
  await expect(page.getByText('跳到第 6 页，按 Enter 确认')).toBeHidden();

  const blackout = page.locator('[data-blackout]');
  await page.keyboard.press('b');
  await expect(blackout).toBeVisible();
  await page.keyboard.press('b');
  await expect(blackout).toBeHidden();

  await page.keyboard.press('f');
  await expect.poll(() => page.evaluate(() => document.fullscreenElement !== null)).toBe(true);
  await page.keyboard.press('f');
  await expect.poll(() => page.evaluate(() => document.fullscreenElement !== null)).toBe(false);

  await page.keyboard.press('o');
  const overview = page.getByRole('dialog', { name: '总览' });
  await expect(overview).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(overview).toBeHidden();
  await at(6);

  // A swipe on a touch screen: right to left goes forward, left to right goes back.
  const stage = page.locator('[data-stage]');
  const swipe = async (from: number, to: number) => {
    await stage.dispatchEvent('pointerdown', { pointerType: 'touch', isPrimary: true, clientX: from, clientY: 400 });
    await stage.dispatchEvent('pointerup', { pointerType: 'touch', isPrimary: true, clientX: to, clientY: 410 });
  };
  await swipe(900, 300);
  await at(7);
  await swipe(300, 900);
  await at(6);

  const presenter = await openPresenter(page);
  await expect(slide(presenter, 6)).toBeVisible();
  await presenter.close();

  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/\/lessons\/selling-starts-with-service\/$/);
});

test('the overview jumps to the slide picked, and a reload keeps it', async ({ page }) => {
  await page.goto(LESSON);
  await ready(page);
  await page.getByRole('button', { name: '总览' }).click();
  const overview = page.getByRole('dialog', { name: '总览' });
  await expect(overview.getByRole('button', { name: '第 1 页：销售从服务开始' })).toBeFocused();
  await overview.getByRole('button', { name: '第 4 页：成交的两个关键' }).click();
  await expect(overview).toBeHidden();
  await expect(slide(page, 4).getByRole('table')).toBeVisible();
  await expect(page).toHaveURL(/#4$/);

  await page.reload();
  await ready(page);
  await expect(slide(page, 4).getByRole('heading', { name: '成交的两个关键' })).toBeVisible();
});

test('a knowledge-check question reveals its answer on a key press, in every window', async ({ page }) => {
  // Slide 8: title, intro, five sections, then the check's first question.
  await page.goto(`${LESSON}#8`);
  await ready(page);
  const question = slide(page, 8);
  await expect(question.getByRole('heading', { name: /销售的实质是什么/ })).toBeVisible();
  await expect(question.getByText('解析：')).toBeHidden();
  const presenter = await openPresenter(page);
  // The presenter knows the answer before the room does.
  await expect(presenter.locator('[data-notes]')).toContainText('正确答案');

  await page.keyboard.press('a');
  await expect(question.getByText('解析：')).toBeVisible();
  await expect(question.getByRole('listitem').filter({ hasText: '✓ 正确答案' })).toContainText('先把服务做好');
  await expect(slide(presenter, 8).getByText('解析：')).toBeVisible();

  // Enter (with no number typed) and the button work too, in the other window.
  await presenter.keyboard.press('Enter');
  await expect(question.getByText('解析：')).toBeHidden();
  await slide(presenter, 8)
    .getByRole('button', { name: /显示答案/ })
    .click();
  await expect(question.getByText('解析：')).toBeVisible();
});

test('a role-play moves on by the choice the trainer clicks, in every window', async ({ page }) => {
  await page.goto(`${FIXTURE}#5`);
  await ready(page);
  const roleplay = slide(page, 5);
  await expect(roleplay.getByText('我的快递已经晚了三天')).toBeVisible();
  const presenter = await openPresenter(page);

  await slide(presenter, 5)
    .getByRole('button', { name: /物流延误不归我们负责/ })
    .click();
  await expect(roleplay.getByText('你这是什么态度？我要投诉你！')).toBeVisible();
  await expect(roleplay.getByText('推卸责任会让客户更生气。')).toBeVisible();

  await roleplay.getByRole('button', { name: /是我说得不对/ }).click();
  await expect(slide(presenter, 5).getByText('那你快点查，今天能不能送到？')).toBeVisible();
  await presenter.getByRole('button', { name: /今晚八点前送到/ }).click();
  await expect(roleplay.getByText('结局：客户平静下来')).toBeVisible();

  await roleplay.getByRole('button', { name: '退回上一步' }).click();
  await expect(roleplay.getByText('那你快点查，今天能不能送到？')).toBeVisible();
  await presenter.getByRole('button', { name: '重新开始' }).click();
  await expect(roleplay.getByText('我的快递已经晚了三天')).toBeVisible();
});

test('a class activity countdown starts, pauses and resets from either window', async ({ page }) => {
  await page.goto(`${FIXTURE}#7`);
  await ready(page);
  const timer = slide(page, 7).getByRole('group', { name: '课堂活动' });
  await expect(timer.getByRole('timer')).toHaveText('05:00');
  await expect(timer.getByText('未开始')).toBeVisible();
  const presenter = await openPresenter(page);

  await presenter.getByRole('button', { name: '开始' }).click();
  await expect(timer.getByText('计时中')).toBeVisible();
  await expect(timer.getByRole('timer')).toHaveText('04:59', { timeout: 3000 });
  await page.keyboard.press('a');
  await expect(slide(presenter, 7).getByText('已暂停')).toBeVisible();
  await page.keyboard.press('r');
  await expect(slide(presenter, 7).getByRole('timer')).toHaveText('05:00');
  await expect(timer.getByText('未开始')).toBeVisible();
});

test('the audience and presenter windows pass axe', async ({ page }) => {
  for (const path of [`${LESSON}#4`, `${LESSON}presenter/#7`, `${FIXTURE}#5`, `${FIXTURE}presenter/#7`]) {
    await page.goto(path);
    await ready(page);
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.map((v) => `${path} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }
});
