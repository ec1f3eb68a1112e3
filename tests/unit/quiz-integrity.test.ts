import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/integrations/content/check-content.ts';
import { formatProblems } from '../../src/integrations/content/problem.ts';
import type { RawContent, RawFile } from '../../src/integrations/content/read-content.ts';

const course: RawFile = {
  file: 'content/course.yaml',
  data: {
    id: 'c',
    title: '课程',
    description: '说明',
    modules: [{ id: 'customers', title: '理解客户', summary: '说明', topics: [{ id: 4.4, title: '四种客户性格类型' }] }],
  },
};

const content = (over: Partial<RawContent>): RawContent => ({
  course,
  lessons: [],
  quizzes: [],
  classifications: [],
  assessments: [],
  scenarios: [],
  jobAids: [],
  ...over,
});

/** The build's message for the given content, as an author reads it. */
const report = (over: Partial<RawContent>) => formatProblems(checkContent(content(over)).problems);

const question = (over: Record<string, unknown>) => ({ id: 'q', type: 'single', topic: 4.4, prompt: '题干', explanation: '解析', ...over });

describe('a broken knowledge check fails the build with a message naming file, field and problem', () => {
  it('no right answer, two right answers in a single choice, repeated question ids, an unknown topic', () => {
    const data = {
      id: 'kc-bad',
      title: '小测',
      questions: [
        question({
          id: 'none',
          options: [
            { id: 'a', text: 'A' },
            { id: 'b', text: 'B' },
          ],
        }),
        question({
          id: 'two',
          options: [
            { id: 'a', text: 'A', correct: true },
            { id: 'b', text: 'B', correct: true },
          ],
        }),
        question({ id: 'two', type: 'truefalse', answer: true, topic: 9.9 }),
      ],
    };
    expect(report({ quizzes: [{ file: 'content/quizzes/kc-bad.yaml', data }] })).toMatchInlineSnapshot(`
      "课程内容有 4 处问题，请修改后再构建：
        - content/quizzes/kc-bad.yaml › questions: 题目 id "two" 重复
        - content/quizzes/kc-bad.yaml › questions[0].options: 题目 "none" 没有标注正确答案（correct: true）
        - content/quizzes/kc-bad.yaml › questions[1].options: 单选题 "two" 标注了 2 个正确答案，只能有一个；多个正确答案请用 type: multiple
        - content/quizzes/kc-bad.yaml › questions[2].topic: "9.9" 不是课程大纲中的主题编号（见 course.yaml 各模块的 topics）"
    `);
  });

  it('an ordering with a repeated step, a matching whose pairs do not line up', () => {
    const data = {
      id: 'kc-bad',
      title: '小测',
      questions: [
        question({
          id: 'steps',
          type: 'ordering',
          items: [
            { id: 's1', text: '说谢谢' },
            { id: 's2', text: '道歉' },
            { id: 's1', text: '说谢谢' },
          ],
        }),
        question({
          id: 'pairs',
          type: 'matching',
          pairs: [
            { id: 'p1', left: '活泼型', right: '倾听、赞美' },
            { id: 'p2', left: '力量型', right: '倾听、赞美' },
          ],
        }),
      ],
    };
    expect(report({ quizzes: [{ file: 'content/quizzes/kc-bad.yaml', data }] })).toMatchInlineSnapshot(`
      "课程内容有 3 处问题，请修改后再构建：
        - content/quizzes/kc-bad.yaml › questions[0].items: 排序题 "steps" 的步骤 id "s1" 重复
        - content/quizzes/kc-bad.yaml › questions[0].items: 排序题 "steps" 有两个相同的步骤"说谢谢"，顺序无法判定
        - content/quizzes/kc-bad.yaml › questions[1].pairs: 配对题 "pairs" 的右侧"倾听、赞美"出现两次，配对无法一一对应"
    `);
  });

  it('an activity id used twice, and an id that is not the file name', () => {
    const quiz = { id: 'kc-one', title: '小测', questions: [question({ type: 'truefalse', answer: false })] };
    expect(
      report({
        quizzes: [
          { file: 'content/quizzes/kc-one.yaml', data: quiz },
          { file: 'content/quizzes/kc-two.yaml', data: quiz },
        ],
      }),
    ).toMatchInlineSnapshot(`
      "课程内容有 2 处问题，请修改后再构建：
        - content/quizzes/kc-two.yaml › id: 活动 id "kc-one" 已被 content/quizzes/kc-one.yaml 使用
        - content/quizzes/kc-two.yaml › id: id "kc-one" 应与文件名 kc-two.yaml 一致"
    `);
  });
});

