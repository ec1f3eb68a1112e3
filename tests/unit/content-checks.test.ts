import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkContent } from '../../src/integrations/content/check-content.ts';
import { courseCompleteness } from '../../src/integrations/content/completeness.ts';
import { formatProblems } from '../../src/integrations/content/problem.ts';
import { readContent, type RawContent } from '../../src/integrations/content/read-content.ts';
import { activityNarrationProblems } from '../../src/integrations/content/source-narration.ts';
import { parse } from 'yaml';

// A valid, complete miniature course — one module, one lesson, one quiz — as `readContent` would
// hand it over. Each test breaks one thing and pins the message the author sees when the build stops.

type Data = Record<string, unknown>;

const validContent = (): RawContent => ({
  course: {
    file: 'content/course.yaml',
    data: {
      id: 'demo-course',
      title: '演示课程',
      description: '用来测试内容检查的最小课程。',
      modules: [{ id: 'mindset', title: '服务理念', summary: '为什么销售从服务开始。', topics: [{ id: 1.1, title: '销售先从服务开始' }] }],
      completion: { requiredActivities: ['kc-selling'] },
    },
  },
  lessons: [
    {
      file: 'content/lessons/mindset/01-selling.mdx',
      data: {
        id: 'selling',
        title: '销售从服务开始',
        module: 'mindset',
        order: 1,
        minutes: 10,
        objectives: ['说出服务与销售的关系'],
        topics: [1.1],
        sources: ['000_06c743803fa7a05e.txt'],
        activities: ['kc-selling'],
        requiredActivities: ['kc-selling'],
      },
      body: '## 服务就是销售\n\n正文。\n\n<Notes>\n讲师备注。\n</Notes>\n\n## 本课小结\n\n要点。\n\n<Notes>\n收尾。\n</Notes>\n\n<Quiz id="kc-selling" />\n',
      bodyLine: 15,
    },
  ],
  quizzes: [
    {
      file: 'content/quizzes/kc-selling.yaml',
      data: {
        id: 'kc-selling',
        title: '小测：销售从服务开始',
        questions: [
          {
            id: 'first-step',
            type: 'single',
            topic: 1.1,
            prompt: '销售从哪里开始？',
            explanation: '先服务好，顾客才愿意买。',
            options: [
              { id: 'service', text: '从服务开始', correct: true },
              { id: 'price', text: '从降价开始' },
            ],
          },
          {
            id: 'steps',
            type: 'ordering',
            topic: 1.1,
            prompt: '把接待顾客的步骤排好。',
            explanation: '先问候，再倾听，最后确认。',
            items: [
              { id: 'greet', text: '问候' },
              { id: 'listen', text: '倾听' },
              { id: 'confirm', text: '确认' },
            ],
          },
          {
            id: 'pairs',
            type: 'matching',
            topic: 1.1,
            prompt: '把概念与解释配对。',
            explanation: '4C 从顾客出发。',
            pairs: [
              { id: 'customer', left: '顾客', right: '需要与欲望' },
              { id: 'cost', left: '成本', right: '顾客愿意付出的代价' },
            ],
          },
        ],
      },
    },
  ],
  assessments: [],
  classifications: [],
  scenarios: [],
  jobAids: [],
});

/** The valid course with one change made to it. */
function broken(change: (content: RawContent, parts: { course: Data; lesson: Data; quiz: Data; questions: Data[] }) => void): RawContent {
  const content = validContent();
  const course = content.course?.data as Data;
  const lesson = content.lessons[0]?.data as Data;
  const quiz = content.quizzes[0]?.data as Data;
  change(content, { course, lesson, quiz, questions: quiz['questions'] as Data[] });
  return content;
}

const problemsOf = (content: RawContent) => checkContent(content).problems;
const messageFor = (content: RawContent) => formatProblems(problemsOf(content));

describe('the valid miniature course', () => {
  it('passes every check, so each failure below comes from the one thing broken', () => {
    const { problems, checked } = checkContent(validContent());
    expect(problems).toEqual([]);
    expect(courseCompleteness(checked)).toEqual([]);
    // It reads and parses every lesson of the course: allow for a loaded machine.
  }, 30_000);
});

