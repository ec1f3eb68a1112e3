import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { parse } from 'yaml';
import { expect, hydrated, test } from './fixtures.ts';
import { readQuiz, rightLabels, wrongLabels } from './quiz-answers.ts';

const LESSON = '/lessons/selling-starts-with-service/';
const CHECK = readQuiz('kc-selling-starts-with-service');
const choiceQuestions = CHECK.questions.filter((q) => q.type === 'single' || q.type === 'truefalse' || q.type === 'multiple');
// The two the learner gets wrong: choice questions, answered by picking one wrong option.
const missed = choiceQuestions.filter((q) => q.type !== 'multiple').slice(0, 2);
const START = new Date('2026-03-02T09:00:00+08:00');

/** Answers a question in its fieldset (found by its prompt), right or wrong. */
async function answer(page: Page, prompt: string, labels: string[]) {
  const group = page.getByRole('group').filter({ hasText: prompt });
  for (const label of labels) await group.getByRole(labels.length > 1 ? 'checkbox' : 'radio', { name: label, exact: true }).check();
}

test('a learner who missed two questions of a lesson check finds them in the daily review a day later, answers them, and the home count drops', async ({
  page,
}) => {
  expect(missed).toHaveLength(2);
  await page.clock.install({ time: START });
  await page.goto(LESSON);
  await hydrated(page);
  for (const q of CHECK.questions) {
    const wrong = missed.some((m) => m.id === q.id);
    const labels = wrong ? wrongLabels(q).slice(0, 1) : rightLabels(q);
    await answer(page, q.prompt, q.type === 'multiple' ? labels : labels.slice(0, 1));
  }
  await page.getByRole('button', { name: '提交答案' }).click();
  await expect(page.getByRole('heading', { name: /得分 50%/ })).toBeVisible();
  // Reaching the end of the lesson completes it.
  await page.locator('[data-lesson-completion]').scrollIntoViewIfNeeded();
  await expect(page.getByRole('button', { name: '完成本课' })).toBeHidden();

  // The same day nothing is due yet.
  await page.goto('/review/');
  await hydrated(page);
  await expect(page.getByText('今天没有要复习的内容')).toBeVisible();
  await expect(page.getByText(/下一次复习：/)).toBeVisible();

  // A day and a half later the two missed questions are due, and only they.
  await page.clock.setSystemTime(new Date(START.getTime() + 36 * 3_600_000));
  await page.goto('/');
  const due = page.locator('[data-review-due]');
  await expect(due).toContainText('今天有 2 项待复习');
  await due.getByRole('link', { name: '去复习' }).click();
  await expect(page.getByRole('heading', { name: '每日复习', level: 1 })).toBeVisible();
  await hydrated(page);
  await expect(page.getByText('今天还剩 2 项')).toBeVisible();

  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => v.id)).toEqual([]);

  const seen: string[] = [];
  for (let n = 0; n < 2; n++) {
    const shown = await Promise.all(missed.map((m) => page.getByRole('group').filter({ hasText: m.prompt }).count()));
    const current = missed[shown.findIndex((c) => c > 0)];
    expect(current, 'one of the missed questions is asked').toBeDefined();
    expect(seen).not.toContain(current!.id);
    seen.push(current!.id);
    // Checking with nothing chosen asks for an answer first and records nothing.
    await page.getByRole('button', { name: '确定' }).click();
    await expect(page.getByRole('status').filter({ hasText: '先作答' })).toBeVisible();
    await answer(page, current!.prompt, rightLabels(current!).slice(0, 1));
    await page.getByRole('button', { name: '确定' }).click();
    await expect(page.getByRole('status').filter({ hasText: '答对了' })).toBeVisible();
    await page.getByRole('button', { name: n === 0 ? '下一项' : '完成' }).click();
  }
  await expect(page.getByText('今天的复习做完了，共 2 项。')).toBeVisible();

  const reviews = await page.evaluate(() => {
    const log = JSON.parse(localStorage.getItem('service-classroom:progress:v1') ?? '{"events":[]}') as {
      events: { type: string; itemId?: string; correct?: boolean }[];
    };
    return log.events.filter((e) => e.type === 'review').map((e) => [e.itemId, e.correct]);
  });
  expect(reviews.sort()).toEqual(missed.map((q) => [`kc-selling-starts-with-service/${q.id}`, true]).sort());

  await page.goto('/');
  await expect(due).toContainText('今天没有要复习的内容');
});

