import { getCollection } from 'astro:content';
import { buildCatalogue, type Catalogue } from '../domain/records/catalogue.ts';
import { loadCourse, loadCourseMap } from './course.ts';

let cached: Promise<Catalogue> | undefined;

/**
 * Every scored activity with the data its island receives (`entry.data`) and the same
 * `contentVersion`, the course map and the completion rule: what `/hr/` re-scores against and
 * what `/me/` stamps on a completion record. Built once per build.
 */
export function loadCatalogue(): Promise<Catalogue> {
  cached ??= (async () => {
    const [course, map, quizzes, classifications, assessments, scenarios] = await Promise.all([
      loadCourse(),
      loadCourseMap(),
      getCollection('quizzes'),
      getCollection('classifications'),
      getCollection('assessments'),
      getCollection('scenarios'),
    ]);
    return buildCatalogue({
      course,
      map,
      quizzes: quizzes.map((e) => e.data),
      classifications: classifications.map((e) => e.data),
      assessments: assessments.map((e) => e.data),
      scenarios: scenarios.map((e) => e.data),
    });
  })();
  return cached;
}
