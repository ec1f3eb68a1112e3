import { readFileSync, readdirSync } from 'node:fs';
import { parse } from 'yaml';
import { expect, test } from './fixtures.ts';
import { pdfPageCount, pdfText, printedContains } from './pdf-text.ts';

// Each job aid is printed from the browser, the way a trainer prints it: it must come out as one
// A4 sheet, with its Chinese text on it. The cards are read from content/ so a new card is checked
// without touching this file.

interface Card {
  id: string;
  title: string;
}
const cards: Card[] = readdirSync('content/job-aids')
  .filter((name) => name.endsWith('.yaml'))
  .map((name) => parse(readFileSync(`content/job-aids/${name}`, 'utf8')) as Card);

/** A line from each card's body (not its title), as the learner reads it on screen and on paper. */
const BODY_LINES: Record<string, string> = {
  'eight-step-lines': '让您请假在家白等了一上午，实在抱歉。',
  'personality-types': '准备三个可选方案，由他自己拍板',
  'service-recovery-checklist': '先道歉，再倾听，后解释',
  'complaint-record': '客户真正不满意的原因',
  'lifetime-value': '£208,000',
};

test('the list of job aids is linked from the home page and lists every card', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: '查看并打印工作卡' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '工作卡' })).toBeVisible();
  for (const card of cards) await expect(page.getByRole('link', { name: card.title })).toBeVisible();
  expect(Object.keys(BODY_LINES).sort()).toEqual(cards.map((c) => c.id).sort());
});

test('a lesson links to the job aid that summarises it', async ({ page }) => {
  await page.goto('/lessons/eight-step-complaint-method/');
  await page.getByRole('link', { name: '打印工作卡：投诉处理八步法：每一步说什么' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '投诉处理八步法：每一步说什么' })).toBeVisible();
  await expect(page.getByRole('button', { name: '打印' })).toBeVisible();
});

for (const card of cards) {
  test(`the job aid “${card.title}” prints on exactly one A4 page, with its text and without the site’s header`, async ({ page }) => {
    await page.goto(`/job-aids/${card.id}/`);
    await expect(page.getByRole('heading', { level: 1, name: card.title })).toBeVisible();
    const line = BODY_LINES[card.id] ?? '';
    await expect(page.locator('main')).toContainText(line);

    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('banner')).toBeHidden();
    await expect(page.getByRole('contentinfo')).toBeHidden();
    await expect(page.getByRole('button', { name: '打印' })).toBeHidden();
    await expect(page.locator('main')).toContainText(line);

    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    expect(pdfPageCount(pdf), 'pages in the printed PDF').toBe(1);
    const text = pdfText(pdf);
    expect(printedContains(text, card.title), `the PDF's text has the title: ${text}`).toBe(true);
    expect(printedContains(text, line), `the PDF's text has "${line}": ${text}`).toBe(true);
  });
}