describe('a broken lesson stops the build with a message naming the file, the field and the problem', () => {
  it('names a missing title', () => {
    expect(messageFor(broken((_, { lesson }) => delete lesson['title']))).toMatchInlineSnapshot(`
      "课程内容有 1 处问题，请修改后再构建：
        - content/lessons/mindset/01-selling.mdx › title: 缺少必填字段（应为文字）"
    `);
  });

  it('names a title left blank', () => {
    expect(messageFor(broken((_, { lesson }) => (lesson['title'] = '   ')))).toMatchInlineSnapshot(`
      "课程内容有 1 处问题，请修改后再构建：
        - content/lessons/mindset/01-selling.mdx › title: 不能为空"
    `);
  });

  it('names a title written as "title:" with nothing after it', () => {
    expect(messageFor(broken((_, { lesson }) => (lesson['title'] = null)))).toMatchInlineSnapshot(`
      "课程内容有 1 处问题，请修改后再构建：
        - content/lessons/mindset/01-selling.mdx › title: 不能为空（应为文字）"
    `);
  });

  it('names minutes written as text', () => {
    expect(messageFor(broken((_, { lesson }) => (lesson['minutes'] = '十分钟')))).toMatchInlineSnapshot(`
      "课程内容有 1 处问题，请修改后再构建：
        - content/lessons/mindset/01-selling.mdx › minutes: 类型不对：应为数字，实际是 "十分钟""
    `);
  });

  it('names an order below 1', () => {
    expect(messageFor(broken((_, { lesson }) => (lesson['order'] = 0)))).toMatchInlineSnapshot(`
      "课程内容有 1 处问题，请修改后再构建：
        - content/lessons/mindset/01-selling.mdx › order: 不能小于 1"
    `);
  });

  it('names an unknown source deck and lists the allowed ones', () => {
    expect(messageFor(broken((_, { lesson }) => (lesson['sources'] = ['deck.txt'])))).toMatchInlineSnapshot(`
      "课程内容有 1 处问题，请修改后再构建：
        - content/lessons/mindset/01-selling.mdx › sources[0]: 取值 "deck.txt" 无效，可选："000_06c743803fa7a05e.txt"、"001_d3e1a08d6ad73a68.txt"、"002_ec28ef0a36933840.txt"、"003_fab1691d02cd859c.txt"、"004_306dc94172da7db7.txt""
    `);
  });

  it('names a module that is not in course.yaml and lists the modules there are', () => {
    expect(messageFor(broken((_, { lesson }) => (lesson['module'] = 'sales')))).toMatchInlineSnapshot(`
      "课程内容有 1 处问题，请修改后再构建：
        - content/lessons/mindset/01-selling.mdx › module: 模块 "sales" 不在 course.yaml 中（现有模块：mindset）"
    `);
  });

  it('names a lesson filed under the wrong module folder', () => {
    expect(
      messageFor(
        broken((content) => {
          content.lessons[0]!.file = 'content/lessons/economics/01-selling.mdx';
        }),
      ),
    ).toMatchInlineSnapshot(`
      "课程内容有 1 处问题，请修改后再构建：
        - content/lessons/economics/01-selling.mdx › module: 文件应放在 content/lessons/mindset/ 目录下"
    `);
  });

  it('names a topic id that is not an outline number', () => {
    expect(messageFor(broken((_, { lesson }) => (lesson['topics'] = [12])))).toMatchInlineSnapshot(`
      "课程内容有 1 处问题，请修改后再构建：
        - content/lessons/mindset/01-selling.mdx › topics[0]: 应为大纲编号，例如 "2.6""
    `);
  });

  it('names a topic that is not in the course outline', () => {
    expect(messageFor(broken((_, { lesson }) => (lesson['topics'] = [1.1, 9.9])))).toMatchInlineSnapshot(`
      "课程内容有 1 处问题，请修改后再构建：
        - content/lessons/mindset/01-selling.mdx › topics[1]: "9.9" 不是课程大纲中的主题编号（见 course.yaml 各模块的 topics）"
    `);
  });

  it('names an activity the lesson lists that does not exist', () => {
    expect(messageFor(broken((_, { lesson }) => (lesson['activities'] = ['kc-selling', 'kc-missing'])))).toMatchInlineSnapshot(`
      "课程内容有 1 处问题，请修改后再构建：
        - content/lessons/mindset/01-selling.mdx › activities[1]: 找不到活动 "kc-missing"（content/quizzes、assessments 或 scenarios 中没有这个 id）"
    `);
  });

  it('names an embedded quiz that the front matter does not list', () => {
    expect(
      messageFor(
        broken((content) => {
          content.lessons[0]!.body += '\n<Quiz id="kc-extra" />\n';
        }),
      ),
    ).toMatchInlineSnapshot(`
      "课程内容有 1 处问题，请修改后再构建：
        - content/lessons/mindset/01-selling.mdx › activities: 正文嵌入了 "kc-extra"，但 front matter 的 activities 没有列出它"
    `);
  });

  it('names the line of a lesson body that MDX cannot parse', () => {
    expect(
      messageFor(
        broken((content) => {
          content.lessons[0]!.body = content.lessons[0]!.body.replace('正文。', '正文 {未闭合的表达式。');
        }),
      ),
    ).toMatchInlineSnapshot(`
      "课程内容有 1 处问题，请修改后再构建：
        - content/lessons/mindset/01-selling.mdx: 正文的 MDX 无法解析（第 17 行：Unexpected end of file in expression, expected a corresponding closing brace for \`{\`）"
    `);
  });

  it('names a required activity that is not among the lesson’s activities', () => {
    expect(messageFor(broken((_, { lesson }) => (lesson['requiredActivities'] = ['kc-selling', 'kc-final'])))).toMatchInlineSnapshot(`
      "课程内容有 1 处问题，请修改后再构建：
        - content/lessons/mindset/01-selling.mdx › requiredActivities[1]: "kc-final" 不在本课的 activities 列表中"
    `);
  });

  it('names two lessons with the same id or the same place in a module', () => {
    expect(
      messageFor(
        broken((content) => {
          content.lessons.push({ ...structuredClone(content.lessons[0]!), file: 'content/lessons/mindset/02-selling-again.mdx' });
        }),
      ),
    ).toMatchInlineSnapshot(`
      "课程内容有 2 处问题，请修改后再构建：
        - content/lessons/mindset/02-selling-again.mdx › id: 课程 id "selling" 已被 content/lessons/mindset/01-selling.mdx 使用
        - content/lessons/mindset/02-selling-again.mdx › order: 与 content/lessons/mindset/01-selling.mdx 的 order 相同（1），同一模块内的顺序不能重复"
    `);
  });
});

