import type { Root } from 'hast';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { ACTIVITY_COMPONENTS, cutLesson, type LessonSection } from './rehype-lesson-sections.ts';

/**
 * A lesson's sections as the slides pass cuts them, read from its MDX source: the same parser as
 * the build (MDX's remark, then remark-rehype keeping MDX's nodes), the same cut (`cutLesson`,
 * the core of `rehypeLessonSections`), so the content checks and the presenter's plan see exactly
 * the slides the lesson page and the presentation show.
 */
export interface LessonOutline {
  sections: LessonSection[];
  /** Every embedded activity with an id (`<Quiz id="…" />`), wherever it stands. */
  embeds: { component: string; id: string }[];
}

export type OutlineResult = { ok: true; outline: LessonOutline } | { ok: false; reason: string; line: number | undefined };

const processor = unified()
  .use(remarkParse)
  .use(remarkMdx)
  .use(remarkRehype, { passThrough: ['mdxjsEsm', 'mdxFlowExpression', 'mdxJsxFlowElement', 'mdxJsxTextElement', 'mdxTextExpression'] });

interface Node {
  type: string;
  name?: string | null;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: Node[];
}

function embedsIn(node: Node, found: LessonOutline['embeds']): LessonOutline['embeds'] {
  if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && ACTIVITY_COMPONENTS.has(node.name ?? '')) {
    const id = node.attributes?.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'id')?.value;
    if (typeof id === 'string') found.push({ component: node.name ?? '', id });
  }
  for (const child of node.children ?? []) embedsIn(child, found);
  return found;
}

/** The outline of a lesson body (the MDX after its front matter), or why it cannot be parsed. */
export function lessonOutline(body: string): OutlineResult {
  let tree: Root;
  try {
    tree = processor.runSync(processor.parse(body)) as Root;
  } catch (error) {
    const { reason, message, line } = error as { reason?: string; message?: string; line?: number };
    return { ok: false, reason: reason ?? message ?? String(error), line };
  }
  return {
    ok: true,
    outline: { sections: cutLesson(tree).sections.map(({ section }) => section), embeds: embedsIn(tree as unknown as Node, []) },
  };
}
