import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  completeness,
  formatHeuristics,
  measureHeuristics,
  promptOverlap,
  soundsAbsolute,
  visibleLength,
  type HeuristicFigure,
  type ItemBank,
} from '../../src/domain/item-heuristics.ts';
import { readContent } from '../../src/integrations/content/read-content.ts';
import { classificationSchema, type Classification } from '../../src/schemas/classification.ts';
import { quizSchema, type Question, type Quiz } from '../../src/schemas/quiz.ts';

// The course as shipped: every knowledge check, module quiz and personality set.
function shippedBank(): { quizzes: Quiz[]; classifications: Classification[] } {
  const { content } = readContent(process.cwd());
  return {
    quizzes: content.quizzes.map((f) => quizSchema.parse(f.data)),
    classifications: content.classifications.map((f) => classificationSchema.parse(f.data)),
  };
}

const figure = (figures: HeuristicFigure[], kind: string, heuristic: string) =>
  figures.find((f) => f.kind === kind && f.heuristic === heuristic);
const flaggedOf = (figures: HeuristicFigure[]) => figures.filter((f) => f.flagged).map((f) => `${f.kind}/${f.heuristic}`);

const single = (id: string, options: [string, boolean][], prompt = '客户这样说，你怎么接？'): Question => ({
  id,
  type: 'single',
  topic: '1.1',
  prompt,
  explanation: '—',
  options: options.map(([text, correct], i) => ({ id: `o${i}`, text, correct })),
});
const multiple = (id: string, options: [string, boolean][]): Question =>
  ({ ...(single(id, options) as object), type: 'multiple' }) as Question;
const trueFalse = (id: string, prompt: string, answer: boolean): Question => ({
  id,
  type: 'truefalse',
  topic: '1.1',
  prompt,
  explanation: '—',
  answer,
});
const bank = (questions: Question[], shuffle = true): ItemBank => ({ quizzes: [{ questions, shuffle }], classifications: [] });

describe('the course as shipped', () => {
  const shipped = shippedBank();
  const figures = measureHeuristics(shipped);
  console.log(`Test-taking heuristics over the shipped course:\n${formatHeuristics(figures)}`);

  it('measures every kind of item', () => {
    expect(new Set(figures.map((f) => f.kind))).toEqual(new Set(['single', 'multiple', 'truefalse', 'serve']));
  });

  it('gives no test-taking heuristic a clear lead over blind guessing', () => {
    expect(flaggedOf(figures)).toEqual([]);
  });

  it('fails on a copy of the course where the right option is always the longest', () => {
    const longest = (options: { text: string }[]) => Math.max(...options.map((o) => visibleLength(o.text)));
    const padded = (text: string, than: number) => `${text}，${'并'.repeat(Math.max(0, than - visibleLength(text)) + 1)}`;
    const rigged = {
      quizzes: shipped.quizzes.map((quiz) => ({
        ...quiz,
        questions: quiz.questions.map((q) =>
          q.type === 'single' || q.type === 'multiple'
            ? { ...q, options: q.options.map((o) => (o.correct ? { ...o, text: padded(o.text, longest(q.options)) } : o)) }
            : q,
        ),
      })),
      classifications: shipped.classifications.map((set) => ({
        ...set,
        items: set.items.map((item) => ({
          ...item,
          options: item.options.map((o) => (o.fits === item.type ? { ...o, text: padded(o.text, longest(item.options)) } : o)),
        })),
      })),
    };
    const flagged = flaggedOf(measureHeuristics(rigged));
    expect(flagged).toEqual(expect.arrayContaining(['single/longest', 'multiple/longest', 'serve/longest']));
  });
});

describe('what a test-wise learner reads', () => {
  it('counts length without spaces and punctuation', () => {
    expect(visibleLength('先道歉， 再问清楚。')).toBe(7);
  });

  it('counts clause marks and joining words as completeness', () => {
    expect(completeness('道歉')).toBe(0);
    expect(completeness('道歉、解释，并且同时登记和回访')).toBe(5);
  });

  it('counts two-character words the option shares with the prompt', () => {
    expect(promptOverlap('先稳住客户的情绪', '客户情绪激动时先做什么？')).toBe(2);
    expect(promptOverlap('报价', '客户情绪激动时先做什么？')).toBe(0);
  });

  it('reads absolute wording', () => {
    for (const s of ['只要道歉，客户就会满意。', '投诉的客户一定会流失。', '所有客户都在乎价格。', '满意的客户从不离开。']) {
      expect(soundsAbsolute(s), s).toBe(true);
    }
    expect(soundsAbsolute('不抱怨的客户往往也不会再来。')).toBe(false);
  });
});

