import type { Element, Root, RootContent } from 'hast';
import { describe, expect, it } from 'vitest';
import { lessonOutline } from '../../src/integrations/slides/lesson-outline.ts';
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

describe('lessonOutline: the same cut, read from a lesson’s MDX source for the content checks and the presenter', () => {
  const source = [
    '开场白。',
    '## 第一节',
    '正文，`## 不是标题`。',
    '<Notes>\n请学员讨论。**约 3 分钟**。\n</Notes>',
    '<Scenario id="late-lamp" />',
    '想再练一次？',
    '## 本课小结',
    '```\n## 代码里的井号也不是标题\n```',
    '<Notes>先回顾，然后进入小测。约 1 分钟。</Notes>',
    '<Quiz id="kc-first" />',
  ].join('\n\n');

  it('gives the slides the lesson page shows, with headings, notes, timings and the activities they embed', () => {
    const read = lessonOutline(source);
    if (!read.ok) throw new Error(read.reason);
    expect(read.outline.sections.map((s) => [s.kind, s.slide, s.heading, s.minutes, s.activity?.id])).toEqual([
      ['intro', 1, undefined, undefined, undefined],
      ['section', 2, '第一节', 3, undefined],
      ['activity', 3, undefined, undefined, 'late-lamp'],
      ['section', 4, undefined, undefined, undefined],
      ['section', 5, '本课小结', 1, undefined],
      ['activity', 6, undefined, undefined, 'kc-first'],
    ]);
    const stray = read.outline.sections[3]!.source!;
    expect(source.slice(stray.start, stray.end)).toBe('想再练一次？');
    expect(read.outline.embeds).toEqual([
      { component: 'Scenario', id: 'late-lamp' },
      { component: 'Quiz', id: 'kc-first' },
    ]);
  });

  it('says where MDX cannot parse a body, rather than guessing at its sections', () => {
    expect(lessonOutline('## 第一节\n\n正文 {没有闭合\n')).toMatchObject({ ok: false, line: 3 });
  });
});
