import { getCollection, getEntry } from 'astro:content';
import { buildCatalogue, type Catalogue } from '../domain/catalogue.ts';

let cached: Promise<Catalogue> | undefined;

/**
 * The course catalogue (`src/domain/catalogue.ts`) from the content collections: every scored
 * activity with the data its island receives (`entry.data`), so its `contentVersion` is the one
 * the island records, the course map and the completion rule. Built once per build and emitted as
 * `/catalogue.json` for the HR page and the SCORM packager.
 */
export function loadCatalogue(): Promise<Catalogue> {
  cached ??= (async () => {
    const [course, lessons, quizzes, classifications, assessments, scenarios] = await Promise.all([
      getEntry('course', 'course'),
      getCollection('lessons'),
      getCollection('quizzes'),
      getCollection('classifications'),
      getCollection('assessments'),
      getCollection('scenarios'),
    ]);
    if (!course) throw new Error('content/course.yaml is missing');
    return buildCatalogue({
      course: course.data,
      lessons: lessons.map((e) => e.data),
      quizzes: quizzes.map((e) => e.data),
      classifications: classifications.map((e) => e.data),
      assessments: assessments.map((e) => e.data),
      scenarios: scenarios.map((e) => e.data),
    });
  })();
  return cached;
}
