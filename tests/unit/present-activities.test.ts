import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classOrder } from '../../src/domain/present/class-order.ts';
import { choiceKey, followPath, type RoleplayGraph } from '../../src/domain/present/roleplay-path.ts';

describe('followPath', () => {
  const graph: RoleplayGraph = {
    open: { apologise: 'listen', argue: 'angry' },
    listen: { solve: 'happy' },
    angry: { apologise: 'listen' },
    happy: {},
  };

  it('starts at the start node', () => {
    expect(followPath(graph, 'open', [])).toEqual({ node: 'open', path: [] });
  });

  it('follows the room’s choices node by node', () => {
    const path = [choiceKey('open', 'argue'), choiceKey('angry', 'apologise'), choiceKey('listen', 'solve')];
    expect(followPath(graph, 'open', path)).toEqual({ node: 'happy', path });
  });

  it('stops at a choice that does not belong to the node reached', () => {
    expect(followPath(graph, 'open', ['open/apologise', 'open/argue', 'listen/solve'])).toEqual({
      node: 'listen',
      path: ['open/apologise'],
    });
    expect(followPath(graph, 'open', ['nonsense'])).toEqual({ node: 'open', path: [] });
  });

  it('stops at a choice leading to a node that is gone', () => {
    expect(followPath({ open: { go: 'missing' } }, 'open', ['open/go'])).toEqual({ node: 'open', path: [] });
  });
});

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