describe('source narration in what a learner reads stops the build, naming the file, the line or field and the phrase', () => {
  const withBody = (body: string) =>
    broken((content) => {
      content.lessons[0]!.body = body;
    });
  const bodyWith = (text: string) =>
    `## 服务就是销售\n\n${text}\n\n<Notes>\n讲师备注。\n</Notes>\n\n## 本课小结\n\n要点。\n\n<Notes>\n收尾。\n</Notes>\n\n<Quiz id="kc-selling" />\n`;

  it('names the file’s line of a lesson paragraph that talks about the deck', () => {
    expect(messageFor(withBody(bodyWith('课件在这一章列出了需求层次，但原图没有保留下来。')))).toMatchInlineSnapshot(`
      "课程内容有 1 处问题，请修改后再构建：
        - content/lessons/mindset/01-selling.mdx: 第 17 行：学员读到的正文里有“课件”、“原图没有”。讲资料来源的话请移到教师备注 <Notes> 或 front matter 的 sourceNotes 中，正文只写学员该知道、该做的事"
    `);
  });

  it('names a deck title, a table cell and a heading as well as prose', () => {
    const body = bodyWith('《卓越服务、品牌营销》把客户分成三类。\n\n| 做法 | 出处 |\n|---|---|\n| 倾听 | 幻灯片上的第二行 |').replace(
      '## 本课小结',
      '## 课件小结',
    );
    expect(messageFor(withBody(body))).toMatchInlineSnapshot(`
      "课程内容有 3 处问题，请修改后再构建：
        - content/lessons/mindset/01-selling.mdx: 第 17 行：学员读到的正文里有“《卓越服务、品牌营销》”。讲资料来源的话请移到教师备注 <Notes> 或 front matter 的 sourceNotes 中，正文只写学员该知道、该做的事
        - content/lessons/mindset/01-selling.mdx: 第 21 行：学员读到的正文里有“幻灯片”。讲资料来源的话请移到教师备注 <Notes> 或 front matter 的 sourceNotes 中，正文只写学员该知道、该做的事
        - content/lessons/mindset/01-selling.mdx: 第 27 行：学员读到的正文里有“课件”。讲资料来源的话请移到教师备注 <Notes> 或 front matter 的 sourceNotes 中，正文只写学员该知道、该做的事"
    `);
  });

  it('lets trainer notes and sourceNotes talk about the decks', () => {
    const body = bodyWith('需求有五个层次。').replace('讲师备注。', '课件写作“马斯诺”，原图没有保留下来。');
    const content = broken((c, { lesson }) => {
      c.lessons[0]!.body = body;
      lesson['sourceNotes'] = ['课件把马斯洛写作“马斯诺”。'];
    });
    expect(problemsOf(content)).toEqual([]);
  });

  it('also lets a notes block written on one line pass', () => {
    expect(problemsOf(withBody(bodyWith('正文。\n\n<Notes>课件第 3 页的说法。</Notes>')))).toEqual([]);
  });

  it('names an objective that talks about the deck', () => {
    expect(messageFor(broken((_, { lesson }) => (lesson['objectives'] = ['说出服务与销售的关系', '说出课件推荐的服务风格']))))
      .toMatchInlineSnapshot(`
      "课程内容有 1 处问题，请修改后再构建：
        - content/lessons/mindset/01-selling.mdx › objectives[1]: 学员看到的文字里有“课件”。标题和学习目标只写学员要学会什么，讲资料来源的话请移到 sourceNotes 中"
    `);
  });

  it('names a quiz option and a feedback with the deck in them, by question and field', () => {
    const content = broken((_, { questions }) => {
      const options = questions[0]!['options'] as Data[];
      options[1]!['text'] = '课件说从降价开始';
      options[1]!['feedback'] = '这份资料里没有这种说法。';
    });
    expect(messageFor(content)).toMatchInlineSnapshot(`
      "课程内容有 2 处问题，请修改后再构建：
        - content/quizzes/kc-selling.yaml › questions[0].options[1].text: 学员看到的文字里有“课件”。讲资料来源的话请移到相关课程的教师备注或 sourceNotes 中，这里只写学员该知道、该做的事
        - content/quizzes/kc-selling.yaml › questions[0].options[1].feedback: 学员看到的文字里有“这份资料”。讲资料来源的话请移到相关课程的教师备注或 sourceNotes 中，这里只写学员该知道、该做的事"
    `);
  });

  it('names a glossary definition that talks about the decks, by its term', () => {
    const content = validContent();
    content.glossary = {
      file: 'content/glossary.yaml',
      data: [
        { id: 'service-economy', term: '服务经济', definition: '以服务为中心的经济。' },
        { id: 'churn-rate', term: '流失率', definition: '客户流失的速度；课件的表格里，流失率 10% 时总成本 1,400n。' },
      ],
    };
    const messages = formatProblems(problemsOf(content).filter((p) => p.message.includes('学员看到的文字')));
    expect(messages).toContain('content/glossary.yaml › churn-rate.definition: 学员看到的文字里有“课件”');
    expect(messages).not.toContain('service-economy');
  });

  it('passes a customer who asks for the original photo', () => {
    const content = broken((_, { questions }) => {
      questions[0]!['prompt'] = '客户问：“夜拍样张能发原图吗？”销售从哪里开始？';
    });
    expect(problemsOf(content)).toEqual([]);
  });

  it('reads a scenario’s lines but not its flags, sources or YAML comments, which only authors see', () => {
    const scenario = parse(
      [
        'id: demo',
        'sources: [000_06c743803fa7a05e.txt] # 课件第 5 页',
        'flags:',
        '  - id: blamed',
        '    description: 课件说这一步最容易漏',
        'nodes:',
        '  - id: start',
        '    say: 我要退货。',
        '    choices:',
        '      - id: ok',
        '        say: 好的，我来办。',
        '        feedback: 课件说要先道歉。',
      ].join('\n'),
    ) as unknown;
    expect(activityNarrationProblems('content/scenarios/demo.yaml', scenario).map((p) => p.field)).toEqual([
      'nodes[0].choices[0].feedback',
    ]);
  });
});

