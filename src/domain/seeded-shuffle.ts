/**
 * Shuffling that can be replayed. An attempt stores one 32-bit seed with its raw answers; every
 * order shown during that attempt (questions, options, steps, matching choices) is derived from
 * the seed and a key naming the list, so a review, a reload or the HR page re-creates exactly
 * the order the learner saw, and adding a question to a quiz does not reorder the others.
 */

/** A 32-bit seed from any number (floats and negatives included); NaN and infinities become 0. */
export const toSeed = (value: number): number => (Number.isFinite(value) ? Math.trunc(value) >>> 0 : 0);

/** FNV-1a over UTF-16 code units: a 32-bit number for a string key. */
export function hashKey(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** mulberry32: a small, fast PRNG, good enough to shuffle a list; returns floats in [0, 1). */
export function prng(seed: number): () => number {
  let state = toSeed(seed);
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A Fisher–Yates shuffle of a copy of `items`, the same for the same seed and key. */
export function seededShuffle<T>(items: readonly T[], seed: number, key = ''): T[] {
  const random = prng(toSeed(seed) ^ hashKey(key));
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const here = out[i] as T;
    out[i] = out[j] as T;
    out[j] = here;
  }
  return out;
}

/**
 * A shuffle that never leaves the list as authored (for lists of two or more): used where the
 * authored order is the answer, as in ordering questions. If the shuffle happens to return the
 * original order, it is rotated by one.
 */
export function shuffleAwayFromOriginal<T>(items: readonly T[], seed: number, key = ''): T[] {
  const out = seededShuffle(items, seed, key);
  if (out.length < 2 || !out.every((item, i) => item === items[i])) return out;
  return [...out.slice(1), out[0] as T];
}
