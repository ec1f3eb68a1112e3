import type { AssessmentItem, CommunicationStyle } from '../schemas/assessment.ts';

/**
 * The communication-style self-test of deck 001 (outline 4.5), as the deck draws it: every item
 * is rated 1–4; the A items and the B items are averaged; the two averages place the learner
 * on a chart whose axes cross at (2.5, 2.5). The quadrants, numbered as in the deck:
 *
 *   II  A < 2.5, B > 2.5  思考力 thinking      I   A > 2.5, B > 2.5  控制力 control
 *   III A < 2.5, B < 2.5  亲和力 affinity      IV  A > 2.5, B < 2.5  表现力 expressive
 *
 * (The deck lists the quadrants' ranges in the order III, IV, I, II and the styles in the order
 * I–IV; read together with the styles' adjectives, A measures how much one takes the lead and B
 * how much one keeps to facts and the task rather than feelings and people.)
 *
 * A 2.5 average belongs to neither side: the deck's ranges are [1, 2.5) and (2.5, 4]. So every
 * style also gets a score, the mean of the two ends it sits at —
 *   control = (A + B) / 2         thinking   = ((5 − A) + B) / 2
 *   affinity = ((5 − A) + (5 − B)) / 2   expressive = (A + (5 − B)) / 2
 * — each between 1 and 4. The style of the learner's quadrant always scores highest; on an axis
 * two styles tie, at the centre all four do, and a tie is reported as a tie, never broken.
 */

export type Quadrant = 'I' | 'II' | 'III' | 'IV';

/** Styles in the deck's order, quadrant I to IV. */
export const STYLES: readonly CommunicationStyle[] = ['control', 'thinking', 'affinity', 'expressive'];

export const QUADRANT_OF: Record<CommunicationStyle, Quadrant> = { control: 'I', thinking: 'II', affinity: 'III', expressive: 'IV' };

export const CENTRE = 2.5;

/** Where each style's quadrant lies: +1 above the centre on that axis, −1 below. */
export const QUADRANT_SIDES: Record<CommunicationStyle, { a: 1 | -1; b: 1 | -1 }> = {
  control: { a: 1, b: 1 },
  thinking: { a: -1, b: 1 },
  affinity: { a: -1, b: -1 },
  expressive: { a: 1, b: -1 },
};

/** Learner's ratings by item id, each 1–4. */
export type StyleAnswers = Record<string, number>;

export interface StyleScore {
  style: CommunicationStyle;
  /** 1–4. */
  score: number;
}

export interface CommunicationProfile {
  /** Average of the A items (1–4), or null when none is answered. */
  a: number | null;
  /** Average of the B items (1–4), or null when none is answered. */
  b: number | null;
  answered: number;
  total: number;
  /** Every item answered. */
  complete: boolean;
  /** The quadrant, or null when an average is exactly 2.5 (on an axis) or missing. */
  quadrant: Quadrant | null;
  /** All four styles in the deck's order. */
  scores: StyleScore[];
  /** The highest-scoring style, or the styles tied for highest (2 on an axis, 4 at the centre). */
  leading: CommunicationStyle[];
}

// Averages are sums of small integers divided by counts; comparing at 1e-9 keeps an exact 2.5
// exact whatever the float rounding of the division.
const EPS = 1e-9;
const round = (x: number, places: number) => Math.round(x * 10 ** places) / 10 ** places;

/** A valid rating is an integer 1–4; anything else counts as not answered. */
export const isRating = (v: unknown): v is 1 | 2 | 3 | 4 => v === 1 || v === 2 || v === 3 || v === 4;

/** A rating as it counts towards its average: reversed items count 5 − r. */
export const itemValue = (item: Pick<AssessmentItem, 'reverse'>, rating: number): number => (item.reverse ? 5 - rating : rating);

function average(items: readonly Pick<AssessmentItem, 'id' | 'reverse'>[], answers: Record<string, unknown>): number | null {
  const values = items.flatMap((item) => {
    const r = Object.hasOwn(answers, item.id) ? answers[item.id] : undefined;
    return isRating(r) ? [itemValue(item, r)] : [];
  });
  return values.length === 0 ? null : values.reduce((s, v) => s + v, 0) / values.length;
}

const side = (value: number): -1 | 0 | 1 => (Math.abs(value - CENTRE) < EPS ? 0 : value > CENTRE ? 1 : -1);

/**
 * The learner's profile from raw ratings. Total: unknown item ids and ratings other than 1–4 are
 * ignored. With an average missing, its axis counts as the centre for the style scores.
 */
export function profileCommunicationStyle(
  items: readonly Pick<AssessmentItem, 'id' | 'axis' | 'reverse'>[],
  answers: unknown,
): CommunicationProfile {
  const given = typeof answers === 'object' && answers !== null && !Array.isArray(answers) ? (answers as Record<string, unknown>) : {};
  const a = average(
    items.filter((i) => i.axis === 'A'),
    given,
  );
  const b = average(
    items.filter((i) => i.axis === 'B'),
    given,
  );
  const answered = items.filter((i) => Object.hasOwn(given, i.id) && isRating(given[i.id])).length;
  const A = a ?? CENTRE;
  const B = b ?? CENTRE;
  const raw: Record<CommunicationStyle, number> = {
    control: (A + B) / 2,
    thinking: (5 - A + B) / 2,
    affinity: (5 - A + (5 - B)) / 2,
    expressive: (A + (5 - B)) / 2,
  };
  const top = Math.max(...STYLES.map((s) => raw[s]));
  const leading = STYLES.filter((s) => top - raw[s] < EPS);
  const sa = a === null ? 0 : side(a);
  const sb = b === null ? 0 : side(b);
  const inside = STYLES.find((style) => QUADRANT_SIDES[style].a === sa && QUADRANT_SIDES[style].b === sb);
  const quadrant: Quadrant | null = inside ? QUADRANT_OF[inside] : null;
  return {
    a: a === null ? null : round(a, 4),
    b: b === null ? null : round(b, 4),
    answered,
    total: items.length,
    complete: answered === items.length,
    quadrant,
    scores: STYLES.map((style) => ({ style, score: round(raw[style], 4) })),
    leading,
  };
}
