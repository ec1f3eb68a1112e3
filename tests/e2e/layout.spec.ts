import type { Page } from '@playwright/test';
import { shippedCatalogue } from '../fixtures/catalogue.ts';
import { generatedRecord } from '../fixtures/records.ts';
import { expect, hydrated, test } from './fixtures.ts';

// The course is used from 360 px phones to projectors (issue 2): no page may make the whole
// document scroll sideways. A wide table or diagram may scroll inside its own box instead.

const PAGES = {
  'the course home': '/',
  'a text lesson (class activity)': '/lessons/activity-service-discussion/',
  'a lesson with tables and a knowledge check': '/lessons/what-is-service/',
  'a lesson with a knowledge check and a role-play': '/lessons/eight-step-complaint-method/',
  'my learning': '/me/',
  'the daily review': '/review/',
  'the HR page': '/hr/',
  'the glossary': '/glossary/',
  'the sources': '/sources/',
  'a module quiz': '/quizzes/module-mindset/',
  'a role-play': '/scenarios/angry-powerful-delayed-order/',
};

// A learner part-way through, so progress marks, the attempts table and the profile are drawn too.
const at = (n: number) => new Date(Date.UTC(2026, 0, 5, 9, n)).toISOString();
const attempt = (activityId: string, n: number, score: number) => ({
  activityId,
  activityKind: 'quiz',
  contentVersion: '',
  answers: {},
  score,
  maxScore: 10,
  passed: score >= 8,
  startedAt: at(n - 5),
  finishedAt: at(n),
});
const PROGRESS = {
  format: 'service-classroom/progress',
  version: 1,
  courseId: 'service-classroom',
  events: [
    {
      id: 'who',
      at: at(0),
      type: 'learner-set',
      learner: { name: '欧阳晓明', employeeId: 'E2026-000123456', department: '华东大区客户服务中心一部' },
    },
    { id: 'seen', at: at(1), type: 'lesson-viewed', lessonId: 'selling-starts-with-service' },
    { id: 'done', at: at(2), type: 'lesson-completed', lessonId: 'selling-starts-with-service' },
    { id: 'seen-2', at: at(3), type: 'lesson-viewed', lessonId: 'marketing-concepts' },
    { id: 'try-1', at: at(10), type: 'attempt', attempt: attempt('module-mindset', 10, 6) },
    { id: 'try-2', at: at(20), type: 'attempt', attempt: attempt('module-mindset', 20, 9) },
  ],
};

const VIEWPORTS = [
  { name: 'a 360 px phone', width: 360, height: 740 },
  { name: 'a 1280 px laptop', width: 1280, height: 800 },
];

/** Elements that reach past the right edge of the page and are not inside a box that scrolls or clips them, for the failure message. */
const overflowing = (page: Page) =>
  page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const clipped = (el: Element) => {
      for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
        if (getComputedStyle(up).overflowX !== 'visible') return true;
      }
      return false;
    };
    return [...document.body.querySelectorAll('*')]
      .filter((el) => el.getBoundingClientRect().right > width + 0.5 && !clipped(el))
      .slice(0, 5)
      .map(
        (el) =>
          `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${[...el.classList].join('.')} right=${Math.round(el.getBoundingClientRect().right)}`,
      );
  });

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  const { scrollWidth, clientWidth } = await page.evaluate(() => {
    const root = document.scrollingElement!;
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth };
  });
  expect(
    scrollWidth,
    `${page.url()} is ${scrollWidth} px wide in a ${clientWidth} px window: ${(await overflowing(page)).join('; ')}`,
  ).toBeLessThanOrEqual(clientWidth);
}

for (const viewport of VIEWPORTS) {
  test.describe(`on ${viewport.name}`, () => {
    test.use({ viewport: { width: viewport.width, height: viewport.height } });
    test.beforeEach(async ({ page }) => {
      await page.addInitScript((log) => {
        if (!localStorage.getItem('service-classroom:progress:v1')) localStorage.setItem('service-classroom:progress:v1', log);
      }, JSON.stringify(PROGRESS));
    });

    for (const [name, path] of Object.entries(PAGES)) {
      test(`${name} does not scroll sideways`, async ({ page }) => {
        await page.goto(path);
        await hydrated(page);
        await expectNoSidewaysScroll(page);
      });
    }

    test('the HR page with a folder of records loaded does not scroll sideways', async ({ page }) => {
      const catalogue = shippedCatalogue();
      await page.goto('/hr/');
      await hydrated(page);
      await page.locator('input[type="file"]').setInputFiles(
        Array.from({ length: 12 }, (_, n) => ({
          name: `completion-${n}.json`,
          mimeType: 'application/json',
          buffer: Buffer.from(JSON.stringify(generatedRecord(catalogue, n, 10))),
        })),
      );
      await expect(page.getByRole('region', { name: '学员列表' }).getByRole('row')).toHaveCount(13);
      await expectNoSidewaysScroll(page);
    });
  });
}
