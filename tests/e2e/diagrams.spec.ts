import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

// Each diagram a lesson teaches with: it is in the lesson, a screen reader gets its name and what
// it shows, and its words are large enough to read on a 360 px phone and on a projector slide.

const DIAGRAMS = [
  {
    lesson: 'service-process-map',
    heading: '例子：逛一趟超市',
    role: 'figure',
    name: /超市购物的服务圈/,
    says: ['进入停车场', '拿包', '开车离开'],
  },
  {
    lesson: 'service-process-map',
    heading: '示范：热线报修的服务圈',
    role: 'img',
    name: /热线报修的服务流程图/,
    says: ['第 3 步，排队等人工，客户感到失望', '第 5 步，预约上门，客户感到满意', '最该先改进的是第 3 步排队等人工和第 6 步等师傅上门'],
  },
  {
    lesson: 'learning-relationship',
    heading: '四个步骤',
    role: 'figure',
    name: /学习型关系的四步循环/,
    says: ['区分你的客户', '按需定制'],
  },
  {
    lesson: 'buying-psychology',
    heading: '需求有层次：马斯洛的理论',
    role: 'img',
    name: /马斯洛需求层次/,
    says: ['第 1 层生理需求', '第 5 层自我实现需求'],
  },
  { lesson: 'customer-value-ladder', heading: undefined, role: 'img', name: /客户价值阶梯/, says: ['10%', '40%'] },
  {
    lesson: 'your-communication-style',
    heading: '坐标图与四个象限',
    role: 'img',
    name: /沟通风格坐标图/,
    says: ['第 I 象限是控制力', '第 IV 象限是表现力'],
  },
  {
    lesson: 'positional-and-personal-influence',
    heading: '两类影响力',
    role: 'img',
    name: /影响力的两个来源/,
    says: ['强制性影响力', '个人魅力'],
  },
  {
    lesson: 'positional-and-personal-influence',
    heading: '个人风格也是影响力',
    role: 'img',
    name: /沟通风格坐标图/,
    says: ['第 II 象限是思考力', '第 III 象限是亲和力'],
  },
] as const;

/** The smallest size, in CSS pixels, at which any word of a diagram is drawn. */
const smallestText = (diagram: Locator) =>
  diagram.evaluate((root) => {
    const svgs = [...(root instanceof SVGSVGElement ? [root] : root.querySelectorAll('svg'))].filter((s) => s.getClientRects().length > 0);
    const sizes = svgs.flatMap((svg) => {
      const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
      return [...svg.querySelectorAll('text')].map((text) => parseFloat(getComputedStyle(text).fontSize) * scale);
    });
    return sizes.length === 0 ? 0 : Math.min(...sizes);
  });

/** The name and description a screen reader is given, whichever way the diagram provides them. */
const spoken = (diagram: Locator) =>
  diagram.evaluate((el) => {
    const byIds = (attr: string) =>
      (el.getAttribute(attr) ?? '')
        .split(/\s+/)
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' ');
    // A figure that hides its drawing reads out its list; an img reads its title and description.
    const text = el.tagName === 'FIGURE' ? (el.querySelector('.visually-hidden')?.textContent ?? '') : byIds('aria-labelledby');
    return text.replace(/\s+/g, ' ');
  });

async function diagramIn(page: Page, d: (typeof DIAGRAMS)[number]): Promise<Locator> {
  // The lesson section (one `## ` heading) the diagram belongs in.
  const scope = d.heading
    ? page.locator('section.lesson-section', { has: page.getByRole('heading', { name: d.heading, exact: true }) })
    : page;
  const diagram = scope.getByRole(d.role, { name: d.name });
  await expect(diagram).toHaveCount(1);
  return diagram;
}

for (const viewport of [
  { name: 'a 360 px phone', width: 360, height: 740 },
  { name: 'a 1280 px laptop', width: 1280, height: 800 },
]) {
  test.describe(`on ${viewport.name}`, () => {
    test.use({ viewport: { width: viewport.width, height: viewport.height } });

    for (const d of DIAGRAMS) {
      test(`the ${d.name.source} diagram in /lessons/${d.lesson}/ is named, described and readable`, async ({ page }) => {
        await page.goto(`/lessons/${d.lesson}/`);
        const diagram = await diagramIn(page, d);
        await diagram.scrollIntoViewIfNeeded();
        await expect(diagram).toBeVisible();
        const text = await spoken(diagram);
        for (const fact of d.says) expect(text).toContain(fact);
        expect(await smallestText(diagram)).toBeGreaterThanOrEqual(12);
      });
    }
  });
}

test('on a 1280 × 720 projector the 服务圈 slide shows the wide drawing, its words at least 14 px', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/present/service-process-map/');
  await expect(page.locator('[data-slideshow]')).toHaveAttribute('data-ready', '');
  await page.getByRole('button', { name: '总览' }).click();
  await page
    .getByRole('dialog', { name: '总览' })
    .getByRole('button', { name: /例子：逛一趟超市/ })
    .click();
  const figure = page.getByRole('figure', { name: /超市购物的服务圈/ }).filter({ visible: true });
  await expect(figure.locator('svg.wide')).toBeVisible();
  await expect(figure.locator('svg.narrow')).toBeHidden();
  expect(await smallestText(figure)).toBeGreaterThanOrEqual(14);
});

test('on a 1280 × 720 projector the hotline process map runs across the slide, whole, its words at least 14 px', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/present/service-process-map/');
  await expect(page.locator('[data-slideshow]')).toHaveAttribute('data-ready', '');
  await page.getByRole('button', { name: '总览' }).click();
  await page
    .getByRole('dialog', { name: '总览' })
    .getByRole('button', { name: /示范：热线报修的服务圈/ })
    .click();
  const map = page.getByRole('img', { name: /热线报修的服务流程图/ }).filter({ visible: true });
  await expect(map).toHaveClass(/wide/);
  expect(await smallestText(map)).toBeGreaterThanOrEqual(14);
  const body = page.locator('[data-stage] [data-current] .slide-body');
  expect(await body.evaluate((el) => el.scrollHeight <= el.clientHeight + 1 && el.scrollWidth <= el.clientWidth + 1)).toBe(true);
});
