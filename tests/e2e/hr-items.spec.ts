import AxeBuilder from '@axe-core/playwright';
import { mkdirSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator } from '@playwright/test';
import type { RecordAttempt } from '../../src/domain/records/format.ts';
import { shippedCatalogue } from '../fixtures/catalogue.ts';
import { generatedRecord } from '../fixtures/records.ts';
import { expect, hydrated, test } from './fixtures.ts';

// Item analysis on /hr/: a folder of generated records (the benchmark's generator: mixed right and
// wrong answers, random role-play runs) is loaded; the facility, discrimination and reply shares
// shown agree with the 题目分析 CSV row for row, and one question's figures and one decision
// point's shares, counted here straight from the records' answers, agree with both.

const LEARNERS = 60;
const catalogue = shippedCatalogue();
const records = Array.from({ length: LEARNERS }, (_, n) => generatedRecord(catalogue, n, 40));

/** RFC 4180 as the export writes it: BOM, CRLF, quoted text with "" for ", bare numbers. */
function readCsv(text: string): string[][] {
  expect(text.startsWith('\uFEFF')).toBe(true);
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 1;
  while (i < text.length) {
    let cell = '';
    if (text[i] === '"') {
      i++;
      while (!(text[i] === '"' && text[i + 1] !== '"')) {
        cell += text[i];
        i += text[i] === '"' ? 2 : 1;
      }
      i++;
    } else while (i < text.length && text[i] !== ',' && text[i] !== '\r') cell += text[i++];
    row.push(cell);
    if (text[i] === ',') i++;
    else {
      expect(text.slice(i, i + 2)).toBe('\r\n');
      rows.push(row);
      row = [];
      i += 2;
    }
  }
  return rows;
}

const round2 = (x: number) => Math.round(x * 100) / 100 + 0;

/** Pearson's r, written out here for the check. */
function pearson(xs: number[], ys: number[]): number | undefined {
  const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
  const [mx, my] = [mean(xs), mean(ys)];
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  xs.forEach((x, i) => {
    sxy += (x - mx) * (ys[i]! - my);
    sxx += (x - mx) ** 2;
    syy += (ys[i]! - my) ** 2;
  });
  return sxx < 1e-12 || syy < 1e-12 ? undefined : sxy / Math.sqrt(sxx * syy);
}

/** Every row of a table body as the texts a reader gets: the full text where a cell shows a shortened one. */
const tableRows = (table: Locator) =>
  table.locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) =>
      [...tr.children].map((cell) => {
        const full = cell.querySelector('.visually-hidden');
        const shown = [...cell.childNodes]
          .filter((n) => !(n instanceof Element && n.getAttribute('aria-hidden') === 'true'))
          .map((n) => n.textContent)
          .join('');
        return (full ? full.textContent : shown)!.trim();
      }),
    ),
  );

