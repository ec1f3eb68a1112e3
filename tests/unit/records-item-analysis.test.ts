import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { itemRowWords } from '../../src/components/hr/row-words.ts';
import { scoreAnswers } from '../../src/domain/attempts/score-answers.ts';
import { checkFile, combine } from '../../src/domain/records/analyse.ts';
import type { CompletionRecord, RecordAttempt } from '../../src/domain/records/format.ts';
import { toCsv } from '../../src/domain/records/csv.ts';
import {
  ITEM_THRESHOLDS,
  itemFigures,
  itemFlags,
  replyCounts,
  type ItemCredit,
  type ItemFigures,
} from '../../src/domain/records/item-analysis.ts';
import { ITEM_COLUMNS, itemRows } from '../../src/domain/records/item-rows.ts';
import { bestRun } from '../../src/domain/scenario/best-path.ts';
import { choose, nodeById } from '../../src/domain/scenario/engine.ts';
import { initialState, type PathStep } from '../../src/domain/scenario/state.ts';
import { zhCN } from '../../src/i18n/zh-CN.ts';
import { shippedCatalogue } from '../fixtures/catalogue.ts';
import { blank, honestAttempt, makeRecord } from '../fixtures/records.ts';

const attempt = (credits: Record<string, number>): ItemCredit[] => Object.entries(credits).map(([id, credit]) => ({ id, credit }));

describe('facility and discrimination of a question', () => {
  // Four learners, three questions, right (1) or wrong (0). Worked by hand:
  //   a: credits 1 1 0 1, rest of the score (b + c) 1 1 1 2 → facility 3/4, r = 0.25 / √(0.75 · 0.75) = 1/3
  //   b: credits 1 0 0 1, rest (a + c) 1 2 1 2             → facility 1/2, deviations cancel: r = 0
  //   c: credits 0 1 1 1, rest (a + b) 2 1 0 2             → facility 3/4, r = −0.75 / √(0.75 · 2.75) = −0.522
  const four = [attempt({ a: 1, b: 1, c: 0 }), attempt({ a: 1, b: 0, c: 1 }), attempt({ a: 0, b: 0, c: 1 }), attempt({ a: 1, b: 1, c: 1 })];

  it('facility is the share right and discrimination the correlation with the rest of the score, to two decimals', () => {
    expect(Object.fromEntries(itemFigures(four))).toEqual({
      a: { answered: 4, facility: 0.75, discrimination: 0.33 },
      b: { answered: 4, facility: 0.5, discrimination: 0 },
      c: { answered: 4, facility: 0.75, discrimination: -0.52 },
    });
  });

  it('a partly right answer counts its partial credit', () => {
    // p: 0.5 1 0, rest (q) 1 1 0 → facility 0.5, r = 0.5 / √(0.5 · 2/3) = 0.866
    // q: 1 1 0, rest (p) 0.5 1 0 → facility 2/3, the same r
    const figures = itemFigures([attempt({ p: 0.5, q: 1 }), attempt({ p: 1, q: 1 }), attempt({ p: 0, q: 0 })]);
    expect(figures.get('p')).toEqual({ answered: 3, facility: 0.5, discrimination: 0.87 });
    expect(figures.get('q')).toEqual({ answered: 3, facility: 0.67, discrimination: 0.87 });
  });

  it('has no discrimination when nobody differs: everyone right, a one-question quiz, or a single learner', () => {
    expect(itemFigures([attempt({ a: 1, b: 0 }), attempt({ a: 1, b: 1 })]).get('a')).toEqual({
      answered: 2,
      facility: 1,
      discrimination: undefined,
    });
    expect(itemFigures([attempt({ a: 1 }), attempt({ a: 0 })]).get('a')?.discrimination).toBeUndefined();
    expect(itemFigures([attempt({ a: 1, b: 0 })]).get('a')).toEqual({ answered: 1, facility: 1, discrimination: undefined });
  });

  it('counts a question only in the attempts that asked it', () => {
    const figures = itemFigures([attempt({ a: 1, b: 1 }), attempt({ a: 0 }), attempt({ a: 1, b: 0 })]);
    expect(figures.get('a')?.answered).toBe(3);
    expect(figures.get('b')).toMatchObject({ answered: 2, facility: 0.5 });
  });
});

