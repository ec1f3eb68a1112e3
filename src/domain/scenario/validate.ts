import { isStepId } from '../complaint-steps.ts';
import type { Condition, Scenario } from '../../schemas/scenario.ts';
import { exploreStates, statesOnCycles, statesThatCanEnd } from './explore.ts';

/** The rules a scenario's graph must keep. Each problem names one, in the author's words. */
export const SCENARIO_RULES = {
  'unique-id': 'id 重复',
  'target-exists': '目标不存在',
  'start-exists': '开始节点不存在',
  reachable: '节点无法到达',
  'can-end': '死路',
  'bounded-loop': '无限循环',
  fallback: '缺少兜底',
  declared: '变量未声明',
  'ending-reachable': '结局无法到达',
  text: '缺少文字',
  size: '状态过多',
} as const;

export type ScenarioRule = keyof typeof SCENARIO_RULES;

/** A broken rule: where (a node, choice, ending, trigger or flag by id) and what is wrong. */
export interface ScenarioFlaw {
  /** e.g. `nodes.opening.choices.blame`, `endings.lost`, `triggers.boil-over`. */
  field: string;
  rule: ScenarioRule;
  /** `【rule】what is wrong`, in Chinese, for the author. */
  message: string;
}

const nodeField = (node: string) => `nodes.${node}`;
const choiceField = (node: string, choice: string) => `nodes.${node}.choices.${choice}`;

/**
 * Checks a scenario that has passed its schema as a graph: ids are unique, every target exists,
 * conditional transitions have a fallback, effects and conditions name declared flags, every
 * line has text; then, walking every state the conversation can reach, that every node and
 * every ending can be reached, that some ending can be reached from everywhere (no dead ends,
 * no loop without a way out), and that no loop can repeat forever.
 */
