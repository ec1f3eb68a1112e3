import AxeBuilder from '@axe-core/playwright';
import { readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Download, Page } from '@playwright/test';
import { parse } from 'yaml';
import { bestRun } from '../../src/domain/scenario/best-path.ts';
import { quizSchema } from '../../src/schemas/quiz.ts';
import { scenarioSchema } from '../../src/schemas/scenario.ts';
import { expect, hydrated, test } from './fixtures.ts';
import { rightLabels } from './quiz-answers.ts';

// The whole HR journey on the built site: a learner's browser makes a completion record; HR loads
// it beside a forged copy, a truncated file and a record whose learner is named like a formula,
// sees the right status for each, and downloads both CSVs, which are checked byte for byte.

const NOW = '2026-03-02T09:00:00.000Z';
const QUIZ = 'kc-selling-starts-with-service';
const SCENARIO = 'angry-powerful-delayed-order';
const yaml = (path: string) => parse(readFileSync(path, 'utf8')) as unknown;
const quiz = quizSchema.parse(yaml(`content/quizzes/${QUIZ}.yaml`));
const scenario = scenarioSchema.parse(yaml(`content/scenarios/${SCENARIO}.yaml`));
const best = bestRun(scenario)!;
const line = (nodeId: string, choiceId: string) => scenario.nodes.find((n) => n.id === nodeId)!.choices.find((c) => c.id === choiceId)!.say;

// The course's size, counted from the content rather than written down here.
const count = (dir: string, ext: string): number =>
  readdirSync(dir, { withFileTypes: true }).reduce(
    (n, e) => n + (e.isDirectory() ? count(`${dir}/${e.name}`, ext) : e.name.endsWith(ext) ? 1 : 0),
    0,
  );
const LESSONS = count('content/lessons', '.mdx');
// Class-only activities (front matter `classActivity`) stay in records but count for no one's completion.
const lessonFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? lessonFiles(`${dir}/${e.name}`) : e.name.endsWith('.mdx') ? [`${dir}/${e.name}`] : [],
  );
const COUNTED = lessonFiles('content/lessons').filter((f) => !/^classActivity:/m.test(readFileSync(f, 'utf8'))).length;
const ACTIVITIES = ['quizzes', 'classifications', 'assessments', 'scenarios'].reduce((n, d) => n + count(`content/${d}`, '.yaml'), 0);

interface Attempt {
  id: string;
  activityId: string;
  answers: { responses?: unknown; path?: [string, string][] };
  score: number;
  passed: boolean;
  startedAt: string;
  finishedAt: string;
}
interface Record {
  format: string;
  exportedAt: string;
  learner: { name: string; employeeId: string; department: string };
  lessons: { id: string; state: string }[];
  attempts: Attempt[];
}

const bytesOf = async (download: Promise<Download>) => readFile(await (await download).path());

/** An RFC 4180 line as Excel should get it: text quoted with "" for ", numbers bare, nothing for an empty cell, CRLF. */
const csvLine = (cells: (string | number | null)[]) =>
  `${cells.map((c) => (c === null ? '' : typeof c === 'number' ? String(c) : `"${c.replaceAll('"', '""')}"`)).join(',')}\r\n`;

