import { getCollection, getEntry, render } from 'astro:content';
import type { MDXContent, MDXInstance } from 'astro';
import { parse } from 'yaml';
import { toClassRoleplay, type ClassRoleplay } from '../domain/present/class-roleplay.ts';
import type { ModuleMap } from '../domain/course-map.ts';
import { lessonSchema, type LessonMeta } from '../schemas/lesson.ts';
import { loadCourseMap } from './course.ts';

/** One lesson inside a presentation: its front matter and its MDX, rendered later by the page. */
export interface PresentedLesson {
  meta: LessonMeta;
  /** The module the lesson belongs to (absent for a fixture whose module has no lessons). */
  module: ModuleMap | undefined;
  /** Whether the author placed a `<ClassTimer>` in the body; if not, a class activity gets one at the end. */
  placesTimer: boolean;
  content: () => Promise<MDXContent>;
}

/**
 * A deck a trainer can present: one lesson, or a whole module lesson after lesson. No copy of
 * any content: the slides are the lessons' own MDX, rendered with class-mode components.
 */
export interface Presentation {
  /** Names the BroadcastChannel its windows share: the URL path under `/present/`. */
  id: string;
  title: string;
  /** Where Esc leaves to. */
  leaveUrl: string;
  /** Set for a module deck: it opens with a module title slide. */
  module?: ModuleMap;
  lessons: PresentedLesson[];
}

const base = import.meta.env.BASE_URL;
const TIMER = /<ClassTimer[\s/>]/;

/** Every presentation the site offers: each lesson, each module with lessons, and the test fixtures. */
export async function loadPresentations(): Promise<Presentation[]> {
  const [map, entries] = await Promise.all([loadCourseMap(), getCollection('lessons')]);
  const byId = new Map(
    entries.map((entry): [string, PresentedLesson] => [
      entry.data.id,
      {
        meta: entry.data,
        module: map.modules.find((m) => m.id === entry.data.module),
        placesTimer: TIMER.test(entry.body ?? ''),
        content: async () => (await render(entry)).Content as MDXContent,
      },
    ]),
  );
  const lessons = map.lessons.flatMap((l) => byId.get(l.id) ?? []);
  const lessonDecks = lessons.map((lesson): Presentation => ({
    id: lesson.meta.id,
    title: lesson.meta.title,
    leaveUrl: `${base}lessons/${lesson.meta.id}/`,
    lessons: [lesson],
  }));
  const moduleDecks = map.modules
    .filter((module) => module.lessons.length > 0)
    .map((module): Presentation => ({
      id: `module/${module.id}`,
      title: module.title,
      leaveUrl: base,
      module,
      lessons: module.lessons.flatMap((l) => byId.get(l.id) ?? []),
    }));
  return [...lessonDecks, ...moduleDecks, ...fixtureDecks(map.modules)];
}

// Test fixtures: a presentation with a role-play and a class timer, so the e2e tests can drive
// both before the course has a lesson that embeds a real scenario. Built into the site at
// /present/fixture/…/, linked from nowhere. Delete the folder once real scenarios are embedded.
const fixtureLessons = import.meta.glob<MDXInstance<Record<string, unknown>>>('/tests/fixtures/present/*.mdx', { eager: true });
const fixtureSources = import.meta.glob<string>('/tests/fixtures/present/*.mdx', { eager: true, query: '?raw', import: 'default' });
const fixtureScenarios = import.meta.glob<string>('/tests/fixtures/present/*.yaml', { eager: true, query: '?raw', import: 'default' });

function fixtureDecks(modules: readonly ModuleMap[]): Presentation[] {
  return Object.entries(fixtureLessons).map(([file, instance]) => {
    const meta = lessonSchema.parse(instance.frontmatter);
    return {
      id: `fixture/${meta.id.replace(/^fixture-/, '')}`,
      title: meta.title,
      leaveUrl: base,
      lessons: [
        {
          meta,
          module: modules.find((m) => m.id === meta.module),
          placesTimer: TIMER.test(fixtureSources[file] ?? ''),
          content: async () => instance.default as MDXContent,
        },
      ],
    };
  });
}

/** The class form of a scenario, or undefined when it has no conversation to run in class. */
export async function loadClassRoleplay(id: string): Promise<{ title: string; situation: string; roleplay?: ClassRoleplay } | undefined> {
  const entry = await getEntry('scenarios', id);
  const data: unknown =
    entry?.data ??
    Object.values(fixtureScenarios)
      .map((raw) => parse(raw) as unknown)
      .find((d) => (d as { id?: unknown } | null)?.id === id);
  if (!data) return undefined;
  const roleplay = toClassRoleplay(data);
  const { title, situation } = data as { title?: string; situation?: string };
  return { title: title ?? id, situation: situation ?? '', ...(roleplay ? { roleplay } : {}) };
}
