import type { Verdict } from '../../schemas/scenario.ts';
import type { Cell } from './csv.ts';
import type { ItemAnalysis, ItemFlag } from './item-analysis.ts';

/**
 * The third export, 题目分析 CSV, as rows of cells: one row per question (facility,
 * discrimination, flags) and one per role-play reply (how many first runs reached its decision
 * point, how many chose it). The `kind` column says which: question rows leave the reply columns
 * empty and the other way round, so a spreadsheet filter on it gives either table.
 */

export const ITEM_COLUMNS = [
  'kind',
  'activityId',
  'activity',
  'itemId',
  'item',
  'answered',
  'facility',
  'discrimination',
  'flags',
  'replyId',
  'reply',
  'verdict',
  'reached',
  'chosen',
  'share',
] as const;

export type ItemColumn = (typeof ITEM_COLUMNS)[number];

export interface ItemRowWords {
  columns: Record<ItemColumn, string>;
  kind: Record<'quiz' | 'classification' | 'scenario', string>;
  flag: Record<ItemFlag, string>;
  /** For an item answered by too few learners to judge. */
  tooFew: string;
  /** For a judged item without a flag. */
  noFlag: string;
  verdict: Record<Verdict, string>;
  listSeparator: string;
}

/** What the flags column (and the page's 标记 column) says about a question. */
export const flagText = (
  q: { judged: boolean; flags: readonly ItemFlag[] },
  words: Pick<ItemRowWords, 'flag' | 'tooFew' | 'noFlag' | 'listSeparator'>,
): string => (!q.judged ? words.tooFew : q.flags.length === 0 ? words.noFlag : q.flags.map((f) => words.flag[f]).join(words.listSeparator));

export function itemRows(items: ItemAnalysis, words: ItemRowWords): Cell[][] {
  const header = ITEM_COLUMNS.map((c) => words.columns[c]);
  const empty: Record<ItemColumn, Cell> = Object.fromEntries(ITEM_COLUMNS.map((c) => [c, null])) as Record<ItemColumn, Cell>;
  const row = (cells: Partial<Record<ItemColumn, Cell>>): Cell[] => {
    const all = { ...empty, ...cells };
    return ITEM_COLUMNS.map((c) => all[c]);
  };
  const questions = items.questions.map((q) =>
    row({
      kind: words.kind[q.kind],
      activityId: q.activityId,
      activity: q.activityTitle,
      itemId: q.questionId,
      item: q.prompt,
      answered: q.answered,
      facility: q.facility,
      discrimination: q.discrimination ?? null,
      flags: flagText(q, words),
    }),
  );
  const replies = items.decisions.flatMap((d) =>
    d.replies.map((r) =>
      row({
        kind: words.kind.scenario,
        activityId: d.activityId,
        activity: d.activityTitle,
        itemId: d.nodeId,
        item: d.say,
        replyId: r.choiceId,
        reply: r.say,
        verdict: words.verdict[r.verdict],
        reached: d.reached,
        chosen: r.chosen,
        share: r.share ?? null,
      }),
    ),
  );
  return [header, ...questions, ...replies];
}
