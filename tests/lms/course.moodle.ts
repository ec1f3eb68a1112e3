import { expect, test, type Browser, type FrameLocator, type Page } from '@playwright/test';
import { t } from '../../src/i18n/index.ts';
import { progressBackup, quizYaml } from './backup.ts';
import { course, URL, type Learner, LEARNERS } from './learners.ts';
import { sql } from './moodle.ts';

// The course in a real Moodle 4.3, set up as the README tells HR, driven by learners in Chromium;
// then what Moodle stored is read from its database. See tests/lms/README.md.

type Version = '1.2' | '2004';
const activity = (version: Version) => (version === '1.2' ? course().scorm12 : course().scorm2004);
const [A, B, C] = LEARNERS;

async function login(page: Page, learner: Learner): Promise<void> {
  await page.goto(`${URL}/login/index.php`);
  await page.locator('#username').fill(learner.username);
  await page.locator('#password').fill(learner.password);
  await page.locator('#loginbtn').click();
  await expect(page.locator('body')).not.toHaveAttribute('id', 'page-login-index');
}

interface Launched {
  launch: FrameLocator;
  course: FrameLocator;
}

/** From the activity's page, "Enter" (optionally with "Start a new attempt"), as a learner does. */
async function enter(page: Page, version: Version, newAttempt = false): Promise<Launched> {
  await page.goto(`${URL}/mod/scorm/view.php?id=${activity(version).cmid}`);
  if (newAttempt) await page.getByLabel('Start a new attempt').check();
  await page.getByRole('button', { name: 'Enter' }).click();
  const launch = page.frameLocator('#scorm_object');
  const inner = launch.frameLocator('[data-course-frame]');
  await expect(inner.locator('h1').first()).toBeVisible();
  return { launch, course: inner };
}

/** Opens a page of the package in the course frame (its path inside the package). */
async function open(frame: FrameLocator, path: string): Promise<void> {
  await frame.locator('body').evaluate((_, p) => {
    location.href = location.href.replace(/(\/mod_scorm\/content\/\d+\/).*$/, `$1${p}`);
  }, path);
  await expect(frame.locator('body')).toBeVisible();
  await frame
    .locator('astro-island[ssr]')
    .first()
    .waitFor({ state: 'detached', timeout: 20_000 })
    .catch(() => undefined);
}

/** Imports a progress backup on 我的学习, as a learner who studied on the website does. */
async function importBackup(frame: FrameLocator, backup: string): Promise<void> {
  await open(frame, 'me/index.html');
  // Until the page's island has hydrated, its file input is not listened to: try again until it answers.
  await expect(async () => {
    await frame
      .locator('input[type="file"]')
      .setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(backup) });
    await expect(frame.getByText(/已导入，新增 \d+ 条记录。/)).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 60_000 });
}

/** Takes a module quiz through its page, answering every question right (choice, true/false, matching). */
async function passQuiz(frame: FrameLocator, id: string): Promise<void> {
  const quiz = quizYaml(id);
  await open(frame, `quizzes/${id}/index.html`);
  const form = frame.locator('form.quiz-form');
  await expect(form).toBeVisible();
  for (const q of quiz.questions) {
    const fieldset = form.locator('fieldset').filter({ hasText: q.prompt });
    if (q.type === 'single' || q.type === 'multiple') {
      for (const o of q.options!.filter((x) => x.correct)) await fieldset.getByLabel(o.text, { exact: true }).check();
    } else if (q.type === 'truefalse') {
      await fieldset.getByLabel(t(q.answer ? 'quiz.true' : 'quiz.false'), { exact: true }).check();
    } else if (q.type === 'matching') {
      for (const pair of q.pairs!) await fieldset.getByRole('combobox', { name: pair.left }).selectOption({ label: pair.right });
    } else throw new Error(`${id}: ${q.type} questions are not answered by this helper`);
  }
  await form.getByRole('button', { name: '提交答案' }).click();
  await expect(
    frame.getByRole('heading', { name: new RegExp(`^通过\\s*得分 100%（${quiz.questions.length} 题中答对 ${quiz.questions.length} 题）`) }),
  ).toBeVisible();
}

/** Reads a lesson to its end, which completes it. */
async function readLesson(frame: FrameLocator, path: string): Promise<void> {
  await open(frame, path);
  await frame.locator('[data-lesson-completion]').scrollIntoViewIfNeeded();
  await expect(frame.getByText('本课已完成')).toBeVisible();
}

/** Leaves the activity as a learner does (Moodle's page unloads; its exit save goes out as a beacon). */
async function leave(page: Page): Promise<void> {
  await page.goto(`${URL}/course/view.php?id=${course().courseid}`);
}

