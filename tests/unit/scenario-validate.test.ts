import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { validateScenario } from '../../src/domain/scenario/validate.ts';
import { checkContent } from '../../src/integrations/content/check-content.ts';
import { formatProblems } from '../../src/integrations/content/problem.ts';
import { scenarioSchema, type Scenario, type ScenarioChoice } from '../../src/schemas/scenario.ts';
import { example, exampleYaml } from './scenario-fixture.ts';

const flawsOf = (scenario: Scenario) => validateScenario(scenario).map((f) => `${f.field}: ${f.message}`);

const node = (s: Scenario, id: string) => s.nodes.find((n) => n.id === id)!;
const choice = (s: Scenario, nodeId: string, choiceId: string): ScenarioChoice => node(s, nodeId).choices.find((c) => c.id === choiceId)!;

describe('validateScenario', () => {
  test('accepts the documented example', () => {
    expect(validateScenario(example())).toEqual([]);
  });

  test('rejects a node id used twice, and a node id that is also an ending', () => {
    const s = example();
    s.nodes.push({ ...node(s, 'what-now') });
    s.nodes.push({ ...node(s, 'what-now'), id: 'loyal' });
    expect(flawsOf(s)).toMatchInlineSnapshot(`
      [
        "nodes.what-now: 【id 重复】"what-now" 已被另一个节点使用（节点和结局共用一套 id）",
        "endings.loyal: 【id 重复】"loyal" 已被另一个节点使用（节点和结局共用一套 id）",
      ]
    `);
  });

  test('rejects two choices with the same id in one node', () => {
    const s = example();
    node(s, 'opening').choices.push({ ...choice(s, 'opening', 'blame-courier') });
    expect(flawsOf(s)).toMatchInlineSnapshot(`
      [
        "nodes.opening.choices.blame-courier: 【id 重复】节点 "opening" 中有两个选项都叫 "blame-courier"",
      ]
    `);
  });

  test('rejects a choice or a trigger that leads nowhere', () => {
    const s = example();
    choice(s, 'opening', 'blame-courier').next = 'manager';
    s.triggers[0]!.to = 'walks-out';
    expect(flawsOf(s)).toMatchInlineSnapshot(`
      [
        "nodes.opening.choices.blame-courier: 【目标不存在】选项指向 "manager"，但场景中没有这个节点或结局",
        "triggers.gives-up: 【目标不存在】全局跳转指向 "walks-out"，但场景中没有这个节点或结局",
      ]
    `);
  });

  test('rejects a start that is missing or is an ending', () => {
    const s = example();
    s.start = 'loyal';
    expect(flawsOf(s)).toMatchInlineSnapshot(`
      [
        "start: 【开始节点不存在】start 指向 "loyal"，但没有这个 id 的节点（它是一个结局，对话不能从结局开始）",
      ]
    `);
  });

  test('rejects a node no path from the start reaches, including one behind a condition that never holds', () => {
    const s = example();
    s.nodes.push({ id: 'orphan', say: '还有别的事吗？', choices: [{ ...choice(s, 'what-now', 'wait-and-see'), id: 'bye' }] });
    // Mood starts at 5 and a choice moves it by at most +2 before this test: 9 is never reached.
    choice(s, 'opening', 'thank-and-apologise').next = [{ when: { moodAtLeast: 9 }, to: 'orphan' }, { to: 'what-now' }];
    expect(flawsOf(s)).toMatchInlineSnapshot(`
      [
        "nodes.orphan: 【节点无法到达】从开始节点走不到这里：没有选项指向它，或者指向它的条件永远不成立",
      ]
    `);
  });

  test('rejects a node from which no ending can be reached: a dead end, and a loop with no way out', () => {
    const s = example();
    s.nodes.push({ id: 'dead-end', say: '……', choices: [] });
    s.nodes.push({
      id: 'round',
      say: '你说什么？',
      choices: [
        { ...choice(s, 'what-now', 'wait-and-see'), id: 'repeat', effects: { mood: 0, steps: [], set: [], unset: [] }, next: 'again' },
      ],
    });
    s.nodes.push({
      id: 'again',
      say: '我还是没听懂。',
      choices: [
        { ...choice(s, 'what-now', 'wait-and-see'), id: 'repeat', effects: { mood: 0, steps: [], set: [], unset: [] }, next: 'round' },
      ],
    });
    node(s, 'what-now').choices.push({
      ...choice(s, 'what-now', 'wait-and-see'),
      id: 'mumble',
      effects: { mood: 0, steps: [], set: [], unset: [] },
      next: 'round',
    });
    node(s, 'what-now').choices.push({
      ...choice(s, 'what-now', 'wait-and-see'),
      id: 'shrug',
      effects: { mood: 0, steps: [], set: [], unset: [] },
      next: 'dead-end',
    });
    expect(flawsOf(s)).toMatchInlineSnapshot(`
      [
        "nodes.dead-end: 【死路】节点没有任何选项，对话会停在这里；请加选项，或让上一步直接指向结局",
        "nodes.round: 【死路】从这里出发走不到任何结局：对话只能在几个节点之间打转，没有出口",
        "nodes.again: 【死路】从这里出发走不到任何结局：对话只能在几个节点之间打转，没有出口",
      ]
    `);
  });

  test('rejects a loop that has a way out but can also repeat forever with nothing changing', () => {
    const s = example();
    node(s, 'what-now').choices.push({
      ...choice(s, 'what-now', 'wait-and-see'),
      id: 'ask-again',
      effects: { mood: 0, steps: [], set: [], unset: [] },
      next: 'what-now',
    });
    expect(flawsOf(s)).toMatchInlineSnapshot(`
      [
        "nodes.what-now: 【无限循环】对话可以一次又一次回到这里而状态不变，学员可能永远走不到结局；请让循环设置一个标记，并用条件在第二次时走出循环",
      ]
    `);
  });

  test('accepts a loop the state lets the learner go round only once', () => {
    const s = example();
    s.flags.push({ id: 'asked-again', description: '客户已经重复过一次问题' });
    node(s, 'what-now').choices.push({
      ...choice(s, 'what-now', 'wait-and-see'),
      id: 'ask-again',
      effects: { mood: 0, steps: [], set: ['asked-again'], unset: [] },
      next: [{ when: { flagsSet: ['asked-again'] }, to: 'gone' }, { to: 'what-now' }],
    });
    expect(flawsOf(s)).toEqual([]);
  });

  test('rejects conditional transitions without a fallback, or with the fallback before the end', () => {
    const s = example();
    choice(s, 'what-now', 'fix-now').next = [
      { when: { flagsSet: ['blamed-courier'] }, to: 'resolved' },
      { when: { moodAtLeast: 3 }, to: 'loyal' },
    ];
    choice(s, 'opening', 'blame-courier').next = [{ to: 'what-now' }, { when: { moodAtMost: 2 }, to: 'gone' }];
    expect(flawsOf(s)).toMatchInlineSnapshot(`
      [
        "nodes.opening.choices.blame-courier: 【缺少兜底】第 1 条跳转（to: what-now）没有 when，却不在最后，它后面的跳转永远不会被用到；兜底的一条请放在最后",
        "nodes.opening.choices.blame-courier: 【缺少兜底】条件跳转的最后一条（to: gone）带有 when；最后一条必须不写 when，作为条件都不成立时的去处",
        "nodes.what-now.choices.fix-now: 【缺少兜底】条件跳转的最后一条（to: loyal）带有 when；最后一条必须不写 when，作为条件都不成立时的去处",
      ]
    `);
  });

  test('rejects effects and conditions that name undeclared flags or unknown steps', () => {
    const s = example();
    choice(s, 'opening', 'blame-courier').effects.set = ['blamed-courier', 'was-rude'];
    choice(s, 'opening', 'thank-and-apologise').effects.steps = ['thank', 'smile' as 'thank'];
    s.triggers[0]!.when = { moodAtMost: 1, flagsUnset: ['manager-called'] };
    expect(flawsOf(s)).toMatchInlineSnapshot(`
      [
        "nodes.opening.choices.thank-and-apologise: 【变量未声明】effects 记入了 "smile"，它不是八步法的步骤 id",
        "nodes.opening.choices.blame-courier: 【变量未声明】effects 设置了标记 "was-rude"，但 flags 中没有声明它",
        "triggers.gives-up: 【变量未声明】条件用到了标记 "manager-called"，但 flags 中没有声明它",
      ]
    `);
  });

  test('rejects an ending that no run can reach', () => {
    const s = example();
    s.endings.push({
      id: 'third-party',
      outcome: 'escalated',
      title: '投诉到平台',
      say: '我要去平台投诉你们。',
      debrief: '……',
      failsRun: false,
    });
    expect(flawsOf(s)).toMatchInlineSnapshot(`
      [
        "endings.third-party: 【结局无法到达】结局 "third-party" 永远到达不了：没有选项指向它，或者指向它的条件永远不成立",
      ]
    `);
  });

  test('rejects a line with no text, wherever it is', () => {
    const s = example();
    node(s, 'opening').say = '  ';
    choice(s, 'what-now', 'fix-now').feedback = '';
    s.endings[2]!.debrief = ' ';
    s.triggers[0]!.say = '';
    expect(flawsOf(s)).toMatchInlineSnapshot(`
      [
        "nodes.opening: 【缺少文字】客户说的话（say）是空的",
        "nodes.what-now.choices.fix-now: 【缺少文字】点评（feedback）是空的",
        "endings.gone: 【缺少文字】复盘点评（debrief）是空的",
        "triggers.gives-up: 【缺少文字】跳转时的描述（say）是空的",
      ]
    `);
  });
});

