import type { Element, Root, RootContent } from 'hast';
import { describe, expect, it } from 'vitest';
import { rehypeLessonSections } from '../../src/integrations/slides/rehype-lesson-sections.ts';

// The tree MDX hands the plugin: headings and paragraphs as hast, components as MDX JSX nodes.
const text = (value: string) => ({ type: 'text', value }) as const;
const el = (tagName: string, value: string): Element => ({ type: 'element', tagName, properties: {}, children: [text(value)] });
const jsx = (name: string, children: RootContent[] = []) =>
  ({ type: 'mdxJsxFlowElement', name, attributes: [], children }) as unknown as RootContent;
const notes = (value: string) => jsx('Notes', [el('p', value)]);

function sections(children: RootContent[]): Element[] {
  const tree: Root = { type: 'root', children };
  rehypeLessonSections()(tree);
  return tree.children as Element[];
}

describe('rehypeLessonSections', () => {
  const tree = () =>
    sections([
      el('p', '开场白。'),
      el('h2', '第一节'),
      el('p', '正文。'),
      notes('请学员讨论。约 3 分钟。'),
      jsx('Scenario'),
      el('h2', '第二节'),
      notes('课堂上可以跳过这一页。'),
      el('h2', '本课小结'),
      notes('先回顾。'),
      notes('然后进入小测。约 1 分钟。'),
      jsx('Quiz'),
    ]);

  it('makes a slide of the opening, each ## section and each embedded activity', () => {
    expect(tree().map((s) => [s.properties['className'], s.properties['dataSlide']])).toEqual([
      [['lesson-section', 'lesson-intro'], '1'],
      [['lesson-section'], '2'],
      [['lesson-section', 'lesson-activity'], '3'],
      [['lesson-section'], '4'],
      [['lesson-section'], '5'],
      [['lesson-section', 'lesson-activity'], '6'],
    ]);
  });

  it('marks each section with the minutes its trainer notes state, for the presenter’s pace', () => {
    expect(tree().map((s) => s.properties['dataNoteMinutes'])).toEqual([undefined, '3', undefined, undefined, '1', undefined]);
  });
});
