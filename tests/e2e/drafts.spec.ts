import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FrameLocator, Page } from '@playwright/test';
import { parse } from 'yaml';
import { quizSchema } from '../../src/schemas/quiz.ts';
import { expect, hydrated, test } from './fixtures.ts';
import { packagePath, startLms, type Lms } from './scorm-lms.ts';

// Half-answered activities are kept like progress: per LMS learner in a package, and forgotten
// by the reset on 我的学习. (The stand-in LMS and its harness are those of scorm.spec.ts.)

const QUIZ = quizSchema.parse(
  parse(readFileSync(fileURLToPath(new URL('../../content/quizzes/module-mindset.yaml', import.meta.url)), 'utf8')),
);
const choiceQuestions = QUIZ.questions.filter((q) => q.type === 'single' || q.type === 'multiple');
/** What learner A answers before leaving, and what learner B answers instead. */
const [A_QUESTION, B_QUESTION] = choiceQuestions as [(typeof choiceQuestions)[number], (typeof choiceQuestions)[number]];
const A_OPTION = A_QUESTION.options[0]!;
const B_OPTION = B_QUESTION.options[0]!;

let lms: Lms;
test.beforeAll(async () => {
  lms = await startLms();
});
test.afterAll(async () => lms.close());

/** Launches the SCORM 1.2 package for a learner, as an LMS would, and opens the module quiz in it. */
async function openQuizAs(page: Page, studentId: string, name: string): Promise<FrameLocator> {
  const stored = { core: { student_id: studentId, student_name: name } };
  await page.addInitScript((config) => Object.assign(window, { __lms: config }), {
    version: '1.2',
    packagePath: packagePath('1.2'),
    stored,
  });
  await page.goto(`${lms.origin}/harness.html`);
  const course = page.frameLocator('#sco').frameLocator('[data-course-frame]');
  await expect(course.getByRole('heading', { level: 1 })).toContainText('客服课堂');
  await course.locator('body').evaluate((body, id) => (body.ownerDocument.location.href = `quizzes/${id}/index.html`), QUIZ.id);
  await hydrated(course.locator('body'));
  return course;
}

const question = (course: FrameLocator | Page, prompt: string) => course.locator('form.quiz-form fieldset').filter({ hasText: prompt });

test('two LMS learners on one browser: B starts the quiz A left half-answered afresh, B’s attempt carries none of A’s answers, and A resumes A’s own', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const context = page.context();

  const a = await openQuizAs(page, 'A100', '甲, 学员');
  await question(a, A_QUESTION.prompt).getByLabel(A_OPTION.text, { exact: true }).check();
  // A leaves without submitting: the LMS closes the course.
  await page.locator('#sco').evaluate((frame: HTMLIFrameElement) => (frame.src = 'about:blank'));

  const bPage = await context.newPage();
  const b = await openQuizAs(bPage, 'B200', '乙, 学员');
  await expect(question(b, A_QUESTION.prompt).getByLabel(A_OPTION.text, { exact: true })).not.toBeChecked();
  await expect(question(b, A_QUESTION.prompt)).toBeVisible();
  for (const box of await question(b, A_QUESTION.prompt).locator('input').all()) await expect(box).not.toBeChecked();
  await question(b, B_QUESTION.prompt).getByLabel(B_OPTION.text, { exact: true }).check();
  // Unanswered questions are pointed out once; a second press submits anyway.
  await b.getByRole('button', { name: '提交答案' }).click();
  await b.getByRole('button', { name: '提交答案' }).click();
  await expect(b.getByRole('heading', { name: /得分/ })).toBeVisible();

  // What B's LMS received: B's answer, and nothing of A's.
  const interactionIds = async () =>
    bPage.evaluate(() => {
      const cmi = (window as unknown as { API: { renderCMIToJSONObject(): { cmi: Record<string, unknown> } } }).API.renderCMIToJSONObject()
        .cmi;
      const list = cmi['interactions'] as Record<string, unknown> | { id: string }[] | undefined;
      const raw = Array.isArray(list) ? list : Object.values((list?.['childArray'] as Record<string, unknown> | undefined) ?? list ?? {});
      return (raw as { id: string }[]).map((i) => i.id);
    });
  await expect.poll(interactionIds).toContain(`${QUIZ.id}.${B_QUESTION.id}`);
  expect(await interactionIds()).not.toContain(`${QUIZ.id}.${A_QUESTION.id}`);
  await bPage.locator('#sco').evaluate((frame: HTMLIFrameElement) => (frame.src = 'about:blank'));

  // A comes back to the half-answered quiz as A left it.
  const aAgain = await context.newPage();
  const resumed = await openQuizAs(aAgain, 'A100', '甲, 学员');
  await expect(question(resumed, A_QUESTION.prompt).getByLabel(A_OPTION.text, { exact: true })).toBeChecked();
});

test('“清除全部学习记录” on 我的学习 also forgets a half-answered quiz', async ({ page }) => {
  await page.goto(`quizzes/${QUIZ.id}/`);
  await hydrated(page);
  const option = question(page, A_QUESTION.prompt).getByLabel(A_OPTION.text, { exact: true });
  await option.check();
  await page.reload();
  await hydrated(page);
  await expect(option).toBeChecked();

  await page.goto('me/');
  await hydrated(page);
  await page.getByRole('button', { name: '清除全部学习记录' }).click();
  await page.getByRole('button', { name: '确认清除' }).click();
  await expect(page.getByText('学习记录已清除。')).toBeVisible();

  await page.goto(`quizzes/${QUIZ.id}/`);
  await hydrated(page);
  await expect(question(page, A_QUESTION.prompt)).toBeVisible();
  await expect(option).not.toBeChecked();
});