/** Expects the course home to count `n` lessons completed ("已完成 N/… 课" summed over modules), once its islands have read the progress. */
async function expectLessonsDone(frame: FrameLocator, n: number): Promise<void> {
  await open(frame, 'index.html');
  // A page still navigating (the course frame settles after Moodle's player) counts as not yet there.
  const count = async () =>
    (
      await frame
        .locator('[data-module]')
        .allTextContents()
        .catch(() => ['已完成 -1/'])
    ).reduce((sum, t) => sum + Number(/已完成 (-?\d+)\//.exec(t)?.[1] ?? 0), 0);
  await expect.poll(count, { timeout: 20_000 }).toBe(n);
  // Still so a moment later (a copy from the browser would arrive after the LMS's).
  await frame.locator('body').evaluate(() => new Promise((resolve) => setTimeout(resolve, 1500)));
  expect(await count()).toBe(n);
}

// ---- What Moodle stored ----

function tracks(version: Version, userid: number, attempt = 1): Map<string, string> {
  const rows = sql(
    `SELECT e.element, v.value FROM mdl_scorm_scoes_value v JOIN mdl_scorm_attempt a ON a.id = v.attemptid
     JOIN mdl_scorm_element e ON e.id = v.elementid
     WHERE a.userid = ${userid} AND a.scormid = ${activity(version).scormid} AND a.attempt = ${attempt}`,
  );
  // Moodle names array elements `cmi.interactions_0.correct_responses_0.pattern`: read as `….0.….0.…`.
  return new Map(rows.map(([k, v]) => [k!.replace(/_(\d+)(?=\.)/g, '.$1'), v ?? '']));
}
const completionState = (version: Version, userid: number) =>
  Number(
    sql(
      `SELECT completionstate FROM mdl_course_modules_completion WHERE coursemoduleid = ${activity(version).cmid} AND userid = ${userid}`,
    )[0]?.[0] ?? 0,
  );
const grade = (version: Version, userid: number) =>
  sql(
    `SELECT g.finalgrade FROM mdl_grade_grades g JOIN mdl_grade_items i ON i.id = g.itemid
     WHERE i.itemmodule = 'scorm' AND i.iteminstance = ${activity(version).scormid} AND g.userid = ${userid}`,
  )[0]?.[0];

interface StoredInteraction {
  id: string;
  type: string;
  response: string;
  pattern: string;
  result: string;
}
function interactions(version: Version, t: Map<string, string>): StoredInteraction[] {
  const out: StoredInteraction[] = [];
  for (let n = 0; t.has(`cmi.interactions.${n}.id`); n++) {
    const at = (name: string) => t.get(`cmi.interactions.${n}.${name}`) ?? '';
    out.push({
      id: at('id'),
      type: at('type'),
      response: at(version === '1.2' ? 'student_response' : 'learner_response'),
      pattern: at('correct_responses.0.pattern'),
      result: at('result'),
    });
  }
  return out;
}

/** The bar the launch page shows when the LMS refused something or went away. */
const noticeShown = (launch: FrameLocator) => launch.locator('[data-lms-notice]').isVisible();

const report: Record<string, unknown> = {};
test.afterAll(() => console.log(`[moodle] stored: ${JSON.stringify({ ...report, largestSave }, null, 1)}`));

/** The largest save the course's LMS session posted to Moodle's data model (bytes), per package. */
const largestSave: Record<string, number> = {};

async function learnerPage(browser: Browser, learner: Learner): Promise<Page> {
  const context = await browser.newContext({ locale: 'zh-CN' });
  context.on('request', (request) => {
    if (!request.url().includes('/mod/scorm/datamodel.php')) return;
    const bytes = request.postDataBuffer()?.length ?? 0;
    const key = `${learner.username}${request.url().includes('api=beacon') ? ' (beacon)' : ''}`;
    largestSave[key] = Math.max(largestSave[key] ?? 0, bytes);
  });
  const page = await context.newPage();
  await login(page, learner);
  return page;
}

for (const [version, learner] of [
  ['1.2', A],
  ['2004', B],
] as const) {
  test(`SCORM ${version}: a learner finishes the whole course; Moodle shows the activity done with grade 100, and stores status, interactions, total time and suspend data`, async ({
    browser,
  }) => {
    const userid = course().users[learner.username]!;
    const page = await learnerPage(browser, learner);
    const { launch, course: frame } = await enter(page, version);
    // Near the end through the course's own import (see backup.ts), the last module quiz through its page.
    await importBackup(frame, progressBackup({ skipQuizzes: ['module-tools'] }));
    await passQuiz(frame, 'module-tools');
    // Identity: Moodle's username as 工号, its full name (family name first, as set up) as 姓名.
    await open(frame, 'me/index.html');
    await expect(frame.getByLabel('姓名')).toHaveValue(`${learner.lastname}${learner.firstname}`);
    await expect(frame.getByLabel('工号')).toHaveValue(learner.username);
    expect(await noticeShown(launch), 'the LMS refused nothing').toBe(false);
    await leave(page);

    // The exit save (a beacon) arrives a moment after the page has gone.
    const total = version === '1.2' ? 'cmi.core.total_time' : 'cmi.total_time';
    await expect
      .poll(() => tracks(version, userid).get(total) ?? '', { timeout: 20_000 })
      .toMatch(version === '1.2' ? /^\d+:\d\d:\d\d/ : /^P/);
    const t = tracks(version, userid);
    const stored = interactions(version, t);
    if (version === '1.2') {
      expect(t.get('cmi.core.lesson_status')).toBe('passed');
      expect(t.get('cmi.core.score.raw')).toBe('100');
      expect(t.get('cmi.core.total_time')).not.toMatch(/^0+:00:00(\.0+)?$/);
    } else {
      expect(t.get('cmi.success_status')).toBe('passed');
      expect(t.get('cmi.completion_status')).toBe('completed');
      expect(t.get('cmi.score.raw')).toBe('100');
      expect(t.get('cmi.total_time')).not.toBe('PT0H0M0S');
    }
    expect(t.get(version === '1.2' ? 'cmi.core.exit' : 'cmi.exit')).toBe('suspend');
    // Completion "Done" (1 complete, 2 complete with pass) and the grade in the gradebook.
    expect(completionState(version, userid)).toBeGreaterThanOrEqual(1);
    expect(Number(grade(version, userid))).toBe(100);
    await page.goto(`${URL}/mod/scorm/view.php?id=${activity(version).cmid}`);
    await expect(page.locator('[data-region="activity-information"]')).toContainText('Done');

    // Interactions: every one with the learner's response and the right answer; the last quiz's are there.
    expect(stored.length).toBeGreaterThan(0);
    for (const i of stored) {
      expect(i.response, i.id).not.toBe('');
      expect(i.pattern, i.id).not.toBe('');
    }
    expect(stored.filter((i) => i.id.startsWith('module-')).length).toBeGreaterThan(0);
    if (version === '1.2')
      expect(stored.filter((i) => i.id.startsWith('module-tools.')).length).toBe(quizYaml('module-tools').questions.length);
    report[`SCORM ${version}`] = {
      status: version === '1.2' ? t.get('cmi.core.lesson_status') : `${t.get('cmi.completion_status')}/${t.get('cmi.success_status')}`,
      score: t.get(version === '1.2' ? 'cmi.core.score.raw' : 'cmi.score.raw'),
      completionstate: completionState(version, userid),
      grade: grade(version, userid),
      interactions: stored.length,
      totalTime: t.get(total),
      suspendDataChars: (t.get('cmi.suspend_data') ?? '').length,
    };

    // Another launch from an empty browser: the LMS's copy is the whole course, the 40 lessons that
    // count (the four classroom activities never do, though the backup completes them too).
    const elsewhere = await learnerPage(browser, learner);
    const again = await enter(elsewhere, version);
    await expectLessonsDone(again.course, 40);
    await elsewhere.context().close();

    if (version === '1.2') {
      // Another activity of the course, in the same browser: it starts from what Moodle holds for it (nothing).
      const other = await enter(page, '2004');
      await expectLessonsDone(other.course, 0);
      await leave(page);
      const t2004 = tracks('2004', userid);
      expect(t2004.get('cmi.success_status') ?? 'unknown').not.toBe('passed');
      expect(completionState('2004', userid)).toBe(0);

      // A new attempt (yearly re-certification): it starts from nothing, and is not passed from the browser's copy.
      const renewed = await enter(page, '1.2', true);
      await expectLessonsDone(renewed.course, 0);
      await readLesson(renewed.course, 'lessons/selling-starts-with-service/index.html');
      await leave(page);
      const second = tracks('1.2', userid, 2);
      expect(second.size, 'Moodle holds a second attempt').toBeGreaterThan(0);
      expect(second.get('cmi.core.lesson_status')).not.toBe('passed');
      expect(second.get('cmi.core.score.raw') ?? '').not.toBe('100');
    }
    await page.context().close();
  });
}

test('SCORM 2004: a learner leaves after a short sitting and after a long one; each time an empty browser resumes from what Moodle holds', async ({
  browser,
}) => {
  const userid = course().users[C.username]!;
  // Short: one lesson read, then the learner closes.
  const first = await learnerPage(browser, C);
  const one = await enter(first, '2004');
  await readLesson(one.course, 'lessons/selling-starts-with-service/index.html');
  await leave(first);
  await first.context().close();
  await expect.poll(() => tracks('2004', userid).get('cmi.total_time') ?? '').toMatch(/^P/);

  const second = await learnerPage(browser, C);
  const two = await enter(second, '2004');
  await expectLessonsDone(two.course, 1);
  // Long: most of the course (lessons and seven module quizzes), then the learner closes.
  await importBackup(two.course, progressBackup({ skipQuizzes: ['module-tools'], lessons: 40 }));
  await leave(second);
  await second.context().close();

  const third = await learnerPage(browser, C);
  const three = await enter(third, '2004');
  await expectLessonsDone(three.course, 40);
  expect(await noticeShown(three.launch)).toBe(false);
  await third.context().close();
  const t = tracks('2004', userid);
  expect(t.get('cmi.exit')).toBe('suspend');
  expect(t.get('cmi.success_status')).not.toBe('passed');
  report['resume (2004)'] = { totalTime: t.get('cmi.total_time'), suspendDataChars: (t.get('cmi.suspend_data') ?? '').length };
});
