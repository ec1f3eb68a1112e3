import type { z } from 'zod';
import { assessmentFlaws } from '../../domain/assessment-integrity.ts';
import { classificationFlaws } from '../../domain/classification-integrity.ts';
import { quizFlaws } from '../../domain/quiz-integrity.ts';
import { validateScenario } from '../../domain/scenario/validate.ts';
import { assessmentSchema, type Assessment } from '../../schemas/assessment.ts';
import { classificationSchema, type Classification } from '../../schemas/classification.ts';
import { courseSchema, type Course } from '../../schemas/course.ts';
import { jobAidSchema } from '../../schemas/job-aid.ts';
import { lessonSchema, type LessonMeta } from '../../schemas/lesson.ts';
import { quizSchema, type Quiz } from '../../schemas/quiz.ts';
import { scenarioSchema, type Scenario } from '../../schemas/scenario.ts';
import { lessonOutline, type LessonOutline } from '../slides/lesson-outline.ts';
import type { Problem } from './problem.ts';
import type { RawContent, RawFile } from './read-content.ts';
import { activityNarrationProblems, glossaryNarrationProblems, lessonNarrationProblems } from './source-narration.ts';
import { zodProblems } from './zod-issues.ts';

/** The content once every file has passed its schema. */
export interface CheckedContent {
  course: Course | undefined;
  /** Each lesson with its outline: its sections as the slides pass cuts them (undefined if its MDX does not parse). */
  lessons: { file: string; meta: LessonMeta; body: string; outline: LessonOutline | undefined }[];
  /** Every activity by id; `questions` is set for a quiz file (not a classification set). */
  activityIds: Map<string, { kind: 'quiz' | 'assessment' | 'scenario'; file: string; questions?: number }>;
  /** Every activity that passed its schema, as parsed: what `buildCatalogue` takes. */
  quizzes: Quiz[];
  classifications: Classification[];
  assessments: Assessment[];
  scenarios: Scenario[];
}

function validate<S extends z.ZodType>(schema: S, raw: RawFile, problems: Problem[]): z.infer<S> | undefined {
  const result = schema.safeParse(raw.data);
  if (result.success) return result.data;
  problems.push(...zodProblems(raw.file, result.error, raw.data));
  return undefined;
}