describe('a broken quiz stops the build with a message naming the file, the question and the problem', () => {
  it('names a single-choice question with no correct answer', () => {
    expect(
      messageFor(
        broken((_, { questions }) => {
          (questions[0]!['options'] as Data[])[0]!['correct'] = false;
        }),
      ),
    ).toMatchInlineSnapshot(`
      "课程内容有 1 处问题，请修改后再构建：
        - content/quizzes/kc-selling.yaml › questions[0].options: 题目 "first-step" 没有标注正确答案（correct: true）"
    `);
  });

  it('names a single-choice question with two correct answers', () => {
    expect(
      messageFor(
        broken((_, { questions }) => {
          (questions[0]!['options'] as Data[])[1]!['correct'] = true;
        }),
      ),
    ).toMatchInlineSnapshot(`
      "课程内容有 1 处问题，请修改后再构建：
        - content/quizzes/kc-selling.yaml › questions[0].options: 单选题 "first-step" 标注了 2 个正确答案，只能有一个；多个正确答案请用 type: multiple"
    `);
  });

  it('names an ordering question with two identical steps', () => {
    expect(
      messageFor(
        broken((_, { questions }) => {
          (questions[1]!['items'] as Data[])[2] = { id: 'listen', text: '倾听' };
        }),
      ),
    ).toMatchInlineSnapshot(`
      "课程内容有 2 处问题，请修改后再构建：
        - content/quizzes/kc-selling.yaml › questions[1].items: 排序题 "steps" 的步骤 id "listen" 重复
        - content/quizzes/kc-selling.yaml › questions[1].items: 排序题 "steps" 有两个相同的步骤"倾听"，顺序无法判定"
    `);
  });

  it('names a matching question whose right side repeats', () => {
    expect(
      messageFor(
        broken((_, { questions }) => {
          (questions[2]!['pairs'] as Data[])[1]!['right'] = '需要与欲望';
        }),
      ),
    ).toMatchInlineSnapshot(`
      "课程内容有 1 处问题，请修改后再构建：
        - content/quizzes/kc-selling.yaml › questions[2].pairs: 配对题 "pairs" 的右侧"需要与欲望"出现两次，配对无法一一对应"
    `);
  });

  it('names two questions with the same id', () => {
    expect(
      messageFor(
        broken((_, { questions }) => {
          questions[1]!['id'] = 'first-step';
        }),
      ),
    ).toMatchInlineSnapshot(`
      "课程内容有 1 处问题，请修改后再构建：
        - content/quizzes/kc-selling.yaml › questions: 题目 id "first-step" 重复"
    `);
  });

  const unknownType = () =>
    broken((_, { questions }) => {
      questions[0]!['type'] = 'essay';
    });

  it('names a question of an unknown type by its file and field', () => {
    expect(problemsOf(unknownType())[0]).toMatchObject({ file: 'content/quizzes/kc-selling.yaml', field: 'questions[0].type' });
  });

  it('shows the unknown question type the author wrote', () => {
    const message = problemsOf(unknownType())[0]?.message ?? '';
    expect(message).toContain('"essay"');
    expect(message).not.toContain('undefined');
  });

  it('names an activity id used by two files', () => {
    expect(
      messageFor(
        broken((content) => {
          content.quizzes.push({ file: 'content/quizzes/kc-selling-copy.yaml', data: structuredClone(content.quizzes[0]!.data) });
        }),
      ),
    ).toMatchInlineSnapshot(`
      "课程内容有 2 处问题，请修改后再构建：
        - content/quizzes/kc-selling-copy.yaml › id: 活动 id "kc-selling" 已被 content/quizzes/kc-selling.yaml 使用
        - content/quizzes/kc-selling-copy.yaml › id: id "kc-selling" 应与文件名 kc-selling-copy.yaml 一致"
    `);
  });
});

