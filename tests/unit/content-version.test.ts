import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contentVersion, stableJson } from '../../src/domain/content-version.ts';

const quiz = {
  id: 'kc-what-is-service',
  title: '小测：什么是服务',
  passMark: 80,
  questions: [
    {
      id: 'definition',
      type: 'single',
      topic: '1.3',
      prompt: '服务最主要的特点是？',
      options: [
        { id: 'intangible', text: '无形', correct: true },
        { id: 'stored', text: '可以储存', correct: false },
      ],
    },
  ],
};

/** The same value with every object's keys in reverse order, as if the YAML had been rearranged. */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([k, v]) => [k, reversedKeys(v)]),
  );
}

describe('content version of an activity', () => {
  it('is 16 hexadecimal digits', () => {
    expect(contentVersion(quiz)).toMatch(/^[0-9a-f]{16}$/);
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(contentVersion(value)).toMatch(/^[0-9a-f]{16}$/);
      }),
    );
  });

  it('stays the same when the fields are written in another order', () => {
    expect(contentVersion(reversedKeys(quiz))).toBe(contentVersion(quiz));
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(contentVersion(reversedKeys(value))).toBe(contentVersion(value));
      }),
    );
  });

  it('stays the same when an optional field is absent or undefined', () => {
    expect(contentVersion({ ...quiz, retries: undefined })).toBe(contentVersion(quiz));
  });

  it('is the same each time it is computed, so build and browser agree', () => {
    expect(contentVersion(structuredClone(quiz))).toBe(contentVersion(quiz));
  });

  it('changes when which answer is correct changes', () => {
    const moved = structuredClone(quiz);
    moved.questions[0]!.options[0]!.correct = false;
    moved.questions[0]!.options[1]!.correct = true;
    expect(contentVersion(moved)).not.toBe(contentVersion(quiz));
  });

  it('changes when the pass mark changes', () => {
    expect(contentVersion({ ...quiz, passMark: 70 })).not.toBe(contentVersion(quiz));
  });

  it('changes when a question is added or the questions are reordered', () => {
    const [first] = quiz.questions;
    expect(contentVersion({ ...quiz, questions: [first, { ...first, id: 'second' }] })).not.toBe(contentVersion(quiz));
    const two = { ...quiz, questions: [first, { ...first, id: 'second' }] };
    expect(contentVersion({ ...two, questions: [...two.questions].reverse() })).not.toBe(contentVersion(two));
  });

  it('changes when the wording of an option changes', () => {
    const reworded = structuredClone(quiz);
    reworded.questions[0]!.options[1]!.text = '可以库存';
    expect(contentVersion(reworded)).not.toBe(contentVersion(quiz));
  });

  it('tells apart values that differ only in type', () => {
    expect(contentVersion({ passMark: 80 })).not.toBe(contentVersion({ passMark: '80' }));
    expect(contentVersion([1, 2])).not.toBe(contentVersion({ 0: 1, 1: 2 }));
  });
});

describe('stableJson', () => {
  it('writes keys in sorted order at every depth', () => {
    expect(stableJson({ b: 1, a: { d: [{ f: 1, e: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[{"e":2,"f":1}]},"b":1}');
  });

  it('reads back as the same data as JSON.stringify would write', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(JSON.parse(stableJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });
});
