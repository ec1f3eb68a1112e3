import type { CheckedContent } from './check-content.ts';
import type { Problem } from './problem.ts';

/**
 * Rules for a finished course rather than a valid one: every outline topic is taught by some
 * lesson, and every lesson opens with objectives (front matter), closes with a summary section,
 * carries trainer notes and ends with a knowledge check.
 */
export function courseCompleteness(content: CheckedContent): Problem[] {
  const problems: Problem[] = [];
  const { course, lessons } = content;
  if (!course) return problems;
  const taught = new Set(lessons.flatMap((l) => l.meta.topics));
  for (const module of course.modules) {
    for (const topic of module.topics) {
      if (!taught.has(topic.id)) {
        problems.push({ file: 'content/course.yaml', field: `modules.${module.id}`, message: `大纲主题 ${topic.id}「${topic.title}」还没有任何课程讲授` });
      }
    }
    if (!lessons.some((l) => l.meta.module === module.id)) {
      problems.push({ file: 'content/course.yaml', field: `modules.${module.id}`, message: `模块「${module.title}」还没有课程` });
    }
  }
  for (const { file, meta, body } of lessons) {
    if (!/^## .*(小结|总结|回顾)/m.test(body)) problems.push({ file, message: '缺少以“小结”为标题的结尾部分（## 本课小结）' });
    if (!body.includes('<Notes>')) problems.push({ file, message: '缺少教师备注（<Notes> … </Notes>）' });
    const hasCheck = meta.activities.some((id) => content.activityIds.get(id)?.kind === 'quiz');
    if (!hasCheck && !meta.classActivity) problems.push({ file, field: 'activities', message: '课程末尾缺少知识检测（在 activities 中列出一个测验并用 <Quiz id="…" /> 嵌入）' });
  }
  return problems;
}