const fileStem = (file: string) => file.replace(/^.*\//, '').replace(/\.[^.]+$/, '');

/**
 * Validates every authored file against its schema, then the rules that span files: modules and
 * topics exist, ids are unique, every activity a lesson or the course names exists.
 */
export function checkContent(content: RawContent): { problems: Problem[]; checked: CheckedContent } {
  const problems: Problem[] = [];
  const course = content.course ? validate(courseSchema, content.course, problems) : undefined;
  const courseFile = content.course?.file ?? 'content/course.yaml';

  const activityIds: CheckedContent['activityIds'] = new Map();
  const addActivity = (kind: 'quiz' | 'assessment' | 'scenario', id: string, file: string, questions?: number) => {
    const earlier = activityIds.get(id);
    if (earlier) problems.push({ file, field: 'id', message: `活动 id "${id}" 已被 ${earlier.file} 使用` });
    else activityIds.set(id, { kind, file, ...(questions === undefined ? {} : { questions }) });
    if (fileStem(file) !== id) problems.push({ file, field: 'id', message: `id "${id}" 应与文件名 ${fileStem(file)}.yaml 一致` });
  };
  const modules = new Map(course?.modules.map((m) => [m.id, m]) ?? []);
  const topics = new Set(course?.modules.flatMap((m) => m.topics.map((t) => t.id)) ?? []);

  const quizzes: Quiz[] = [];
  const classifications: Classification[] = [];
  const assessments: Assessment[] = [];
  const scenarios: Scenario[] = [];
  for (const raw of content.quizzes) {
    const quiz = validate(quizSchema, raw, problems);
    if (!quiz) continue;
    problems.push(...activityNarrationProblems(raw.file, raw.data));
    quizzes.push(quiz);
    addActivity('quiz', quiz.id, raw.file, quiz.questions.length);
    problems.push(...quizFlaws(quiz).map((f) => ({ file: raw.file, ...f })));
    if (course) {
      quiz.questions.forEach((q, i) => {
        if (!topics.has(q.topic)) {
          problems.push({ file: raw.file, field: `questions[${i}].topic`, message: `"${q.topic}" 不是课程大纲中的主题编号（见 course.yaml 各模块的 topics）` });
        }
      });
    }
  }
  // Classification sets are quizzes to the learner and the progress log: same page, same <Quiz> tag.
  for (const raw of content.classifications) {
    const set = validate(classificationSchema, raw, problems);
    if (!set) continue;
    problems.push(...activityNarrationProblems(raw.file, raw.data));
    classifications.push(set);
    addActivity('quiz', set.id, raw.file);
    problems.push(...classificationFlaws(set).map((f) => ({ file: raw.file, ...f })));
  }
  for (const raw of content.assessments) {
    const assessment = validate(assessmentSchema, raw, problems);
    if (!assessment) continue;
    problems.push(...activityNarrationProblems(raw.file, raw.data));
    assessments.push(assessment);
    addActivity('assessment', assessment.id, raw.file);
    problems.push(...assessmentFlaws(assessment).map((f) => ({ file: raw.file, ...f })));
  }
  for (const raw of content.scenarios) {
    const scenario = validate(scenarioSchema, raw, problems);
    if (!scenario) continue;
    problems.push(...activityNarrationProblems(raw.file, raw.data));
    scenarios.push(scenario);
    addActivity('scenario', scenario.id, raw.file);
    problems.push(...validateScenario(scenario).map(({ field, message }) => ({ file: raw.file, field, message })));
  }

  // A file that fails its schema is reported once, above; lessons naming its id are not blamed too.
  const claimedIds = new Set(
    [...content.quizzes, ...content.classifications, ...content.assessments, ...content.scenarios]
      .map((raw) => (raw.data as { id?: unknown } | null)?.id)
      .filter((id): id is string => typeof id === 'string'),
  );
  const missing = (id: string) => !activityIds.has(id) && !claimedIds.has(id);

  const lessons: CheckedContent['lessons'] = [];
  const lessonIds = new Map<string, string>();
  const orders = new Map<string, string>();
  for (const raw of content.lessons) {
    const meta = validate(lessonSchema, raw, problems);
    if (!meta) continue;
    const at = (field: string, message: string) => problems.push({ file: raw.file, field, message });
    const earlier = lessonIds.get(meta.id);
    if (earlier) at('id', `课程 id "${meta.id}" 已被 ${earlier} 使用`);
    lessonIds.set(meta.id, raw.file);
    if (course) {
      if (!modules.has(meta.module)) {
        at('module', `模块 "${meta.module}" 不在 course.yaml 中（现有模块：${[...modules.keys()].join('、')}）`);
      } else if (!raw.file.startsWith(`content/lessons/${meta.module}/`)) {
        at('module', `文件应放在 content/lessons/${meta.module}/ 目录下`);
      }
      meta.topics.forEach((topic, i) => {
        if (!topics.has(topic)) at(`topics[${i}]`, `"${topic}" 不是课程大纲中的主题编号（见 course.yaml 各模块的 topics）`);
      });
    }
    const slot = `${meta.module}#${meta.order}`;
    const sameOrder = orders.get(slot);
    if (sameOrder) at('order', `与 ${sameOrder} 的 order 相同（${meta.order}），同一模块内的顺序不能重复`);
    orders.set(slot, raw.file);
    meta.activities.forEach((id, i) => {
      if (missing(id)) at(`activities[${i}]`, `找不到活动 "${id}"（content/quizzes、assessments 或 scenarios 中没有这个 id）`);
    });
    problems.push(...lessonNarrationProblems(raw.file, meta, raw.body, raw.bodyLine));
    const read = lessonOutline(raw.body);
    if (!read.ok) {
      const line = read.line === undefined ? '' : `第 ${raw.bodyLine + read.line - 1} 行：`;
      problems.push({ file: raw.file, message: `正文的 MDX 无法解析（${line}${read.reason}）` });
    }
    const outline = read.ok ? read.outline : undefined;
    for (const { id } of outline?.embeds ?? []) {
      if (!meta.activities.includes(id)) at('activities', `正文嵌入了 "${id}"，但 front matter 的 activities 没有列出它`);
    }
    lessons.push({ file: raw.file, meta, body: raw.body, outline });
  }

  checkJobAids(content.jobAids, new Set(lessonIds.keys()), new Set(classifications.map((c) => c.id)), problems);
  if (content.glossary) problems.push(...glossaryNarrationProblems(content.glossary.file, content.glossary.data));

  course?.completion.requiredActivities.forEach((id, i) => {
    if (missing(id)) {
      problems.push({ file: courseFile, field: `completion.requiredActivities[${i}]`, message: `找不到活动 "${id}"` });
    }
  });

  return { problems, checked: { course, lessons, activityIds, quizzes, classifications, assessments, scenarios } };
}

/** Job aids: each passes its schema, its id is its file name, and the lessons and sets it names exist. */
function checkJobAids(files: RawFile[], lessonIds: Set<string>, setIds: Set<string>, problems: Problem[]): void {
  const seen = new Map<string, string>();
  for (const raw of files) {
    const aid = validate(jobAidSchema, raw, problems);
    if (!aid) continue;
    const at = (field: string, message: string) => problems.push({ file: raw.file, field, message });
    const earlier = seen.get(aid.id);
    if (earlier) at('id', `工作卡 id "${aid.id}" 已被 ${earlier} 使用`);
    seen.set(aid.id, raw.file);
    if (fileStem(raw.file) !== aid.id) at('id', `id "${aid.id}" 应与文件名 ${fileStem(raw.file)}.yaml 一致`);
    problems.push(...activityNarrationProblems(raw.file, raw.data));
    aid.lessons.forEach((id, i) => {
      if (!lessonIds.has(id)) at(`lessons[${i}]`, `找不到课程 "${id}"（content/lessons 中没有这个 id）`);
    });
    aid.blocks.forEach((block, i) => {
      if (block.kind === 'personality-types' && !setIds.has(block.set)) {
        at(`blocks[${i}].set`, `找不到性格分类练习 "${block.set}"（content/classifications 中没有这个 id）`);
      }
    });
  }
}
