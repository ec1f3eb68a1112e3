import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FrameLocator, Page } from '@playwright/test';
import { parse } from 'yaml';
import { lessonsToComplete } from '../../src/domain/course-map.ts';
import type { ScormVersion } from '../../src/domain/scorm/cmi.ts';
import { untagSuspendData } from '../../src/domain/scorm/resume.ts';
import { decodeSuspendData, SCORM12_SUSPEND_LIMIT } from '../../src/domain/scorm/suspend-data.ts';
import { bestRun } from '../../src/domain/scenario/best-path.ts';
import { readCatalogue } from '../../src/packaging/package-course.ts';
import { quizSchema } from '../../src/schemas/quiz.ts';
import { scenarioSchema } from '../../src/schemas/scenario.ts';
import { expect, hydrated, test } from './fixtures.ts';
import { questionIn, readQuiz, rightLabels } from './quiz-answers.ts';
import { checkManifestSchemas, packagePath, startLms, type Lms } from './scorm-lms.ts';

// The course as an LMS sees it: the packages `npm run package` writes, unzipped under a deep LMS
// path, launched from a page that holds scorm-again's SCORM 1.2 or 2004 API, as an LMS player does.

const catalog = readCatalogue('dist');
const yaml = (path: string): unknown => parse(readFileSync(fileURLToPath(new URL(`../../content/${path}`, import.meta.url)), 'utf8'));
const SCENARIO = scenarioSchema.parse(yaml('scenarios/angry-powerful-delayed-order.yaml'));
const BEST = bestRun(SCENARIO)!;
const MODULE_QUIZ = quizSchema.parse(yaml('quizzes/module-mindset.yaml'));
const line = (nodeId: string, choiceId: string) => SCENARIO.nodes.find((n) => n.id === nodeId)!.choices.find((c) => c.id === choiceId)!.say;

/** The first lesson's check, answered right from its file. */
const FIRST_CHECK = readQuiz('kc-selling-starts-with-service');

let lms: Lms;
test.beforeAll(async () => {
  lms = await startLms();
});
test.afterAll(async () => lms.close());

type Cmi = Record<string, unknown>;

interface Launch {
  course: FrameLocator;
  launchFrame: FrameLocator;
}

/** Opens the harness as the LMS would launch the course, with what the LMS has stored for the learner. */
async function launch(page: Page, version: ScormVersion, stored: Cmi): Promise<Launch> {
  await page.addInitScript((config) => Object.assign(window, { __lms: config }), { version, packagePath: packagePath(version), stored });
  await page.goto(`${lms.origin}/harness.html`);
  const launchFrame = page.frameLocator('#sco');
  return { launchFrame, course: launchFrame.frameLocator('[data-course-frame]') };
}

/** Everything the LMS holds, read from its side. */
const lmsData = (page: Page, version: ScormVersion): Promise<Cmi> =>
  page.evaluate((v) => {
    const api = (window as unknown as Record<string, { renderCMIToJSONObject(): { cmi: Cmi } }>)[v === '1.2' ? 'API' : 'API_1484_11']!;
    return api.renderCMIToJSONObject().cmi;
  }, version);

const get = (data: Cmi, path: string): unknown => path.split('.').reduce<unknown>((v, key) => (v as Cmi | undefined)?.[key], data);

function interactionsOf(data: Cmi): Cmi[] {
  const list = get(data, 'interactions') as Cmi | Cmi[] | undefined;
  const raw = Array.isArray(list) ? list : Object.values((list as Cmi | undefined)?.['childArray'] ?? list ?? {});
  return raw as Cmi[];
}

async function answerFirstCheck(course: FrameLocator) {
  const form = course.locator('form.quiz-form');
  for (const fieldset of await form.locator('fieldset').all()) {
    const legend = (await fieldset.locator('legend').textContent()) ?? '';
    const q = questionIn(FIRST_CHECK, legend);
    const right = q ? rightLabels(q) : [];
    for (const label of right) await fieldset.getByLabel(label, { exact: true }).check();
  }
  await form.getByRole('button', { name: '提交答案' }).click();
}

/**
 * Answers the module quiz's choice and true/false questions right, in the order written, as many
 * as keep the score below the pass mark even if every ordering happened to be shown right, and
 * leaves the rest alone; an ordering question left alone is answered with the order it was shown
 * in. Returns the number of questions answered right.
 */