describe('scenario text', () => {
  test('lines folded in YAML join without a space between Chinese characters, keeping spaces around numbers', () => {
    const raw: unknown = parse(
      exampleYaml.replace('situation: 你在网店做在线客服。', 'situation: >-\n  你在网店做在线客服，\n  已经做了 3 年。\n  '),
    );
    expect(scenarioSchema.parse(raw).situation).toMatch(/^你在网店做在线客服，已经做了 3 年。一位老客户/);
  });
});

describe('checkContent', () => {
  test('names the scenario file, the node and the broken rule', () => {
    const data: unknown = parse(exampleYaml.replace('next: gone', 'next: nowhere'));
    const file = 'content/scenarios/example-late-lamp.yaml';
    const { problems } = checkContent({
      course: undefined,
      lessons: [],
      quizzes: [],
      classifications: [],
      assessments: [],
      scenarios: [{ file, data }],
      jobAids: [],
    });
    expect(formatProblems(problems)).toMatchInlineSnapshot(`
      "课程内容有 1 处问题，请修改后再构建：
        - content/scenarios/example-late-lamp.yaml › nodes.what-now.choices.wait-and-see: 【目标不存在】选项指向 "nowhere"，但场景中没有这个节点或结局"
    `);
  });
});

describe('the documented example', () => {
  test('is, character for character, the example in content/scenarios/README.md', () => {
    const readme = readFileSync(new URL('../../content/scenarios/README.md', import.meta.url), 'utf8');
    const block = /```yaml\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(block).toBe(exampleYaml);
  });
});
