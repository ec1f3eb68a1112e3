import type { Classification } from '../schemas/classification.ts';
import type { Question, Quiz } from '../schemas/quiz.ts';
import { scoreQuestion } from './quiz-scoring.ts';

/**
 * How far a test-wise learner gets without knowing anything: simple guessing rules ("pick the
 * longest option", "say 错 to anything absolute") played against every knowledge check, module quiz
 * and personality situation, each compared with blind guessing. An item bank in which such a rule
 * clearly beats chance measures test-wiseness, not knowledge.
 *
 * Each rule gives every item it applies to an expected credit, scored by `scoreQuestion` (the
 * quiz's own partial credit for multiple choice); where the rule cannot decide (two options equally
 * long), the credit is the mean over the tied choices. Blind guessing gives each item a mean credit
 * and a variance: one option at random (single choice, a situation's way to serve), as many options
 * as there are right ones at random (the "top k" rules for multiple choice), any non-empty set of
 * options at random ("choose all"), a coin for true/false. Summed over the N items a rule applies
 * to, the rule's total S is compared with chance's mean M and standard deviation σ: the rule is
 * flagged when
 *
 *   S > M + MARGIN·N + Z·σ
 *
 * that is, when it beats chance by more than MARGIN (5 points of share) and by more than luck
 * explains (Z = 1.645, one-sided 95 %). The σ term makes the limit fair for a small bank and
 * strict for a large one.
 *
 * Position rules (first, last, a middle one) apply only where options are shown in the order
 * written (`shuffle: false`): a shuffled quiz shows them in a new order every attempt, so their
 * written position cannot help a learner. Pass `writtenOrder: true` to measure the written order
 * anyway (for an author who wants to see their habits).
 */

export const MARGIN = 0.05;
export const Z = 1.645;

/** The kinds of item the rules are measured over, each a population of its own. */
export type ItemKind = 'single' | 'multiple' | 'truefalse' | 'serve';

export const ITEM_KINDS: readonly ItemKind[] = ['single', 'multiple', 'truefalse', 'serve'];

export type HeuristicId =
  | 'longest'
  | 'shortest'
  | 'most-complete'
  | 'prompt-overlap'
  | 'first'
  | 'last'
  | 'middle'
  | 'choose-all'
  | 'always-true'
  | 'always-false'
  | 'absolute-false';

/** Short Chinese description of each rule, as printed in the table. */
export const HEURISTIC_LABELS: Record<HeuristicId, string> = {
  longest: '选最长的（多选：最长的 k 个）',
  shortest: '选最短的（多选：最短的 k 个）',
  'most-complete': '选最“全面”的：逗号、顿号和“和、并、同时”最多',
  'prompt-overlap': '选与题干字面重合最多的',
  first: '选第一个（按编写顺序）',
  last: '选最后一个（按编写顺序）',
  middle: '在中间的选项里随便选',
  'choose-all': '全都选上',
  'always-true': '一律判“对”',
  'always-false': '一律判“错”',
  'absolute-false': '绝对的说法（只要…就、一定、所有、从不…）判“错”，其余判“对”',
};

/** One rule over one kind of item. */
export interface HeuristicFigure {
  kind: ItemKind;
  heuristic: HeuristicId;
  /** Items the rule applies to. */
  items: number;
  /** The rule's total credit (S). */
  credit: number;
  /** Blind guessing's mean total credit (M). */
  chance: number;
  /** Blind guessing's standard deviation of the total (σ). */
  sd: number;
  /** The highest total that passes: M + MARGIN·N + Z·σ. */
  limit: number;
  /** S > limit. */
  flagged: boolean;
}

/** A choice item as a test-wise learner sees it: a prompt, and options in the order written. */
interface ChoiceItem {
  kind: 'single' | 'multiple' | 'serve';
  prompt: string;
  /** Options shown in a new random order each attempt, so their written position tells nothing. */
  shuffled: boolean;
  question: Extract<Question, { type: 'single' | 'multiple' }>;
}

const PUNCTUATION = /[\s\p{P}\p{S}]/gu;

/** Length as a reader sees it: characters, without spaces and punctuation. */
export const visibleLength = (text: string): number => [...text.replace(PUNCTUATION, '')].length;

const CLAUSE_MARKS = /[，、；,;：:]|和|并|同时|以及|而且|还要|再/g;