async function answerModuleQuizPartly(course: FrameLocator): Promise<number> {
  const form = course.locator('form.quiz-form');
  const orderings = MODULE_QUIZ.questions.filter((q) => q.type === 'ordering').length;
  const budget = Math.ceil((MODULE_QUIZ.passMark * MODULE_QUIZ.questions.length) / 100 - orderings) - 1;
  let answered = 0;
  for (const q of MODULE_QUIZ.questions) {
    if (answered === budget) break;
    const fieldset = form.locator('fieldset').filter({ hasText: q.prompt });
    if (q.type === 'single' || q.type === 'multiple') {
      for (const o of q.options.filter((x) => x.correct)) await fieldset.getByLabel(o.text, { exact: true }).check();
      answered++;
    } else if (q.type === 'truefalse') {
      await fieldset.getByLabel(rightLabels(q)[0]!, { exact: true }).check();
      answered++;
    }
  }
  // Unanswered questions are pointed out once; a second press submits anyway.
  await form.getByRole('button', { name: '提交答案' }).click();
  await form.getByRole('button', { name: '提交答案' }).click();
  return answered;
}

async function playBestRun(course: FrameLocator) {
  await course.getByRole('button', { name: '开始对话' }).click();
  for (const [nodeId, choiceId] of BEST.path) {
    await course
      .getByRole('group', { name: '你怎么回应？' })
      .getByRole('button', { name: line(nodeId, choiceId) })
      .click();
  }
  await expect(course.getByText('通过', { exact: true })).toBeVisible();
}

const STARTING: Record<ScormVersion, Cmi> = {
  '1.2': { core: { student_id: 'E1024', student_name: '王, 小明' } },
  '2004': { learner_id: 'E1024', learner_name: '王, 小明' },
};

/** What an LMS keeps between launches and gives back on the next one ("resume", since the course exited with "suspend"). */
function storedAfter(version: ScormVersion, data: Cmi): Cmi {
  if (version === '1.2') {
    return {
      core: {
        student_id: get(data, 'core.student_id'),
        student_name: get(data, 'core.student_name'),
        lesson_location: get(data, 'core.lesson_location'),
        lesson_status: get(data, 'core.lesson_status'),
        entry: 'resume',
      },
      suspend_data: get(data, 'suspend_data'),
    };
  }
  return {
    learner_id: get(data, 'learner_id'),
    learner_name: get(data, 'learner_name'),
    location: get(data, 'location'),
    completion_status: get(data, 'completion_status'),
    success_status: get(data, 'success_status'),
    entry: 'resume',
    suspend_data: get(data, 'suspend_data'),
  };
}

