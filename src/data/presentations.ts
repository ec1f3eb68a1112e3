import { getCollection, render } from 'astro:content';
import type { MDXContent } from 'astro';
import type { ModuleMap } from '../domain/course-map.ts';
import { notesMinutes } from '../domain/present/note-timing.ts';
import { lessonOutline } from '../integrations/slides/lesson-outline.ts';
import type { LessonMeta } from '../schemas/lesson.ts';
import { loadCourseMap } from './course.ts';

/** One lesson inside a presentation: its front matter and its MDX, rendered later by the page. */
export interface PresentedLesson {
  meta: LessonMeta;
  /** The module the lesson belongs to (absent only if the course map does not list it). */
  module: ModuleMap | undefined;
  /** Whether the author placed a `<ClassTimer>` in the body; if not, a class activity gets one at the end. */
  placesTimer: boolean;
  /** The minutes its trainer notes state in all ("约 3 分钟" each), or undefined when they state none. */
  notedMinutes: number | undefined;
  content: () => Promise<MDXContent>;
}

/**
 * A presentation a trainer can present: one lesson, or a whole module lesson after lesson. No copy of
 * any content: the slides are the lessons' own MDX, rendered with class-mode components.
 */
export interface Presentation {
  /** Names the BroadcastChannel its windows share: the URL path under `/present/`. */
  id: string;
  title: string;
  /** Where Esc leaves to. */
  leaveUrl: string;
  /** Set for a module presentation: it opens with a module title slide. */
  module?: ModuleMap;
  lessons: PresentedLesson[];
}

const base = import.meta.env.BASE_URL;

/** What the slides pass makes of a lesson: whether it places a timer, and the minutes its notes state. */
function plan(body: string): Pick<PresentedLesson, 'placesTimer' | 'notedMinutes'> {
  const read = lessonOutline(body);
  // The build's content checks have stopped on a body that does not parse.
  const sections = read.ok ? read.outline.sections : [];
  return {
    placesTimer: sections.some((s) => s.activity?.component === 'ClassTimer'),
    notedMinutes: notesMinutes(sections.flatMap((s) => s.notes)),
  };
}

/** Every presentation the site offers: each lesson, and each module with lessons. */
export async function loadPresentations(): Promise<Presentation[]> {
  const [map, entries] = await Promise.all([loadCourseMap(), getCollection('lessons')]);
  const byId = new Map(
    entries.map((entry): [string, PresentedLesson] => [
      entry.data.id,
      {
        meta: entry.data,
        module: map.modules.find((m) => m.id === entry.data.module),
        ...plan(entry.body ?? ''),
        content: async () => (await render(entry)).Content as MDXContent,
      },
    ]),
  );
  const lessons = map.lessons.flatMap((l) => byId.get(l.id) ?? []);
  const lessonPresentations = lessons.map((lesson): Presentation => ({
    id: lesson.meta.id,
    title: lesson.meta.title,
    leaveUrl: `${base}lessons/${lesson.meta.id}/`,
    lessons: [lesson],
  }));
  const modulePresentations = map.modules
    .filter((module) => module.lessons.length > 0)
    .map((module): Presentation => ({
      id: `module/${module.id}`,
      title: module.title,
      leaveUrl: base,
      module,
      lessons: module.lessons.flatMap((l) => byId.get(l.id) ?? []),
    }));
  return [...lessonPresentations, ...modulePresentations];
}
