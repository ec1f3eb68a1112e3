import type { Element, Root } from 'hast';
import { describe, expect, it } from 'vitest';
import { rehypeTableLabels, STACK_ON_PHONE } from '../../src/integrations/tables/rehype-table-labels.ts';

// Hand-built trees in the shape remark-rehype gives a Markdown table, so the check does not
// depend on the plugin's own reading of it.
const text = (value: string) => ({ type: 'text' as const, value });
const el = (tagName: string, children: Element['children'], properties: Element['properties'] = {}): Element => ({
  type: 'element',
  tagName,
  properties,
  children,
});
const row = (tag: 'th' | 'td', cells: string[]) =>
  el(
    'tr',
    cells.map((c) => el(tag, [text(c)])),
  );
const table = (head: string[] | null, body: string[][]) =>
  el('table', [
    ...(head ? [el('thead', [row('th', head)])] : []),
    el(
      'tbody',
      body.map((r) => row('td', r)),
    ),
  ]);

const run = (...children: Root['children']): Root => {
  const tree: Root = { type: 'root', children };
  rehypeTableLabels()(tree);
  return tree;
};
const cells = (t: Element) =>
  (t.children.find((c) => (c as Element).tagName === 'tbody') as Element).children.map((r) =>
    (r as Element).children.map((c) => (c as Element).properties['dataLabel']),
  );

describe('rehypeTableLabels', () => {
  it("labels every body cell with its column's header and marks the table to stack on a phone", () => {
    const t = table(
      ['类型', '来源', '别人为什么听你的'],
      [
        ['强制性影响力', '能够处罚人', '害怕受到惩罚'],
        ['法定影响力', '职位本身的权威', '按规矩'],
      ],
    );
    run(t);
    expect(cells(t)).toEqual([
      ['类型', '来源', '别人为什么听你的'],
      ['类型', '来源', '别人为什么听你的'],
    ]);
    expect(t.properties['className']).toEqual([STACK_ON_PHONE]);
  });

  it('reads the header text through emphasis, and finds tables inside sections and components', () => {
    const head = el('thead', [el('tr', [el('th', [el('strong', [text('环节')])]), el('th', [text('改善')])])]);
    const t = el('table', [head, el('tbody', [row('td', ['找停车位', '入口显示剩余车位'])])]);
    const component = { type: 'mdxJsxFlowElement', name: 'Case', attributes: [], children: [t] } as unknown as Element;
    run(el('section', [component]));
    expect(cells(t)).toEqual([['环节', '改善']]);
  });

  it('leaves a table without a header row as it is: there are no names to show', () => {
    const t = table(null, [['甲', '乙']]);
    run(t);
    expect(cells(t)).toEqual([[undefined, undefined]]);
    expect(t.properties['className']).toBeUndefined();
  });

  it('keeps classes a table already has', () => {
    const t = table(['a'], [['1']]);
    t.properties = { className: ['wide'] };
    run(t);
    expect(t.properties['className']).toEqual(['wide', STACK_ON_PHONE]);
  });
});
