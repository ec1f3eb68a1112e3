import type { LessonOutline } from '../slides/lesson-outline.ts';
import type { CheckedContent } from './check-content.ts';
import type { Problem } from './problem.ts';

/** A lesson takes a learner on their own 5–15 minutes (issue 6); a longer one should be split. */
const LESSON_MINUTES = { min: 5, max: 15 };
/**
 * What each practice activity (role-play, classification set, self-assessment) may add on top:
 * practice takes the time it takes, and an honest `minutes` counts it rather than hiding it.
 */
const PRACTICE_MINUTES = 10;
/** A lesson's knowledge check asks 3–6 questions: enough to cover its topics, short enough to end a lesson. */
const CHECK_QUESTIONS = { min: 3, max: 6 };

/**
 * Rules for a finished course rather than a valid one: every outline topic is taught by some
 * lesson, and every lesson opens with objectives (front matter), closes with a summary section,
 * carries trainer notes, takes 5–15 minutes (plus up to 10 for each practice activity) and ends
 * with a knowledge check of 3–6 questions. In a teaching lesson every `## ` section (a slide in
 * class) has its own notes; a class-activity lesson (outline 8.5) has no knowledge check, and
 * some of its sections are for self-study or the trainer's preparation rather than for the
 * projector, so it only needs notes somewhere. No lesson writes text after an embedded activity
 * before the next heading: in class it would be a slide without a heading or notes.
 */
/** How many characters of stray text a message quotes. */
const QUOTE = 20;

/**
 * Text that follows an embedded activity before the next `## ` heading, per heading (undefined:
 * before the first): the slides pass gives it a slide of its own, with no heading and no notes.
 */
function textAfterActivities(outline: LessonOutline, body: string): Map<string | undefined, string> {
  const stray = new Map<string | undefined, string>();
  let heading: string | undefined;
  for (const section of outline.sections) {
    if (section.heading !== undefined) heading = section.heading;
    if (section.kind !== 'section' || section.heading !== undefined || !section.source) continue;
    const text = body.slice(section.source.start, section.source.end);
    stray.set(heading, [stray.get(heading), text].filter(Boolean).join(' '));
  }
  return stray;
}

const quote = (text: string) => {
  const words = text.trim().replace(/\s+/g, ' ');
  return words.length > QUOTE ? `${words.slice(0, QUOTE)}…` : words;
};

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
  for (const { file, meta, body, outline } of lessons) {
    // A body that does not parse is reported by the build's checks; there is nothing to read here.
    if (!outline) continue;
    const { sections } = outline;
    if (!sections.some((s) => /(小结|总结|回顾)/.test(s.heading ?? ''))) problems.push({ file, message: '缺少以“小结”为标题的结尾部分（## 本课小结）' });
    const hasNotes = sections.some((s) => s.notes.length > 0);
    if (!hasNotes) problems.push({ file, message: '缺少教师备注（<Notes> … </Notes>）' });
    const hasCheck = meta.activities.some((id) => content.activityIds.get(id)?.kind === 'quiz');
    if (!hasCheck && !meta.classActivity) problems.push({ file, field: 'activities', message: '课程末尾缺少知识检测（在 activities 中列出一个测验并用 <Quiz id="…" /> 嵌入）' });
    // A knowledge check has a question count; a practice activity has none.
    const practice = meta.activities.filter((id) => {
      const activity = content.activityIds.get(id);
      return activity !== undefined && activity.questions === undefined;
    }).length;
    const maxMinutes = LESSON_MINUTES.max + practice * PRACTICE_MINUTES;
    if (meta.minutes < LESSON_MINUTES.min || meta.minutes > maxMinutes) {
      const range = `${LESSON_MINUTES.min}–${maxMinutes}`;
      problems.push({
        file,
        field: 'minutes',
        message:
          practice === 0
            ? `自学时长写的是 ${meta.minutes} 分钟，每课应在 ${range} 分钟之间（内容太多就拆成两课，太少就并入相邻的课）`
            : `自学时长写的是 ${meta.minutes} 分钟，这一课连同 ${practice} 个练习活动（每个最多加 ${PRACTICE_MINUTES} 分钟）应在 ${range} 分钟之间（内容太多就拆成两课，太少就并入相邻的课）`,
      });
    }
    meta.activities.forEach((id, i) => {
      const questions = content.activityIds.get(id)?.questions;
      if (questions !== undefined && (questions < CHECK_QUESTIONS.min || questions > CHECK_QUESTIONS.max)) {
        problems.push({
          file,
          field: `activities[${i}]`,
          message: `知识检测 "${id}" 有 ${questions} 道题，每课的知识检测应为 ${CHECK_QUESTIONS.min}–${CHECK_QUESTIONS.max} 道题`,
        });
      }
    });
    for (const [heading, text] of textAfterActivities(outline, body)) {
      problems.push({
        file,
        ...(heading === undefined ? {} : { field: `## ${heading}` }),
        message: `嵌入的活动后面、下一个 ## 小标题之前还有正文（“${quote(text)}”）：课堂演示时它会单独成为一张没有标题、没有备注的幻灯片。请把它移到活动前面，或给它一个自己的 ## 小节和 <Notes>`,
      });
    }
    if (hasNotes && !meta.classActivity) {
      for (const { heading, notes } of sections) {
        if (heading !== undefined && notes.length === 0) {
          problems.push({
            file,
            field: `## ${heading}`,
            message: '这一节没有教师备注：教学课的每个 ## 小节在课堂上是一张幻灯片，都要有自己的 <Notes>（课堂活动课不受此限）',
          });
        }
      }
    }
  }
  return problems;
}
