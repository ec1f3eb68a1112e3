import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { assessmentFlaws } from '../../src/domain/assessment-integrity.ts';
import { classificationFlaws } from '../../src/domain/classification-integrity.ts';
import { PERSONALITY_TYPES, scoreClassification } from '../../src/domain/classification-scoring.ts';
import { profileCommunicationStyle } from '../../src/domain/communication-style.ts';
import { assessmentSchema } from '../../src/schemas/assessment.ts';
import { classificationSchema } from '../../src/schemas/classification.ts';

const read = (path: string): unknown => parse(readFileSync(path, 'utf8'));

describe('the personality classification set as written', () => {
  const set = classificationSchema.parse(read('content/classifications/personality-types.yaml'));

  it('has at least 32 situations, at least 8 of each type, several of them complaints, and no flaws', () => {
    expect(set.id).toBe('personality-types');
    expect(set.items.length).toBeGreaterThanOrEqual(32);
    for (const type of PERSONALITY_TYPES) expect(set.items.filter((i) => i.type === type).length, type).toBeGreaterThanOrEqual(8);
    expect(set.items.filter((i) => i.setting === 'complaint').length).toBeGreaterThanOrEqual(4);
    expect(new Set(set.items.map((i) => i.setting))).toEqual(new Set(['counter', 'phone', 'online', 'complaint']));
    expect(classificationFlaws(set)).toEqual([]);
  });

  it('scores full marks for the right answers', () => {
    const responses = Object.fromEntries(
      set.items.map((i) => [i.id, { type: i.type, serve: i.options.find((o) => o.fits === i.type)?.id }]),
    );
    expect(scoreClassification(set, { seed: 1, responses })).toMatchObject({ percent: 100, passed: true });
  });
});

describe('the personality practice round as written', () => {
  const full = classificationSchema.parse(read('content/classifications/personality-types.yaml'));
  const practice = classificationSchema.parse(read('content/classifications/personality-types-practice.yaml'));

  it('is a short round of other situations, two of each type, with no flaws', () => {
    expect(practice.id).toBe('personality-types-practice');
    expect(practice.items.length).toBeLessThanOrEqual(10);
    for (const type of PERSONALITY_TYPES) expect(practice.items.filter((i) => i.type === type).length, type).toBe(2);
    const fullIds = new Set(full.items.map((i) => i.id));
    expect(practice.items.filter((i) => fullIds.has(i.id))).toEqual([]);
    expect(classificationFlaws(practice)).toEqual([]);
  });

  it('gives the learner the same guidance on the four types as the full set', () => {
    expect(practice.types).toEqual(full.types);
  });
});

describe('the communication-style self-assessment as written', () => {
  const assessment = assessmentSchema.parse(read('content/assessments/communication-style.yaml'));

  it('has at least 24 items, half A and half B, some reversed on each side, and no flaws', () => {
    expect(assessment.id).toBe('communication-style');
    expect(assessment.items.length).toBeGreaterThanOrEqual(24);
    const a = assessment.items.filter((i) => i.axis === 'A');
    const b = assessment.items.filter((i) => i.axis === 'B');
    expect(a.length).toBe(b.length);
    expect(a.some((i) => i.reverse) && a.some((i) => !i.reverse) && b.some((i) => i.reverse) && b.some((i) => !i.reverse)).toBe(true);
    expect(assessmentFlaws(assessment)).toEqual([]);
  });

  it('can place a learner in every quadrant', () => {
    const rate = (high: { A: boolean; B: boolean }) =>
      Object.fromEntries(assessment.items.map((i) => [i.id, high[i.axis] !== i.reverse ? 4 : 1]));
    expect(profileCommunicationStyle(assessment.items, rate({ A: true, B: true })).leading).toEqual(['control']);
    expect(profileCommunicationStyle(assessment.items, rate({ A: false, B: true })).leading).toEqual(['thinking']);
    expect(profileCommunicationStyle(assessment.items, rate({ A: false, B: false })).leading).toEqual(['affinity']);
    expect(profileCommunicationStyle(assessment.items, rate({ A: true, B: false })).leading).toEqual(['expressive']);
  });
});