test('HR loads a folder of records and sees each question’s facility and discrimination and each role-play reply’s share, as in the 题目分析 CSV', async ({
  page,
}, testInfo) => {
  // Sixty files read, re-scored and drawn, on a machine that may be busy.
  test.setTimeout(180_000);
  const folder = testInfo.outputPath('records');
  mkdirSync(folder, { recursive: true });
  const paths = records.map((r) => {
    const path = join(folder, `completion-${r.learner.employeeId}-2026-03-02.json`);
    writeFileSync(path, JSON.stringify(r));
    return path;
  });

  await page.goto('/hr/');
  await hydrated(page);
  await expect(page.getByRole('status').filter({ hasText: '正在读取课程内容' })).toHaveCount(0);
  await page.locator('input[type="file"]').setInputFiles(paths);
  await expect(page.getByText(`已处理 ${LEARNERS} 个文件，共 ${LEARNERS} 名学员。`)).toBeVisible({ timeout: 30_000 });

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出题目分析 CSV（每道题、每句回复一行）' }).click();
  const [header, ...csv] = readCsv(await readFile(await (await download).path(), 'utf8'));
  const col = (name: string) => header!.indexOf(name);
  const questionRows = csv.filter((r) => r[col('类型')] !== '情景演练');
  const replyRows = csv.filter((r) => r[col('类型')] === '情景演练');
  expect(questionRows.length).toBeGreaterThan(0);
  expect(replyRows.length).toBeGreaterThan(0);

  // One question counted straight from the answers: a true/false or single-choice question whose
  // quiz enough learners took. Each generated record takes an activity at most once.
  const taken = (activityId: string) =>
    records.flatMap((r) => r.attempts.filter((a) => a.activityId === activityId).slice(0, 1)) as RecordAttempt[];
  const candidates = catalogue.activities.flatMap((a) =>
    a.kind === 'quiz' && a.data.questions.length > 1 && taken(a.id).length >= 30
      ? a.data.questions.filter((q) => q.type === 'truefalse' || q.type === 'single').map((q) => ({ quiz: a, q }))
      : [],
  );
  const { quiz, q } = candidates[0]!;
  const attempts = taken(quiz.id);
  const credits = attempts.map((a): number => {
    const response = (a.answers as { responses: Record<string, unknown> }).responses[q.id];
    if (q.type === 'truefalse') return response === q.answer ? 1 : 0;
    return q.type === 'single' && q.options.some((o) => o.id === response && o.correct) ? 1 : 0;
  });
  const facility = round2(credits.reduce((s, c) => s + c, 0) / credits.length);
  // The rest of the score: the attempt's (honest) score without this question.
  const r = pearson(
    credits,
    attempts.map((a, i) => a.score - credits[i]!),
  );
  const expected = {
    answered: String(attempts.length),
    facility: String(facility),
    discrimination: r === undefined ? '' : String(round2(r)),
  };
  const row = questionRows.find((x) => x[col('练习编号')] === quiz.id && x[col('题目或节点编号')] === q.id)!;
  expect({ answered: row[col('作答人数')], facility: row[col('得分率')], discrimination: row[col('区分度')] }).toEqual(expected);

  // One decision point counted straight from the paths: the first node of the first role-play run.
  const scenario = catalogue.activities.find((a) => a.kind === 'scenario' && taken(a.id).length > 0)!;
  if (scenario.kind !== 'scenario') throw new Error('no role-play');
  const runs = taken(scenario.id).map((a) => (a.answers as { path: [string, string][] }).path);
  const start = scenario.data.nodes[0]!;
  const reached = runs.filter((p) => p.some(([n]) => n === start.id));
  for (const choice of start.choices) {
    const chosen = reached.filter((p) => p.some(([n, c]) => n === start.id && c === choice.id)).length;
    const reply = replyRows.find(
      (x) => x[col('练习编号')] === scenario.id && x[col('题目或节点编号')] === start.id && x[col('回复编号')] === choice.id,
    )!;
    expect([reply[col('到达人数')], reply[col('选择人数')], reply[col('选择比例（%）')]]).toEqual([
      String(reached.length),
      String(chosen),
      String(Math.round((chosen * 100) / reached.length)),
    ]);
  }

  // The page shows the same figures as the CSV, row for row.
  const items = page.getByRole('region', { name: '题目分析' });
  const questionsTable = page.getByRole('region', { name: '各题得分率与区分度' }).getByRole('table');
  const shownQuestions = await tableRows(questionsTable);
  const number = (text: string) => (text === '无法计算' ? '' : String(Number(text.replace('−', '-'))));
  expect(
    shownQuestions.map(([prompt, activity, answered, fac, disc, flags]) => [
      prompt,
      activity,
      answered,
      number(fac!),
      number(disc!),
      flags,
    ]),
  ).toEqual(
    questionRows.map((x) => [
      x[col('题目（情景演练为客户的话）')],
      x[col('练习名称')],
      x[col('作答人数')],
      x[col('得分率')],
      x[col('区分度')],
      x[col('标记')],
    ]),
  );
  const repliesTable = page.getByRole('region', { name: '情景演练：各回复的选择比例' }).getByRole('table');
  const shownReplies = await tableRows(repliesTable);
  expect(shownReplies).toEqual(
    replyRows.map((x) => [
      x[col('练习名称')],
      x[col('题目（情景演练为客户的话）')],
      x[col('回复')],
      x[col('回复评价')],
      `${x[col('选择人数')]} / ${x[col('到达人数')]}`,
      x[col('选择比例（%）')] === '' ? '无人走到这一步' : `${x[col('选择比例（%）')]}%`,
    ]),
  );

  // Flags are words: the flagged-only view lists exactly the questions the CSV flags.
  const flagged = questionRows.filter((x) => !['未见问题', '人数不足，暂不判断'].includes(x[col('标记')]!));
  expect(flagged.length).toBeGreaterThan(0);
  await items.getByRole('checkbox', { name: '只看有标记的题目' }).check();
  await expect(items.getByText(`显示 ${flagged.length} / ${questionRows.length} 道题`)).toBeVisible();
  await expect(questionsTable.locator('tbody tr')).toHaveCount(flagged.length);
  await items.getByRole('checkbox', { name: '只看有标记的题目' }).uncheck();

  // Sorting by facility puts the hardest question first.
  await questionsTable.getByRole('button', { name: /得分率/ }).click();
  await expect(questionsTable.getByRole('columnheader', { name: /得分率/ })).toHaveAttribute('aria-sort', 'ascending');
  const lowest = Math.min(...questionRows.map((x) => Number(x[col('得分率')])));
  await expect(questionsTable.locator('tbody tr').first().locator('td').nth(2)).toHaveText(lowest.toFixed(2));

  await items.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('hr-items.png') });
  // Axe on one quiz's questions and one role-play's replies: the same markup, a tenth of the rows.
  await items.getByRole('combobox', { name: '练习' }).selectOption({ label: quiz.title });
  await items.getByRole('combobox', { name: '情景' }).selectOption({ label: scenario.title });
  await expect(questionsTable.locator('tbody tr')).toHaveCount(quiz.data.questions.length);
  const { violations } = await new AxeBuilder({ page }).include('section[aria-labelledby="hr-items-heading"]').analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  await items.screenshot({ path: testInfo.outputPath('hr-items-one-activity.png') });
});
