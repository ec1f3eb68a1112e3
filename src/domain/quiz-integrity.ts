import type { Quiz } from '../schemas/quiz.ts';
import { duplicates } from './duplicates.ts';

/** A rule a quiz breaks that its schema cannot see: the field, and what is wrong. */
export interface QuizFlaw {
  field: string;
  message: string;
}

/**
 * Integrity rules for a knowledge check: every question can be answered right, ids are unique,
 * an ordering has no two equal steps, and matching pairs line up one to one.
 */
export function quizFlaws(quiz: Quiz): QuizFlaw[] {
  const flaws: QuizFlaw[] = [];
  for (const id of duplicates(quiz.questions.map((q) => q.id))) {
    flaws.push({ field: 'questions', message: `题目 id "${id}" 重复` });
  }
  quiz.questions.forEach((q, i) => {
    const at = `questions[${i}]`;
    switch (q.type) {
      case 'single':
      case 'multiple': {
        for (const id of duplicates(q.options.map((o) => o.id))) {
          flaws.push({ field: `${at}.options`, message: `题目 "${q.id}" 的选项 id "${id}" 重复` });
        }
        const correct = q.options.filter((o) => o.correct).length;
        if (correct === 0) flaws.push({ field: `${at}.options`, message: `题目 "${q.id}" 没有标注正确答案（correct: true）` });
        if (q.type === 'single' && correct > 1) {
          flaws.push({
            field: `${at}.options`,
            message: `单选题 "${q.id}" 标注了 ${correct} 个正确答案，只能有一个；多个正确答案请用 type: multiple`,
          });
        }
        break;
      }
      case 'ordering':
        for (const id of duplicates(q.items.map((item) => item.id))) {
          flaws.push({ field: `${at}.items`, message: `排序题 "${q.id}" 的步骤 id "${id}" 重复` });
        }
        for (const text of duplicates(q.items.map((item) => item.text))) {
          flaws.push({ field: `${at}.items`, message: `排序题 "${q.id}" 有两个相同的步骤"${text}"，顺序无法判定` });
        }
        break;
      case 'matching':
        for (const id of duplicates(q.pairs.map((p) => p.id))) {
          flaws.push({ field: `${at}.pairs`, message: `配对题 "${q.id}" 的配对 id "${id}" 重复` });
        }
        for (const side of ['left', 'right'] as const) {
          for (const text of duplicates(q.pairs.map((p) => p[side]))) {
            flaws.push({
              field: `${at}.pairs`,
              message: `配对题 "${q.id}" 的${side === 'left' ? '左' : '右'}侧"${text}"出现两次，配对无法一一对应`,
            });
          }
        }
        break;
      case 'truefalse':
        break;
    }
  });
  return flaws;
}
