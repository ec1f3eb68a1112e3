import type { Assessment } from '../schemas/assessment.ts';
import type { Classification } from '../schemas/classification.ts';
import type { PersonalityType } from '../schemas/ids.ts';
import type { Question, Quiz } from '../schemas/quiz.ts';
import type { Scenario } from '../schemas/scenario.ts';
import { rightApproach } from './classification-scoring.ts';
import { contentVersion, stableJson } from './content-version.ts';
import { courseMap, type CourseMap, type LessonSummary } from './course-map.ts';
import type { CompletionRuleInput } from './progress/reducers.ts';

/**
 * The course catalogue: the course map, the completion rule and every scored activity as the
 * build saw it. One builder (`buildCatalogue`), one file: the build emits it as `/catalogue.json`,
 * which the HR page's worker re-scores records against, `/me/` and the certificate read at build
 * time, and the SCORM packager embeds in the launch page, whose reporter and suspend-data codec
 * read it. Tests build it from the content files with the same function.
 *
 * Each activity carries its authored `data`, exactly as its island receives it (so `version`
 * matches what the island records in attempts), and the ids in authored order that the SCORM
 * codec turns into indices and the interaction report into responses. Activities are sorted by
 * id, so the same content always gives the same indices.
 */
export interface Catalogue {
  course: CatalogueCourse;
  rule: CompletionRuleInput;
  map: CourseMap;
  activities: CatalogueActivity[];
}

export interface CatalogueCourse {
  id: string;
  title: string;
  /** The course's one-paragraph description (course.yaml), for LMS packages that show it. */
  description?: string;
  /** `courseContentVersion` of every scored activity: what a completion record carries. */
  contentVersion: string;
}

/** A quiz question, reduced to what scoring-free reporting needs. */
export type QuestionSpec =
  | { id: string; type: 'single' | 'multiple'; prompt: string; options: { id: string; correct: boolean }[] }
  | { id: string; type: 'truefalse'; prompt: string; answer: boolean }
  | { id: string; type: 'ordering'; prompt: string; items: string[] }
  | { id: string; type: 'matching'; prompt: string; pairs: string[] };

interface ActivityBase {
  id: string;
  title: string;
  /** `contentVersion(data)`, exactly as the activity's island computes it. */
  version: string;
}

export type CatalogueActivity =
  | (ActivityBase & { kind: 'quiz'; data: Quiz; questions: QuestionSpec[] })
  | (ActivityBase & {
      kind: 'classification';
      data: Classification;
      items: { id: string; situation: string; type: PersonalityType; options: string[]; right: string | null }[];
    })
  | (ActivityBase & { kind: 'assessment'; data: Assessment; items: { id: string; statement: string }[] })
  | (ActivityBase & {
      kind: 'scenario';
      data: Scenario;
      start: string;
      nodes: { id: string; say: string; choices: { id: string; verdict: 'good' | 'mixed' | 'poor' }[] }[];
      endings: string[];
    });

export type CatalogueKind = CatalogueActivity['kind'];

/** A module's quiz is the knowledge check named `module-<module id>`. */
export const moduleQuizId = (moduleId: string) => `module-${moduleId}`;

/** A lesson's own knowledge check is the quiz named `kc-<lesson id>`. */
export const lessonCheckId = (lessonId: string) => `kc-${lessonId}`;

/** A hash over every scored activity's version: changes when any activity changes, and only then. */
export function courseContentVersion(activities: readonly Pick<CatalogueActivity, 'id' | 'version'>[]): string {
  const pairs = activities.map((a) => [a.id, a.version]).sort(([a = ''], [b = '']) => (a < b ? -1 : a > b ? 1 : 0));
  return contentVersion(pairs);
}