async function learnerMakesARecord(page: Page): Promise<{ text: string; filename: string }> {
  await page.goto('/me/');
  await hydrated(page);
  await page.getByLabel('姓名').fill('王小明');
  await page.getByLabel('工号').fill('E1024');
  await page.getByLabel('部门').fill('客服一部');
  await page.getByRole('button', { name: '保存' }).click();

  await page.goto(`/quizzes/${QUIZ}/`);
  await hydrated(page);
  for (const q of quiz.questions) {
    const fieldset = page.locator('form fieldset').filter({ hasText: q.prompt });
    for (const label of rightLabels(q)) await fieldset.getByLabel(label, { exact: true }).check();
  }
  await page.getByRole('button', { name: '提交答案' }).click();
  await expect(page.getByRole('heading', { name: /^通过\s*得分 100%（4 题中答对 4 题）/ })).toBeVisible();

  await page.goto('/lessons/selling-starts-with-service/');
  await page.getByRole('button', { name: '完成本课' }).scrollIntoViewIfNeeded();
  await expect(page.getByText('本课已完成')).toBeVisible();

  await page.goto(`/scenarios/${SCENARIO}/`);
  await hydrated(page);
  await page.getByRole('button', { name: '开始对话' }).click();
  for (const [nodeId, choiceId] of best.path) {
    await page
      .getByRole('group', { name: '你怎么回应？' })
      .getByRole('button', { name: line(nodeId, choiceId) })
      .click();
  }
  await expect(page.getByText('100 / 100 分').first()).toBeVisible();

  await page.goto('/me/certificate/');
  await hydrated(page);
  await expect(page.getByRole('heading', { name: '还没有完成课程' })).toBeVisible();
  await expect(page.getByRole('heading', { name: `未完成的课程（${COUNTED - 1}）` })).toBeVisible();

  await page.goto('/me/');
  await hydrated(page);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出完成记录' }).click();
  const file = await download;
  await expect(page.getByText(`已导出 completion-E1024-2026-03-02.json`)).toBeVisible();
  return { text: await readFile(await file.path(), 'utf8'), filename: file.suggestedFilename() };
}

