import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classOrder } from '../../src/domain/present/class-order.ts';

describe('classOrder', () => {
  it('is a permutation, the same every time for the same seed', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer(), { maxLength: 8 }), fc.string(), (items, seed) => {
        const once = classOrder(items, seed);
        expect([...once].sort()).toEqual([...items].sort());
        expect(classOrder(items, seed)).toEqual(once);
      }),
    );
  });

  it('never gives an ordering question back in its correct order', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer(), { minLength: 2, maxLength: 6 }), fc.string(), (items, seed) => {
        expect(classOrder(items, seed, { avoidIdentity: true })).not.toEqual(items);
      }),
    );
  });
});
