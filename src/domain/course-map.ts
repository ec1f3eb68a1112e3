/** What the course map needs to know about a lesson. */
export interface LessonSummary {
  id: string;
  title: string;
  module: string;
  order: number;
  minutes: number;
  topics: readonly string[];
  /** Activities that must be passed before the lesson counts as completed. */
  requiredActivities: readonly string[];
  /**
   * A classroom activity (a lesson with `classActivity`): done in class with a trainer and a
   * group, so a learner on their own may skip it (`countsForCompletion`).
   */
  classOnly?: boolean;
}

/**
 * Whether a lesson is one the learner must complete to finish the course and that progress
 * counts: every lesson except a class-only activity, which a self-paced learner cannot do alone
 * and must not be held back by. The one rule behind the progress bars, "继续学习", the completion
 * rule, the HR figures and what an LMS is told.
 */
export const countsForCompletion = (lesson: Pick<LessonSummary, 'classOnly'>): boolean => lesson.classOnly !== true;

/** The lessons that count for completion, in the order given. */
export const lessonsToComplete = <L extends Pick<LessonSummary, 'classOnly'>>(lessons: readonly L[]): L[] =>
  lessons.filter(countsForCompletion);

export interface ModuleSummary {
  id: string;
  title: string;
  summary: string;
  /** The module quiz, the module's last step on the learner's path, after its last lesson. */
  quiz?: { id: string; title: string };
}

export interface ModuleMap extends ModuleSummary {
  /** 1-based position in the course. */
  number: number;
  lessons: LessonSummary[];
  minutes: number;
}

/** The course in teaching order: modules as `course.yaml` lists them, lessons by `order`. */
export interface CourseMap {
  modules: ModuleMap[];
  /** Every lesson, in course order. */
  lessons: LessonSummary[];
  minutes: number;
}

export function courseMap(modules: readonly ModuleSummary[], lessons: readonly LessonSummary[]): CourseMap {
  const mapped = modules.map((module, i): ModuleMap => {
    const own = lessons.filter((l) => l.module === module.id).sort((a, b) => a.order - b.order);
    return { ...module, number: i + 1, lessons: own, minutes: own.reduce((sum, l) => sum + l.minutes, 0) };
  });
  const ordered = mapped.flatMap((m) => m.lessons);
  return { modules: mapped, lessons: ordered, minutes: ordered.reduce((sum, l) => sum + l.minutes, 0) };
}

/** One stop on the learner's path: a lesson, or a module quiz. */
export interface CourseStep {
  kind: 'lesson' | 'quiz';
  id: string;
  title: string;
  /** The module the step belongs to. */
  module: string;
}

/** The learner's path through the course: each module's lessons in order, then its quiz. */
export function coursePath(map: CourseMap): CourseStep[] {
  return map.modules.flatMap((module): CourseStep[] => [
    ...module.lessons.map((l): CourseStep => ({ kind: 'lesson', id: l.id, title: l.title, module: module.id })),
    ...(module.quiz ? [{ kind: 'quiz' as const, id: module.quiz.id, title: module.quiz.title, module: module.id }] : []),
  ]);
}

/**
 * The steps before and after a lesson or module quiz on the learner's path, so the last lesson of
 * a module leads to its quiz and the quiz to the next module's first lesson.
 */
export function neighbours(map: CourseMap, step: Pick<CourseStep, 'kind' | 'id'>): { previous?: CourseStep; next?: CourseStep } {
  const path = coursePath(map);
  const i = path.findIndex((s) => s.kind === step.kind && s.id === step.id);
  if (i < 0) return {};
  const previous = path[i - 1];
  const next = path[i + 1];
  return { ...(previous ? { previous } : {}), ...(next ? { next } : {}) };
}

/** Outline topic id → the lessons that teach it, for "what to re-read" links. */
export function lessonsByTopic(map: CourseMap): Map<string, LessonSummary[]> {
  const byTopic = new Map<string, LessonSummary[]>();
  for (const lesson of map.lessons) {
    for (const topic of lesson.topics) byTopic.set(topic, [...(byTopic.get(topic) ?? []), lesson]);
  }
  return byTopic;
}