describe('measuring a heuristic against chance', () => {
  it('credits a tie with the share of right options among the tied, and blind guessing with one in n', () => {
    const figures = measureHeuristics(
      bank([
        single('q', [
          ['甲乙', true],
          ['丙丁', false],
          ['戊', false],
        ]),
      ]),
    );
    expect(figure(figures, 'single', 'longest')).toMatchObject({ items: 1, credit: 0.5 });
    expect(figure(figures, 'single', 'longest')?.chance).toBeCloseTo(1 / 3);
    expect(figure(figures, 'single', 'shortest')?.credit).toBe(0);
  });

  it('scores "choose all" with the quiz’s partial credit: three right and one wrong is worth two thirds', () => {
    const figures = measureHeuristics(
      bank([
        multiple('m', [
          ['甲', true],
          ['乙', true],
          ['丙', true],
          ['丁', false],
        ]),
      ]),
    );
    expect(figure(figures, 'multiple', 'choose-all')?.credit).toBeCloseTo(2 / 3);
  });

  it('scores "the longest k" on multiple choice, k being the number of right options', () => {
    const figures = measureHeuristics(
      bank([
        multiple('m', [
          ['甲甲甲', true],
          ['乙乙乙', true],
          ['丙', false],
          ['丁', false],
        ]),
      ]),
    );
    expect(figure(figures, 'multiple', 'longest')?.credit).toBe(1);
    expect(figure(figures, 'multiple', 'shortest')?.credit).toBe(0);
  });

  it('flags a true/false bank that is always true, and one where the absolute statements are the false ones', () => {
    const allTrue = measureHeuristics(bank(Array.from({ length: 12 }, (_, i) => trueFalse(`t${i}`, '投诉的客户往往还会回来。', true))));
    expect(flaggedOf(allTrue)).toEqual(['truefalse/always-true', 'truefalse/absolute-false']);
    const worded = measureHeuristics(
      bank(
        Array.from({ length: 12 }, (_, i) =>
          trueFalse(`t${i}`, i % 2 ? '只要道歉，客户就一定满意。' : '满意的客户也可能流失。', i % 2 === 0),
        ),
      ),
    );
    expect(flaggedOf(worded)).toEqual(['truefalse/absolute-false']);
  });

  it('tolerates luck in a small bank but not the same share in a large one', () => {
    // The right option is the longest in half the four-option questions: 50 % against 25 %.
    const questions = (n: number) =>
      Array.from({ length: n }, (_, i) =>
        single(`q${i}`, [
          [i % 4 < 2 ? '甲甲甲甲' : '甲', true],
          ['乙乙', false],
          ['丙丙', false],
          ['丁丁丁', false],
        ]),
      );
    expect(figure(measureHeuristics(bank(questions(4))), 'single', 'longest')?.flagged).toBe(false);
    expect(figure(measureHeuristics(bank(questions(40))), 'single', 'longest')?.flagged).toBe(true);
  });

  it('measures position only where the options are shown in the order written', () => {
    const questions = Array.from({ length: 20 }, (_, i) =>
      single(`q${i}`, [
        ['甲', true],
        ['乙', false],
        ['丙', false],
      ]),
    );
    expect(figure(measureHeuristics(bank(questions, true)), 'single', 'first')).toBeUndefined();
    expect(figure(measureHeuristics(bank(questions, false)), 'single', 'first')).toMatchObject({ credit: 20, flagged: true });
    expect(figure(measureHeuristics(bank(questions, true), { writtenOrder: true }), 'single', 'first')?.flagged).toBe(true);
  });

  it('finds nothing to exploit where every option looks alike, wherever the right one is', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 2, max: 5 }), fc.nat()), { minLength: 1, maxLength: 30 }), (shapes) => {
        const questions = shapes.map(([n, right], i) =>
          single(
            `q${i}`,
            Array.from({ length: n }, (_, j): [string, boolean] => [`选项${'甲乙丙丁戊'[j]}`, j === right % n]),
          ),
        );
        for (const f of measureHeuristics(bank(questions))) {
          if (f.heuristic === 'prompt-overlap' || f.heuristic === 'longest' || f.heuristic === 'most-complete') {
            expect(f.credit).toBeCloseTo(f.chance);
            expect(f.flagged).toBe(false);
          }
        }
      }),
    );
  });
});