for (const version of ['1.2', '2004'] as const) {
  test(`SCORM ${version}: a learner in the LMS finishes lessons, a quiz and a role-play; the LMS holds status, score, interactions and suspend data; the next launch resumes at the bookmark with progress restored`, async ({
    page,
    browser,
  }) => {
    test.setTimeout(120_000);
    const { course } = await launch(page, version, STARTING[version]);

    // Lesson one, with its knowledge check.
    await expect(course.getByRole('heading', { level: 1 })).toContainText('客服课堂');
    await course.getByRole('link', { name: '开始学习' }).click();
    await expect(course.getByRole('heading', { name: '学完本课，你将能够' })).toBeVisible();
    await hydrated(course.locator('body'));
    await answerFirstCheck(course);
    await expect(course.getByRole('heading', { name: /^通过\s*得分 100%（4 题中答对 4 题）/ })).toBeVisible();
    await course.locator('[data-lesson-completion]').scrollIntoViewIfNeeded();
    await expect(course.getByText('本课已完成')).toBeVisible();

    // The module quiz, partly answered: a score, not yet a pass.
    await course.locator('body').evaluate(() => (location.href = '../../quizzes/module-mindset/index.html'));
    await hydrated(course.locator('body'));
    const answered = await answerModuleQuizPartly(course);
    const result = course.getByRole('heading', { name: new RegExp(`^未通过\\s*得分 \\d+%（${MODULE_QUIZ.questions.length} 题中答对`) });
    await expect(result).toBeVisible();
    // The questions answered right are counted as such; each shown-as-is ordering adds part of a
    // point (the shuffle never shows it right), so the exact score lies below answered + orderings.
    await expect(result).toContainText(`答对 ${answered} 题`);
    const orderings = MODULE_QUIZ.questions.filter((q) => q.type === 'ordering').length;

    // A role-play, played to its best ending, reached through the course's own navigation.
    await course.getByRole('link', { name: '情景演练' }).first().click();
    await course.getByRole('link', { name: SCENARIO.title, exact: true }).click();
    await hydrated(course.locator('body'));
    await playBestRun(course);

    // Lesson two, read to the end: the last page seen is the bookmark.
    await course.locator('body').evaluate(() => (location.href = '../../lessons/marketing-concepts/index.html'));
    await course.locator('[data-lesson-completion]').scrollIntoViewIfNeeded();
    await expect(course.getByText('本课已完成')).toBeVisible();

    // What the LMS holds now.
    const overall = (score: number) => Math.floor(((score / MODULE_QUIZ.questions.length) * 100) / catalog.rule.requiredActivities.length);
    const sent = async () => Number(get(await lmsData(page, version), version === '1.2' ? 'core.score.raw' : 'score.raw') || NaN);
    await expect.poll(sent).toBeGreaterThanOrEqual(overall(answered));
    expect(await sent()).toBeLessThanOrEqual(overall(answered + orderings));
    const data = await lmsData(page, version);
    const interactions = interactionsOf(data);
    const ids = interactions.map((i) => i['id']);
    // SCORM 1.2 reports every question and decision; 2004 the graded activities' only (INTERACTION_BUDGET).
    expect(ids).toEqual(
      expect.arrayContaining(
        version === '1.2'
          ? [
              'kc-selling-starts-with-service.essence',
              'kc-selling-starts-with-service.two-keys',
              'module-mindset.four-c',
              ...BEST.path.map(([node]) => `${SCENARIO.id}.${node}`),
            ]
          : ['module-mindset.four-c'],
      ),
    );
    expect(interactions).toHaveLength(version === '1.2' ? 4 + answered + orderings + BEST.path.length : answered + orderings);
    const twoKeys = interactions.find((i) => i['id'] === 'kc-selling-starts-with-service.two-keys')!;
    const firstDecision = interactions.find((i) => i['id'] === `${SCENARIO.id}.${BEST.path[0]![0]}`)!;
    const fourC = interactions.find((i) => i['id'] === 'module-mindset.four-c')!;
    const [firstNode, firstChoice] = BEST.path[0]!;
    const choiceIndex = SCENARIO.nodes.find((n) => n.id === firstNode)!.choices.findIndex((c) => c.id === firstChoice);
    if (version === '1.2') {
      expect(get(data, 'core.lesson_status')).toBe('incomplete');
      expect(get(data, 'core.score.min')).toBe('0');
      expect(get(data, 'core.score.max')).toBe('100');
      expect(get(data, 'core.lesson_location')).toBe('lessons/marketing-concepts/index.html');
      expect(twoKeys).toMatchObject({ type: 'choice', result: 'correct' });
      expect(twoKeys['student_response']).toMatch(/^[a-z],[a-z]$/);
      expect(get(twoKeys, 'correct_responses.childArray.0.pattern') ?? get(twoKeys, 'correct_responses.0.pattern')).toBe(
        twoKeys['student_response'],
      );
      expect(firstDecision).toMatchObject({ type: 'choice', result: 'correct', student_response: 'abcdefghij'[choiceIndex] });
    } else {
      expect(get(data, 'completion_status')).toBe('incomplete');
      expect(get(data, 'success_status')).toBe('unknown');
      expect(get(data, 'score.scaled')).toBe(String((await sent()) / 100));
      expect(get(data, 'progress_measure')).toBe(String(Math.round((2 / lessonsToComplete(catalog.map.lessons).length) * 100) / 100));
      expect(get(data, 'location')).toBe('lessons/marketing-concepts/index.html');
      expect(fourC).toMatchObject({ type: 'choice', result: 'correct' });
      expect(fourC['learner_response']).toMatch(/^[\w.]{1,250}$/);
      expect(get(fourC, 'correct_responses.childArray.0.pattern') ?? get(fourC, 'correct_responses.0.pattern')).toBe(
        fourC['learner_response'],
      );
    }

    // The suspend data is the progress log, compact: it decodes to what the learner did.
    const suspend = String(get(data, 'suspend_data'));
    expect(suspend.length).toBeLessThan(SCORM12_SUSPEND_LIMIT);
    const decoded = decodeSuspendData(catalog, untagSuspendData(suspend).text);
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    // Suspend data keeps whole seconds, and events within one second sort by id, so compare as sets.
    expect(decoded.events.flatMap((e) => (e.type === 'lesson-completed' ? [e.lessonId] : [])).sort()).toEqual([
      'marketing-concepts',
      'selling-starts-with-service',
    ]);
    expect(decoded.events.flatMap((e) => (e.type === 'attempt' ? [[e.attempt.activityId, e.attempt.passed]] : [])).sort()).toEqual(
      [
        ['kc-selling-starts-with-service', true],
        ['module-mindset', false],
        [SCENARIO.id, true],
      ].sort(),
    );

    // The learner closes the course (the LMS unloads its frame): the session ends with the time
    // spent and "suspend", so the LMS offers to resume next time.
    await page.locator('#sco').evaluate((frame: HTMLIFrameElement) => (frame.src = 'about:blank'));
    await expect
      .poll(() =>
        page.evaluate(
          (v) => (window as unknown as Record<string, { isTerminated(): boolean }>)[v]!.isTerminated(),
          version === '1.2' ? 'API' : 'API_1484_11',
        ),
      )
      .toBe(true);
    const closed = await lmsData(page, version);
    if (version === '1.2') {
      expect(get(closed, 'core.exit')).toBe('suspend');
      expect(get(closed, 'core.session_time')).toMatch(/^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/);
      expect(get(closed, 'core.session_time')).not.toMatch(/^0+:00:00(\.0+)?$/);
    } else {
      expect(get(closed, 'exit')).toBe('suspend');
      expect(get(closed, 'session_time')).toMatch(/^PT(\d+H)?(\d+M)?[\d.]+S$/);
    }

    // A second launch on another computer (nothing in this browser): the LMS's copy is all there is.
    const context = await browser.newContext({ locale: 'zh-CN' });
    const again = await context.newPage();
    const second = await launch(again, version, storedAfter(version, closed));
    await expect(second.course.getByRole('heading', { level: 1 })).toContainText('营销观念');
    await expect(second.course.getByText('本课已完成')).toBeVisible();
    await second.course.getByRole('link', { name: '课程首页' }).first().click();
    await expect(second.course.locator('[data-module="mindset"]')).toContainText('已完成 2/5 课');
    await expect(second.course.getByRole('link', { name: '继续学习' })).toHaveAttribute('href', 'lessons/what-is-service/index.html');
    // The quiz result came back with its answers: the first lesson shows the passed check.
    await second.course.locator('[data-lesson="selling-starts-with-service"] a').first().click();
    await hydrated(second.course.locator('body'));
    await expect(second.course.getByRole('heading', { name: /^通过\s*得分 100%（4 题中答对 4 题）/ })).toBeVisible();
    // The LMS's learner is the course's learner.
    await second.course.getByRole('link', { name: '我的学习' }).first().click();
    await hydrated(second.course.locator('body'));
    await expect(second.course.getByLabel('姓名')).toHaveValue('王小明');
    await expect(second.course.getByLabel('工号')).toHaveValue('E1024');
    // And 我的学习 says the LMS keeps the progress, not this browser alone.
    await expect(second.course.getByText('你的学习进度保存在学习平台（LMS）上')).toBeVisible();
    await expect(second.course.getByText('这里的一切都只保存在你当前使用的浏览器里')).toBeHidden();
    // Nothing was reported twice: the relaunch sent no interaction again.
    const resumed = await lmsData(again, version);
    expect(interactionsOf(resumed)).toHaveLength(0);
    await context.close();
  });
}

