import { COMPLAINT_STEPS } from '../../domain/complaint-steps.ts';
import { t } from '../../i18n/index.ts';
import type { Condition, Effects } from '../../schemas/scenario.ts';

const stepName = (id: string) => COMPLAINT_STEPS.find((s) => s.id === id)?.name ?? id;

/** A condition in words for the map, e.g. "情绪 ≤ 0，未做到：道歉". */
export function conditionText(condition: Condition): string {
  const parts: string[] = [];
  if (condition.moodAtLeast !== undefined) parts.push(t('scenario.cond.moodAtLeast', { n: condition.moodAtLeast }));
  if (condition.moodAtMost !== undefined) parts.push(t('scenario.cond.moodAtMost', { n: condition.moodAtMost }));
  if (condition.stepsDone) parts.push(t('scenario.cond.stepsDone', { steps: condition.stepsDone.map(stepName).join('、') }));
  if (condition.stepsMissing) parts.push(t('scenario.cond.stepsMissing', { steps: condition.stepsMissing.map(stepName).join('、') }));
  if (condition.flagsSet) parts.push(t('scenario.cond.flagsSet', { flags: condition.flagsSet.join('、') }));
  if (condition.flagsUnset) parts.push(t('scenario.cond.flagsUnset', { flags: condition.flagsUnset.join('、') }));
  return parts.join('，');
}

/** A choice's effects in words for the map's table, e.g. "情绪 +2；做到：说“谢谢”". */
export function effectsText(effects: Effects): string {
  const parts: string[] = [];
  if (effects.mood !== 0) parts.push(t('scenario.effect.mood', { n: effects.mood > 0 ? `+${effects.mood}` : String(effects.mood) }));
  if (effects.steps.length > 0) parts.push(t('scenario.effect.steps', { steps: effects.steps.map(stepName).join('、') }));
  if (effects.set.length > 0) parts.push(t('scenario.effect.set', { flags: effects.set.join('、') }));
  if (effects.unset.length > 0) parts.push(t('scenario.effect.unset', { flags: effects.unset.join('、') }));
  return parts.join('；') || '—';
}

/** Choices are lettered A, B, C … within their node, on the map and in its table. */
export const choiceLetter = (index: number): string => String.fromCharCode(65 + index);
