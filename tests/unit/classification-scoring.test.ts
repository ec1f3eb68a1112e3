import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { classificationLayout } from '../../src/domain/classification-layout.ts';
import { PERSONALITY_TYPES, scoreClassification } from '../../src/domain/classification-scoring.ts';
import { classificationSchema, type Classification } from '../../src/schemas/classification.ts';
import type { PersonalityType } from '../../src/schemas/ids.ts';

const item = (id: string, type: PersonalityType) => ({
  id,
  setting: 'counter',
  situation: `情境 ${id}`,
  type,
  explanation: '解析',
  options: PERSONALITY_TYPES.map((fits) => ({ id: `serve-${fits}`, text: fits, fits })),
});

const set: Classification = classificationSchema.parse({
  id: 'types',
  title: '四种性格',
  intro: '说明',
  passMark: 70,
  types: PERSONALITY_TYPES.map((type) => ({ type, name: type, signs: ['s'], serve: ['v'], avoid: ['a'], suitedService: ['peaceful'] })),
  items: [
    item('l1', 'lively'),
    item('l2', 'lively'),
    item('p1', 'powerful'),
    item('q1', 'peaceful'),
    item('a1', 'analytical'),
    item('a2', 'analytical'),
  ],
});

describe('classification scoring', () => {
  it('gives 2 points an item, one for the type and one for the way to serve, scored independently', () => {
    const result = scoreClassification(set, {
      seed: 1,
      responses: {
        l1: { type: 'lively', serve: 'serve-lively' },
        l2: { type: 'peaceful', serve: 'serve-lively' },
        p1: { type: 'powerful', serve: 'serve-peaceful' },
        q1: { type: 'peaceful', serve: 'serve-peaceful' },
        a1: { type: 'powerful', serve: 'serve-powerful' },
        a2: { type: 'analytical', serve: 'serve-analytical' },
      },
    });
    expect([result.score, result.maxScore, result.percent, result.passed]).toEqual([8, 12, 66, false]);
    expect(result.perType).toEqual([
      { type: 'lively', items: 2, named: 1, served: 2 },
      { type: 'powerful', items: 1, named: 1, served: 0 },
      { type: 'peaceful', items: 1, named: 1, served: 1 },
      { type: 'analytical', items: 2, named: 1, served: 1 },
    ]);
  });

  it('fills the confusion table: actual type by row, named type by column, and lists the confusions', () => {
    const result = scoreClassification(set, {
      responses: { l1: { type: 'peaceful' }, l2: { type: 'peaceful' }, a1: { type: 'powerful' }, a2: { type: 'analytical' }, q1: {} },
    });
    expect(result.table.lively).toEqual({ lively: 0, powerful: 0, peaceful: 2, analytical: 0 });
    expect(result.table.analytical).toEqual({ lively: 0, powerful: 1, peaceful: 0, analytical: 1 });
    expect(result.table.peaceful).toEqual({ lively: 0, powerful: 0, peaceful: 0, analytical: 0 });
    expect(result.confusions).toEqual([
      { actual: 'lively', named: 'peaceful', count: 2 },
      { actual: 'analytical', named: 'powerful', count: 1 },
    ]);
  });

  it('scores odd answers as unanswered without throwing', () => {
    for (const odd of [undefined, null, 'x', { responses: 'x' }, { responses: { l1: 'lively', l2: { type: 'nobody', serve: 3 } } }]) {
      const result = scoreClassification(set, odd);
      expect([result.score, result.passed, result.confusions]).toEqual([0, false, []]);
      expect(result.items.every((r) => r.named === null && r.serve === null)).toBe(true);
    }
  });

  it('property: the right answers score the maximum; any answers stay between 0 and the maximum', () => {
    const right = { responses: Object.fromEntries(set.items.map((i) => [i.id, { type: i.type, serve: `serve-${i.type}` }])) };
    expect(scoreClassification(set, right)).toMatchObject({ score: 12, percent: 100, passed: true, confusions: [] });
    const answer = fc.record(
      { type: fc.constantFrom(...PERSONALITY_TYPES), serve: fc.constantFrom(...PERSONALITY_TYPES.map((t) => `serve-${t}`)) },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('l1', 'l2', 'p1', 'q1', 'a1', 'a2'), answer), (responses) => {
        const result = scoreClassification(set, { responses });
        expect(result.score >= 0 && result.score <= result.maxScore).toBe(true);
        const counted = Object.values(result.table).reduce((sum, row) => sum + Object.values(row).reduce((s, n) => s + n, 0), 0);
        expect(counted).toBe(Object.values(responses).filter((r) => r.type).length);
      }),
    );
  });

  it('lays out every item and option once, the same for the same seed', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const layout = classificationLayout(set, seed);
        expect(layout.map((v) => v.id).sort()).toEqual(set.items.map((i) => i.id).sort());
        expect(classificationLayout(set, seed)).toEqual(layout);
        for (const v of layout) expect([...v.order].sort()).toEqual(PERSONALITY_TYPES.map((t) => `serve-${t}`).sort());
      }),
    );
  });
});