describe('flags', () => {
  const f = (answered: number, facility: number, discrimination?: number): ItemFigures => ({ answered, facility, discrimination });
  const min = ITEM_THRESHOLDS.minAnswers;

  it('are raised only from the minimum number of answers', () => {
    expect(itemFlags(f(min - 1, 1, -0.5))).toEqual([]);
    expect(itemFlags(f(min, 1, -0.5))).toEqual(['too-easy', 'negative']);
  });

  it('call an item too easy above 0.9, too hard below 0.3, and neither at the bounds', () => {
    expect(itemFlags(f(min, 0.91, 0.4))).toEqual(['too-easy']);
    expect(itemFlags(f(min, 0.9, 0.4))).toEqual([]);
    expect(itemFlags(f(min, 0.3, 0.4))).toEqual([]);
    expect(itemFlags(f(min, 0.29, 0.4))).toEqual(['too-hard']);
  });

  it('call discrimination negative below 0, weak below 0.1, and say nothing when it cannot be computed', () => {
    expect(itemFlags(f(min, 0.6, -0.01))).toEqual(['negative']);
    expect(itemFlags(f(min, 0.6, 0))).toEqual(['weak']);
    expect(itemFlags(f(min, 0.6, 0.09))).toEqual(['weak']);
    expect(itemFlags(f(min, 0.6, 0.1))).toEqual([]);
    expect(itemFlags(f(min, 0.6))).toEqual([]);
  });
});