export function validateScenario(scenario: Scenario): ScenarioFlaw[] {
  const flaws: ScenarioFlaw[] = [];
  const flaw = (field: string, rule: ScenarioRule, detail: string) =>
    flaws.push({ field, rule, message: `【${SCENARIO_RULES[rule]}】${detail}` });

  // Ids: nodes and endings share one namespace, since a choice may lead to either.
  const seen = new Map<string, string>();
  for (const node of scenario.nodes) {
    if (seen.has(node.id))
      flaw(nodeField(node.id), 'unique-id', `"${node.id}" 已被另一个${seen.get(node.id)}使用（节点和结局共用一套 id）`);
    else seen.set(node.id, '节点');
    const choiceIds = new Set<string>();
    for (const choice of node.choices) {
      if (choiceIds.has(choice.id)) flaw(choiceField(node.id, choice.id), 'unique-id', `节点 "${node.id}" 中有两个选项都叫 "${choice.id}"`);
      choiceIds.add(choice.id);
    }
  }
  for (const ending of scenario.endings) {
    if (seen.has(ending.id))
      flaw(`endings.${ending.id}`, 'unique-id', `"${ending.id}" 已被另一个${seen.get(ending.id)}使用（节点和结局共用一套 id）`);
    else seen.set(ending.id, '结局');
  }
  const flagIds = new Set<string>();
  for (const flag of scenario.flags) {
    if (flagIds.has(flag.id)) flaw(`flags.${flag.id}`, 'unique-id', `标记 "${flag.id}" 声明了两次`);
    flagIds.add(flag.id);
  }
  const triggerIds = new Set<string>();
  for (const trigger of scenario.triggers) {
    if (triggerIds.has(trigger.id)) flaw(`triggers.${trigger.id}`, 'unique-id', `全局跳转 "${trigger.id}" 出现了两次`);
    triggerIds.add(trigger.id);
  }

  const nodeIds = new Set(scenario.nodes.map((n) => n.id));
  const targets = new Set([...nodeIds, ...scenario.endings.map((e) => e.id)]);
  let broken = false;
  if (!nodeIds.has(scenario.start)) {
    broken = true;
    flaw(
      'start',
      'start-exists',
      `start 指向 "${scenario.start}"，但没有这个 id 的节点${targets.has(scenario.start) ? '（它是一个结局，对话不能从结局开始）' : ''}`,
    );
  }

  const checkCondition = (field: string, condition: Condition) => {
    for (const f of [...(condition.flagsSet ?? []), ...(condition.flagsUnset ?? [])]) {
      if (!flagIds.has(f)) flaw(field, 'declared', `条件用到了标记 "${f}"，但 flags 中没有声明它`);
    }
    for (const s of [...(condition.stepsDone ?? []), ...(condition.stepsMissing ?? [])]) {
      if (!isStepId(s)) flaw(field, 'declared', `条件用到了 "${s}"，它不是八步法的步骤 id`);
    }
  };
  const text = (field: string, value: string | undefined, what: string) => {
    if (value !== undefined && value.trim() === '') flaw(field, 'text', `${what}是空的`);
  };

  text('title', scenario.title, '标题（title）');
  text('summary', scenario.summary, '简介（summary）');
  text('situation', scenario.situation, '情境说明（situation）');
  text('customer.name', scenario.customer.name, '客户姓名（customer.name）');
  text('customer.problem', scenario.customer.problem, '客户遇到的问题（customer.problem）');
  for (const flag of scenario.flags) text(`flags.${flag.id}`, flag.description, '标记说明（description）');

  for (const node of scenario.nodes) {
    text(nodeField(node.id), node.say, '客户说的话（say）');
    text(nodeField(node.id), node.does, '客户的动作（does）');
    if (node.choices.length === 0)
      flaw(nodeField(node.id), 'can-end', '节点没有任何选项，对话会停在这里；请加选项，或让上一步直接指向结局');
    for (const choice of node.choices) {
      const field = choiceField(node.id, choice.id);
      text(field, choice.say, '学员说的话（say）');
      text(field, choice.feedback, '点评（feedback）');
      for (const f of [...choice.effects.set, ...choice.effects.unset]) {
        if (!flagIds.has(f)) flaw(field, 'declared', `effects 设置了标记 "${f}"，但 flags 中没有声明它`);
      }
      for (const s of choice.effects.steps) {
        if (!isStepId(s)) flaw(field, 'declared', `effects 记入了 "${s}"，它不是八步法的步骤 id`);
      }
      const branches = typeof choice.next === 'string' ? [{ to: choice.next }] : choice.next;
      branches.forEach((branch, i) => {
        if (!targets.has(branch.to)) {
          broken = true;
          flaw(field, 'target-exists', `选项指向 "${branch.to}"，但场景中没有这个节点或结局`);
        }
        const last = i === branches.length - 1;
        if ('when' in branch && branch.when) {
          checkCondition(field, branch.when);
          if (last)
            flaw(field, 'fallback', `条件跳转的最后一条（to: ${branch.to}）带有 when；最后一条必须不写 when，作为条件都不成立时的去处`);
        } else if (!last) {
          flaw(
            field,
            'fallback',
            `第 ${i + 1} 条跳转（to: ${branch.to}）没有 when，却不在最后，它后面的跳转永远不会被用到；兜底的一条请放在最后`,
          );
        }
      });
    }
  }
  for (const ending of scenario.endings) {
    const field = `endings.${ending.id}`;
    text(field, ending.title, '结局标题（title）');
    text(field, ending.say, '客户最后的话（say）');
    text(field, ending.debrief, '复盘点评（debrief）');
  }
  for (const trigger of scenario.triggers) {
    const field = `triggers.${trigger.id}`;
    text(field, trigger.say, '跳转时的描述（say）');
    checkCondition(field, trigger.when);
    if (!targets.has(trigger.to)) {
      broken = true;
      flaw(field, 'target-exists', `全局跳转指向 "${trigger.to}"，但场景中没有这个节点或结局`);
    }
  }

  // The walk needs a whole graph; with a missing start or target, fix those first.
  if (broken) return flaws;
  const graph = exploreStates(scenario);
  if (graph.truncated) {
    flaw('nodes', 'size', `对话可能出现的状态超过 ${graph.states.size} 种，无法逐一检查；请减少循环或标记的组合`);
    return flaws;
  }
  const reached = new Set<string>();
  for (const { situation } of graph.states.values()) reached.add(situation.at);
  for (const node of scenario.nodes) {
    if (!reached.has(node.id)) flaw(nodeField(node.id), 'reachable', '从开始节点走不到这里：没有选项指向它，或者指向它的条件永远不成立');
  }
  for (const ending of scenario.endings) {
    if (!reached.has(ending.id))
      flaw(`endings.${ending.id}`, 'ending-reachable', `结局 "${ending.id}" 永远到达不了：没有选项指向它，或者指向它的条件永远不成立`);
  }
  const canEnd = statesThatCanEnd(graph);
  const stuck = new Set<string>();
  for (const [key, { situation }] of graph.states) {
    if (!canEnd.has(key) && !situation.ended && !stuck.has(situation.at)) {
      const node = scenario.nodes.find((n) => n.id === situation.at);
      if (node && node.choices.length > 0)
        flaw(nodeField(node.id), 'can-end', '从这里出发走不到任何结局：对话只能在几个节点之间打转，没有出口');
      stuck.add(situation.at);
    }
  }
  const looping = new Set<string>();
  for (const key of statesOnCycles(graph)) {
    const at = graph.states.get(key)?.situation.at ?? '';
    if (stuck.has(at) || looping.has(at)) continue;
    looping.add(at);
    flaw(
      nodeField(at),
      'bounded-loop',
      '对话可以一次又一次回到这里而状态不变，学员可能永远走不到结局；请让循环设置一个标记，并用条件在第二次时走出循环',
    );
  }
  return flaws;
}