test('HR loads a learner’s completion record with a forged copy, a cut-off file and a formula for a name, sees each for what it is, and exports both CSVs exactly', async ({
  page,
}) => {
  await page.clock.setFixedTime(new Date(NOW));
  const { text, filename } = await learnerMakesARecord(page);
  expect(filename).toBe('completion-E1024-2026-03-02.json');
  const record = JSON.parse(text) as Record;
  expect(record.format).toBe('service-classroom/completion-record');
  expect(record.learner).toEqual({ name: '王小明', employeeId: 'E1024', department: '客服一部' });
  expect(record.lessons).toHaveLength(LESSONS);
  expect(record.lessons.filter((l) => l.state === 'completed').map((l) => l.id)).toEqual(['selling-starts-with-service']);
  // Both attempts finished at the same (fixed) moment, so their order in the log is their ids'.
  expect(record.attempts.map((a) => [a.activityId, a.score, a.passed]).sort()).toEqual([
    [SCENARIO, 100, true],
    [QUIZ, 4, true],
  ]);

  // Someone else's copy with the quiz answers emptied but the full marks still claimed.
  const forged: Record = structuredClone(record);
  forged.learner = { name: '李四', employeeId: 'E2048', department: '客服一部' };
  const forgedQuiz = forged.attempts.find((a) => a.activityId === QUIZ)!;
  forgedQuiz.answers = { ...forgedQuiz.answers, responses: {} };
  const formulaName = '=HYPERLINK("http://example.com","<b>点我</b>")';
  const formula: Record = { ...structuredClone(record), learner: { name: formulaName, employeeId: '@E9', department: '-客服三部' } };

  await page.goto('/hr/');
  await hydrated(page);
  await expect(page.getByText('文件只在这台电脑的浏览器里读取和计算，不会上传')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: '正在读取课程内容' })).toHaveCount(0);
  await page.locator('input[type="file"]').setInputFiles([
    { name: filename, mimeType: 'application/json', buffer: Buffer.from(text) },
    { name: 'forged.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(forged)) },
    { name: 'truncated.json', mimeType: 'application/json', buffer: Buffer.from(text.slice(0, Math.floor(text.length / 2))) },
    { name: 'formula.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(formula)) },
  ]);
  await expect(page.getByText('已处理 4 个文件，共 3 名学员。')).toBeVisible();

  const problems = page.getByRole('region', { name: '有问题的文件' });
  await expect(problems.getByRole('row', { name: /forged\.json/ })).toContainText('分数不符');
  await expect(problems.getByRole('row', { name: /forged\.json/ })).toContainText('1 次作答的自报成绩与按原始作答重新计算的结果不符');
  // The claimed score and the recomputed one, side by side.
  await expect(problems.getByRole('row', { name: /forged\.json/ })).toContainText(/自报 4\/4，重新计算 0\/4/);
  await expect(problems.getByRole('row', { name: /truncated\.json/ })).toContainText('无法读取');
  await expect(problems.getByRole('row', { name: /truncated\.json/ })).toContainText('文件不完整');
  await expect(problems.getByRole('row')).toHaveCount(3);

  const learners = page.getByRole('region', { name: '学员列表' });
  await expect(learners.getByRole('row')).toHaveCount(4);
  await expect(learners.getByRole('row', { name: /E1024/ })).toContainText('已核验');
  await expect(learners.getByRole('row', { name: /E2048/ })).toContainText('分数不符');
  // The name is shown as the text it is: no link, no bold, nothing run.
  await expect(learners.getByRole('rowheader', { name: formulaName })).toBeVisible();
  await expect(page.locator('main b')).toHaveCount(0);

  await learners.getByRole('button', { name: /明细.*王小明/ }).click();
  await expect(page.getByRole('heading', { name: '王小明（E1024）的作答明细' })).toBeFocused();
  await page.getByText(`对话路径（${best.path.length} 步）`).click();
  await expect(page.getByText(line(best.path[0]![0], best.path[0]![1])).first()).toBeVisible();
  await page.getByText('全部文件（4）').click();
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.map((v) => `${colorScheme} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }

  // The summary: one row per learner, by employee id.
  const summaryHeader = csvLine([
    '姓名',
    '工号',
    '部门',
    '学习状态',
    '完成时间',
    '已完成课程数',
    '课程总数',
    '已通过练习数',
    '练习总数',
    '课程成绩',
    '记录核验',
    '分数不符次数',
    '作答后修改过的练习',
    '来源文件',
    '导出时间',
  ]);
  const summaryRow = (name: string, id: string, dept: string, passed: number, status: string, mismatches: number, file: string) =>
    csvLine([name, id, dept, '学习中', null, 1, COUNTED, passed, ACTIVITIES, 0, status, mismatches, '', file, NOW]);
  const summary = await bytesOf(
    (async () => {
      const d = page.waitForEvent('download');
      await page.getByRole('button', { name: '导出汇总 CSV（每名学员一行）' }).click();
      return d;
    })(),
  );
  expect(summary.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  expect(summary.toString('utf8')).toBe(
    '\uFEFF' +
      summaryHeader +
      `"'=HYPERLINK(""http://example.com"",""<b>点我</b>"")","'@E9","'-客服三部","学习中",,1,${COUNTED},2,${ACTIVITIES},0,"已核验",0,"","formula.json","${NOW}"\r\n` +
      summaryRow('王小明', 'E1024', '客服一部', 2, '已核验', 0, filename) +
      summaryRow('李四', 'E2048', '客服一部', 1, '分数不符', 1, 'forged.json'),
  );

  // The detail: one row per attempt, the role-play with its path.
  const ending = scenario.endings.find((e) => e.id === best.score.ending)!.title;
  const path = best.path.map(([n, c]) => `${n}:${c}`).join(' → ');
  const attemptRows = (id: string, name: string, dept: string, forgedQuiz: boolean) =>
    [...record.attempts]
      .sort((a, b) => (a.id < b.id ? -1 : 1))
      .map((a) =>
        a.activityId === QUIZ
          ? [
              id,
              name,
              dept,
              QUIZ,
              quiz.title,
              '测验',
              NOW,
              NOW,
              0,
              4,
              forgedQuiz ? 0 : 4,
              4,
              forgedQuiz ? 0 : 100,
              forgedQuiz ? '否' : '是',
              forgedQuiz ? '分数不符' : '已核验',
              '',
              '',
              a.id,
            ]
          : [id, name, dept, SCENARIO, scenario.title, '情景演练', NOW, NOW, 0, 100, 100, 100, 100, '是', '已核验', ending, path, a.id],
      );
  const detail = await bytesOf(
    (async () => {
      const d = page.waitForEvent('download');
      await page.getByRole('button', { name: '导出明细 CSV（每次作答一行）' }).click();
      return d;
    })(),
  );
  const neutralised = (cells: (string | number)[]) => cells.map((c, i) => (i < 3 && typeof c === 'string' ? `'${c}` : c));
  expect(detail.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  expect(detail.toString('utf8')).toBe(
    '\uFEFF' +
      csvLine([
        '工号',
        '姓名',
        '部门',
        '练习编号',
        '练习名称',
        '类型',
        '开始时间',
        '完成时间',
        '用时（秒）',
        '自报得分',
        '复核得分',
        '满分',
        '复核得分率（%）',
        '复核通过',
        '核验结果',
        '情景结局',
        '情景路径',
        '作答编号',
      ]) +
      attemptRows('@E9', formulaName, '-客服三部', false)
        .map((r) => csvLine(neutralised(r)))
        .join('') +
      attemptRows('E1024', '王小明', '客服一部', false).map(csvLine).join('') +
      attemptRows('E2048', '李四', '客服一部', true).map(csvLine).join(''),
  );
});

test('a learner who met the completion rule prints a one-page A4 certificate whose digest matches the record HR gets', async ({ page }) => {
  const course = yaml('content/course.yaml') as {
    title: string;
    modules: { title: string }[];
    completion: { requiredActivities: string[] };
  };
  const lessons = readdirSync('content/lessons', { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => /^id: (\S+)$/m.exec(readFileSync(`content/lessons/${f}`, 'utf8'))![1]!);
  const at = (i: number) => new Date(Date.UTC(2026, 2, 1, 8, i)).toISOString();
  const events = [
    { id: 'me', at: at(0), type: 'learner-set', learner: { name: '王小明', employeeId: 'E1024', department: '客服一部' } },
    ...lessons.map((lessonId, i) => ({ id: `l${i}`, at: at(1 + i), type: 'lesson-completed', lessonId })),
    ...course.completion.requiredActivities.map((activityId, i) => ({
      id: `q${i}`,
      at: at(100 + i),
      type: 'attempt',
      attempt: {
        activityId,
        activityKind: 'quiz',
        contentVersion: 'x',
        answers: {},
        score: 1,
        maxScore: 1,
        passed: true,
        startedAt: at(99),
        finishedAt: at(100 + i),
      },
    })),
  ];
  await page.addInitScript(
    (log) => {
      if (!localStorage.getItem('service-classroom:progress:v1')) localStorage.setItem('service-classroom:progress:v1', log);
    },
    JSON.stringify({ format: 'service-classroom/progress', version: 1, courseId: 'service-classroom', events }),
  );

  await page.goto('/me/certificate/');
  await hydrated(page);
  const certificate = page.getByRole('article', { name: '王小明' });
  await expect(certificate).toContainText('工号 E1024 · 客服一部');
  await expect(certificate).toContainText(`《${course.title}》`);
  for (const m of course.modules) await expect(certificate.getByRole('listitem').filter({ hasText: m.title })).toHaveCount(1);
  await expect(certificate).toContainText('2026年3月1日');
  const digest = await certificate.locator('code').textContent();
  expect(digest).toMatch(/^[0-9A-F]{4}(-[0-9A-F]{4}){3}$/);

  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: '打印证书' })).toBeHidden();
  const pdf = (await page.pdf({ format: 'A4', printBackground: true })).toString('latin1');
  expect(pdf.match(/\/Type\s*\/Page\b/g)).toHaveLength(1);
  await page.emulateMedia({ media: 'screen' });

  // HR sees the same digest beside the record the learner exports now.
  await page.goto('/me/');
  await hydrated(page);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出完成记录' }).click();
  const file = await download;
  await page.goto('/hr/');
  await hydrated(page);
  await expect(page.getByRole('status').filter({ hasText: '正在读取课程内容' })).toHaveCount(0);
  await page.locator('input[type="file"]').setInputFiles(await file.path());
  await page.getByRole('button', { name: /明细.*王小明/ }).click();
  await expect(page.getByRole('region', { name: '王小明（E1024）的作答明细' })).toContainText(digest!);
});
