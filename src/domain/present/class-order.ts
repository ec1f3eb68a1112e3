/**
 * The order options are shown in on a class slide. Learners get a fresh shuffle per attempt; in
 * class every window and every printed handout must show the same order, so it is derived from
 * a seed (the question id). Ordering and matching items are authored in their correct order, so
 * a shuffle that happens to give that order back is rotated by one.
 */
export function classOrder<T>(items: readonly T[], seed: string, { avoidIdentity = false } = {}): T[] {
  const out = [...items];
  let state = hash(seed);
  for (let i = out.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  if (avoidIdentity && out.length > 1 && out.every((item, i) => item === items[i])) out.push(out.shift() as T);
  return out;
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
  return h;
}