test('a misjudged customer and a poor role-play reply come back for review, each answered and explained in its own terms', async ({
  page,
}) => {
  const set = parse(readFileSync('content/classifications/personality-types.yaml', 'utf8')) as {
    id: string;
    types: { type: string; name: string }[];
    items: { id: string; situation: string; type: string; options: { id: string; text: string; fits: string }[] }[];
  };
  const scenario = parse(readFileSync('content/scenarios/angry-powerful-delayed-order.yaml', 'utf8')) as {
    id: string;
    start: string;
    nodes: { id: string; say: string; choices: { id: string; say: string; verdict: string }[] }[];
  };
  const item = set.items[0]!;
  const wrongType = set.types.find((t) => t.type !== item.type)!;
  const node = scenario.nodes.find((n) => n.id === scenario.start)!;
  const poor = node.choices.find((c) => c.verdict === 'poor')!;
  const good = node.choices.find((c) => c.verdict === 'good')!;
  const at = (hours: number) => new Date(START.getTime() + hours * 3_600_000).toISOString();
  const attempt = (activityId: string, activityKind: string, answers: unknown) => ({
    activityId,
    activityKind,
    contentVersion: 'older',
    answers,
    score: 0,
    maxScore: 1,
    passed: false,
    startedAt: at(0),
    finishedAt: at(1),
  });
  const log = {
    format: 'service-classroom/progress',
    version: 1,
    courseId: 'service-classroom',
    events: [
      {
        id: 'a1',
        at: at(1),
        type: 'attempt',
        attempt: attempt(set.id, 'quiz', { seed: 1, responses: { [item.id]: { type: wrongType.type } } }),
      },
      {
        id: 'a2',
        at: at(1),
        type: 'attempt',
        attempt: attempt(scenario.id, 'scenario', { mode: 'test', path: [[node.id, poor.id]], ending: 'lost' }),
      },
    ],
  };
  await page.clock.install({ time: new Date(START.getTime() + 48 * 3_600_000) });
  await page.goto('/review/');
  await page.evaluate((text) => localStorage.setItem('service-classroom:progress:v1', text), JSON.stringify(log));
  await page.reload();
  await hydrated(page);
  await expect(page.getByText('今天还剩 2 项')).toBeVisible();

  for (let n = 0; n < 2; n++) {
    const situation = page.getByText(item.situation);
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.map((v) => v.id)).toEqual([]);
    if (await situation.count()) {
      await page
        .getByRole('group', { name: '这位客户属于哪种性格？' })
        .getByRole('radio', { name: set.types.find((t) => t.type === item.type)!.name })
        .check();
      const right = item.options.find((o) => o.fits === item.type)!;
      await page.getByRole('group', { name: '最好怎样接待这位客户？' }).getByRole('radio', { name: right.text }).check();
      await page.getByRole('button', { name: '确定' }).click();
      await expect(page.getByRole('status').filter({ hasText: '答对了' })).toBeVisible();
      await expect(page.getByText(/性格判断正确/)).toBeVisible();
    } else {
      await expect(page.getByText(node.say)).toBeVisible();
      await page.getByRole('radio', { name: poor.say }).check();
      await page.getByRole('button', { name: '确定' }).click();
      // Wrong again: said in words, with the better reply shown beside the learner's.
      await expect(page.getByRole('status').filter({ hasText: '这次没答对' })).toBeVisible();
      await expect(page.getByText('更好的说法：')).toBeVisible();
      await expect(page.getByText(good.say).first()).toBeVisible();
    }
    await page.getByRole('button', { name: n === 0 ? '下一项' : '完成' }).click();
  }
  await expect(page.getByText('今天的复习做完了，共 2 项。')).toBeVisible();
});