describe('a broken course.yaml stops the build', () => {
  it('names a required activity of the course that does not exist', () => {
    expect(
      messageFor(
        broken((_, { course }) => {
          course['completion'] = { requiredActivities: ['kc-selling', 'final-exam'] };
        }),
      ),
    ).toMatchInlineSnapshot(`
      "课程内容有 1 处问题，请修改后再构建：
        - content/course.yaml › completion.requiredActivities[1]: 找不到活动 "final-exam""
    `);
  });

  it('names an outline topic listed under two modules', () => {
    expect(
      messageFor(
        broken((_, { course }) => {
          const modules = course['modules'] as Data[];
          modules.push({ id: 'economics', title: '为什么要优质服务', summary: '用数字看服务。', topics: [{ id: '1.1', title: '重复' }] });
        }),
      ),
    ).toMatchInlineSnapshot(`
      "课程内容有 1 处问题，请修改后再构建：
        - content/course.yaml › modules[1].topics[0].id: 大纲主题 "1.1" 出现在多个模块中"
    `);
  });
});

describe('an unfinished course is reported by the completeness check', () => {
  const completenessMessage = (content: RawContent) => formatProblems(courseCompleteness(checkContent(content).checked));

  it('names a lesson without a summary section, trainer notes or knowledge check', () => {
    expect(
      completenessMessage(
        broken((content, { lesson, course }) => {
          content.lessons[0]!.body = '## 服务就是销售\n\n正文。\n';
          lesson['activities'] = [];
          lesson['requiredActivities'] = [];
          course['completion'] = { requiredActivities: [] };
        }),
      ),
    ).toMatchInlineSnapshot(`
      "课程内容有 3 处问题，请修改后再构建：
        - content/lessons/mindset/01-selling.mdx: 缺少以“小结”为标题的结尾部分（## 本课小结）
        - content/lessons/mindset/01-selling.mdx: 缺少教师备注（<Notes> … </Notes>）
        - content/lessons/mindset/01-selling.mdx › activities: 课程末尾缺少知识检测（在 activities 中列出一个测验并用 <Quiz id="…" /> 嵌入）"
    `);
  });

  it('names each section of a teaching lesson that has no notes of its own', () => {
    expect(
      completenessMessage(
        broken((content) => {
          content.lessons[0]!.body =
            '## 服务就是销售\n\n正文。\n\n<Notes>\n讲师备注。\n</Notes>\n\n## 练一练\n\n练习。\n\n## 本课小结\n\n要点。\n\n<Quiz id="kc-selling" />\n';
        }),
      ),
    ).toMatchInlineSnapshot(`
      "课程内容有 2 处问题，请修改后再构建：
        - content/lessons/mindset/01-selling.mdx › ## 练一练: 这一节没有教师备注：教学课的每个 ## 小节在课堂上是一张幻灯片，都要有自己的 <Notes>（课堂活动课不受此限）
        - content/lessons/mindset/01-selling.mdx › ## 本课小结: 这一节没有教师备注：教学课的每个 ## 小节在课堂上是一张幻灯片，都要有自己的 <Notes>（课堂活动课不受此限）"
    `);
  });

  it('names text written after an embedded activity, which would be a slide without a heading', () => {
    expect(
      completenessMessage(
        broken((content) => {
          content.lessons[0]!.body = content.lessons[0]!.body.replace(
            '<Quiz id="kc-selling" />\n',
            '<Quiz id="kc-selling" />\n\n想再练一次？看看[另一个场景](/scenarios/x/)。\n',
          );
        }),
      ),
    ).toMatchInlineSnapshot(`
      "课程内容有 1 处问题，请修改后再构建：
        - content/lessons/mindset/01-selling.mdx › ## 本课小结: 嵌入的活动后面、下一个 ## 小标题之前还有正文（“想再练一次？看看[另一个场景](/sce…”）：课堂演示时它会单独成为一张没有标题、没有备注的幻灯片。请把它移到活动前面，或给它一个自己的 ## 小节和 <Notes>"
    `);
  });

  it('asks a class-activity lesson for notes, not for notes in every section nor a knowledge check', () => {
    const activity = broken((content, { lesson, course }) => {
      content.lessons[0]!.body =
        '## 活动一览\n\n说明。\n\n<Notes>\n讲师备注。\n</Notes>\n\n## 自学时怎么做\n\n步骤。\n\n## 本课小结\n\n要点。\n';
      lesson['classActivity'] = { minutes: 15 };
      lesson['activities'] = [];
      lesson['requiredActivities'] = [];
      course['completion'] = { requiredActivities: [] };
    });
    expect(courseCompleteness(checkContent(activity).checked)).toEqual([]);
    activity.lessons[0]!.body = activity.lessons[0]!.body.replace(/<Notes>[\s\S]*<\/Notes>/, '');
    expect(completenessMessage(activity)).toMatchInlineSnapshot(`
      "课程内容有 1 处问题，请修改后再构建：
        - content/lessons/mindset/01-selling.mdx: 缺少教师备注（<Notes> … </Notes>）"
    `);
  });

  it('names a knowledge check with fewer than 3 or more than 6 questions', () => {
    const short = broken((_, { questions }) => {
      questions.splice(2);
    });
    const long = broken((_, { questions }) => {
      for (const n of [1, 2, 3, 4]) questions.push({ ...structuredClone(questions[0]!), id: `extra-${n}` });
    });
    expect(completenessMessage(short)).toMatchInlineSnapshot(`
      "课程内容有 1 处问题，请修改后再构建：
        - content/lessons/mindset/01-selling.mdx › activities[0]: 知识检测 "kc-selling" 有 2 道题，每课的知识检测应为 3–6 道题"
    `);
    expect(completenessMessage(long)).toMatchInlineSnapshot(`
      "课程内容有 1 处问题，请修改后再构建：
        - content/lessons/mindset/01-selling.mdx › activities[0]: 知识检测 "kc-selling" 有 7 道题，每课的知识检测应为 3–6 道题"
    `);
  });

  it('names a lesson planned for fewer than 5 or more than 15 minutes', () => {
    expect(completenessMessage(broken((_, { lesson }) => (lesson['minutes'] = 4)))).toMatchInlineSnapshot(`
      "课程内容有 1 处问题，请修改后再构建：
        - content/lessons/mindset/01-selling.mdx › minutes: 自学时长写的是 4 分钟，每课应在 5–15 分钟之间（内容太多就拆成两课，太少就并入相邻的课）"
    `);
    expect(completenessMessage(broken((_, { lesson }) => (lesson['minutes'] = 16)))).toMatchInlineSnapshot(`
      "课程内容有 1 处问题，请修改后再构建：
        - content/lessons/mindset/01-selling.mdx › minutes: 自学时长写的是 16 分钟，每课应在 5–15 分钟之间（内容太多就拆成两课，太少就并入相邻的课）"
    `);
  });

  it('gives a lesson up to 10 more minutes for each practice activity it holds, so its minutes can be honest', () => {
    const withRolePlay = (minutes: number) => {
      const { checked } = checkContent(broken((_, { lesson }) => (lesson['minutes'] = minutes)));
      // A role-play needs a whole scenario graph to pass its schema; the rule only asks what kind the activity is.
      checked.activityIds.set('demo-roleplay', { kind: 'scenario', file: 'content/scenarios/demo-roleplay.yaml' });
      checked.lessons[0]!.meta.activities.push('demo-roleplay');
      return formatProblems(courseCompleteness(checked));
    };
    expect(withRolePlay(25)).toContain('0 处问题');
    expect(withRolePlay(26)).toMatchInlineSnapshot(`
      "课程内容有 1 处问题，请修改后再构建：
        - content/lessons/mindset/01-selling.mdx › minutes: 自学时长写的是 26 分钟，这一课连同 1 个练习活动（每个最多加 10 分钟）应在 5–25 分钟之间（内容太多就拆成两课，太少就并入相邻的课）"
    `);
  });

  it('names an outline topic no lesson teaches and a module without lessons', () => {
    expect(
      completenessMessage(
        broken((_, { course }) => {
          const modules = course['modules'] as Data[];
          modules[0]!['topics'] = [
            { id: 1.1, title: '销售先从服务开始' },
            { id: 1.2, title: '营销观念的演进' },
          ];
          modules.push({
            id: 'economics',
            title: '为什么要优质服务',
            summary: '用数字看服务。',
            topics: [{ id: 2.1, title: '为什么要优质服务' }],
          });
        }),
      ),
    ).toMatchInlineSnapshot(`
      "课程内容有 3 处问题，请修改后再构建：
        - content/course.yaml › modules.mindset: 大纲主题 1.2「营销观念的演进」还没有任何课程讲授
        - content/course.yaml › modules.economics: 大纲主题 2.1「为什么要优质服务」还没有任何课程讲授
        - content/course.yaml › modules.economics: 模块「为什么要优质服务」还没有课程"
    `);
  });
});

