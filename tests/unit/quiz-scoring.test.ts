import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { creditTally, longestIncreasingRun, scoreAttempt, scoreQuestion } from '../../src/domain/quiz-scoring.ts';
import { quizSchema, type Question, type Quiz } from '../../src/schemas/quiz.ts';

const quiz: Quiz = quizSchema.parse({
  id: 'sample',
  title: '样例',
  passMark: 70,
  questions: [
    {
      id: 'one',
      type: 'single',
      topic: 1.1,
      prompt: '选一个',
      explanation: '解析',
      options: [
        { id: 'a', text: 'A' },
        { id: 'b', text: 'B', correct: true },
        { id: 'c', text: 'C' },
      ],
    },
    {
      id: 'many',
      type: 'multiple',
      topic: 1.2,
      prompt: '选多个',
      explanation: '解析',
      options: [
        { id: 'r1', text: 'R1', correct: true },
        { id: 'r2', text: 'R2', correct: true },
        { id: 'w1', text: 'W1' },
        { id: 'w2', text: 'W2' },
      ],
    },
    { id: 'tf', type: 'truefalse', topic: 1.3, prompt: '对吗', explanation: '解析', answer: false },
    {
      id: 'steps',
      type: 'ordering',
      topic: '7.2',
      prompt: '排序',
      explanation: '解析',
      items: ['s1', 's2', 's3', 's4', 's5'].map((id) => ({ id, text: id })),
    },
    {
      id: 'pairs',
      type: 'matching',
      topic: 4.4,
      prompt: '配对',
      explanation: '解析',
      pairs: ['p1', 'p2', 'p3', 'p4'].map((id) => ({ id, left: `L${id}`, right: `R${id}` })),
    },
  ],
});

const q = (id: string): Question => {
  const found = quiz.questions.find((x) => x.id === id);
  if (!found) throw new Error(id);
  return found;
};

const perfect = {
  seed: 1,
  responses: {
    one: 'b',
    many: ['r1', 'r2'],
    tf: false,
    steps: ['s1', 's2', 's3', 's4', 's5'],
    pairs: { p1: 'p1', p2: 'p2', p3: 'p3', p4: 'p4' },
  },
};

describe('single choice and true/false', () => {
  it('score 1 for the right option and 0 for any other', () => {
    expect(scoreQuestion(q('one'), 'b')).toBe(1);
    expect(scoreQuestion(q('one'), 'a')).toBe(0);
    expect(scoreQuestion(q('tf'), false)).toBe(1);
    expect(scoreQuestion(q('tf'), true)).toBe(0);
  });

  it('score 0 for answers of the wrong shape, never throwing', () => {
    for (const odd of [undefined, null, 1, ['b'], { b: true }, 'zzz']) expect(scoreQuestion(q('one'), odd)).toBe(0);
    for (const odd of [undefined, null, 'false', 0, []]) expect(scoreQuestion(q('tf'), odd)).toBe(0);
  });
});

describe('multiple choice partial credit: (right − wrong) ÷ number right, at least 0', () => {
  it.each([
    [['r1', 'r2'], 1],
    [['r1'], 0.5],
    [['r1', 'w1'], 0],
    [['r1', 'r2', 'w1'], 0.5],
    [['r1', 'r2', 'w1', 'w2'], 0],
    [['w1', 'w2'], 0],
    [[], 0],
  ])('%j scores %s', (chosen, credit) => {
    expect(scoreQuestion(q('many'), chosen)).toBe(credit);
  });

  it('counts a repeated option once and ignores unknown ids', () => {
    expect(scoreQuestion(q('many'), ['r1', 'r1', 'r1'])).toBe(0.5);
    expect(scoreQuestion(q('many'), ['r1', 'ghost', 7, null])).toBe(0.5);
  });
});

describe('ordering partial credit: 1 − moves needed ÷ (steps − 1)', () => {
  it.each([
    [['s1', 's2', 's3', 's4', 's5'], 1],
    [['s2', 's1', 's3', 's4', 's5'], 0.75], // two neighbours swapped: one move
    [['s2', 's3', 's4', 's5', 's1'], 0.75], // first step put last: one move
    [['s1', 's2', 's5', 's4', 's3'], 0.5], // tail reversed: two moves
    [['s5', 's4', 's3', 's2', 's1'], 0], // fully reversed
    [['s1', 's2', 's3'], 0.5], // two steps left out
    [[], 0],
  ])('%j scores %s', (order, credit) => {
    expect(scoreQuestion(q('steps'), order)).toBe(credit);
  });

  it('ignores repeated and unknown steps', () => {
    expect(scoreQuestion(q('steps'), ['s1', 's1', 'x', 's2', 's3', 's4', 's5'])).toBe(1);
    expect(scoreQuestion(q('steps'), 's1')).toBe(0);
  });

  it('finds the longest run already in order', () => {
    expect(longestIncreasingRun([])).toBe(0);
    expect(longestIncreasingRun([3, 1, 2, 5, 4])).toBe(3);
    expect(longestIncreasingRun([2, 2, 2])).toBe(1);
  });
});

