import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { expect, hydrated, test } from './fixtures.ts';
import { question as quizQuestion, readQuiz, rightLabels } from './quiz-answers.ts';

const LESSON = '/present/selling-starts-with-service/';
/** A lesson that embeds a real role-play (peaceful-silent-leaver). */
const ROLEPLAY = '/present/eight-step-complaint-method/';
/** A class-activity lesson: its 5-minute countdown is added as the last slide. */
const ACTIVITY = '/present/activity-my-team/';

/** Waits until the slideshow controller has set the slides up. */
async function ready(page: Page): Promise<void> {
  await expect(page.locator('[data-slideshow]')).toHaveAttribute('data-ready', '');
}

/** The slide the window shows (hidden slides are out of the accessibility tree). */
const slide = (page: Page, n: number) => page.getByRole('group', { name: new RegExp(`^第 ${n} 页，共 \\d+ 页$`) });

/** How many slides the slideshow has, as the slideshow itself counts them. */
const slideCount = (page: Page) => page.locator('[data-slideshow] [data-slide-index]').count();

/** The number (from 1) of the first slide that matches `selector` or holds something that does. */
async function slideNumberOf(page: Page, selector: string): Promise<number> {
  const index = await page
    .locator('[data-stage] [data-slide-index]')
    .filter({ has: page.locator(selector) })
    .or(page.locator(`[data-stage] [data-slide-index]:is(${selector})`))
    .first()
    .getAttribute('data-slide-index');
  return Number(index) + 1;
}

/** Goes to slide `n` the way a trainer would: its number, then Enter. */
async function jumpTo(page: Page, n: number): Promise<void> {
  await page.keyboard.type(String(n));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#${n}$`));
}

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
  await page.goto(LESSON);
  await ready(page);
  const n = await slideNumberOf(page, '[data-question]');
  await jumpTo(page, n);
  const question = slide(page, n);
  const essence = quizQuestion(readQuiz('kc-selling-starts-with-service'), 'essence');
  await expect(question.getByRole('heading', { name: essence.prompt })).toBeVisible();
  await expect(question.getByText('解析：')).toBeHidden();
  const presenter = await openPresenter(page);
  // The presenter knows the answer before the room does.
  await expect(presenter.locator('[data-notes]')).toContainText('正确答案');

  await page.keyboard.press('a');
  await expect(question.getByText('解析：')).toBeVisible();
  await expect(question.getByRole('listitem').filter({ hasText: '✓ 正确答案' })).toContainText(rightLabels(essence)[0]!);
  await expect(slide(presenter, n).getByText('解析：')).toBeVisible();

  // Enter (with no number typed) and the button work too, in the other window.
  await presenter.keyboard.press('Enter');
  await expect(question.getByText('解析：')).toBeHidden();
  await slide(presenter, n)
    .getByRole('button', { name: /显示答案/ })
    .click();
  await expect(question.getByText('解析：')).toBeVisible();
});