test('an LMS that goes away mid-session: the learner is told, progress stays in the browser, the diagnostics panel shows what happened, and the next launch sends it', async ({
  page,
}) => {
  const { course, launchFrame } = await launch(page, '1.2', { core: { student_id: 'E2048', student_name: '李, 娜' } });
  await course.getByRole('link', { name: '开始学习' }).click();
  await course.locator('[data-lesson-completion]').scrollIntoViewIfNeeded();
  await expect(course.getByText('本课已完成')).toBeVisible();
  await expect.poll(async () => get(await lmsData(page, '1.2'), 'suspend_data')).not.toBe('');
  const beforeItWent = await lmsData(page, '1.2');

  // The LMS's window is torn down: every call to its API now throws.
  await page.evaluate(() => {
    const api = (window as unknown as { API: Record<string, unknown> }).API;
    for (const name of ['LMSGetValue', 'LMSSetValue', 'LMSCommit', 'LMSFinish', 'LMSGetLastError', 'LMSGetErrorString', 'LMSGetDiagnostic'])
      api[name] = () => {
        throw new TypeError("can't access dead object");
      };
  });
  await course.locator('body').evaluate(() => (location.href = '../marketing-concepts/index.html'));
  await course.locator('[data-lesson-completion]').scrollIntoViewIfNeeded();
  await expect(course.getByText('本课已完成')).toBeVisible();
  const notice = launchFrame.getByRole('status').filter({ hasText: '与学习平台（LMS）的连接中断了' });
  await expect(notice).toBeVisible();
  // The page itself has nothing to warn about: its progress is saved.
  await expect(course.getByRole('status').filter({ hasText: '学习进度暂时无法保存到浏览器' })).toBeHidden();

  // Ctrl+Alt+D, pressed while reading the course, opens the log a support person asks for.
  await course.locator('main').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+Alt+KeyD');
  const panel = launchFrame.getByRole('dialog', { name: '学习平台连接诊断' });
  await expect(panel).toBeVisible();
  const log = panel.getByRole('textbox', { name: '诊断日志' });
  await expect(log).toHaveValue(/SCORM 1\.2 API found on this window → parent 1/);
  await expect(log).toHaveValue(/LMSInitialize\(""\) → "true"/);
  await expect(log).toHaveValue(/threw TypeError: can't access dead object: the LMS is no longer reachable/);
  // The launch page and the course in it, not the stand-in LMS around them.
  const { violations } = await new AxeBuilder({ page }).include('#sco').analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();

  // The next launch, in this browser, from what the LMS last stored: the second lesson reaches it now.
  await page.locator('#sco').evaluate((frame: HTMLIFrameElement) => (frame.src = 'about:blank'));
  const again = await page.context().newPage();
  const second = await launch(again, '1.2', storedAfter('1.2', beforeItWent));
  await expect(second.course.getByText('本课已完成')).toBeVisible();
  await expect
    .poll(async () => {
      const decoded = decodeSuspendData(catalog, untagSuspendData(String(get(await lmsData(again, '1.2'), 'suspend_data'))).text);
      return decoded.ok ? decoded.events.flatMap((e) => (e.type === 'lesson-completed' ? [e.lessonId] : [])) : [];
    })
    .toEqual(['selling-starts-with-service', 'marketing-concepts']);
  await expect(second.launchFrame.getByRole('status')).toBeHidden();
});

test('the diagnostics panel fits an LMS frame of any width down to 320 px, with nothing to scroll sideways', async ({ page }) => {
  for (const width of [714, 480, 320]) {
    await page.setViewportSize({ width, height: 640 });
    await page.goto(`${lms.origin}${packagePath('1.2')}scorm/launch.html`);
    await page.frameLocator('[data-course-frame]').getByRole('link', { name: '开始学习' }).waitFor();
    await page.keyboard.press('Control+Alt+KeyD');
    const panel = page.getByRole('dialog', { name: '学习平台连接诊断' });
    await expect(panel).toBeVisible();
    const fit = await panel.evaluate((dialog) => {
      const box = dialog.getBoundingClientRect();
      const overflowing = [dialog, ...dialog.querySelectorAll('*')].filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && (r.left < 0 || r.right > document.documentElement.clientWidth);
      });
      return {
        left: box.left,
        right: box.right,
        viewport: document.documentElement.clientWidth,
        pageScrolls: document.documentElement.scrollWidth > document.documentElement.clientWidth,
        panelScrolls: dialog.scrollWidth > dialog.clientWidth,
        overflowing: overflowing.map((el) => el.tagName),
      };
    });
    expect(fit.left, `at ${width} px`).toBeGreaterThanOrEqual(0);
    expect(fit.right, `at ${width} px`).toBeLessThanOrEqual(fit.viewport);
    expect({ page: fit.pageScrolls, panel: fit.panelScrolls, overflowing: fit.overflowing }, `at ${width} px`).toEqual({
      page: false,
      panel: false,
      overflowing: [],
    });
    // The buttons stay within reach and usable.
    await expect(panel.getByRole('button', { name: '关闭' })).toBeInViewport();
    await panel.getByRole('button', { name: '关闭' }).click();
    await expect(panel).toBeHidden();
  }
});

