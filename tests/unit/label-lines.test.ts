import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { balancedLines } from '../../src/components/diagrams/label-lines.ts';

const CLOSING = /^[，、。；：！？”’）》]/;
const label = fc.stringMatching(/^[\u4e00-\u9fa5，、。“”]{1,20}$/);

describe('balancedLines', () => {
  it('keeps every character, in order, and starts no line with a closing mark', () => {
    fc.assert(
      fc.property(label, fc.integer({ min: 2, max: 8 }), (text, perLine) => {
        const lines = balancedLines(text, perLine);
        expect(lines.join('')).toBe(text);
        expect(lines.every((line) => line.length > 0)).toBe(true);
        expect(lines.slice(1).some((line) => CLOSING.test(line))).toBe(false);
      }),
    );
  });

  it('uses the fewest lines the width allows, each within the width, when the label has no punctuation', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[\u4e00-\u9fa5]{1,24}$/), fc.integer({ min: 2, max: 8 }), (text, perLine) => {
        const lines = balancedLines(text, perLine);
        expect(lines).toHaveLength(Math.ceil(text.length / perLine));
        expect(Math.max(...lines.map((l) => l.length)) - Math.min(...lines.map((l) => l.length))).toBeLessThanOrEqual(1);
        expect(lines.every((l) => l.length <= perLine)).toBe(true);
      }),
    );
  });

  it('breaks the steps of the hotline map where a reader would', () => {
    expect(balancedLines('找到热线号码', 6)).toEqual(['找到热线号码']);
    expect(balancedLines('排队等人工接听', 6)).toEqual(['排队等', '人工接听']);
    expect(balancedLines('描述故障、留地址', 6)).toEqual(['描述故障、', '留地址']);
    expect(balancedLines('接回访电话、评价', 6)).toEqual(['接回访电话、', '评价']);
    expect(balancedLines('拨号，选报修菜单', 6)).toEqual(['拨号，', '选报修菜单']);
  });

  it('keeps a closing mark on the line before and an opening mark on the line after', () => {
    expect(balancedLines('请按”报修键', 3)).toEqual(['请按”', '报修键']);
    expect(balancedLines('请按“报修键', 3)).toEqual(['请按', '“报修键']);
  });
});
