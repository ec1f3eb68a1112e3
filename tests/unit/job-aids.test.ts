import { describe, expect, it } from 'vitest';
import { STEP_IDS } from '../../src/domain/complaint-steps.ts';
import { checkContent } from '../../src/integrations/content/check-content.ts';
import { formatProblems } from '../../src/integrations/content/problem.ts';
import type { RawContent, RawFile } from '../../src/integrations/content/read-content.ts';

// A job aid is checked with the rest of the course when the build starts: each test breaks one
// thing in an otherwise valid card and pins the message the author sees.

type Data = Record<string, unknown>;

const lesson = {
  file: 'content/lessons/complaints/02-eight-steps.mdx',
  data: {
    id: 'eight-steps',
    title: '投诉处理八步法',
    module: 'complaints',
    order: 2,
    minutes: 10,
    objectives: ['按顺序说出八个步骤'],
    topics: [7.2],
    sources: ['003_fab1691d02cd859c.txt'],
  },
  body: '## 八个步骤\n\n正文。\n',
  bodyLine: 12,
};

const stepLines = () =>
  STEP_IDS.map((step) => ({ step, counter: `柜台说的话（${step}）`, phone: `电话里说的话（${step}）`, online: `在线回复（${step}）` }));

const card = (over: Data = {}): Data => ({
  id: 'eight-step-lines',
  title: '八步法话术',
  summary: '每一步说什么。',
  order: 1,
  lessons: ['eight-steps'],
  blocks: [
    { kind: 'complaint-step-lines', steps: stepLines() },
    { kind: 'table', columns: ['要点', '说明'], rows: [['先谢', '再道歉']] },
  ],
  ...over,
});

const problemsFor = (jobAids: RawFile[]) => {
  const content: RawContent = {
    course: undefined,
    lessons: [lesson],
    quizzes: [],
    classifications: [],
    assessments: [],
    scenarios: [],
    jobAids,
  };
  const problems = checkContent(content).problems.filter((p) => p.file.startsWith('content/job-aids/'));
  return problems.length === 0 ? '' : formatProblems(problems);
};
const file = 'content/job-aids/eight-step-lines.yaml';

describe('job aid checks', () => {
  it('accepts a card that names an existing lesson and gives every step in order', () => {
    expect(problemsFor([{ file, data: card() }])).toBe('');
  });

  it('names a line a learner prints that talks about the decks', () => {
    expect(problemsFor([{ file, data: card({ summary: '每一步说什么，附课件的原话。' }) }])).toContain(
      'content/job-aids/eight-step-lines.yaml › summary: 学员看到的文字里有“课件”',
    );
  });

  it('names a lesson that does not exist', () => {
    expect(problemsFor([{ file, data: card({ lessons: ['eight-steps', 'no-such-lesson'] }) }])).toMatchInlineSnapshot(`
      "课程内容有 1 处问题，请修改后再构建：
        - content/job-aids/eight-step-lines.yaml › lessons[1]: 找不到课程 "no-such-lesson"（content/lessons 中没有这个 id）"
    `);
  });

  it('wants the eight steps each once, in the method’s order', () => {
    const swapped = stepLines();
    [swapped[0], swapped[1]] = [swapped[1]!, swapped[0]!];
    const missing = stepLines().slice(0, 7);
    for (const steps of [swapped, missing]) {
      expect(problemsFor([{ file, data: card({ blocks: [{ kind: 'complaint-step-lines', steps }] }) }])).toContain(
        'blocks[0].steps: 应按八步法的顺序各写一次',
      );
    }
  });

  it('names a table row with the wrong number of cells', () => {
    const blocks = [{ kind: 'table', columns: ['要点', '说明'], rows: [['先谢', '再道歉', '多出的一格']] }];
    expect(problemsFor([{ file, data: card({ blocks }) }])).toContain('blocks[0].rows[0]: 这一行有 3 格，表头有 2 列');
  });

  it('names a personality set that does not exist', () => {
    const blocks = [{ kind: 'personality-types', set: 'no-such-set' }];
    expect(problemsFor([{ file, data: card({ blocks }) }])).toContain('blocks[0].set: 找不到性格分类练习 "no-such-set"');
  });

  it('wants the id to be the file name, once across the cards', () => {
    const text = problemsFor([
      { file, data: card() },
      { file: 'content/job-aids/copy.yaml', data: card() },
    ]);
    expect(text).toContain(
      'content/job-aids/copy.yaml › id: 工作卡 id "eight-step-lines" 已被 content/job-aids/eight-step-lines.yaml 使用',
    );
    expect(text).toContain('content/job-aids/copy.yaml › id: id "eight-step-lines" 应与文件名 copy.yaml 一致');
  });
});