test('a role-play advances by the trainer’s choice, the way the scenario engine plays it, in every window', async ({ page }) => {
  await page.goto(ROLEPLAY);
  await ready(page);
  const n = await slideNumberOf(page, '[data-roleplay]');
  await jumpTo(page, n);
  const roleplay = slide(page, n);
  await expect(roleplay.getByText('……嗯，好的。多少钱来着？')).toBeVisible();
  await expect(roleplay.getByText('不满（4/10）', { exact: true })).toBeVisible();
  await expect(roleplay.getByText('已做到 0/8 步')).toBeVisible();
  const presenter = await openPresenter(page);
  const onStage = slide(presenter, n);

  // The presenter clicks the reply the room voted for; the audience sees the customer's answer,
  // the feedback on the reply and the mood, in words.
  await onStage.getByRole('button', { name: /蛋糕是不是哪里不对/ }).click();
  await expect(roleplay.getByText(/其实……我订的是芒果的/)).toBeVisible();
  await expect(roleplay.getByText(/^点评 · 好的做法：注意到她的犹豫/)).toBeVisible();
  await expect(roleplay.getByText('不满（5/10）', { exact: true })).toBeVisible();
  await expect(roleplay.getByText('客户情绪：不满（4/10） → 不满（5/10）')).toBeVisible();

  // Either window can click; the steps the reply carried out are ticked in both.
  await roleplay.getByRole('button', { name: /谢谢您说出来/ }).click();
  await expect(onStage.getByText(/浩浩对草莓过敏/)).toBeVisible();
  await expect(onStage.getByText('已做到 2/8 步')).toBeVisible();
  await expect(onStage.getByRole('listitem').filter({ hasText: '说“谢谢”' })).toContainText('已做到', { useInnerText: true });
  await expect(onStage.getByRole('listitem').filter({ hasText: '确认客户满意' })).toContainText('未做到', { useInnerText: true });

  await onStage.getByRole('button', { name: '退回上一步' }).click();
  await expect(roleplay.getByText(/其实……我订的是芒果的/)).toBeVisible();
  await expect(roleplay.getByText('已做到 0/8 步')).toBeVisible();

  // With her mood still up, blaming her makes her back off, but she stays.
  await roleplay.getByRole('button', { name: /是不是您电话里说错了/ }).click();
  await expect(onStage.getByText('可能……是我说错了吧。算了算了，不麻烦了。')).toBeVisible();
  await expect(onStage.getByText('非常生气（3/10）', { exact: true })).toBeVisible();

  // Start over and reach the same reply with her mood lower: now it sets off the trigger, and
  // she leaves without a word.
  await onStage.getByRole('button', { name: '重新开始' }).click();
  await expect(roleplay.getByText('……嗯，好的。多少钱来着？')).toBeVisible();
  await expect(roleplay.getByRole('button', { name: '重新开始' })).toBeHidden();
  await roleplay.getByRole('button', { name: /扫码还是付现金/ }).click();
  await expect(onStage.getByText('那我走了。')).toBeVisible();
  await onStage.getByRole('button', { name: /您说“草莓的”/ }).click();
  await expect(roleplay.getByText(/其实……我订的是芒果的/)).toBeVisible();
  await roleplay.getByRole('button', { name: /是不是您电话里说错了/ }).click();
  for (const window of [roleplay, onStage]) {
    await expect(window.getByText('刘阿姨笑了笑，说了句“没事没事”，提起蛋糕就出了门。')).toBeVisible();
    await expect(window.getByText('结局：刘阿姨悄悄走了，再也没来')).toBeVisible();
    await expect(window.getByText('客户默默流失').filter({ visible: true })).toBeVisible();
    await expect(window.getByText(/这是抱怨的第二个层次/)).toBeVisible();
    await expect(window.getByText('得分：15 / 100 分').filter({ visible: true })).toBeVisible();
    await expect(window.getByText('非常生气（2/10）', { exact: true })).toBeVisible();
  }

  // A window opened later replays the room's choices and shows the same ending.
  const late = await page.context().newPage();
  await late.goto(ROLEPLAY);
  await ready(late);
  await expect(slide(late, n).getByText('结局：刘阿姨悄悄走了，再也没来')).toBeVisible();

  // The presenter's notes of the role-play link the branch map, for the trainer only.

  // R starts the role-play over, everywhere.
  await presenter.keyboard.press('r');
  await expect(roleplay.getByText('……嗯，好的。多少钱来着？')).toBeVisible();
  await expect(slide(late, n).getByText('不满（4/10）', { exact: true })).toBeVisible();
});

test('a class activity countdown starts, pauses and resets from either window', async ({ page }) => {
  await page.goto(ACTIVITY);
  await ready(page);
  const n = await slideNumberOf(page, '[data-class-timer]');
  await jumpTo(page, n);
  const timer = slide(page, n).getByRole('group', { name: '课堂活动' });
  await expect(timer.getByRole('timer')).toHaveText('05:00');
  await expect(timer.getByText('未开始')).toBeVisible();
  const presenter = await openPresenter(page);

  await presenter.getByRole('button', { name: '开始' }).click();
  await expect(timer.getByText('计时中')).toBeVisible();
  await expect(timer.getByRole('timer')).toHaveText('04:59', { timeout: 3000 });
  await page.keyboard.press('a');
  await expect(slide(presenter, n).getByText('已暂停')).toBeVisible();
  await page.keyboard.press('r');
  await expect(slide(presenter, n).getByRole('timer')).toHaveText('05:00');
  await expect(timer.getByText('未开始')).toBeVisible();
});

