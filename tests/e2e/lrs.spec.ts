import { readdirSync, readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { createRequire } from 'node:module';
import { expect, hydrated, test } from './fixtures.ts';
import { readQuiz, rightLabels } from './quiz-answers.ts';
import { buildWithLrs, ENDPOINT, SITE, startLrsServers, type LrsServers } from './lrs-servers.ts';

// The course built with an LRS, sending to a real one (xapi-statements) through a pass-through the
// test controls; see lrs-servers.ts. The default build, which sends nothing, is what every other spec serves.

/** Learning Locker's xAPI validator (a CommonJS module whose function is its `default`): one warning per rule a statement breaks. */
const validateStatement = (createRequire(import.meta.url)('xapi-validation') as { default: (data: unknown) => { path: string[] }[] })
  .default;

const KEY = 'service-classroom:progress:v1';
const QUIZ = 'kc-selling-starts-with-service';
let servers: LrsServers;

test.describe.configure({ mode: 'serial' });
test.use({ baseURL: SITE });

test.beforeAll(async () => {
  test.setTimeout(6 * 60_000);
  await buildWithLrs();
  servers = await startLrsServers();
});
test.afterAll(async () => servers?.stop());

async function saveProfile(page: Page, employeeId: string) {
  await page.goto('/me/');
  await hydrated(page);
  await page.getByLabel('姓名').fill('王小明');
  await page.getByLabel('工号').fill(employeeId);
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已保存')).toBeVisible();
}

async function finishLesson(page: Page) {
  await page.getByRole('button', { name: '完成本课' }).scrollIntoViewIfNeeded();
  await expect(page.getByText('本课已完成')).toBeVisible();
}

/** Ids of the events the learner's log holds that are reported (all but profile changes). */
const reportedIds = (page: Page) =>
  page.evaluate((key) => {
    const log = JSON.parse(localStorage.getItem(key) ?? '{"events":[]}') as { events: { id: string; type: string }[] };
    return log.events.filter((e) => e.type !== 'learner-set').map((e) => e.id);
  }, KEY);

/** Ids of the statements the LRS holds for a learner, once each or not. */
async function storedIds(employeeId: string): Promise<string[]> {
  const all = await servers.stored();
  return all.filter((s) => (s['actor'] as { account?: { name?: string } }).account?.name === employeeId).map((s) => String(s['id']));
}

const sorted = (ids: string[]) => [...ids].sort();

test('a learner’s journey reaches the LRS: each lesson and quiz once, including what was done offline, every statement valid xAPI', async ({
  page,
  context,
}) => {
  await saveProfile(page, 'E-LRS-1');
  await page.goto('/lessons/selling-starts-with-service/');
  await finishLesson(page);

  await page.goto(`/quizzes/${QUIZ}/`);
  await hydrated(page);
  for (const q of readQuiz(QUIZ).questions) {
    const fieldset = page.locator('form fieldset').filter({ hasText: q.prompt });
    for (const label of rightLabels(q)) await fieldset.getByLabel(label, { exact: true }).check();
  }
  await page.getByRole('button', { name: '提交答案' }).click();
  await expect(page.getByRole('heading', { name: /^通过/ })).toBeVisible();

  const online = await reportedIds(page);
  expect(online).toHaveLength(3);
  await expect.poll(() => storedIds('E-LRS-1').then(sorted)).toEqual(sorted(online));

  // Offline: the next lesson is finished on a page already open; nothing can leave, nothing is lost.
  await page.goto('/lessons/marketing-concepts/');
  await expect.poll(() => storedIds('E-LRS-1').then((ids) => ids.length)).toBe(4);
  await context.setOffline(true);
  await finishLesson(page);
  await page.waitForTimeout(1000);
  expect(await storedIds('E-LRS-1')).toHaveLength(4);
  await context.setOffline(false);
  await expect.poll(() => storedIds('E-LRS-1').then(sorted)).toEqual(sorted(await reportedIds(page)));

  // Offline again, and the tab is closed before the network returns: the next visit sends it.
  await page.goto('/lessons/what-is-service/');
  await context.setOffline(true);
  await finishLesson(page);
  const all = await reportedIds(page);
  await page.close();
  await context.setOffline(false);
  const again = await context.newPage();
  await again.goto('/');
  await expect.poll(() => storedIds('E-LRS-1').then(sorted)).toEqual(sorted(all));

  // Held once each, whatever was sent more than once; and what the course sent is valid xAPI.
  const stored = await storedIds('E-LRS-1');
  expect(new Set(stored).size).toBe(stored.length);
  const sent = servers.control.sent.filter((s) => all.includes(s.id));
  expect(sent.length).toBeGreaterThanOrEqual(all.length);
  for (const { statement } of sent) {
    expect(
      validateStatement(statement).map((w) => `${w.constructor.name} at ${w.path.join('.')}`),
      JSON.stringify(statement),
    ).toEqual([]);
  }
  const verbs = sent.map((s) => (s.statement['verb'] as { id: string }).id.split('/').pop());
  expect(new Set(verbs)).toEqual(new Set(['experienced', 'completed', 'passed']));
  await again.close();
});

test('a statement the LRS refuses is shown on 我的学习 with its reason and not sent again; an LRS that is down is tried again', async ({
  page,
}) => {
  servers.control.refuseObjectsEndingWith = '/lessons/what-is-service';
  await saveProfile(page, 'E-LRS-2');
  await page.goto('/lessons/what-is-service/');
  await expect.poll(() => servers.control.sent.filter((s) => s.status === 400).length).toBeGreaterThan(0);
  await page.goto('/me/');
  const details = page.locator('details', { hasText: '学习记录上报' });
  await expect(details).toHaveAttribute('open', '');
  await expect(details.locator('[data-lrs-count="refused"]')).toHaveText('1');
  await expect(details.getByText(/最近一次拒收的原因：HTTP 400.*refused by the test/)).toBeVisible();
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.map((v) => `${colorScheme} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }

  // More pages and more learning: once its refusal is recorded, the statement is not offered again
  // (a page left while the refusal was on its way may have sent it once more), the others go through.
  const refusedId = servers.control.sent.find((s) => s.status === 400)!.id;
  const sends = () => servers.control.sent.filter((s) => s.id === refusedId).length;
  const sendsOnceRecorded = sends();
  await page.goto('/lessons/selling-starts-with-service/');
  await finishLesson(page);
  await page.goto('/me/');
  await expect(details.locator('[data-lrs-count="sent"]')).toHaveText('2');
  await page.reload();
  await expect(details.locator('[data-lrs-count="refused"]')).toHaveText('1');
  expect(sends()).toBe(sendsOnceRecorded);
  expect(await storedIds('E-LRS-2')).not.toContain(refusedId);
  servers.control.refuseObjectsEndingWith = undefined;

  // The LRS goes down: the statement waits, the reason is shown, and it arrives once the LRS is back.
  servers.control.down = true;
  await page.goto('/lessons/marketing-concepts/');
  await page.goto('/me/');
  await expect(details.getByText(/学习记录系统暂时无法接收（503）/)).toBeVisible();
  await expect(details.locator('[data-lrs-count="queued"]')).not.toHaveText('0');
  servers.control.down = false;
  // The back-off's next try (5 s, then 10 s) sends it without the learner doing anything.
  await expect(details.locator('[data-lrs-count="queued"]')).toHaveText('0', { timeout: 30_000 });
  const ids = await reportedIds(page);
  await expect.poll(() => storedIds('E-LRS-2').then(sorted)).toEqual(sorted(ids.filter((id) => id !== refusedId)));
});

test('HR reads every learner from the LRS on /hr/: a raised score is flagged, a statement without answers is set aside, a wrong key and an unreachable LRS are named', async ({
  page,
}) => {
  // Someone with the write key claims full marks for a learner who gave no answers, and sends a
  // statement with no answers at all: both as an LRS would take them.
  const honest = servers.control.sent.find(
    (s) => s.status < 300 && (s.statement['verb'] as { id: string }).id.endsWith('/passed'),
  )!.statement;
  const forger = { objectType: 'Agent', name: '李伪造', account: { homePage: 'https://hr.example.com', name: 'E-LRS-FORGED' } };
  const result = honest['result'] as { extensions: Record<string, unknown> };
  const answersKey = Object.keys(result.extensions).find((k) => k.endsWith('/answers'))!;
  const forged = {
    ...honest,
    id: crypto.randomUUID(),
    actor: forger,
    result: { ...result, extensions: { ...result.extensions, [answersKey]: { seed: 1, responses: {} } } },
  };
  const { [answersKey]: _dropped, ...withoutAnswers } = result.extensions;
  const shapeless = { ...honest, id: crypto.randomUUID(), actor: forger, result: { ...result, extensions: withoutAnswers } };
  expect(await servers.store([forged, shapeless])).toBe(200);

  await page.goto('/hr/');
  await hydrated(page);
  const read = async (endpoint: string, key: string) => {
    await page.getByLabel('LRS 地址（xAPI endpoint）').fill(endpoint);
    await page.getByLabel('密钥（用户名）').fill(key);
    await page.getByLabel('密码').fill('read-secret');
    await page.getByRole('button', { name: '读取记录' }).click();
  };

  servers.control.refuseAuthorization = `Basic ${btoa('wrong-key:read-secret')}`;
  await read(ENDPOINT, 'wrong-key');
  await expect(page.getByRole('alert')).toContainText('LRS 拒绝了密钥或密码（401）');
  await read('http://127.0.0.1:9/xAPI/', 'hr-reader');
  await expect(page.getByRole('alert')).toContainText('连不上 LRS');

  await read(ENDPOINT, 'hr-reader');
  await expect(page.getByText(/已从 LRS 读取 \d+ 条记录，共 3 名学员/)).toBeVisible();
  await expect(page.getByText('其中 1 条记录格式不对，已略过：没有原始作答 1。')).toBeVisible();
  const table = page.getByRole('region', { name: '学员列表' });
  await expect(table.getByRole('row', { name: /E-LRS-1/ })).toContainText('已核验');
  await expect(table.getByRole('row', { name: /E-LRS-FORGED/ })).toContainText('分数不符');
});

test('the course built without an LRS carries no sender and may connect to its own origin only', () => {
  for (const page of ['dist/index.html', 'dist/me/index.html', 'dist/lessons/selling-starts-with-service/index.html']) {
    const html = readFileSync(page, 'utf8');
    expect(html, page).not.toContain('data-lrs-sender');
    expect(html, page).not.toContain('学习记录上报');
    expect(/connect-src ([^;"]*)/.exec(html)?.[1]?.trim(), page).toBe("'self'");
  }
  // Not even a script file for the offline worker to precache: the one LRS file in this build is
  // the reader HR's page loads on demand, and the offline worker leaves it out with the HR page.
  expect(readdirSync('dist/_astro').filter((f) => /lrs|sender|xapi/i.test(f) && !/^read-lrs-/.test(f))).toEqual([]);
  for (const worker of ['dist/sw.js', 'dist/zh-hant/sw.js'])
    expect(readFileSync(worker, 'utf8')).not.toMatch(/lrs|sender|xapi|hr-worker|HrDashboard/i);
  // …where the same pattern finds the sender and the client in the build with an LRS.
  expect(readdirSync('dist-lrs/_astro')).toEqual(
    expect.arrayContaining([expect.stringMatching(/^sender\./), expect.stringMatching(/^lrs-client\./)]),
  );
  const built = readFileSync('dist-lrs/index.html', 'utf8');
  expect(/connect-src ([^;"]*)/.exec(built)?.[1]?.trim()).toBe(`'self' ${new URL(ENDPOINT).origin}`);
});