describe('reading content files', () => {
  let root: string | undefined;
  afterEach(() => {
    if (root) rmSync(root, { recursive: true, force: true });
    root = undefined;
  });

  const writeTree = (files: Record<string, string>) => {
    root = mkdtempSync(join(tmpdir(), 'content-checks-'));
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    }
    return root;
  };

  const courseYaml =
    'id: demo-course\ntitle: 演示课程\ndescription: 说明。\nmodules:\n  - id: mindset\n    title: 服务理念\n    summary: 摘要。\n    topics:\n      - { id: 1.1, title: 销售先从服务开始 }\n';

  it('reads YAML and front matter into the shapes the checks expect', () => {
    const { content, problems } = readContent(
      writeTree({
        'content/course.yaml': courseYaml,
        'content/lessons/mindset/01-selling.mdx': '---\nid: selling\ntopics: [1.1]\n---\n\n## 正文\n',
        'content/quizzes/kc-selling.yaml': 'id: kc-selling\n',
      }),
    );
    expect(problems).toEqual([]);
    expect(content.course?.file).toBe('content/course.yaml');
    expect(content.lessons).toEqual([
      { file: 'content/lessons/mindset/01-selling.mdx', data: { id: 'selling', topics: [1.1] }, body: '\n## 正文\n', bodyLine: 5 },
    ]);
    expect(content.quizzes).toEqual([{ file: 'content/quizzes/kc-selling.yaml', data: { id: 'kc-selling' } }]);
  });

  it('names a YAML file that cannot be parsed', () => {
    const { problems } = readContent(
      writeTree({
        'content/course.yaml': courseYaml,
        'content/quizzes/kc-selling.yaml': 'id: kc-selling\nquestions: [\n  - id: a\n',
      }),
    );
    expect(formatProblems(problems)).toMatchInlineSnapshot(`
      "课程内容有 1 处问题，请修改后再构建：
        - content/quizzes/kc-selling.yaml: YAML 无法解析：Block collections are not allowed within flow collections at line 3, column 3:"
    `);
  });

  const badFrontMatter = () =>
    readContent(
      writeTree({
        'content/course.yaml': courseYaml,
        // Line 3 of the file has the unclosed quote.
        'content/lessons/mindset/01-selling.mdx': '---\nid: selling\ntitle: "销售从服务开始\n---\n\n## 正文\n',
      }),
    ).problems;

  it('names a lesson whose front matter cannot be parsed', () => {
    const problems = badFrontMatter();
    expect(problems).toHaveLength(1);
    expect(problems[0]?.file).toBe('content/lessons/mindset/01-selling.mdx');
    expect(problems[0]?.message).toMatch(/^YAML 无法解析：Missing closing "quote/);
  });

  it('points at the line of the .mdx file where the front matter breaks', () => {
    expect(badFrontMatter()[0]?.message).toContain('at line 3,');
  });

  it('names a lesson without front matter', () => {
    const { content, problems } = readContent(
      writeTree({ 'content/course.yaml': courseYaml, 'content/lessons/mindset/01-selling.mdx': '# 销售从服务开始\n\n正文。\n' }),
    );
    expect(content.lessons).toEqual([]);
    expect(formatProblems(problems)).toMatchInlineSnapshot(`
      "课程内容有 1 处问题，请修改后再构建：
        - content/lessons/mindset/01-selling.mdx: 文件开头缺少 --- 包围的 front matter"
    `);
  });

  it('names a missing course.yaml', () => {
    const { content, problems } = readContent(writeTree({ 'content/quizzes/kc-selling.yaml': 'id: kc-selling\n' }));
    expect(content.course).toBeUndefined();
    expect(formatProblems(problems)).toMatchInlineSnapshot(`
      "课程内容有 1 处问题，请修改后再构建：
        - content/course.yaml: 找不到课程文件 course.yaml"
    `);
  });
});

describe('the course in this repository', () => {
  it('passes the content checks the build runs and the completeness check', () => {
    const read = readContent(process.cwd());
    expect(read.problems).toEqual([]);
    const { problems, checked } = checkContent(read.content);
    expect(problems).toEqual([]);
    expect(courseCompleteness(checked)).toEqual([]);
    // It reads and parses every lesson of the course: allow for a loaded machine.
  }, 30_000);
});