test('the presenter paces by the trainer notes’ timings, so a trainer who follows them is on pace', async ({ page }) => {
  await page.clock.install();
  await page.goto(`${ROLEPLAY}presenter/`);
  await ready(page);
  // The lesson's notes add up to 31 minutes; its self-paced minutes are 15.
  await expect(page.locator('[data-planned]')).toHaveText('计划 31 分钟');
  await jumpTo(page, await slideNumberOf(page, '[data-roleplay]'));
  // The sections before the role-play's own take 25 minutes by their notes, that section 5, and
  // the role-play slide shares its window: 27 minutes in is on pace, 32 is two minutes behind.
  await page.clock.fastForward('27:00');
  await expect(page.locator('[data-pace]')).toHaveText('进度正常');
  await page.clock.fastForward('05:00');
  await expect(page.locator('[data-pace]')).toHaveText('比计划慢约 2 分钟');
});

test('the audience and presenter windows pass axe', async ({ page }) => {
  const check = async (where: string) => {
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.map((v) => `${where} ${v.id}: ${v.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
  };
  for (const [path, selector] of [
    [LESSON, 'table'],
    [`${LESSON}presenter/`, '[data-question]'],
    [`${ROLEPLAY}presenter/`, '[data-roleplay]'],
    [`${ACTIVITY}presenter/`, '[data-class-timer]'],
  ] as const) {
    await page.goto(path);
    await ready(page);
    await jumpTo(page, await slideNumberOf(page, selector));
    await check(`${path} ${selector}`);
  }
  // The role-play mid-conversation and at an ending.
  await page.goto(ROLEPLAY);
  await ready(page);
  await jumpTo(page, await slideNumberOf(page, '[data-roleplay]'));
  await page.getByRole('button', { name: /扫码还是付现金/ }).click();
  await check('role-play, second node');
  await page.getByRole('button', { name: /您说“草莓的”/ }).click();
  await page.getByRole('button', { name: /是不是您电话里说错了/ }).click();
  await expect(page.getByText('结局：刘阿姨悄悄走了，再也没来')).toBeVisible();
  await check('role-play, ending');
});

/** A lesson whose practice round learners take on their own phones. */
const DEVICE_ACTIVITY = '/present/four-personality-types/';
/** The lesson with the lifetime-value calculator, the widest widget a slide holds. */
const CALCULATOR = '/present/lifetime-value/';

/** Whether the shown slide's content fits its frame, however much the slideshow shrank it. */
const shownSlideFits = (page: Page) =>
  page.locator('[data-stage] [data-current] .slide-body').evaluate((body) => ({
    down: body.scrollHeight <= body.clientHeight + 1,
    across: body.scrollWidth <= body.clientWidth + 1,
  }));

test('a slide that sends learners to their phones shows the whole address on this server and a QR code of it', async ({ page }) => {
  await page.goto(DEVICE_ACTIVITY);
  await ready(page);
  await jumpTo(page, await slideNumberOf(page, '[data-join-path]'));
  const address = new URL('/quizzes/personality-types-practice/', page.url()).href;
  const shown = page.locator('[data-stage] [data-current]');
  await expect(shown.getByText(address, { exact: true })).toBeVisible();
  const code = shown.getByRole('img', { name: `二维码，打开 ${address}` });
  await expect(code).toBeVisible();
  await expect(code.locator('svg path').first()).toBeAttached();
  // What a phone's camera reads from the slide as drawn: the code's pixels, decoded.
  const shot = PNG.sync.read(await code.screenshot());
  expect(jsQR(new Uint8ClampedArray(shot.data), shot.width, shot.height)?.data).toBe(address);
  expect(await shownSlideFits(page)).toEqual({ down: true, across: true });
  const { violations } = await new AxeBuilder({ page }).include('[data-stage] [data-current]').analyze();
  expect(violations.map((v) => v.id)).toEqual([]);
});

test.describe('on a 1280×720 projector', () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  test('the lifetime-value calculator slide fits, with the deck’s largest example loaded', async ({ page }) => {
    await page.goto(CALCULATOR);
    await ready(page);
    await jumpTo(page, await slideNumberOf(page, '.ltv'));
    const shown = page.locator('[data-stage] [data-current]');
    await hydrated(shown);
    expect(await shownSlideFits(page)).toEqual({ down: true, across: true });
    await shown.getByRole('button', { name: '每周逛超市，四十年' }).click();
    await expect(shown.getByText('£208,000')).toBeVisible();
    await shown.getByRole('button', { name: '流失率 50%' }).click();
    await expect(shown.getByText('3,000n')).toBeVisible();
    expect(await shownSlideFits(page)).toEqual({ down: true, across: true });
  });
});
