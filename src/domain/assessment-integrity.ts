import type { Assessment } from '../schemas/assessment.ts';
import { STYLES } from './communication-style.ts';
import { duplicates } from './duplicates.ts';
import type { QuizFlaw } from './quiz-integrity.ts';

/**
 * Integrity rules for the communication-style self-assessment: item ids are unique, both the A
 * and the B group have items (each average needs at least one), and all four styles have
 * result texts, once each.
 */
export function assessmentFlaws(assessment: Assessment): QuizFlaw[] {
  const flaws: QuizFlaw[] = [];
  for (const id of duplicates(assessment.items.map((item) => item.id))) {
    flaws.push({ field: 'items', message: `题目 id "${id}" 重复` });
  }
  for (const axis of ['A', 'B'] as const) {
    if (!assessment.items.some((item) => item.axis === axis)) {
      flaws.push({ field: 'items', message: `没有 ${axis} 组题目（axis: ${axis}），无法计算 ${axis} 项平均分` });
    }
  }
  const styles = assessment.styles.map((s) => s.style);
  for (const style of duplicates(styles)) flaws.push({ field: 'styles', message: `沟通风格 "${style}" 的说明出现了不止一次` });
  for (const style of STYLES) {
    if (!styles.includes(style)) flaws.push({ field: 'styles', message: `缺少沟通风格 "${style}" 的说明` });
  }
  return flaws;
}
