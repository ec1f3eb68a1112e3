import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BADGE_RADIUS, cycleLayout, wrapLabel, type CycleBox } from '../../src/components/diagrams/cycle-layout.ts';

// The supermarket 服务圈 of tools/04, the longest cycle the course draws.
const SUPERMARKET = [
  '开始',
  '进入停车场',
  '找停车位',
  '走进商场',
  '经过客户服务台',
  '拿购物筐',
  '挑选商品',
  '请售货员帮忙',
  '查看方位，找想去的区域',
  '准备结账',
  '排队等候付款',
  '拿包',
  '走出商场',
  '回到停车场',
  '开车离开',
  '结束',
];

const overlap = (p: CycleBox, q: CycleBox) => p.x < q.x + q.width && q.x < p.x + p.width && p.y < q.y + q.height && q.y < p.y + p.height;
const onEdge = ([x, y]: [number, number], b: CycleBox) =>
  ((Math.abs(x - b.x) < 1e-6 || Math.abs(x - b.x - b.width) < 1e-6) && y >= b.y && y <= b.y + b.height) ||
  ((Math.abs(y - b.y) < 1e-6 || Math.abs(y - b.y - b.height) < 1e-6) && x >= b.x && x <= b.x + b.width);

const labels = fc.array(fc.stringMatching(/^[\u4e00-\u9fa5，、]{1,14}$/), { minLength: 2, maxLength: 24 });
const options = fc.record({
  columns: fc.integer({ min: 2, max: 9 }),
  boxWidth: fc.integer({ min: 80, max: 200 }),
  fontSize: fc.integer({ min: 12, max: 22 }),
  gap: fc.integer({ min: 16, max: 40 }),
});

describe('cycleLayout', () => {
  it('gives every step a box, inside the drawing, with no two boxes overlapping', () => {
    fc.assert(
      fc.property(labels, options, (steps, o) => {
        const layout = cycleLayout(steps, o);
        expect(layout.boxes.map((b) => b.n)).toEqual(steps.map((_, i) => i + 1));
        for (const [i, b] of layout.boxes.entries()) {
          // The number badge sits on the corner, half outside: it must stay in the drawing too.
          expect(b.x - BADGE_RADIUS).toBeGreaterThanOrEqual(0);
          expect(b.y - BADGE_RADIUS).toBeGreaterThanOrEqual(0);
          expect(b.x + b.width).toBeLessThanOrEqual(layout.width);
          expect(b.y + b.height).toBeLessThanOrEqual(layout.height);
          for (const other of layout.boxes.slice(i + 1)) expect(overlap(b, other)).toBe(false);
        }
      }),
    );
  });

  it('keeps every label whole, in lines that fit the box', () => {
    fc.assert(
      fc.property(labels, options, (steps, o) => {
        const layout = cycleLayout(steps, o);
        for (const [i, b] of layout.boxes.entries()) {
          expect(b.lines.join('')).toBe(steps[i]);
          for (const line of b.lines) expect([...line].length * o.fontSize).toBeLessThanOrEqual(o.boxWidth);
          expect(b.lines.length * layout.lineHeight).toBeLessThan(b.height);
        }
      }),
    );
  });

  it('closes the loop: an arrow from each step to the next, and from the last back to the first', () => {
    fc.assert(
      fc.property(labels, options, (steps, o) => {
        const { boxes, arrows } = cycleLayout(steps, o);
        expect(arrows).toHaveLength(boxes.length);
        arrows.forEach((arrow, i) => {
          const from = boxes[i]!;
          const to = boxes[(i + 1) % boxes.length]!;
          expect(onEdge(arrow.points[0]!, from), `arrow ${i + 1} starts on box ${i + 1}`).toBe(true);
          expect(onEdge(arrow.points.at(-1)!, to), `arrow ${i + 1} ends on the next box`).toBe(true);
          // Each leg runs straight along the grid, never across a box diagonally.
          for (let k = 1; k < arrow.points.length; k++) {
            const [[x0, y0], [x1, y1]] = [arrow.points[k - 1]!, arrow.points[k]!];
            expect(x0 === x1 || y0 === y1).toBe(true);
          }
        });
      }),
    );
  });

  it('draws the 16-step 服务圈 down the left and back up the right on a phone, step 16 beside step 1', () => {
    const { boxes } = cycleLayout(SUPERMARKET, { columns: 2, boxWidth: 150, fontSize: 15, gap: 34 });
    const left = boxes.slice(0, 8);
    const right = boxes.slice(8);
    expect(new Set(left.map((b) => b.x)).size).toBe(1);
    expect(new Set(right.map((b) => b.x)).size).toBe(1);
    expect(right[0]!.x).toBeGreaterThan(left[0]!.x);
    expect(left.map((b) => b.y)).toEqual([...left.map((b) => b.y)].sort((p, q) => p - q));
    expect(boxes[15]!.y).toBe(boxes[0]!.y);
    expect(boxes[8]!.lines).toEqual(['查看方位，', '找想去的区域']);
  });
});

describe('wrapLabel', () => {
  it('breaks after a comma when that leaves a full enough line', () => {
    expect(wrapLabel('查看方位，找想去的区域', 8)).toEqual(['查看方位，', '找想去的区域']);
  });

  it('cuts at the width when there is no punctuation', () => {
    expect(wrapLabel('一二三四五六七', 3)).toEqual(['一二三', '四五六', '七']);
  });

  it('leaves a short label on one line', () => {
    expect(wrapLabel('拿包', 8)).toEqual(['拿包']);
  });
});