test('without an LMS, the package’s launch page runs the course in its ordinary local mode', async ({ page }) => {
  await page.goto(`${lms.origin}${packagePath('2004')}scorm/launch.html`);
  const course = page.frameLocator('[data-course-frame]');
  await course.getByRole('link', { name: '开始学习' }).click();
  await course.locator('[data-lesson-completion]').scrollIntoViewIfNeeded();
  await expect(course.getByText('本课已完成')).toBeVisible();
  await expect(page.getByRole('status')).toBeHidden();
  const stored = await page.evaluate(
    () => JSON.parse(localStorage.getItem('service-classroom:progress:v1') ?? '{"events":[]}') as { events: { type: string }[] },
  );
  expect(stored.events.map((e) => e.type)).toEqual(['lesson-viewed', 'lesson-completed']);
  // 我的学习 says what the website says: this browser is all that keeps the progress.
  await course.locator('body').evaluate(() => (location.href = '../../me/index.html'));
  await expect(course.getByText('这里的一切都只保存在你当前使用的浏览器里')).toBeVisible();
  await expect(course.getByText('你的学习进度保存在学习平台（LMS）上')).toBeHidden();

  // The certificate lists the lessons still to do, each linked to its page inside the package.
  await page.goto(`${lms.origin}${packagePath('2004')}me/certificate/index.html`);
  // The list as drawn from this browser's progress (the built page lists every lesson).
  await hydrated(page);
  const todo = page.getByRole('link', { name: '营销观念的演进：从工厂走向客户' });
  await todo.click();
  await expect(page.getByRole('heading', { level: 1, name: '营销观念的演进：从工厂走向客户' })).toBeVisible();

  // The HR page's worker finds the course catalogue from inside the package too.
  await page.goto(`${lms.origin}${packagePath('2004')}hr/index.html`);
  await expect(page.locator('input[type="file"]')).toBeEnabled();
  await expect(page.getByRole('status').filter({ hasText: '无法读取课程内容' })).toHaveCount(0);
});

