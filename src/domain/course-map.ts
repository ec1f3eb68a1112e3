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
}

export interface ModuleSummary {
  id: string;
  title: string;
  summary: string;
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

/** The lessons before and after `lessonId` in course order, crossing module boundaries. */
export function neighbours(map: CourseMap, lessonId: string): { previous?: LessonSummary; next?: LessonSummary } {
  const i = map.lessons.findIndex((l) => l.id === lessonId);
  if (i < 0) return {};
  const previous = map.lessons[i - 1];
  const next = map.lessons[i + 1];
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