describe('matching partial credit: pairs right ÷ pairs', () => {
  it.each([
    [{ p1: 'p1', p2: 'p2', p3: 'p3', p4: 'p4' }, 1],
    [{ p1: 'p1', p2: 'p2', p3: 'p4', p4: 'p3' }, 0.5],
    [{ p1: 'p1' }, 0.25],
    [{ p1: 'p1', p2: 'p1', p3: 'p1', p4: 'p1' }, 0.25],
    [{}, 0],
  ])('%j scores %s', (matches, credit) => {
    expect(scoreQuestion(q('pairs'), matches)).toBe(credit);
  });

  it('scores 0 for arrays and inherited keys', () => {
    expect(scoreQuestion(q('pairs'), ['p1', 'p2'])).toBe(0);
    expect(scoreQuestion(q('pairs'), Object.create({ p1: 'p1' }))).toBe(0);
  });
});

describe('scoreAttempt', () => {
  it('gives the maximum for the right answers and passes', () => {
    const result = scoreAttempt(quiz, perfect);
    expect(result).toMatchObject({ score: 5, maxScore: 5, percent: 100, passed: true, missedTopics: [] });
  });

  it('adds partial credits, lists the missed topics once each, and fails under the pass mark', () => {
    const result = scoreAttempt(quiz, {
      seed: 9,
      responses: { one: 'b', many: ['r1'], tf: true, steps: ['s2', 's1', 's3', 's4', 's5'], pairs: { p1: 'p1', p2: 'p2' } },
    });
    expect(result.score).toBe(2.75);
    expect(result.percent).toBe(55);
    expect(result.passed).toBe(false);
    expect(result.missedTopics).toEqual(['1.2', '1.3', '7.2', '4.4']);
    expect(result.questions.map((x) => [x.id, x.credit, x.answered])).toEqual([
      ['one', 1, true],
      ['many', 0.5, true],
      ['tf', 0, true],
      ['steps', 0.75, true],
      ['pairs', 0.5, true],
    ]);
  });

  it('passes exactly at the pass mark and reports a whole percent rounded down', () => {
    const threeQuestions = { passMark: 67, questions: quiz.questions.slice(0, 3) };
    // 2 of 3 is 66.67 %: shown as 66, and below a 67 % pass mark.
    const twoOfThree = { responses: { one: 'b', many: ['r1', 'r2'] } };
    expect(scoreAttempt(threeQuestions, twoOfThree)).toMatchObject({ score: 2, percent: 66, passed: false });
    expect(scoreAttempt({ ...threeQuestions, passMark: 66 }, twoOfThree).passed).toBe(true);
    expect(
      scoreAttempt(
        { passMark: 80, questions: quiz.questions.slice(0, 5) },
        { responses: { one: 'b', many: ['r1', 'r2'], tf: false, steps: perfect.responses.steps } },
      ).passed,
    ).toBe(true);
  });

  it('scores anything at all without throwing; unknown questions count for nothing', () => {
    for (const odd of [undefined, null, 42, 'x', [], { responses: null }, { responses: [] }, { responses: { ghost: 'b' } }]) {
      expect(scoreAttempt(quiz, odd)).toMatchObject({ score: 0, maxScore: 5, passed: false });
    }
    expect(scoreAttempt(quiz, {}).questions.every((x) => !x.answered)).toBe(true);
  });

  it('property: the score lies between 0 and the maximum whatever the answers', () => {
    const response = fc.oneof(
      fc.constantFrom('a', 'b', 'r1', 'w1', 's1', 'p1'),
      fc.boolean(),
      fc.array(fc.constantFrom('r1', 'r2', 'w1', 'w2', 's1', 's2', 's3', 's4', 's5', 'zz')),
      fc.dictionary(fc.constantFrom('p1', 'p2', 'p3', 'p4', 'zz'), fc.constantFrom('p1', 'p2', 'p3', 'p4', 'zz')),
      fc.anything(),
    );
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('one', 'many', 'tf', 'steps', 'pairs', 'ghost'), response), (responses) => {
        const result = scoreAttempt(quiz, { seed: 0, responses });
        expect(result.score).toBeGreaterThanOrEqual(0);
        expect(result.score).toBeLessThanOrEqual(result.maxScore);
        for (const x of result.questions) expect(x.credit >= 0 && x.credit <= 1).toBe(true);
        expect(result.passed).toBe(result.score * 100 >= 70 * result.maxScore - 1e-9);
      }),
    );
  });

  it('property: any ordering scores the maximum only in the authored order', () => {
    const steps = ['s1', 's2', 's3', 's4', 's5'];
    fc.assert(
      fc.property(fc.shuffledSubarray(steps, { minLength: 5, maxLength: 5 }), (order) => {
        const credit = scoreQuestion(q('steps'), order);
        expect(credit === 1).toBe(order.join() === steps.join());
        expect(credit).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});

describe('creditTally', () => {
  it('counts full, partial and all questions, so partial credit reads as whole questions', () => {
    expect(creditTally([{ credit: 1 }, { credit: 0.5 }, { credit: 0 }, { credit: 0.08 }, { credit: 1 }, { credit: 0 }])).toEqual({
      right: 2,
      partial: 2,
      total: 6,
    });
  });

  it('never counts a question twice or loses one', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constant(0), fc.constant(1), fc.double({ min: 0, max: 1, noNaN: true }))), (credits) => {
        const tally = creditTally(credits.map((credit) => ({ credit })));
        const none = credits.filter((c) => c === 0).length;
        expect(tally.right + tally.partial + none).toBe(tally.total);
        expect(tally.total).toBe(credits.length);
      }),
    );
  });
});
