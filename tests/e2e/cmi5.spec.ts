import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { CMI5_STATE_ID, readState, stateDocument } from '../../src/domain/cmi5/saved-state.ts';
import { PROGRESS_FORMAT, PROGRESS_VERSION, type ProgressEvent } from '../../src/domain/progress/events.ts';
import { readCatalogue } from '../../src/packaging/package-course.ts';
import { xapiProblems } from '../fixtures/xapi-validate.ts';
import { RETURN, startCmi5Lms, type Cmi5Lms, type LaunchOptions } from '../lms/cmi5-stand-in.ts';
import { expect, test } from './fixtures.ts';

// The cmi5 package as a cmi5 LMS launches it: the AU opened with the launch parameters, its token
// from the one-time fetch URL, LMS.LaunchData from the State API, and statements to the LRS.
// The learner's progress comes from the State API (seeded: every lesson but one done, every
// module quiz passed), so one lesson read to the end meets the course's completion rule.

const catalog = readCatalogue('dist');
const LAST = 'marketing-concepts';
const SESSION = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid';
const CMI5 = 'https://w3id.org/xapi/cmi5/context/categories/cmi5';

type Statement = Record<string, unknown> & {
  id: string;
  verb: { id: string };
  object: { id: string };
  context?: { registration?: string; contextActivities?: Record<string, { id: string }[]>; extensions?: Record<string, unknown> };
};

let lms: Cmi5Lms;
test.beforeAll(async () => {
  lms = await startCmi5Lms();
});
test.afterAll(async () => lms.close());

/** What a learner did before this launch: every lesson but the last completed, every module quiz passed. */
function seededEvents(): ProgressEvent[] {
  const at = (minute: number) => new Date(Date.UTC(2026, 2, 2, 8, minute)).toISOString();
  const lessons = catalog.map.lessons.filter((l) => l.id !== LAST);
  const events: ProgressEvent[] = lessons.flatMap((l, i): ProgressEvent[] => [
    { id: randomUUID(), at: at(i), type: 'lesson-viewed', lessonId: l.id },
    { id: randomUUID(), at: at(i), type: 'lesson-completed', lessonId: l.id },
  ]);
  for (const [i, id] of catalog.rule.requiredActivities.entries()) {
    const activity = catalog.activities.find((a) => a.id === id)!;
    events.push({
      id: randomUUID(),
      at: at(100 + i),
      type: 'attempt',
      attempt: {
        activityId: id,
        activityKind: 'quiz',
        contentVersion: activity.version,
        answers: { seed: 1, responses: {} },
        score: 5,
        maxScore: 5,
        passed: true,
        startedAt: at(99 + i),
        finishedAt: at(100 + i),
      },
    });
  }
  return events;
}

const verbOf = (s: Statement) => s.verb.id.split('/').at(-1);
const isCmi5Defined = (s: Statement) => (s.context?.contextActivities?.['category'] ?? []).some((a) => a.id === CMI5);

async function exitCourse(page: Page) {
  await page.getByRole('button', { name: '退出课程' }).click();
  await expect(page.getByRole('heading', { name: '已回到学习平台' })).toBeVisible();
}

