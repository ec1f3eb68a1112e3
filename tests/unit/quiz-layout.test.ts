import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quizLayout } from '../../src/domain/quiz-layout.ts';
import { hashKey, prng, seededShuffle, shuffleAwayFromOriginal, toSeed } from '../../src/domain/seeded-shuffle.ts';
import { quizSchema } from '../../src/schemas/quiz.ts';

const sorted = (xs: readonly string[]) => [...xs].sort();

describe('seeded shuffle', () => {
  it('property: is a permutation, and the same for the same seed and key', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string(), { maxLength: 30 }), fc.integer(), fc.string(), (items, seed, key) => {
        const once = seededShuffle(items, seed, key);
        expect(sorted(once)).toEqual(sorted(items));
        expect(seededShuffle(items, seed, key)).toEqual(once);
      }),
    );
  });

  it('property: a list of two or more never comes back in its original order from shuffleAwayFromOriginal', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string(), { minLength: 2, maxLength: 10 }), fc.integer(), (items, seed) => {
        const out = shuffleAwayFromOriginal(items, seed, 'k');
        expect(sorted(out)).toEqual(sorted(items));
        expect(out).not.toEqual(items);
      }),
    );
  });

  it('gives different orders for different seeds and keys, without touching its input', () => {
    const items = Array.from({ length: 12 }, (_, i) => `x${i}`);
    const copy = [...items];
    const orders = new Set([1, 2, 3, 4, 5].map((seed) => seededShuffle(items, seed).join()));
    expect(orders.size).toBeGreaterThan(1);
    expect(seededShuffle(items, 1, 'a').join()).not.toBe(seededShuffle(items, 1, 'b').join());
    expect(items).toEqual(copy);
  });

  it('turns any number into a 32-bit seed and yields floats in [0, 1)', () => {
    expect([toSeed(Number.NaN), toSeed(Infinity), toSeed(-1), toSeed(2.9)]).toEqual([0, 0, 4294967295, 2]);
    expect(hashKey('')).toBe(0x811c9dc5);
    const random = prng(123);
    for (let i = 0; i < 1000; i++) {
      const x = random();
      expect(x >= 0 && x < 1).toBe(true);
    }
  });
});

const quiz = quizSchema.parse({
  id: 'layout',
  title: '样例',
  questions: [
    {
      id: 'one',
      type: 'single',
      topic: 1.1,
      prompt: 'p',
      explanation: 'e',
      options: ['a', 'b', 'c', 'd'].map((id) => ({ id, text: id, correct: id === 'a' })),
    },
    { id: 'tf', type: 'truefalse', topic: 1.1, prompt: 'p', explanation: 'e', answer: true },
    { id: 'steps', type: 'ordering', topic: 1.1, prompt: 'p', explanation: 'e', items: ['s1', 's2', 's3'].map((id) => ({ id, text: id })) },
    {
      id: 'pairs',
      type: 'matching',
      topic: 1.1,
      prompt: 'p',
      explanation: 'e',
      pairs: ['p1', 'p2'].map((id) => ({ id, left: id, right: id })),
    },
  ],
});

describe('quiz layout', () => {
  it('property: shows every question and option once, and is the same for the same seed', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const layout = quizLayout(quiz, seed);
        expect(sorted(layout.map((v) => v.id))).toEqual(['one', 'pairs', 'steps', 'tf']);
        const byId = Object.fromEntries(layout.map((v) => [v.id, v.order]));
        expect(sorted(byId['one'] ?? [])).toEqual(['a', 'b', 'c', 'd']);
        expect(byId['tf']).toEqual([]);
        expect(byId['steps']).not.toEqual(['s1', 's2', 's3']);
        expect(byId['pairs']).toEqual(['p2', 'p1']);
        expect(quizLayout(quiz, seed)).toEqual(layout);
      }),
    );
  });

  it('keeps the authored order of questions and options when shuffle is off, but still mixes up steps and matches', () => {
    const layout = quizLayout({ ...quiz, shuffle: false }, 7);
    expect(layout.map((v) => v.id)).toEqual(['one', 'tf', 'steps', 'pairs']);
    expect(layout[0]?.order).toEqual(['a', 'b', 'c', 'd']);
    expect(layout[2]?.order).not.toEqual(['s1', 's2', 's3']);
  });
});