describe('for any learners', () => {
  const ids = ['a', 'b', 'c', 'd'];
  const credit = fc.oneof(
    fc.constantFrom(0, 0.25, 0.3333, 0.5, 0.6667, 1),
    fc.integer({ min: 0, max: 10_000 }).map((n) => n / 10_000),
  );
  const learner = fc
    .subarray(ids, { minLength: 1 })
    .chain((asked) => fc.tuple(...asked.map(() => credit)).map((cs) => asked.map((id, i) => ({ id, credit: cs[i]! }))));
  const learners = fc.array(learner, { minLength: 1, maxLength: 40 });
  const sortedEntries = (m: Map<string, ItemFigures>) => [...m].sort(([x], [y]) => (x < y ? -1 : 1));

  it('facility lies in [0, 1] and discrimination in [−1, 1], or is undefined exactly when a side does not vary', () => {
    fc.assert(
      fc.property(learners, (ls) => {
        for (const [id, f] of itemFigures(ls)) {
          expect(f.facility).toBeGreaterThanOrEqual(0);
          expect(f.facility).toBeLessThanOrEqual(1);
          const asked = ls.filter((l) => l.some((i) => i.id === id));
          const own = asked.map((l) => l.find((i) => i.id === id)!.credit);
          const rest = asked.map(
            (l) => l.reduce((t, i) => t + Math.round(i.credit * 1e4), 0) - Math.round(l.find((i) => i.id === id)!.credit * 1e4),
          );
          const varies = (xs: number[]) => new Set(xs).size > 1;
          if (!varies(own) || !varies(rest)) expect(f.discrimination).toBeUndefined();
          else {
            expect(f.discrimination).toBeGreaterThanOrEqual(-1);
            expect(f.discrimination).toBeLessThanOrEqual(1);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('the figures do not depend on the order of the learners', () => {
    fc.assert(
      fc.property(
        learners.chain((ls) => fc.tuple(fc.constant(ls), fc.shuffledSubarray(ls, { minLength: ls.length, maxLength: ls.length }))),
        ([ls, shuffled]) => {
          expect(sortedEntries(itemFigures(shuffled))).toEqual(sortedEntries(itemFigures(ls)));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('reply shares at a decision point', () => {
  it('count the runs that reached a node and, of those, the runs that chose each reply', () => {
    const paths: PathStep[][] = [
      [
        ['open', 'x'],
        ['mid', 'y'],
      ],
      [
        ['open', 'x'],
        ['side', 'z'],
      ],
      // This run comes back to `open` and chooses again: it reached `open` once, and chose both replies.
      [
        ['open', 'w'],
        ['mid', 'y'],
        ['open', 'x'],
      ],
    ];
    const counts = replyCounts(paths);
    expect(counts.get('open')).toEqual({
      reached: 3,
      chosen: new Map([
        ['x', 3],
        ['w', 1],
      ]),
    });
    expect(counts.get('mid')).toEqual({ reached: 2, chosen: new Map([['y', 2]]) });
    expect(counts.get('side')).toEqual({ reached: 1, chosen: new Map([['z', 1]]) });
  });
});

describe('item analysis of loaded records', () => {
  const catalogue = shippedCatalogue();
  const quiz = catalogue.activities.find((a) => a.kind === 'quiz' && catalogue.rule.requiredActivities.includes(a.id))!;
  const scenario = catalogue.activities.find((a) => a.kind === 'scenario')!;
  if (quiz.kind !== 'quiz' || scenario.kind !== 'scenario') throw new Error('the course has no module quiz or no role-play');
  const nothing = blank(quiz);
  const best = bestRun(scenario.data)!;
  // Another run: at the opening, a reply the best run does not take, then always the first reply.
  const [open, bestChoice] = best.path[0]!;
  const other = nodeById(scenario.data, open)!.choices.find((c) => c.id !== bestChoice)!;
  let state = choose(scenario.data, initialState(scenario.data), other.id);
  while (!state.ended) state = choose(scenario.data, state, nodeById(scenario.data, state.at)!.choices[0]!.id);
  const otherAnswers = { mode: 'test', path: state.path.map(([n, c]) => [n, c]), ending: state.at };
  const otherRun = { answers: otherAnswers, ...scoreAnswers(scenario, otherAnswers)! };

  const learner = (n: number, attempts: RecordAttempt[]): CompletionRecord =>
    makeRecord(catalogue, { name: `L${n}`, employeeId: `E${n}`, attempts });
  const records = [
    // Right on every question, the best run.
    learner(1, [honestAttempt(quiz, '1q', 10), honestAttempt(scenario, '1s', 11)]),
    // Nothing right at first, everything right on the retake, which does not count; the other run.
    learner(2, [honestAttempt(quiz, '2q', 10, nothing), honestAttempt(quiz, '2r', 20), honestAttempt(scenario, '2s', 11, otherRun)]),
    // An attempt at an older version of the quiz, then a first attempt at this one, right on everything; the best run.
    learner(3, [
      { ...honestAttempt(quiz, '3old', 5, nothing), contentVersion: 'older' },
      honestAttempt(quiz, '3q', 10),
      honestAttempt(scenario, '3s', 11),
    ]),
  ];
  const { stats } = combine(
    records.map((r, index) => checkFile({ index, name: `${index}.json` }, JSON.stringify(r), catalogue)),
    catalogue,
  );
  const questions = stats.items.questions.filter((q) => q.activityId === quiz.id);

  it('takes each learner’s first attempt at the current version: two of three right on every question, perfectly separating', () => {
    // Credits per learner 1, 0, 1 on every question; the rest of the score moves with them, so r = 1.
    expect(questions.map((q) => q.questionId)).toEqual(quiz.data.questions.map((q) => q.id));
    for (const q of questions) {
      expect(q).toMatchObject({ activityTitle: quiz.title, kind: 'quiz', answered: 3, facility: 0.67, judged: false, flags: [] });
      expect(q.discrimination).toBe(quiz.data.questions.length > 1 ? 1 : undefined);
    }
    expect(questions[0]!.prompt).toBe(quiz.data.questions[0]!.prompt);
  });

  it('counts each reply of a role-play among the first runs that reached its decision point, with its verdict', () => {
    const opening = stats.items.decisions.find((d) => d.activityId === scenario.id && d.nodeId === open)!;
    expect(opening.reached).toBe(3);
    const bestReply = scenario.data.nodes.find((n) => n.id === open)!.choices.find((c) => c.id === bestChoice)!;
    expect(opening.replies.find((r) => r.choiceId === bestChoice)).toEqual({
      choiceId: bestChoice,
      say: bestReply.say,
      verdict: bestReply.verdict,
      chosen: 2,
      share: 67,
    });
    expect(opening.replies.find((r) => r.choiceId === other.id)).toMatchObject({ chosen: 1, share: 33, verdict: other.verdict });
    // Every node of the scenario is listed; one no run reached has no share.
    expect(stats.items.decisions.filter((d) => d.activityId === scenario.id).map((d) => d.nodeId)).toEqual(
      scenario.data.nodes.map((n) => n.id),
    );
    const unreached = stats.items.decisions.find((d) => d.activityId === scenario.id && d.reached === 0);
    if (unreached) expect(unreached.replies.every((r) => r.share === undefined && r.chosen === 0)).toBe(true);
  });

  it('leaves out activities nobody took', () => {
    expect(new Set(stats.items.questions.map((q) => q.activityId))).toEqual(new Set([quiz.id]));
    expect(new Set(stats.items.decisions.map((d) => d.activityId))).toEqual(new Set([scenario.id]));
  });

  it('writes the 题目分析 CSV: a row per question with its figures, a row per reply with its share', () => {
    const words = itemRowWords(zhCN);
    const rows = itemRows(stats.items, words);
    expect(rows[0]).toEqual(ITEM_COLUMNS.map((c) => zhCN[`hr.csv.items.${c}`]));
    const col = (name: (typeof ITEM_COLUMNS)[number]) => ITEM_COLUMNS.indexOf(name);
    const first = rows[1]!;
    expect(first[col('kind')]).toBe('测验');
    expect(first[col('activityId')]).toBe(quiz.id);
    expect(first[col('item')]).toBe(quiz.data.questions[0]!.prompt);
    expect(first[col('answered')]).toBe(3);
    expect(first[col('facility')]).toBe(0.67);
    expect(first[col('flags')]).toBe('人数不足，暂不判断');
    expect(first[col('replyId')]).toBeNull();
    const reply = rows.find((r) => r[col('itemId')] === open && r[col('replyId')] === bestChoice)!;
    expect(reply[col('kind')]).toBe('情景演练');
    expect([reply[col('reached')], reply[col('chosen')], reply[col('share')], reply[col('facility')]]).toEqual([3, 2, 67, null]);
    const verdict = scenario.data.nodes.find((n) => n.id === open)!.choices.find((c) => c.id === bestChoice)!.verdict;
    expect(reply[col('verdict')]).toBe(zhCN[`scenario.verdict.${verdict}`]);
    expect(rows).toHaveLength(1 + questions.length + stats.items.decisions.reduce((n, d) => n + d.replies.length, 0));
    expect(toCsv(rows).split('\r\n')[0]).toBe(`\uFEFF${ITEM_COLUMNS.map((c) => `"${zhCN[`hr.csv.items.${c}`]}"`).join(',')}`);
  });

  it('says which flags a judged question earns, in words', () => {
    const words = itemRowWords(zhCN);
    const rows = itemRows(
      {
        questions: [
          { ...questions[0]!, answered: 40, judged: true, facility: 0.95, discrimination: -0.2, flags: ['too-easy', 'negative'] },
          { ...questions[0]!, answered: 40, judged: true, facility: 0.5, discrimination: 0.4, flags: [] },
        ],
        decisions: [],
      },
      words,
    );
    expect(rows.slice(1).map((r) => r[ITEM_COLUMNS.indexOf('flags')])).toEqual(['太容易、区分度为负', '未见问题']);
    expect(rows[1]![ITEM_COLUMNS.indexOf('discrimination')]).toBe(-0.2);
  });
});
