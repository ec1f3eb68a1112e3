import type { Assessment } from '../../schemas/assessment.ts';
import type { Classification } from '../../schemas/classification.ts';
import type { Quiz } from '../../schemas/quiz.ts';
import type { Scenario } from '../../schemas/scenario.ts';
import { contentVersion } from '../content-version.ts';
import type { CourseMap } from '../course-map.ts';
import type { CompletionRuleInput } from '../progress/reducers.ts';
import type { RecordCourse } from './format.ts';

/**
 * Everything the HR page needs to re-score records: the course map, the completion rule and every
 * scored activity with the same data and `contentVersion` the learner's island had. Built once
 * at build time (`/hr/activities.json`) and, in tests and the benchmark, from the content files.
 */

interface ActivityBase {
  id: string;
  title: string;
  /** `contentVersion(data)`, exactly as the activity's island computed it. */
  version: string;
}

export type CatalogueActivity =
  | (ActivityBase & { kind: 'quiz'; data: Quiz })
  | (ActivityBase & { kind: 'classification'; data: Classification })
  | (ActivityBase & { kind: 'assessment'; data: Assessment })
  | (ActivityBase & { kind: 'scenario'; data: Scenario });

export type CatalogueKind = CatalogueActivity['kind'];

export interface Catalogue {
  course: RecordCourse;
  rule: CompletionRuleInput;
  map: CourseMap;
  /** Quizzes, the classification set, assessments, scenarios: in that order, each by id. */
  activities: CatalogueActivity[];
}

/** A hash over every scored activity's version: changes when any activity changes, and only then. */
export function courseContentVersion(activities: readonly Pick<CatalogueActivity, 'id' | 'version'>[]): string {
  const pairs = activities.map((a) => [a.id, a.version]).sort(([a = ''], [b = '']) => (a < b ? -1 : a > b ? 1 : 0));
  return contentVersion(pairs);
}

export interface CatalogueSources {
  course: { id: string; title: string; completion: CompletionRuleInput };
  map: CourseMap;
  quizzes: readonly Quiz[];
  classifications: readonly Classification[];
  assessments: readonly Assessment[];
  scenarios: readonly Scenario[];
}

const byId = <T extends { id: string }>(items: readonly T[]): T[] => [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

export function buildCatalogue(sources: CatalogueSources): Catalogue {
  const base = (data: { id: string; title: string }) => ({ id: data.id, title: data.title, version: contentVersion(data) });
  const activities: CatalogueActivity[] = [
    ...byId(sources.quizzes).map((data) => ({ kind: 'quiz' as const, ...base(data), data })),
    ...byId(sources.classifications).map((data) => ({ kind: 'classification' as const, ...base(data), data })),
    ...byId(sources.assessments).map((data) => ({ kind: 'assessment' as const, ...base(data), data })),
    ...byId(sources.scenarios).map((data) => ({ kind: 'scenario' as const, ...base(data), data })),
  ];
  return {
    course: { id: sources.course.id, title: sources.course.title, contentVersion: courseContentVersion(activities) },
    rule: { allLessons: sources.course.completion.allLessons, requiredActivities: [...sources.course.completion.requiredActivities] },
    map: sources.map,
    activities,
  };
}

/** Activity id → catalogue entry. */
export const activityIndex = (catalogue: Catalogue): Map<string, CatalogueActivity> => new Map(catalogue.activities.map((a) => [a.id, a]));
