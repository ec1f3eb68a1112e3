import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { parse } from 'yaml';
import { bestRun } from '../../src/domain/scenario/best-path.ts';
import { scenarioMinutes } from '../../src/domain/scenario/minutes.ts';
import { scenarioSchema } from '../../src/schemas/scenario.ts';
import { expect, hydrated, test } from './fixtures.ts';

const ID = 'angry-powerful-delayed-order';
const scenario = scenarioSchema.parse(
  parse(readFileSync(fileURLToPath(new URL(`../../content/scenarios/${ID}.yaml`, import.meta.url)), 'utf8')),
);
const node = (id: string) => scenario.nodes.find((n) => n.id === id)!;
const line = (nodeId: string, choiceId: string) => node(nodeId).choices.find((c) => c.id === choiceId)!.say;
const best = bestRun(scenario)!;

/** Presses Tab until the element with this accessible name has focus; fails if it never does. */
async function tabTo(page: Page, name: string | RegExp, limit = 40): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
    if (typeof name === 'string' ? focused === name : name.test(focused)) return;
  }
  throw new Error(`Tab never reached "${String(name)}"`);
}

async function openPlayer(page: Page) {
  await page.goto(`scenarios/${ID}/`);
  await hydrated(page);
}

const choices = (page: Page) => page.getByRole('group', { name: '你怎么回应？' });
const checklist = (page: Page) => page.getByRole('region', { name: '投诉处理八步法' });
const transcript = (page: Page) => page.getByRole('list', { name: '对话' });

test('a learner plays a role-play to its best ending with the keyboard alone, plays again to a bad ending, and the branch map shows that last path', async ({
  page,
}) => {
  await openPlayer(page);
  await tabTo(page, '开始对话');
  await page.keyboard.press('Enter');

  for (const [nodeId, choiceId] of best.path) {
    // Focus stays on the choices: the group itself takes focus after every turn.
    await expect(choices(page)).toBeFocused();
    await expect(transcript(page)).toContainText(node(nodeId).say);
    await tabTo(page, line(nodeId, choiceId), 6);
    await page.keyboard.press('Enter');
  }

  const ending = page.getByRole('heading', { name: '结局：椅子准时到位，赵总成了回头客' });
  await expect(ending).toBeFocused();
  await expect(page.getByText('你先接住了赵总的火气')).toBeVisible();
  await expect(page.getByText('100 / 100 分').first()).toBeVisible();
  await expect(page.getByText('通过', { exact: true })).toBeVisible();
  await expect(checklist(page).getByRole('listitem')).toHaveCount(8);
  for (const item of await checklist(page).getByRole('listitem').all()) await expect(item).toContainText('已做到');
  // The conversation is shown once; the better path waits, folded, for the learner who wants it.
  await expect(page.getByText(node('opening').say).filter({ visible: true })).toHaveCount(1);
  const compare = page.locator('details', { hasText: '对照更好的走法（100 分）' });
  await expect(compare).not.toHaveAttribute('open');
  await compare.getByText('对照更好的走法（100 分）').click();
  await expect(compare).toHaveAttribute('open');
  await expect(compare.getByText(node('opening').say)).toBeVisible();
  // The branch map gives every reply's verdict away: the learner's screens do not link it.
  await expect(page.getByRole('link', { name: /分支图/ })).toHaveCount(0);
  // New lines were announced to screen readers as they arrived.
  await expect(page.locator('[aria-live="polite"]').first()).toContainText('椅子准时到位');

  // Again, in test mode, to a bad ending.
  await tabTo(page, '再练一次');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: '开始对话' })).toBeFocused();
  await expect(page.getByText('上次结果：椅子准时到位，赵总成了回头客，100 分')).toBeVisible();
  await page.getByRole('radio', { name: /测试/ }).check();
  await page.getByRole('button', { name: '开始对话' }).click();
  await choices(page)
    .getByRole('button', { name: line('opening', 'calm-down') })
    .click();
  // Test mode: the learner's line is shown, the coaching is not, and the checklist waits for the end.
  await expect(transcript(page)).toContainText(line('opening', 'calm-down'));
  await expect(page.getByText('“别激动”在生气的人听来')).toHaveCount(0);
  await expect(checklist(page)).toContainText('结束后再显示');
  await choices(page)
    .getByRole('button', { name: line('not-calm', 'blame-logistics') })
    .click();

  // The customer's mood hit the floor, so the trigger took the conversation to a third party.
  await expect(page.getByRole('heading', { name: '结局：投诉升级到了 12315 和网上' })).toBeFocused();
  await expect(transcript(page)).toContainText('我现在就打 12315');
  await expect(page.getByText('未通过', { exact: true })).toBeVisible();
  await expect(page.getByText('“别激动”在生气的人听来').first()).toBeVisible();

  await page.goto('scenarios/');
  await expect(page.getByRole('link', { name: scenario.title })).toBeVisible();
  // The list says where the learner stands with each role-play, in words, and how long one takes.
  const card = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: scenario.title }) });
  await expect(card).toContainText('✓ 已通过 · 练习 2 次 · 最好成绩 100 分');
  await expect(card).toContainText(`约 ${scenarioMinutes(scenario)} 分钟 · ${scenario.endings.length} 种结局`);
  // Every other role-play (a card: a list item with a heading) has not been started.
  const cards = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 2 }) });
  await expect(cards.filter({ hasText: '未开始' })).toHaveCount((await cards.count()) - 1);
  expect(await cards.count()).toBeGreaterThan(1);
  await expect(page.getByText(/对话节点/)).toHaveCount(0);
  await expect(page.getByRole('link', { name: /分支图/ })).toHaveCount(0);
  // Trainers open the map from the presenter's notes; here, by its address.
  await page.goto(`scenarios/${ID}/map/`);
  await hydrated(page);
  await expect(page.getByText('你最近一次演练走过的路径，结局：投诉升级到了 12315 和网上')).toBeVisible();
  const map = page.locator('[data-branch-map]');
  for (const id of ['@start', 'opening', 'not-calm', 'media', '@anytime'])
    await expect(map.locator(`g.box[data-node="${id}"]`)).toHaveClass(/on-path/);
  await expect(map.locator('g.box[data-node="hears-you"]')).not.toHaveClass(/on-path/);
  await expect(map.locator('g.edge[data-from="opening"][data-to="not-calm"]')).toHaveClass(/on-path/);
  await expect(map.locator('g.edge[data-trigger="blows-up"]')).toHaveClass(/on-path/);
  // Boxes are named in words, not by the authors' ids.
  await expect(map.locator('g.box[data-node="not-calm"] text').first()).toHaveText('第 2 句');
  await expect(page.getByText('not-calm', { exact: true })).toHaveCount(0);
});