const types = ['lively', 'powerful', 'peaceful', 'analytical'].map((type) => ({
  type,
  name: type,
  signs: ['s'],
  serve: ['v'],
  avoid: ['a'],
  suitedService: ['peaceful'],
}));
const situation = (id: string, fits: (string | undefined)[]) => ({
  id,
  setting: 'phone',
  situation: '情境',
  type: 'lively',
  explanation: '解析',
  options: fits.map((f, i) => ({ id: `o${i}`, text: `做法${i}`, ...(f ? { fits: f } : {}) })),
});

describe('a broken classification set or self-assessment fails the build', () => {
  it('a situation without a right way to serve, one with two, a repeated id, a type described twice', () => {
    const data = {
      id: 'personality-types',
      title: '四种性格',
      intro: '说明',
      types: [...types.slice(0, 3), types[0]],
      items: [
        situation('s1', ['powerful', 'peaceful', undefined]),
        situation('s2', ['lively', 'lively', 'peaceful']),
        situation('s2', ['lively', 'powerful', 'peaceful']),
        situation('s3', ['lively', 'powerful', 'peaceful']),
      ],
    };
    expect(report({ classifications: [{ file: 'content/classifications/personality-types.yaml', data }] })).toMatchInlineSnapshot(`
      "课程内容有 5 处问题，请修改后再构建：
        - content/classifications/personality-types.yaml › types: 性格类型 "lively" 的说明出现了不止一次
        - content/classifications/personality-types.yaml › types: 缺少性格类型 "analytical" 的说明
        - content/classifications/personality-types.yaml › items: 情境 id "s2" 重复
        - content/classifications/personality-types.yaml › items[0].options: 情境 "s1" 没有适合 lively 的做法：请给正确的选项标注 fits: lively
        - content/classifications/personality-types.yaml › items[1].options: 情境 "s2" 有 2 个选项标注了 fits: lively，只能有一个正确做法"
    `);
  });

  it('an assessment without B items, with a repeated item id and a style missing', () => {
    const style = (s: string) => ({
      style: s,
      name: s,
      adjectives: ['a', 'b'],
      summary: '说明',
      strengths: ['长处'],
      risks: { lively: 'r', powerful: 'r', peaceful: 'r', analytical: 'r' },
      naturalFor: [],
      naturalNote: '说明',
    });
    const data = {
      id: 'communication-style',
      title: '自测',
      intro: '说明',
      scale: ['1', '2', '3', '4'],
      axes: { A: { name: 'A', low: '低', high: '高' }, B: { name: 'B', low: '低', high: '高' } },
      items: [
        { id: 'i1', axis: 'A', statement: '我' },
        { id: 'i1', axis: 'A', statement: '我', reverse: true },
      ],
      styles: ['control', 'thinking', 'affinity', 'affinity'].map(style),
    };
    expect(report({ assessments: [{ file: 'content/assessments/communication-style.yaml', data }] })).toMatchInlineSnapshot(`
      "课程内容有 4 处问题，请修改后再构建：
        - content/assessments/communication-style.yaml › items: 题目 id "i1" 重复
        - content/assessments/communication-style.yaml › items: 没有 B 组题目（axis: B），无法计算 B 项平均分
        - content/assessments/communication-style.yaml › styles: 沟通风格 "affinity" 的说明出现了不止一次
        - content/assessments/communication-style.yaml › styles: 缺少沟通风格 "expressive" 的说明"
    `);
  });
});
