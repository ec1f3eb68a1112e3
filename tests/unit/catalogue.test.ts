import { describe, expect, it } from 'vitest';
import { buildCatalogue, catalogueFingerprints, courseContentVersion, type CatalogueSources } from '../../src/domain/catalogue.ts';
import { contentVersion } from '../../src/domain/content-version.ts';
import { classificationSchema } from '../../src/schemas/classification.ts';
import { quizSchema } from '../../src/schemas/quiz.ts';
import { lessonSummary } from '../fixtures/course-map.ts';
import { example } from './scenario-fixture.ts';

// A small course written out by hand: two modules (one with a module quiz), a lesson check, a
// classification set and a role-play, listed out of order on purpose.

const question = (id: string, options: [string, boolean][]) => ({
  id,
  type: 'single',
  topic: '1.1',
  prompt: `问题 ${id}？`,
  explanation: '解释。',
  options: options.map(([oid, correct]) => ({ id: oid, text: `选项 ${oid}`, correct })),
});

const kc = quizSchema.parse({
  id: 'kc-first',
  title: '小测',
  questions: [
    question('q1', [
      ['b', false],
      ['a', true],
    ]),
  ],
});
const moduleQuiz = quizSchema.parse({
  id: 'module-mindset',
  title: '模块测验：服务理念',
  questions: [
    question('m1', [
      ['x', true],
      ['y', false],
    ]),
  ],
});
const types = ['lively', 'powerful', 'peaceful', 'analytical'] as const;
const item = (id: string, type: (typeof types)[number]) => ({
  id,
  setting: 'counter',
  situation: `一位顾客在柜台前（${id}）。`,
  type,
  explanation: '解释。',
  options: [
    { id: 'listen', text: '先听完再推荐。', fits: 'peaceful' },
    { id: 'chat', text: '热情回应，顺势推荐。', fits: 'lively' },
    { id: 'data', text: '给出详细参数。', fits: 'analytical' },
    { id: 'fast', text: '直接给结论。', fits: 'powerful' },
  ],
});
const set = classificationSchema.parse({
  id: 'personality',
  title: '性格分类',
  intro: '说明。',
  types: types.map((type) => ({ type, name: type, signs: ['信号'], serve: ['方法'], avoid: ['避免'], suitedService: [type] })),
  items: [item('counter', 'lively'), item('phone', 'powerful'), item('online', 'peaceful'), item('complaint', 'analytical')],
});

const sources = (): CatalogueSources => ({
  course: {
    id: 'demo',
    title: '演示课程',
    modules: [
      { id: 'mindset', title: '服务理念', summary: '为什么。' },
      { id: 'customers', title: '理解客户', summary: '谁。' },
    ],
    completion: { allLessons: true, requiredActivities: ['module-mindset'] },
  },
  lessons: [lessonSummary('second', 'mindset', 2), lessonSummary('third', 'customers', 1), lessonSummary('first', 'mindset', 1)],
  quizzes: [moduleQuiz, kc],
  classifications: [set],
  assessments: [],
  scenarios: [example()],
});

describe('buildCatalogue', () => {
  const catalogue = buildCatalogue(sources());

  it('gives one course map: modules in course order, lessons by order, each module with its quiz when one exists', () => {
    expect(catalogue.map.lessons.map((l) => l.id)).toEqual(['first', 'second', 'third']);
    expect(catalogue.map.modules.map((m) => [m.id, m.quiz?.id])).toEqual([
      ['mindset', 'module-mindset'],
      ['customers', undefined],
    ]);
  });

  it('lists every scored activity by id, whatever the order it was read in, so the SCORM codec’s indices are stable', () => {
    expect(catalogue.activities.map((a) => [a.kind, a.id])).toEqual([
      ['scenario', 'example-late-lamp'],
      ['quiz', 'kc-first'],
      ['quiz', 'module-mindset'],
      ['classification', 'personality'],
    ]);
    const reversed = buildCatalogue({ ...sources(), quizzes: [kc, moduleQuiz], lessons: [...sources().lessons].reverse() });
    expect(reversed).toEqual(catalogue);
    expect(catalogueFingerprints(reversed)).toEqual(catalogueFingerprints(catalogue));
  });

  it('carries each activity’s data with the version its island records, and ids in authored order', () => {
    const quiz = catalogue.activities.find((a) => a.id === 'kc-first')!;
    expect(quiz.version).toBe(contentVersion(kc));
    expect(quiz.kind === 'quiz' && quiz.data).toEqual(kc);
    expect(quiz.kind === 'quiz' && quiz.questions).toEqual([
      {
        id: 'q1',
        type: 'single',
        prompt: '问题 q1？',
        options: [
          { id: 'b', correct: false },
          { id: 'a', correct: true },
        ],
      },
    ]);
    const classification = catalogue.activities.find((a) => a.kind === 'classification')!;
    expect(classification.kind === 'classification' && classification.items[0]).toMatchObject({
      options: ['listen', 'chat', 'data', 'fast'],
      right: 'chat',
    });
    const scenario = catalogue.activities.find((a) => a.kind === 'scenario')!;
    expect(scenario.kind === 'scenario' && scenario.start).toBe(example().start);
  });

  it('stamps the course with a content version that changes when any activity changes, and only then', () => {
    expect(catalogue.course).toEqual({ id: 'demo', title: '演示课程', contentVersion: courseContentVersion(catalogue.activities) });
    const reworded = quizSchema.parse({ ...kc, questions: [{ ...kc.questions[0], prompt: '换了说法？' }] });
    expect(buildCatalogue({ ...sources(), quizzes: [moduleQuiz, reworded] }).course.contentVersion).not.toBe(
      catalogue.course.contentVersion,
    );
    expect(buildCatalogue({ ...sources(), lessons: sources().lessons.slice(1) }).course.contentVersion).toBe(
      catalogue.course.contentVersion,
    );
  });

  it('marks a lesson authored as a class activity class-only on the map, and no other', () => {
    const withClass = buildCatalogue({
      ...sources(),
      lessons: [...sources().lessons, { ...lessonSummary('my-team', 'mindset', 3), classActivity: { minutes: 5 } }],
    });
    expect(withClass.map.lessons.filter((l) => l.classOnly).map((l) => l.id)).toEqual(['my-team']);
    expect(catalogue.map.lessons.some((l) => 'classOnly' in l)).toBe(false);
  });

  it('keeps the completion rule as the course states it', () => {
    expect(catalogue.rule).toEqual({ allLessons: true, requiredActivities: ['module-mindset'] });
  });
});