test('each package’s manifest is well-formed XML that lists every file of the package, every file it lists is there, and no link in it points nowhere', async ({
  page,
}) => {
  expect(lms.missing, 'links in the packaged pages that point at no file of the package').toEqual([]);
  await page.goto(`${lms.origin}/harness.html`);
  for (const version of ['1.2', '2004'] as const) {
    const listed = await page.evaluate((xml) => {
      const doc = new DOMParser().parseFromString(xml, 'application/xml');
      if (doc.querySelector('parsererror')) return ['parse error'];
      return [...doc.getElementsByTagName('file')].map((f) => decodeURIComponent(f.getAttribute('href') ?? ''));
    }, lms.manifests[version]);
    expect([...listed].sort()).toEqual([...lms.contents[version]].sort());
    expect(listed).toEqual(expect.arrayContaining(['index.html', 'scorm/launch.html', 'scorm/launch.js', 'scorm/frame.js']));
    for (const path of listed) {
      const response = await page.request.get(`${lms.origin}${packagePath(version)}${path}`);
      expect(response.status(), path).toBe(200);
    }
  }
});

test('each package carries the XML Schemas its manifest names, and the manifest validates against them (xmllint)', () => {
  const expected = {
    '1.2': ['imscp_rootv1p1p2.xsd', 'imsmd_rootv1p2p1.xsd', 'adlcp_rootv1p2.xsd'],
    '2004': ['imscp_v1p1.xsd', 'adlcp_v1p3.xsd', 'adlseq_v1p3.xsd', 'adlnav_v1p3.xsd', 'imsss_v1p0.xsd'],
  } as const;
  for (const version of ['1.2', '2004'] as const) {
    const check = checkManifestSchemas(lms.zips[version]);
    expect(check.named.map((n) => n.file)).toEqual(expected[version]);
    expect(check.named.filter((n) => !n.inZip)).toEqual([]);
    expect(check.valid, check.output).toBe(true);
    expect(check.output).toMatch(/imsmanifest\.xml validates$/);
    expect(check.output).not.toMatch(/failed to load|Skipping import/i);
  }
});