test('a cmi5 LMS launches the AU: token fetched once, launch data read, initialized first, completed and passed when the rule is met, terminated last; the next launch resumes from the saved state and sends neither again; closing the window terminates too', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  // The course structure the LMS imported: the course's own title and description, one AU.
  expect(lms.courseStructure).toContain(`<langstring lang="zh-CN">${catalog.course.description!}</langstring>`);
  const publisherAu = /<au id="([^"]+)"/.exec(lms.courseStructure)![1]!;
  const launch: LaunchOptions = {
    actor: { objectType: 'Agent', name: '王小明', account: { homePage: 'https://lms.example.invalid', name: 'E1024' } },
    registration: randomUUID(),
    activityId: 'https://lms.example.invalid/courses/42/au/7',
    launchData: {
      contextTemplate: {
        contextActivities: { grouping: [{ objectType: 'Activity', id: publisherAu }] },
        extensions: { [SESSION]: 'session-1' },
      },
      launchMode: 'Normal',
      moveOn: 'CompletedAndPassed',
      returnURL: `${lms.origin}${RETURN}`,
    },
  };
  lms.setState(
    launch,
    CMI5_STATE_ID,
    stateDocument({
      progress: { format: PROGRESS_FORMAT, version: PROGRESS_VERSION, courseId: catalog.course.id, events: seededEvents() },
      moveOn: [],
      sent: [],
    }),
  );

  // The first session: the last lesson, read to the end.
  const url = lms.launchUrl(launch);
  await page.goto(url);
  const course = page.frameLocator('[data-course-frame]');
  await expect(course.getByRole('heading', { level: 1 })).toContainText('客服课堂');
  await course.locator('body').evaluate((_, lesson) => (location.href = `lessons/${lesson}/index.html`), LAST);
  await course.locator('[data-lesson-completion]').scrollIntoViewIfNeeded();
  await expect(course.getByText('本课已完成')).toBeVisible();
  const auVerbs = () => (lms.statements as Statement[]).filter((s) => s.object.id === launch.activityId).map(verbOf);
  await expect.poll(auVerbs).toEqual(['initialized', 'completed', 'passed']);
  await expect(page.locator('[data-lms-notice]')).toBeHidden();
  await exitCourse(page);

  // The launch sequence, as the LMS saw it.
  const first = [...(lms.statements as Statement[])];
  expect(lms.requests.filter((r) => r.path === '/fetch')).toHaveLength(1);
  expect(lms.requests.some((r) => r.method === 'GET' && r.path === 'state:LMS.LaunchData')).toBe(true);
  expect(verbOf(first[0]!)).toBe('initialized');
  expect(verbOf(first.at(-1)!)).toBe('terminated');
  expect(first.filter(isCmi5Defined).map(verbOf)).toEqual(['initialized', 'completed', 'passed', 'terminated']);
  for (const s of first) {
    expect(xapiProblems(s), `statement ${s.id} (${verbOf(s)})`).toEqual([]);
    expect(s.context?.registration).toBe(launch.registration);
    expect(s.context?.contextActivities?.['grouping']).toContainEqual({ objectType: 'Activity', id: publisherAu });
    expect(s.context?.extensions?.[SESSION]).toBe('session-1');
    expect(s['actor']).toEqual(launch.actor);
  }
  // The course's own statements came too: the lesson just completed, and the seeded quizzes passed.
  const course1 = first.filter((s) => !isCmi5Defined(s));
  expect(course1.some((s) => verbOf(s) === 'completed' && s.object.id === `${launch.activityId}/lessons/${LAST}`)).toBe(true);
  expect(course1.filter((s) => verbOf(s) === 'passed' && s.object.id.includes('/quizzes/module-'))).toHaveLength(
    catalog.rule.requiredActivities.length,
  );

  // The fetch URL is one-time: asked again, it answers with the spec's error, not a token.
  const again = await page.request.post(new URL(url).searchParams.get('fetch')!);
  expect(await again.json()).toMatchObject({ 'error-code': '1' });

  // What the AU saved for the next launch.
  const saved = readState(lms.getState(launch, CMI5_STATE_ID), catalog.course.id);
  expect(saved.problem).toBeUndefined();
  expect(saved.state.moveOn).toEqual(['completed', 'passed']);
  expect(saved.state.location).toBe(`lessons/${LAST}/index.html`);
  expect(saved.state.progress.events.some((e) => e.type === 'lesson-completed' && e.lessonId === LAST)).toBe(true);

  // The next launch, in another browser (nothing kept locally): it opens where the learner was, with the lesson done.
  const other = await browser.newContext();
  try {
    const second = await other.newPage();
    await second.goto(lms.launchUrl(launch));
    const resumed = second.frameLocator('[data-course-frame]');
    await expect(resumed.locator('h1')).toContainText(catalog.map.lessons.find((l) => l.id === LAST)!.title);
    await resumed.locator('[data-lesson-completion]').scrollIntoViewIfNeeded();
    await expect(resumed.getByText('本课已完成')).toBeVisible();
    await exitCourse(second);
  } finally {
    await other.close();
  }
  // A third launch that the learner ends by closing the window, without 退出: terminated still arrives.
  const third = await browser.newContext();
  const closing = await third.newPage();
  await closing.goto(lms.launchUrl(launch));
  await expect(closing.frameLocator('[data-course-frame]').locator('h1')).toBeVisible();
  await closing.close({ runBeforeUnload: true });
  const later = () => (lms.statements as Statement[]).slice(first.length);
  // The browser stays open, as it does when a learner closes a tab: closing the whole context at
  // once would cancel the closing page's keepalive request with it.
  try {
    await expect.poll(() => later().filter(isCmi5Defined).map(verbOf)).toEqual(['initialized', 'terminated', 'initialized', 'terminated']);
  } finally {
    await third.close();
  }
  for (const s of later()) expect(xapiProblems(s)).toEqual([]);
  const ids = (lms.statements as Statement[]).map((s) => s.id);
  expect(new Set(ids).size).toBe(ids.length);
  expect(lms.requests.filter((r) => r.path === '/fetch')).toHaveLength(4);
});
