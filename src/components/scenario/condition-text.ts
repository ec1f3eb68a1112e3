import { COMPLAINT_STEPS } from '../../domain/complaint-steps.ts';
import { t } from '../../i18n/index.ts';
import type { Condition, Effects, Scenario } from '../../schemas/scenario.ts';

const stepName = (id: string) => COMPLAINT_STEPS.find((s) => s.id === id)?.name ?? id;

/** Text cut to at most `max` characters, with an ellipsis when cut. */
export function shorten(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** How the map and its table name a scenario's pieces for a reader: in words, never by id. */
export interface ScenarioLabels {
  /** A node as "第 3 句", numbered in the order written. */
  node: (id: string) => string;
  /** A node ("第 3 句：客户的话…") or an ending ("结局：标题（结果）"). */
  place: (id: string) => string;
  /** A flag by its description, shortened. */
  flag: (id: string) => string;
}

export function scenarioLabels(scenario: Scenario): ScenarioLabels {
  const numbers = new Map(scenario.nodes.map((n, i) => [n.id, i + 1]));
  const says = new Map(scenario.nodes.map((n) => [n.id, n.say]));
  const endings = new Map(scenario.endings.map((e) => [e.id, e]));
  const flags = new Map(scenario.flags.map((f) => [f.id, f.description]));
  const node = (id: string) => (numbers.has(id) ? t('scenario.map.nodeLabel', { n: numbers.get(id) ?? 0 }) : id);
  return {
    node,
    place: (id) => {
      const ending = endings.get(id);
      if (ending) return t('scenario.map.endingLabel', { title: ending.title, outcome: t(`scenario.outcome.${ending.outcome}`) });
      return says.has(id) ? `${node(id)}：${shorten(says.get(id) ?? '', 14)}` : id;
    },
    flag: (id) => shorten(flags.get(id) ?? id, 16),
  };
}

/** A condition in words for the map, e.g. "情绪 ≤ 0，未做到：道歉"; flags named by `flag`. */
export function conditionText(condition: Condition, flag: (id: string) => string = (id) => id): string {
  const parts: string[] = [];
  if (condition.moodAtLeast !== undefined) parts.push(t('scenario.cond.moodAtLeast', { n: condition.moodAtLeast }));
  if (condition.moodAtMost !== undefined) parts.push(t('scenario.cond.moodAtMost', { n: condition.moodAtMost }));
  if (condition.stepsDone) parts.push(t('scenario.cond.stepsDone', { steps: condition.stepsDone.map(stepName).join('、') }));
  if (condition.stepsMissing) parts.push(t('scenario.cond.stepsMissing', { steps: condition.stepsMissing.map(stepName).join('、') }));
  if (condition.flagsSet) parts.push(t('scenario.cond.flagsSet', { flags: condition.flagsSet.map(flag).join('、') }));
  if (condition.flagsUnset) parts.push(t('scenario.cond.flagsUnset', { flags: condition.flagsUnset.map(flag).join('、') }));
  return parts.join('，');
}

/** A choice's effects in words for the map's table, e.g. "情绪 +2；做到：说“谢谢”". */
export function effectsText(effects: Effects, flag: (id: string) => string = (id) => id): string {
  const parts: string[] = [];
  if (effects.mood !== 0) parts.push(t('scenario.effect.mood', { n: effects.mood > 0 ? `+${effects.mood}` : String(effects.mood) }));
  if (effects.steps.length > 0) parts.push(t('scenario.effect.steps', { steps: effects.steps.map(stepName).join('、') }));
  if (effects.set.length > 0) parts.push(t('scenario.effect.set', { flags: effects.set.map(flag).join('、') }));
  if (effects.unset.length > 0) parts.push(t('scenario.effect.unset', { flags: effects.unset.map(flag).join('、') }));
  return parts.join('；') || '—';
}

/** Choices are lettered A, B, C … within their node, on the map and in its table. */
export const choiceLetter = (index: number): string => String.fromCharCode(65 + index);
