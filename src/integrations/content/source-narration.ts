import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { deckTitles } from '../../data/decks.ts';
import type { LessonMeta } from '../../schemas/lesson.ts';
import type { Problem } from './problem.ts';

/**
 * Words that talk about the source decks instead of the subject. A learner should read what to do,
 * not what a deck said: such remarks belong in trainer notes (`<Notes>`) or in a lesson's
 * `sourceNotes`. "原图" alone is not listed, because a customer in a situation may well ask for the
 * original photo (发原图); only the phrases that narrate a lost figure are. The deck titles are
 * listed too: naming a deck in the learner's text is the same narration in other words.
 */
export const NARRATION_PHRASES: readonly string[] = [
  '课件',
  '幻灯片',
  '原图没有',
  '原图上',
  '原图里',
  '原图中',
  '这份资料',
  '这套资料',
  ...Object.values(deckTitles),
];

/** The narration phrases a text contains, each once, in list order. */
export function narrationIn(text: string): string[] {
  return NARRATION_PHRASES.filter((phrase) => text.includes(phrase));
}

const quoted = (phrases: string[]) => phrases.map((p) => `“${p}”`).join('、');

const LESSON_ADVICE = '讲资料来源的话请移到教师备注 <Notes> 或 front matter 的 sourceNotes 中，正文只写学员该知道、该做的事';
const ACTIVITY_ADVICE = '讲资料来源的话请移到相关课程的教师备注或 sourceNotes 中，这里只写学员该知道、该做的事';

interface MdNode {
  type: string;
  name?: string | null;
  value?: unknown;
  attributes?: { type: string; value?: unknown }[];
  children?: MdNode[];
  position?: { start: { line: number } };
}

const parser = unified().use(remarkParse).use(remarkMdx);

/**
 * Lines of a lesson body where the learner's text narrates the sources: prose, headings, tables and
 * the string props of components, outside `<Notes>` blocks (trainer notes may name the decks).
 * Lines are the body's; the caller adds the front matter's. A body MDX cannot parse yields
 * nothing here: the build reports it on its own.
 */
export function lessonNarration(body: string): { line: number; phrases: string[] }[] {
  let tree: MdNode;
  try {
    tree = parser.parse(body) as unknown as MdNode;
  } catch {
    return [];
  }
  const byLine = new Map<number, Set<string>>();
  // A text node may span lines (a paragraph, or a table MDX's parser reads as one): each phrase is
  // counted on the line it stands on.
  const note = (text: string, line: number | undefined) => {
    if (line === undefined) return;
    for (const phrase of narrationIn(text)) {
      for (let at = text.indexOf(phrase); at !== -1; at = text.indexOf(phrase, at + phrase.length)) {
        const onLine = line + (text.slice(0, at).match(/\n/g)?.length ?? 0);
        const set = byLine.get(onLine) ?? new Set<string>();
        byLine.set(onLine, set.add(phrase));
      }
    }
  };
  const visit = (node: MdNode) => {
    const isJsx = node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement';
    if (isJsx && node.name === 'Notes') return;
    const line = node.position?.start.line;
    if (typeof node.value === 'string') note(node.value, line);
    if (isJsx) for (const attribute of node.attributes ?? []) if (typeof attribute.value === 'string') note(attribute.value, line);
    node.children?.forEach(visit);
  };
  visit(tree);
  return [...byLine].sort(([a], [b]) => a - b).map(([line, phrases]) => ({ line, phrases: NARRATION_PHRASES.filter((p) => phrases.has(p)) }));
}

/**
 * Problems for a lesson whose learner text narrates the sources: its title and objectives (shown
 * at the top of the lesson; the rest of the front matter is for authors), then its body, one
 * problem per line naming the file's line.
 */
export function lessonNarrationProblems(file: string, meta: Pick<LessonMeta, 'title' | 'objectives'>, body: string, bodyLine: number): Problem[] {
  const problems: Problem[] = [];
  [meta.title, ...meta.objectives].forEach((text, i) => {
    const found = narrationIn(text);
    if (found.length === 0) return;
    const field = i === 0 ? 'title' : `objectives[${i - 1}]`;
    problems.push({ file, field, message: `学员看到的文字里有${quoted(found)}。标题和学习目标只写学员要学会什么，讲资料来源的话请移到 sourceNotes 中` });
  });
  for (const { line, phrases } of lessonNarration(body)) {
    problems.push({ file, message: `第 ${bodyLine + line - 1} 行：学员读到的正文里有${quoted(phrases)}。${LESSON_ADVICE}` });
  }
  return problems;
}

/**
 * Fields of an activity file a learner never sees: the decks it draws on, notes about them, and a
 * scenario's flags (described for other authors and the branch map).
 */
const AUTHOR_ONLY = new Set(['sources', 'sourceNotes', 'flags']);

/**
 * Problems for an activity file (quiz, classification set, assessment, scenario) whose
 * learner-visible text narrates the sources, one per field, naming the field's path. Reads the
 * parsed YAML, so comments never count.
 */
export function activityNarrationProblems(file: string, data: unknown): Problem[] {
  const problems: Problem[] = [];
  const visit = (value: unknown, path: string) => {
    if (typeof value === 'string') {
      const found = narrationIn(value);
      if (found.length > 0) problems.push({ file, field: path, message: `学员看到的文字里有${quoted(found)}。${ACTIVITY_ADVICE}` });
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => visit(item, `${path}[${i}]`));
    } else if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        if (!AUTHOR_ONLY.has(key)) visit(child, path ? `${path}.${key}` : key);
      }
    }
  };
  visit(data, '');
  return problems;
}

/**
 * Problems for the glossary (a list of terms) whose definitions narrate the sources, one per field,
 * named by the term's id: the glossary is read by learners, so which deck says what belongs in the
 * lessons that teach the term.
 */
export function glossaryNarrationProblems(file: string, data: unknown): Problem[] {
  if (!Array.isArray(data)) return [];
  return data.flatMap((term: unknown, i) => {
    const id = term !== null && typeof term === 'object' && typeof (term as { id?: unknown }).id === 'string' ? (term as { id: string }).id : `[${i}]`;
    return activityNarrationProblems(file, term).map((problem) => ({ ...problem, field: `${id}.${problem.field ?? ''}` }));
  });
}
