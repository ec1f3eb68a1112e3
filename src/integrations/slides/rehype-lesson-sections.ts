import type { Element, ElementContent, Root, RootContent } from 'hast';
import { notesMinutes } from '../../domain/present/note-timing.ts';

/** Components that embed an activity; each gets a section (and so a slide) of its own. */
export const ACTIVITY_COMPONENTS: ReadonlySet<string> = new Set(['Quiz', 'Assessment', 'Scenario', 'ClassTimer']);

export type SectionKind = 'intro' | 'section' | 'activity';

/**
 * One section of a lesson: one slide in class. This is the one place a lesson is cut into
 * sections and its notes' timings read; the lesson page, the presenter (`src/data/presentations.ts`)
 * and the content checks (`lesson-outline.ts`) all take the sections from this pass.
 */
export interface LessonSection {
  kind: SectionKind;
  /** Slide number, from 1. */
  slide: number;
  /** The text of the `## ` heading that opens the section; undefined when it opens with none. */
  heading: string | undefined;
  /** The text of each `<Notes>` block in the section. */
  notes: string[];
  /** The minutes its notes state ("约 3 分钟"), or undefined when they state none. */
  minutes: number | undefined;
  /** For an activity section: the component it embeds and its `id`. */
  activity?: { component: string; id?: string };
  /** Where the section stands in the MDX source (offsets), when the tree carries positions. */
  source?: { start: number; end: number };
}

interface JsxNode {
  type: 'mdxJsxFlowElement';
  name: string | null;
  attributes: { type: string; name?: string; value?: unknown }[];
}

const jsx = (node: RootContent): JsxNode | undefined =>
  (node.type as string) === 'mdxJsxFlowElement' ? (node as unknown as JsxNode) : undefined;

const isH2 = (node: RootContent): node is Element => node.type === 'element' && node.tagName === 'h2';

const isActivity = (node: RootContent): boolean => ACTIVITY_COMPONENTS.has(jsx(node)?.name ?? '');

const isBlank = (node: RootContent): boolean => node.type === 'text' && node.value.trim() === '';

/**
 * A `<Notes>` block: on lines of its own it is a flow element; written on one line, MDX reads it
 * as a text element, the only thing in its paragraph.
 */
const isNotes = (node: RootContent): boolean => {
  if (jsx(node)?.name === 'Notes') return true;
  if (node.type !== 'element' || node.tagName !== 'p') return false;
  const [only, ...more] = node.children.filter((n) => !isBlank(n));
  return more.length === 0 && (only?.type as string) === 'mdxJsxTextElement' && (only as unknown as JsxNode).name === 'Notes';
};

const textOf = (node: unknown): string => {
  const { value, children } = node as { value?: unknown; children?: unknown[] };
  return typeof value === 'string' ? value : (children ?? []).map(textOf).join('');
};

const idOf = (node: JsxNode): string | undefined => {
  const value = node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'id')?.value;
  return typeof value === 'string' ? value : undefined;
};

function describe(children: RootContent[], slide: number, kind: SectionKind): LessonSection {
  const notes = children.filter(isNotes).map(textOf);
  const first = children.find((n) => !isBlank(n));
  const embedded = kind === 'activity' && first ? jsx(first) : undefined;
  const start = children.find((n) => n.position)?.position?.start.offset;
  const end = children.findLast((n) => n.position)?.position?.end.offset;
  return {
    kind,
    slide,
    heading: first && isH2(first) ? textOf(first).trim() : undefined,
    notes,
    minutes: notesMinutes(notes),
    ...(embedded ? { activity: { component: embedded.name ?? '', ...(idOf(embedded) === undefined ? {} : { id: idOf(embedded)! }) } } : {}),
    ...(start === undefined || end === undefined ? {} : { source: { start, end } }),
  };
}

function element(children: RootContent[], section: LessonSection): Element {
  const className = ['lesson-section'];
  if (section.kind !== 'section') className.push(`lesson-${section.kind}`);
  return {
    type: 'element',
    tagName: 'section',
    // The minutes the section's trainer notes give it, for the presenter's pace (see domain/present/pace.ts).
    properties: {
      className,
      dataSlide: String(section.slide),
      ...(section.minutes === undefined ? {} : { dataNoteMinutes: String(section.minutes) }),
    },
    children: children as ElementContent[],
  };
}

/** The sections of a lesson's tree (MDX's hast), with the nodes each holds. */
export function cutLesson(tree: Root): { esm: RootContent[]; sections: { section: LessonSection; children: RootContent[] }[] } {
  const sections: { section: LessonSection; children: RootContent[] }[] = [];
  const esm: RootContent[] = [];
  let current: RootContent[] = [];
  let kind: SectionKind = 'intro';
  const push = (children: RootContent[], as: SectionKind) =>
    sections.push({ section: describe(children, sections.length + 1, as), children });
  const flush = () => {
    if (current.some((n) => !isBlank(n))) push(current, kind);
    current = [];
  };
  for (const node of tree.children) {
    // Imports and exports of an MDX file must stay at the top level of the tree.
    if ((node.type as string) === 'mdxjsEsm') {
      esm.push(node);
    } else if (isActivity(node)) {
      flush();
      push([node], 'activity');
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
  return { esm, sections };
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
    const { esm, sections } = cutLesson(tree);
    tree.children = [...esm, ...sections.map(({ section, children }) => element(children, section))];
  };
}
