import type { Element, ElementContent, Root, RootContent } from 'hast';

/** Components that embed an activity; each gets a section (and so a slide) of its own. */
export const ACTIVITY_COMPONENTS: ReadonlySet<string> = new Set(['Quiz', 'Assessment', 'Scenario', 'ClassTimer']);

type Kind = 'intro' | 'section' | 'activity';

const isH2 = (node: RootContent): node is Element => node.type === 'element' && node.tagName === 'h2';

const isActivity = (node: RootContent): boolean =>
  (node.type as string) === 'mdxJsxFlowElement' && ACTIVITY_COMPONENTS.has((node as unknown as { name: string }).name);

const isBlank = (node: RootContent): boolean => node.type === 'text' && node.value.trim() === '';

function section(children: RootContent[], index: number, kind: Kind): Element {
  const className = ['lesson-section'];
  if (kind !== 'section') className.push(`lesson-${kind}`);
  return {
    type: 'element',
    tagName: 'section',
    properties: { className, dataSlide: String(index) },
    children: children as ElementContent[],
  };
}

/**
 * Wraps each `## ` section of a lesson in `<section class="lesson-section" data-slide="n">`,
 * whatever stands before the first heading in an intro section, and each embedded activity in a
 * section of its own. A learner scrolls the sections; the presenter shows them one at a time as
 * slides. One source, two uses.
 */
export function rehypeLessonSections() {
  return (tree: Root) => {
    const sections: Element[] = [];
    const esm: RootContent[] = [];
    let current: RootContent[] = [];
    let kind: Kind = 'intro';
    const flush = () => {
      if (current.some((n) => !isBlank(n))) sections.push(section(current, sections.length + 1, kind));
      current = [];
    };
    for (const node of tree.children) {
      // Imports and exports of an MDX file must stay at the top level of the tree.
      if ((node.type as string) === 'mdxjsEsm') {
        esm.push(node);
      } else if (isActivity(node)) {
        flush();
        sections.push(section([node], sections.length + 1, 'activity'));
        kind = 'section';
      } else {
        if (isH2(node)) {
          flush();
          kind = 'section';
        }
        current.push(node);
      }
    }
    flush();
    tree.children = [...esm, ...sections];
  };
}