/** Interaction descriptions are short, on one line: the LMS shows them in a report column, not the whole prompt. */
export const DESCRIPTION_CHARS = 120;
function short(text: string): string {
  const line = text.replace(/\s+/g, ' ').replace(/^\{/, '(').trim();
  return line.length > DESCRIPTION_CHARS ? `${line.slice(0, DESCRIPTION_CHARS - 1)}…` : line;
}

function questionSpec(q: Question): QuestionSpec {
  switch (q.type) {
    case 'single':
    case 'multiple':
      return { id: q.id, type: q.type, prompt: short(q.prompt), options: q.options.map((o) => ({ id: o.id, correct: o.correct })) };
    case 'truefalse':
      return { id: q.id, type: 'truefalse', prompt: short(q.prompt), answer: q.answer };
    case 'ordering':
      return { id: q.id, type: 'ordering', prompt: short(q.prompt), items: q.items.map((i) => i.id) };
    case 'matching':
      return { id: q.id, type: 'matching', prompt: short(q.prompt), pairs: q.pairs.map((p) => p.id) };
  }
}

const quizEntry = (data: Quiz): CatalogueActivity => ({
  kind: 'quiz',
  id: data.id,
  title: data.title,
  version: contentVersion(data),
  data,
  questions: data.questions.map(questionSpec),
});

const classificationEntry = (data: Classification): CatalogueActivity => ({
  kind: 'classification',
  id: data.id,
  title: data.title,
  version: contentVersion(data),
  data,
  items: data.items.map((item) => ({
    id: item.id,
    situation: short(item.situation),
    type: item.type,
    options: item.options.map((o) => o.id),
    right: rightApproach(item)?.id ?? null,
  })),
});

const assessmentEntry = (data: Assessment): CatalogueActivity => ({
  kind: 'assessment',
  id: data.id,
  title: data.title,
  version: contentVersion(data),
  data,
  items: data.items.map((i) => ({ id: i.id, statement: short(i.statement) })),
});

const scenarioEntry = (data: Scenario): CatalogueActivity => ({
  kind: 'scenario',
  id: data.id,
  title: data.title,
  version: contentVersion(data),
  data,
  start: data.start,
  nodes: data.nodes.map((n) => ({ id: n.id, say: short(n.say), choices: n.choices.map((c) => ({ id: c.id, verdict: c.verdict })) })),
  endings: data.endings.map((e) => e.id),
});

/** What the catalogue is built from: the validated content, however it was read. */
export interface CatalogueSources {
  course: {
    id: string;
    title: string;
    description?: string;
    modules: readonly { id: string; title: string; summary: string }[];
    completion: CompletionRuleInput;
  };
  /** Lessons as authored: a lesson with `classActivity` becomes class-only on the map. */
  lessons: readonly (Omit<LessonSummary, 'classOnly'> & { classActivity?: { minutes: number } | undefined })[];
  quizzes: readonly Quiz[];
  classifications: readonly Classification[];
  assessments: readonly Assessment[];
  scenarios: readonly Scenario[];
}

export function buildCatalogue(sources: CatalogueSources): Catalogue {
  const quizTitles = new Map(sources.quizzes.map((q) => [q.id, q.title]));
  const map = courseMap(
    sources.course.modules.map(({ id, title, summary }) => {
      const quiz = moduleQuizId(id);
      const quizTitle = quizTitles.get(quiz);
      return quizTitle === undefined ? { id, title, summary } : { id, title, summary, quiz: { id: quiz, title: quizTitle } };
    }),
    sources.lessons.map((l) => ({
      id: l.id,
      title: l.title,
      module: l.module,
      order: l.order,
      minutes: l.minutes,
      topics: l.topics,
      requiredActivities: l.requiredActivities,
      ...(l.classActivity ? { classOnly: true } : {}),
    })),
  );
  const activities = [
    ...sources.quizzes.map(quizEntry),
    ...sources.classifications.map(classificationEntry),
    ...sources.assessments.map(assessmentEntry),
    ...sources.scenarios.map(scenarioEntry),
  ].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const { id, title, description, completion } = sources.course;
  return {
    course: { id, title, ...(description ? { description } : {}), contentVersion: courseContentVersion(activities) },
    rule: { allLessons: completion.allLessons, requiredActivities: [...completion.requiredActivities] },
    map,
    activities,
  };
}

/** Activity id → catalogue entry. */
export const activityIndex = (catalogue: Catalogue): Map<string, CatalogueActivity> => new Map(catalogue.activities.map((a) => [a.id, a]));

/** The activity with this id, if the catalogue has it. */
export const catalogueActivity = (catalogue: Catalogue, id: string): CatalogueActivity | undefined =>
  catalogue.activities.find((a) => a.id === id);

/**
 * Fingerprints of the catalogue, as 32-bit numbers. `shape` covers the lesson and activity lists
 * (what the suspend data's lesson and activity indices point into); `structure` covers every id
 * inside the activities too (what encoded answers point into). A package built from changed
 * content reads an older package's suspend data only as far as these still agree.
 */
export function catalogueFingerprints(catalogue: Catalogue): { shape: number; structure: number } {
  const shape = stableJson([catalogue.map.lessons.map((l) => l.id), catalogue.activities.map((a) => [a.kind, a.id])]);
  const structure = stableJson(catalogue.activities.map(structureOf));
  return { shape: hash32(shape), structure: hash32(structure) };
}

function structureOf(a: CatalogueActivity): unknown {
  switch (a.kind) {
    case 'quiz':
      return [
        a.id,
        a.questions.map((q) => [
          q.id,
          q.type,
          'options' in q ? q.options.map((o) => o.id) : 'items' in q ? q.items : 'pairs' in q ? q.pairs : [],
        ]),
      ];
    case 'classification':
      return [a.id, a.items.map((i) => [i.id, i.options])];
    case 'assessment':
      return [a.id, a.items.map((i) => i.id)];
    case 'scenario':
      return [a.id, a.nodes.map((n) => [n.id, n.choices.map((c) => c.id)]), a.endings];
  }
}

/** The first 32 bits of `contentVersion` (FNV-1a 64), enough to tell two catalogues apart. */
const hash32 = (text: string): number => parseInt(contentVersion(text).slice(0, 8), 16);
