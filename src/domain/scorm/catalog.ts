import type { Assessment } from '../../schemas/assessment.ts';
import { rightApproach } from '../classification-scoring.ts';
import type { Classification } from '../../schemas/classification.ts';
import type { CompletionRule } from '../../schemas/course.ts';
import type { PersonalityType } from '../../schemas/ids.ts';
import type { Question, Quiz } from '../../schemas/quiz.ts';
import type { Scenario } from '../../schemas/scenario.ts';
import { contentVersion, stableJson } from '../content-version.ts';
import type { CourseMap } from '../course-map.ts';

/**
 * What the LMS launch page knows about the course: the course map and completion rule, and, for
 * every activity, the ids (in authored order) that the suspend-data codec turns into indices and
 * the interaction report turns into SCORM responses. Built by the packager from the validated
 * content and embedded in the package's launch page as JSON; never shipped to the website.
 *
 * Activities are listed sorted by id, so the same content always gives the same indices.
 */
export interface ScormCatalog {
  courseId: string;
  title: string;
  completion: CompletionRule;
  map: CourseMap;
  activities: ActivitySpec[];
}

/** A knowledge check or module quiz question, reduced to what scoring-free reporting needs. */
export type QuestionSpec =
  | { id: string; type: 'single' | 'multiple'; prompt: string; options: { id: string; correct: boolean }[] }
  | { id: string; type: 'truefalse'; prompt: string; answer: boolean }
  | { id: string; type: 'ordering'; prompt: string; items: string[] }
  | { id: string; type: 'matching'; prompt: string; pairs: string[] };

interface SpecBase {
  id: string;
  /** `contentVersion()` of the activity, as the islands record it in attempts. */
  version: string;
  title: string;
}

export type ActivitySpec =
  | (SpecBase & { kind: 'quiz'; questions: QuestionSpec[] })
  | (SpecBase & {
      kind: 'classification';
      items: { id: string; situation: string; type: PersonalityType; options: string[]; right: string | null }[];
    })
  | (SpecBase & { kind: 'assessment'; items: { id: string; statement: string }[] })
  | (SpecBase & {
      kind: 'scenario';
      start: string;
      nodes: { id: string; say: string; choices: { id: string; verdict: 'good' | 'mixed' | 'poor' }[] }[];
      endings: string[];
    });

export type ActivitySpecKind = ActivitySpec['kind'];

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

export interface CatalogSources {
  course: { id: string; title: string; completion: CompletionRule };
  map: CourseMap;
  quizzes: readonly Quiz[];
  classifications: readonly Classification[];
  assessments: readonly Assessment[];
  scenarios: readonly Scenario[];
}

export function buildCatalog(sources: CatalogSources): ScormCatalog {
  const activities: ActivitySpec[] = [
    ...sources.quizzes.map((quiz): ActivitySpec => ({
      kind: 'quiz',
      id: quiz.id,
      version: contentVersion(quiz),
      title: quiz.title,
      questions: quiz.questions.map(questionSpec),
    })),
    ...sources.classifications.map((set): ActivitySpec => ({
      kind: 'classification',
      id: set.id,
      version: contentVersion(set),
      title: set.title,
      items: set.items.map((item) => ({
        id: item.id,
        situation: short(item.situation),
        type: item.type,
        options: item.options.map((o) => o.id),
        right: rightApproach(item)?.id ?? null,
      })),
    })),
    ...sources.assessments.map((a): ActivitySpec => ({
      kind: 'assessment',
      id: a.id,
      version: contentVersion(a),
      title: a.title,
      items: a.items.map((i) => ({ id: i.id, statement: short(i.statement) })),
    })),
    ...sources.scenarios.map((s): ActivitySpec => ({
      kind: 'scenario',
      id: s.id,
      version: contentVersion(s),
      title: s.title,
      start: s.start,
      nodes: s.nodes.map((n) => ({ id: n.id, say: short(n.say), choices: n.choices.map((c) => ({ id: c.id, verdict: c.verdict })) })),
      endings: s.endings.map((e) => e.id),
    })),
  ].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { courseId: sources.course.id, title: sources.course.title, completion: sources.course.completion, map: sources.map, activities };
}

/** The activity with this id, if the catalog has it. */
export const activitySpec = (catalog: ScormCatalog, id: string): ActivitySpec | undefined => catalog.activities.find((a) => a.id === id);

/**
 * Fingerprints of the catalog, as 32-bit numbers. `shape` covers the lesson and activity lists
 * (what the suspend data's lesson and activity indices point into); `structure` covers every id
 * inside the activities too (what encoded answers point into). A package built from changed
 * content reads an older package's suspend data only as far as these still agree.
 */
export function catalogFingerprints(catalog: ScormCatalog): { shape: number; structure: number } {
  const shape = stableJson([catalog.map.lessons.map((l) => l.id), catalog.activities.map((a) => [a.kind, a.id])]);
  const structure = stableJson(catalog.activities.map(structureOf));
  return { shape: hash32(shape), structure: hash32(structure) };
}

function structureOf(a: ActivitySpec): unknown {
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

/** The first 32 bits of `contentVersion` (FNV-1a 64), enough to tell two catalogs apart. */
const hash32 = (text: string): number => parseInt(contentVersion(text).slice(0, 8), 16);
