import type { Classification, ClassificationItem } from '../schemas/classification.ts';
import type { PersonalityType } from '../schemas/ids.ts';
import { reachesPassMark, wholePercent } from './quiz-scoring.ts';

/**
 * Scoring of a personality-classification set (outline 4.4).
 *
 * Raw answers, as recorded in the progress log:
 *   { seed: number, responses: { [itemId]: { type?: PersonalityType, serve?: optionId } } }
 *
 * Each item is worth 2 points: 1 for naming the customer's type, 1 for choosing the approach
 * that fits that type. There is no partial credit within a part. The two parts are scored
 * independently: a learner who misnames the type but still picks the right way to serve earns
 * the serve point. Total and never throwing, like `scoreAttempt`.
 */

export const PERSONALITY_TYPES: readonly PersonalityType[] = ['lively', 'powerful', 'peaceful', 'analytical'];

// A type alias rather than an interface, so that answers made of it count as plain JSON.
export type ItemResponse = {
  type?: PersonalityType;
  serve?: string;
};

export interface ItemResult {
  id: string;
  actual: PersonalityType;
  /** The type the learner named, or null if none. */
  named: PersonalityType | null;
  typeRight: boolean;
  serveRight: boolean;
  /** Option id the learner chose, or null. */
  serve: string | null;
}

export interface TypeTally {
  type: PersonalityType;
  /** Items whose customer is of this type. */
  items: number;
  /** Of those, how many the learner named right. */
  named: number;
  /** Of those, how many the learner served right. */
  served: number;
}

export interface Confusion {
  actual: PersonalityType;
  named: PersonalityType;
  count: number;
}

export interface ClassificationResult {
  score: number;
  maxScore: number;
  percent: number;
  passed: boolean;
  items: ItemResult[];
  perType: TypeTally[];
  /**
   * Confusion table: `table[actual][named]` counts items of type `actual` that the learner
   * called `named`. The diagonal holds the right answers; unanswered items are not counted.
   */
  table: Record<PersonalityType, Record<PersonalityType, number>>;
  /** Off-diagonal cells with a count, most frequent first: the types the learner confuses. */
  confusions: Confusion[];
}

const isType = (v: unknown): v is PersonalityType => typeof v === 'string' && (PERSONALITY_TYPES as readonly string[]).includes(v);

/** The option of an item that fits the item's type (the right way to serve). */
export const rightApproach = (item: Pick<ClassificationItem, 'type' | 'options'>) => item.options.find((o) => o.fits === item.type);

/** Reads one item's raw response, dropping anything of the wrong shape. */
export function itemResponse(responses: unknown, itemId: string): ItemResponse {
  if (typeof responses !== 'object' || responses === null || Array.isArray(responses) || !Object.hasOwn(responses, itemId)) return {};
  const r = (responses as Record<string, unknown>)[itemId];
  if (typeof r !== 'object' || r === null || Array.isArray(r)) return {};
  const { type, serve } = r as Record<string, unknown>;
  return { ...(isType(type) ? { type } : {}), ...(typeof serve === 'string' ? { serve } : {}) };
}

export function scoreClassificationItem(item: ClassificationItem, response: ItemResponse): ItemResult {
  return scoreItemKey({ id: item.id, type: item.type, right: rightApproach(item)?.id ?? null }, response);
}

/**
 * The same, from an item's key alone: its type and the id of the approach that fits it (what the
 * SCORM catalogue carries instead of the whole item).
 */
export function scoreItemKey(key: { id: string; type: PersonalityType; right: string | null }, response: ItemResponse): ItemResult {
  const named = response.type ?? null;
  const serve = response.serve ?? null;
  return {
    id: key.id,
    actual: key.type,
    named,
    typeRight: named === key.type,
    serveRight: serve !== null && key.right === serve,
    serve,
  };
}

const emptyRow = (): Record<PersonalityType, number> => ({ lively: 0, powerful: 0, peaceful: 0, analytical: 0 });

export function scoreClassification(set: Pick<Classification, 'items' | 'passMark'>, answers: unknown): ClassificationResult {
  const responses =
    typeof answers === 'object' && answers !== null && !Array.isArray(answers)
      ? (answers as Record<string, unknown>)['responses']
      : undefined;
  const items = set.items.map((item) => scoreClassificationItem(item, itemResponse(responses, item.id)));
  const table = { lively: emptyRow(), powerful: emptyRow(), peaceful: emptyRow(), analytical: emptyRow() };
  for (const r of items) if (r.named) table[r.actual][r.named] += 1;
  const perType = PERSONALITY_TYPES.map((type): TypeTally => {
    const own = items.filter((r) => r.actual === type);
    return { type, items: own.length, named: own.filter((r) => r.typeRight).length, served: own.filter((r) => r.serveRight).length };
  });
  const confusions = PERSONALITY_TYPES.flatMap((actual) =>
    PERSONALITY_TYPES.filter((named) => named !== actual && table[actual][named] > 0).map((named) => ({
      actual,
      named,
      count: table[actual][named],
    })),
  ).sort((x, y) => y.count - x.count);
  const score = items.reduce((sum, r) => sum + (r.typeRight ? 1 : 0) + (r.serveRight ? 1 : 0), 0);
  const maxScore = items.length * 2;
  return {
    score,
    maxScore,
    percent: wholePercent(score, maxScore),
    passed: reachesPassMark(score, maxScore, set.passMark),
    items,
    perType,
    table,
    confusions,
  };
}