/** How complete an option sounds: its clause marks and joining words (，、； 和 并 同时 以及 而且 还要 再). */
export const completeness = (text: string): number => text.match(CLAUSE_MARKS)?.length ?? 0;

const bigrams = (text: string): Set<string> => {
  const chars = [...text.replace(PUNCTUATION, '')];
  const grams = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) grams.add(`${chars[i]}${chars[i + 1]}`);
  return grams;
};

/** Words an option shares with the prompt: the distinct two-character sequences in both. */
export function promptOverlap(option: string, prompt: string): number {
  const inPrompt = bigrams(prompt);
  let shared = 0;
  for (const gram of bigrams(option)) if (inPrompt.has(gram)) shared++;
  return shared;
}

const ABSOLUTE = /只要|一定|所有|从不|从来不|从来没|总是|永远|绝对|必须|必然|完全|任何|全部|凡是|一律|唯一|只有|只能|根本|毫无/;

/** Whether a statement is worded absolutely, the cue a test-wise learner reads as "false". */
export const soundsAbsolute = (statement: string): boolean => ABSOLUTE.test(statement);

/** Every k-element subset of the indices 0..n-1. */
function subsets(n: number, k: number): number[][] {
  const out: number[][] = [];
  const pick = (start: number, chosen: number[]) => {
    if (chosen.length === k) {
      out.push([...chosen]);
      return;
    }
    for (let i = start; i < n; i++) pick(i + 1, [...chosen, i]);
  };
  pick(0, []);
  return out;
}

const creditOf = (question: ChoiceItem['question'], chosen: number[]): number => {
  const ids = chosen.map((i) => question.options[i]!.id);
  return scoreQuestion(question, question.type === 'single' ? ids[0] : ids);
};

const meanVar = (values: number[]): { mean: number; variance: number } => {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return { mean, variance: values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length };
};

interface ItemFigure {
  credit: number;
  mean: number;
  variance: number;
}

/**
 * A "top k" rule on one item: choose the k options the rule ranks highest (k = number of right
 * options, a generous guess for the learner), credit averaged over the ties at the cut.
 */
function topK(item: ChoiceItem, rank: (text: string) => number): ItemFigure {
  const { question } = item;
  const k = question.options.filter((o) => o.correct).length;
  const ranks = question.options.map((o) => rank(o.text));
  const all = subsets(question.options.length, k);
  const chance = meanVar(all.map((s) => creditOf(question, s)));
  // A set is what the rule could choose if no option left out outranks one chosen.
  const consistent = all.filter((s) => {
    const lowestChosen = Math.min(...s.map((i) => ranks[i]!));
    return ranks.every((r, i) => s.includes(i) || r <= lowestChosen);
  });
  return { credit: meanVar(consistent.map((s) => creditOf(question, s))).mean, ...chance };
}

/** A position rule on a single-choice item: pick uniformly among the options at these positions. */
function atPositions(item: ChoiceItem, positions: number[]): ItemFigure {
  const n = item.question.options.length;
  const chance = meanVar(subsets(n, 1).map((s) => creditOf(item.question, s)));
  return { credit: meanVar(positions.map((i) => creditOf(item.question, [i]))).mean, ...chance };
}

function chooseAll(item: ChoiceItem): ItemFigure {
  const n = item.question.options.length;
  const every = Array.from({ length: n }, (_, i) => i);
  const nonEmpty = Array.from({ length: n }, (_, k) => subsets(n, k + 1)).flat();
  return { credit: creditOf(item.question, every), ...meanVar(nonEmpty.map((s) => creditOf(item.question, s))) };
}

function choiceFigures(item: ChoiceItem): Partial<Record<HeuristicId, ItemFigure>> {
  const n = item.question.options.length;
  const figures: Partial<Record<HeuristicId, ItemFigure>> = {
    longest: topK(item, visibleLength),
    shortest: topK(item, (t) => -visibleLength(t)),
    'most-complete': topK(item, completeness),
    'prompt-overlap': topK(item, (t) => promptOverlap(t, item.prompt)),
  };
  if (item.kind === 'multiple') {
    figures['choose-all'] = chooseAll(item);
  } else if (!item.shuffled) {
    figures.first = atPositions(item, [0]);
    figures.last = atPositions(item, [n - 1]);
    const middle = Array.from({ length: n }, (_, i) => i).filter((i) => i > 0 && i < n - 1);
    if (middle.length > 0) figures.middle = atPositions(item, middle);
  }
  return figures;
}