test('a half-finished role-play resumes after a reload, in the same mode', async ({ page }) => {
  await openPlayer(page);
  await page.getByRole('radio', { name: /测试/ }).check();
  await page.getByRole('button', { name: '开始对话' }).click();
  await choices(page)
    .getByRole('button', { name: line('opening', 'thank-apologise') })
    .click();
  await expect(transcript(page)).toContainText(node('hears-you').say);

  await page.reload();
  await hydrated(page);
  await expect(page.getByText('已恢复你上次没有完成的对话')).toBeVisible();
  await expect(transcript(page)).toContainText(line('opening', 'thank-apologise'));
  await expect(page.getByText('测试模式（结束后再看点评）')).toBeVisible();
  await expect(checklist(page)).toContainText('结束后再显示');
  await choices(page)
    .getByRole('button', { name: line('hears-you', 'why-thanks-promise') })
    .click();
  await expect(transcript(page)).toContainText(node('when-arrive').say);
});

test('the scenario list, player and branch map have no accessibility violations', async ({ page }) => {
  // Checked at rest: a new line fading in would be measured half transparent.
  await page.emulateMedia({ reducedMotion: 'reduce' });
  for (const path of ['scenarios/', `scenarios/${ID}/`, `scenarios/${ID}/map/`]) {
    await page.goto(path);
    await hydrated(page);
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${path}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }
  await page.goto(`scenarios/${ID}/`);
  await hydrated(page);
  await page.getByRole('button', { name: '开始对话' }).click();
  await choices(page)
    .getByRole('button', { name: line('opening', 'calm-down') })
    .click();
  await choices(page)
    .getByRole('button', { name: line('not-calm', 'blame-logistics') })
    .click();
  const ended = await new AxeBuilder({ page }).analyze();
  expect(ended.violations.map((v) => `${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});
