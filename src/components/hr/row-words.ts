import { ITEM_COLUMNS, type ItemRowWords } from '../../domain/records/item-rows.ts';
import { DETAIL_COLUMNS, SUMMARY_COLUMNS, type RowWords } from '../../domain/records/rows.ts';
import type { UiKey } from '../../i18n/zh-CN.ts';
import { format, type Strings } from '../../i18n/island-strings.ts';

function words(strings: Strings) {
  const word = (key: string) => format(strings, key as UiKey);
  const pick = <K extends string>(keys: readonly K[], prefix: string) =>
    Object.fromEntries(keys.map((k) => [k, word(`${prefix}${k}`)])) as Record<K, string>;
  return { word, pick };
}

/** The words the CSV exports use (headers, statuses, kinds), from the page's `hr.` strings. */
export function rowWords(strings: Strings): RowWords {
  const { word, pick } = words(strings);
  return {
    summary: pick(SUMMARY_COLUMNS, 'hr.csv.summary.'),
    detail: pick(DETAIL_COLUMNS, 'hr.csv.detail.'),
    state: pick(['completed', 'in-progress', 'not-started'], 'hr.state.'),
    verdict: pick(['verified', 'score-mismatch', 'content-changed'], 'hr.status.'),
    kind: pick(['quiz', 'classification', 'assessment', 'scenario', 'unknown'], 'hr.kind.'),
    yes: word('hr.csv.yes'),
    no: word('hr.csv.no'),
    listSeparator: word('hr.csv.listSeparator'),
  };
}

/** The words of the item-analysis export and table (headers, flags, role-play verdicts). */
export function itemRowWords(strings: Strings): ItemRowWords {
  const { word, pick } = words(strings);
  return {
    columns: pick(ITEM_COLUMNS, 'hr.csv.items.'),
    kind: pick(['quiz', 'classification', 'scenario'], 'hr.kind.'),
    flag: pick(['too-easy', 'too-hard', 'negative', 'weak'], 'hr.items.flag.'),
    tooFew: word('hr.items.tooFew'),
    noFlag: word('hr.items.noFlag'),
    verdict: pick(['good', 'mixed', 'poor'], 'scenario.verdict.'),
    listSeparator: word('hr.csv.listSeparator'),
  };
}
