import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { profileCommunicationStyle, STYLES } from '../../src/domain/communication-style.ts';

// Two A items and two B items; a2 and b2 are reversed (agreeing lowers the average).
const items = [
  { id: 'a1', axis: 'A' as const, reverse: false },
  { id: 'a2', axis: 'A' as const, reverse: true },
  { id: 'b1', axis: 'B' as const, reverse: false },
  { id: 'b2', axis: 'B' as const, reverse: true },
];

const profile = (a1: number, a2: number, b1: number, b2: number) => profileCommunicationStyle(items, { a1, a2, b1, b2 });
const scoreOf = (p: ReturnType<typeof profile>) => Object.fromEntries(p.scores.map((s) => [s.style, s.score]));

describe('communication style profile', () => {
  it('averages the A and the B items, counting reversed items as 5 − rating', () => {
    const p = profile(4, 1, 3, 3); // A = (4 + 4) / 2, B = (3 + 2) / 2
    expect([p.a, p.b]).toEqual([4, 2.5]);
    expect(p.complete).toBe(true);
  });

  it.each([
    [4, 1, 4, 1, 'I', 'control'],
    [1, 4, 4, 1, 'II', 'thinking'],
    [1, 4, 1, 4, 'III', 'affinity'],
    [4, 1, 1, 4, 'IV', 'expressive'],
  ])('places A/B ratings %i %i %i %i in quadrant %s: %s', (a1, a2, b1, b2, quadrant, style) => {
    const p = profile(a1, a2, b1, b2);
    expect(p.quadrant).toBe(quadrant);
    expect(p.leading).toEqual([style]);
  });

  it('gives all four styles a score: the mean of the two ends each sits at', () => {
    const p = profile(4, 2, 3, 1); // A = 3.5, B = 3.5
    expect(scoreOf(p)).toEqual({ control: 3.5, thinking: 2.5, affinity: 1.5, expressive: 2.5 });
    expect(p.scores.map((s) => s.style)).toEqual(['control', 'thinking', 'affinity', 'expressive']);
  });

  it('reports a tie of two styles when one average is exactly 2.5, with no quadrant', () => {
    const p = profile(4, 1, 3, 3); // A = 4, B = 2.5
    expect(p.quadrant).toBeNull();
    expect(p.leading).toEqual(['control', 'expressive']);
    expect(scoreOf(p)).toEqual({ control: 3.25, thinking: 1.75, affinity: 1.75, expressive: 3.25 });
  });

  it('reports all four styles tied at the centre (2.5, 2.5)', () => {
    const p = profile(2, 2, 3, 3); // A = (2 + 3) / 2, B = (3 + 2) / 2
    expect([p.a, p.b, p.quadrant]).toEqual([2.5, 2.5, null]);
    expect(p.leading).toEqual(['control', 'thinking', 'affinity', 'expressive']);
    expect(new Set(p.scores.map((s) => s.score))).toEqual(new Set([2.5]));
  });

  it('ignores ratings outside 1–4 and unknown items, and never throws', () => {
    const p = profileCommunicationStyle(items, { a1: 4, a2: 0, b1: 'x', b2: 2.5, ghost: 4 });
    expect([p.a, p.b, p.answered, p.complete]).toEqual([4, null, 1, false]);
    for (const odd of [undefined, null, 3, 'x', [4, 4]]) {
      expect(profileCommunicationStyle(items, odd)).toMatchObject({ a: null, b: null, answered: 0, quadrant: null, leading: STYLES });
    }
  });

  it('property: the leading styles are exactly the top scorers, the quadrant style leads alone off the axes, and opposite styles sum to 5', () => {
    const rating = fc.integer({ min: 1, max: 4 });
    fc.assert(
      fc.property(rating, rating, rating, rating, (a1, a2, b1, b2) => {
        const p = profile(a1, a2, b1, b2);
        const s = scoreOf(p);
        const top = Math.max(...Object.values(s));
        expect(p.leading).toEqual(STYLES.filter((style) => s[style] === top));
        expect((s['control'] ?? 0) + (s['affinity'] ?? 0)).toBe(5);
        expect((s['thinking'] ?? 0) + (s['expressive'] ?? 0)).toBe(5);
        for (const v of Object.values(s)) expect(v >= 1 && v <= 4).toBe(true);
        if (p.quadrant !== null) expect(p.leading).toHaveLength(1);
        else expect([2, 4]).toContain(p.leading.length);
      }),
    );
  });
});
