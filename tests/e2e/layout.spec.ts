import type { Page } from '@playwright/test';
import { shippedCatalogue } from '../fixtures/catalogue.ts';
import { generatedRecord } from '../fixtures/records.ts';
import { expect, hydrated, test } from './fixtures.ts';

// The course is used from 360 px phones to projectors (issue 2): no page may make the whole
// document scroll sideways. A wide table or diagram may scroll inside its own box instead. And no
// table may squeeze a column until it reads one character a line (issue 16).

const PAGES = {
  'the course home': '/',
  'a text lesson (class activity)': '/lessons/activity-service-discussion/',
  'a lesson with tables and a knowledge check': '/lessons/what-is-service/',
  'a lesson with a knowledge check and a role-play': '/lessons/eight-step-complaint-method/',
  'a lesson with a three-column table': '/lessons/selling-starts-with-service/',
  'a lesson with a four-column table and a chart': '/lessons/your-communication-style/',
  'a lesson with the 16-step service cycle': '/lessons/service-process-map/',
  'my learning': '/me/',
  'the daily review': '/review/',
  'the HR page': '/hr/',
  'the glossary': '/glossary/',
  'the sources': '/sources/',
  'a module quiz': '/quizzes/module-mindset/',
  'the personality quiz result': '/quizzes/personality-types/',
  'the self-assessment result': '/assessments/communication-style/',
  'a role-play': '/scenarios/angry-powerful-delayed-order/',
  'the list of job aids': '/job-aids/',
  'a job aid with a wide table': '/job-aids/eight-step-lines/',
  'a job aid with a paper form': '/job-aids/complaint-record/',
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
    // Finished with nothing answered: the result screen, with its tables, is what shows.
    { id: 'try-3', at: at(30), type: 'attempt', attempt: attempt('personality-types', 30, 0) },
    { id: 'try-4', at: at(40), type: 'attempt', attempt: { ...attempt('communication-style', 40, 0), activityKind: 'assessment' } },
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

/**
 * Table cells squeezed narrower than two characters whose text wraps, for the failure message. A
 * cell whose whole text fits on one line ("0", "—") may be that narrow: nothing is broken.
 */
const squeezedCells = (page: Page) =>
  page.evaluate(() => {
    const hidden = (el: Element) => {
      for (let up: Element | null = el; up; up = up.parentElement) {
        const style = getComputedStyle(up);
        if (style.getPropertyValue('clip') !== 'auto' || style.clipPath !== 'none') return true;
      }
      return !el.checkVisibility({ visibilityProperty: true, opacityProperty: true });
    };
    const lines = (el: Element) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      return new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.bottom))).size;
    };
    return [...document.querySelectorAll('table :is(th, td)')]
      .filter((cell) => (cell.textContent ?? '').trim() !== '' && !hidden(cell))
      .flatMap((cell) => {
        const style = getComputedStyle(cell);
        const width = cell.getBoundingClientRect().width - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        const least = 2 * parseFloat(style.fontSize);
        return width < least - 0.5 && lines(cell) > 1
          ? [`"${(cell.textContent ?? '').trim().slice(0, 12)}" ${Math.round(width)} px < ${least} px`]
          : [];
      })
      .slice(0, 5);
  });

async function expectReadableTables(page: Page): Promise<void> {
  expect(await squeezedCells(page), `${page.url()}: table cells narrower than two characters`).toEqual([]);
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
      test(`${name} does not scroll sideways and its tables are readable`, async ({ page }) => {
        await page.goto(path);
        await hydrated(page);
        await expectNoSidewaysScroll(page);
        await expectReadableTables(page);
      });
    }

    test('the personality result shows its tables in full, the confusion table in a region a keyboard can scroll', async ({ page }) => {
      await page.goto('/quizzes/personality-types/');
      await hydrated(page);
      const region = page.getByRole('region', { name: '混淆表' });
      await expect(region.getByRole('table')).toBeVisible();
      await expect(region).toHaveAttribute('tabindex', '0');
      // The hint is for a screen too narrow for the table, not for a wide one.
      await expect(page.getByText('左右滑动查看')).toBeVisible({ visible: viewport.width < 544 });
    });

    test('the HR page with a folder of records loaded does not scroll sideways', async ({ page }) => {
      const catalogue = shippedCatalogue();
      await page.goto('/hr/');
      await hydrated(page);
      // The picker takes files once the worker has the catalogue; files given before are not read.
      await expect(page.locator('input[type="file"]')).toBeEnabled();
      await page.locator('input[type="file"]').setInputFiles(
        Array.from({ length: 12 }, (_, n) => ({
          name: `completion-${n}.json`,
          mimeType: 'application/json',
          buffer: Buffer.from(JSON.stringify(generatedRecord(catalogue, n, 10))),
        })),
      );
      await expect(page.getByRole('region', { name: '学员列表' }).getByRole('row')).toHaveCount(13);
      await expectNoSidewaysScroll(page);
      await expectReadableTables(page);
    });
  });
}
