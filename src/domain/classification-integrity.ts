import type { Classification } from '../schemas/classification.ts';
import { PERSONALITY_TYPES } from './classification-scoring.ts';
import { duplicates } from './duplicates.ts';
import type { QuizFlaw } from './quiz-integrity.ts';

/**
 * Integrity rules for a personality-classification set that its schema cannot see: the four
 * types are described once each, ids are unique, and every situation has exactly one way of
 * serving that fits its customer's type (that option is the right answer).
 */
export function classificationFlaws(set: Classification): QuizFlaw[] {
  const flaws: QuizFlaw[] = [];
  const described = set.types.map((t) => t.type);
  for (const type of duplicates(described)) flaws.push({ field: 'types', message: `性格类型 "${type}" 的说明出现了不止一次` });
  for (const type of PERSONALITY_TYPES) {
    if (!described.includes(type)) flaws.push({ field: 'types', message: `缺少性格类型 "${type}" 的说明` });
  }
  for (const id of duplicates(set.items.map((item) => item.id))) {
    flaws.push({ field: 'items', message: `情境 id "${id}" 重复` });
  }
  set.items.forEach((item, i) => {
    const at = `items[${i}].options`;
    for (const id of duplicates(item.options.map((o) => o.id))) {
      flaws.push({ field: at, message: `情境 "${item.id}" 的选项 id "${id}" 重复` });
    }
    const fitting = item.options.filter((o) => o.fits === item.type).length;
    if (fitting === 0) {
      flaws.push({ field: at, message: `情境 "${item.id}" 没有适合 ${item.type} 的做法：请给正确的选项标注 fits: ${item.type}` });
    } else if (fitting > 1) {
      flaws.push({ field: at, message: `情境 "${item.id}" 有 ${fitting} 个选项标注了 fits: ${item.type}，只能有一个正确做法` });
    }
  });
  return flaws;
}
