/**
 * Reviewed corrections to OpenCC's Simplified → Traditional (Taiwan) conversion, applied to its
 * output, and the reviewed exceptions of the check that no Simplified-only character is left in
 * the Traditional edition. Found by scanning the built edition (`tests/e2e/hant.spec.ts`) and
 * reading each hit in its sentence; add an entry only after reading the converted page.
 */
export interface HantOverride {
  /** The Simplified source text where the converter goes wrong. */
  simplified: string;
  /** What OpenCC writes for it. */
  converted: string;
  /** The reviewed Traditional text. */
  traditional: string;
  reason: string;
}

export const HANT_OVERRIDES: readonly HantOverride[] = [
  {
    simplified: '今天后面',
    converted: '今天后面',
    traditional: '今天後面',
    reason: 'OpenCC reads 天后 (the sea goddess) and keeps 后; here it is 今天 + 后面 (the dishes still to come).',
  },
  {
    simplified: '提高几个',
    converted: '提高几個',
    traditional: '提高幾個',
    reason: 'OpenCC reads 高几 (a tall side table) and keeps 几; here it is 几个 (a few percentage points).',
  },
  {
    simplified: '风格里',
    converted: '風格里',
    traditional: '風格裡',
    reason: 'OpenCC reads 格里 as a transliterated name and keeps 里; here it is 里 "in" (in every service style).',
  },
  {
    simplified: '服务企业里人人',
    converted: '服務企業里人人',
    traditional: '服務企業裡人人',
    reason: 'OpenCC reads 務企業 and leaves 里; here it is 里 "in" (in a service company everyone…).',
  },
  {
    simplified: '模块五里',
    converted: '模塊五里',
    traditional: '模塊五裡',
    reason: 'OpenCC reads 五里 (five li, a distance) and keeps 里; here it is 里 "in" (in module five).',
  },
  {
    simplified: '流失成本里',
    converted: '流失成本里',
    traditional: '流失成本裡',
    reason: 'OpenCC leaves 里 after 成本; here it is 里 "in" (in the cost of losing customers).',
  },
  {
    simplified: '服务业里人人',
    converted: '服務業里人人',
    traditional: '服務業裡人人',
    reason: 'OpenCC leaves 里 before 人人; here it is 里 "in" (everyone in the service trade).',
  },
  {
    simplified: '合作伙伴',
    converted: '合作伙伴',
    traditional: '合作夥伴',
    reason: 'Taiwan writes 夥伴 (partner), as OpenCC does for 伙伴 alone; its phrase table keeps 伙 in 合作伙伴.',
  },
];

export interface HantException {
  /** A word that is right in Traditional although one of its characters is also a Simplified form. */
  word: string;
  reason: string;
}

export const HANT_EXCEPTIONS: readonly HantException[] = [
  { word: '划算', reason: '划算 (worth it) is the standard Traditional spelling; 劃 is for strokes and plans.' },
  { word: '鄰里', reason: '里 here is the neighbourhood, not 裡 "inside".' },
  { word: '批准', reason: '准 (permit) is its own Traditional character; 準 is "accurate".' },
  { word: '准予', reason: '准 (permit) is its own Traditional character; 準 is "accurate".' },
  { word: '相干', reason: '干 (to concern) is its own Traditional character in 相干; 幹 and 乾 are other words.' },
];
