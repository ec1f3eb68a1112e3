import type { Element, ElementContent, Root, RootContent } from 'hast';
import { notesMinutes } from '../../domain/present/note-timing.ts';

/** Components that embed an activity; each gets a section (and so a slide) of its own. */
export const ACTIVITY_COMPONENTS: ReadonlySet<string> = new Set(['Quiz', 'Assessment', 'Scenario', 'ClassTimer']);

type Kind = 'intro' | 'section' | 'activity';

const isH2 = (node: RootContent): node is Element => node.type === 'element' && node.tagName === 'h2';

const isActivity = (node: RootContent): boolean =>
  (node.type as string) === 'mdxJsxFlowElement' && ACTIVITY_COMPONENTS.has((node as unknown as { name: string }).name);

const isBlank = (node: RootContent): boolean => node.type === 'text' && node.value.trim() === '';

const isNotes = (node: RootContent): boolean =>
  (node.type as string) === 'mdxJsxFlowElement' && (node as unknown as { name: string }).name === 'Notes';

const textOf = (node: unknown): string => {
  const { value, children } = node as { value?: unknown; children?: unknown[] };
  return typeof value === 'string' ? value : (children ?? []).map(textOf).join('');
};

function section(children: RootContent[], index: number, kind: Kind): Element {
  const className = ['lesson-section'];
  if (kind !== 'section') className.push(`lesson-${kind}`);
  // The minutes the section's trainer notes give it, for the presenter's pace (see domain/present/pace.ts).
  const minutes = notesMinutes(children.filter(isNotes).map(textOf));
  return {
    type: 'element',
    tagName: 'section',
    properties: { className, dataSlide: String(index), ...(minutes === undefined ? {} : { dataNoteMinutes: String(minutes) }) },
    children: children as ElementContent[],
  };
}

/**
 * Wraps each `## ` section of a lesson in `<section class="lesson-section" data-slide="n">`,
 * whatever stands before the first heading in an intro section, and each embedded activity in a
 * section of its own. A learner scrolls the sections; the presenter shows them one at a time as
 * slides. One source, two uses. A section whose notes state a timing carries it as
 * `data-note-minutes`, which the presenter's pace plans with.
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