function trueFalseFigures(question: Extract<Question, { type: 'truefalse' }>): Partial<Record<HeuristicId, ItemFigure>> {
  const coin = (verdict: boolean): ItemFigure => ({ credit: verdict === question.answer ? 1 : 0, mean: 0.5, variance: 0.25 });
  return {
    'always-true': coin(true),
    'always-false': coin(false),
    'absolute-false': coin(!soundsAbsolute(question.prompt)),
  };
}

/** A situation's ways to serve, as a single-choice question: the approach that fits the type is right. */
function serveQuestion(item: Classification['items'][number]): ChoiceItem['question'] {
  return {
    id: item.id,
    type: 'single',
    topic: '4.4',
    prompt: item.situation,
    explanation: item.explanation,
    options: item.options.map((o) => ({ id: o.id, text: o.text, correct: o.fits === item.type })),
  };
}

/** What the rules are measured over: quizzes and personality-classification sets. */
export interface ItemBank {
  quizzes: readonly Pick<Quiz, 'questions' | 'shuffle'>[];
  classifications: readonly Pick<Classification, 'items' | 'shuffle'>[];
}

/** Every rule over every kind of item in the bank; rules that apply to no item are left out. */
export function measureHeuristics(bank: ItemBank, { writtenOrder = false } = {}): HeuristicFigure[] {
  const totals = new Map<
    string,
    { kind: ItemKind; heuristic: HeuristicId; items: number; credit: number; chance: number; variance: number }
  >();
  const add = (kind: ItemKind, figures: Partial<Record<HeuristicId, ItemFigure>>) => {
    for (const [heuristic, f] of Object.entries(figures) as [HeuristicId, ItemFigure | undefined][]) {
      if (!f) continue;
      const key = `${kind}/${heuristic}`;
      const t = totals.get(key) ?? { kind, heuristic, items: 0, credit: 0, chance: 0, variance: 0 };
      t.items++;
      t.credit += f.credit;
      t.chance += f.mean;
      t.variance += f.variance;
      totals.set(key, t);
    }
  };
  for (const quiz of bank.quizzes) {
    for (const q of quiz.questions) {
      if (q.type === 'single' || q.type === 'multiple')
        add(q.type, choiceFigures({ kind: q.type, prompt: q.prompt, shuffled: quiz.shuffle && !writtenOrder, question: q }));
      else if (q.type === 'truefalse') add('truefalse', trueFalseFigures(q));
    }
  }
  for (const set of bank.classifications) {
    for (const item of set.items)
      add(
        'serve',
        choiceFigures({ kind: 'serve', prompt: item.situation, shuffled: set.shuffle && !writtenOrder, question: serveQuestion(item) }),
      );
  }
  return [...totals.values()]
    .sort((a, b) => ITEM_KINDS.indexOf(a.kind) - ITEM_KINDS.indexOf(b.kind))
    .map(({ variance, ...t }) => {
      const sd = Math.sqrt(variance);
      const limit = t.chance + MARGIN * t.items + Z * sd;
      return { ...t, sd, limit, flagged: t.credit > limit + 1e-9 };
    });
}

const KIND_LABELS: Record<ItemKind, string> = {
  single: '单选题',
  multiple: '多选题',
  truefalse: '判断题',
  serve: '性格情境·接待方式',
};

const pct = (part: number, whole: number) => `${((part * 100) / whole).toFixed(0)}%`;

/** The figures as a plain-text table, one rule a line, flagged rules marked ✗. */
export function formatHeuristics(figures: readonly HeuristicFigure[]): string {
  const lines = figures.map(
    (f) =>
      `${f.flagged ? '✗' : '✓'} ${KIND_LABELS[f.kind]}（${f.items} 题） ${HEURISTIC_LABELS[f.heuristic]}：得分 ${f.credit.toFixed(1)}（${pct(f.credit, f.items)}），` +
      `瞎猜 ${pct(f.chance, f.items)}，上限 ${pct(f.limit, f.items)}`,
  );
  return lines.join('\n');
}
