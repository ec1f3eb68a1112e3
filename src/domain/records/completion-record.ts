import { contentVersion } from '../content-version.ts';
import type { CourseMap } from '../course-map.ts';
import type { LearnerProfile, ProgressLog } from '../progress/events.ts';
import { currentLearner, lessonProgress } from '../progress/reducers.ts';
import { RECORD_FORMAT, RECORD_VERSION, type CompletionRecord, type RecordCourse, type RecordLesson } from './format.ts';

const NO_LEARNER: LearnerProfile = { name: '', employeeId: '', department: '' };

/**
 * The completion record of a progress log: the learner's profile, every lesson of the course in
 * course order with its state, every attempt with its raw answers, and the spaced reviews if
 * there are any. Lessons the log mentions but the course no longer has are left out; attempts
 * and reviews are all kept, whatever they were at.
 */
export function completionRecord(
  log: ProgressLog,
  course: RecordCourse,
  map: Pick<CourseMap, 'lessons'>,
  exportedAt: string,
): CompletionRecord {
  const lessons = lessonProgress(log.events);
  const reviews = log.events.flatMap((e) =>
    e.type === 'review' ? [{ id: e.id, at: e.at, itemId: e.itemId, rating: e.rating, correct: e.correct }] : [],
  );
  return {
    format: RECORD_FORMAT,
    version: RECORD_VERSION,
    exportedAt,
    course: { id: course.id, title: course.title, contentVersion: course.contentVersion },
    learner: { ...(currentLearner(log.events) ?? NO_LEARNER) },
    lessons: map.lessons.map((lesson): RecordLesson => {
      const progress = lessons.get(lesson.id);
      const viewed = progress?.firstViewedAt ? { firstViewedAt: progress.firstViewedAt } : {};
      // `lessonProgress` gives a completed lesson its completion time, always.
      return progress?.state === 'completed' && progress.completedAt
        ? { id: lesson.id, state: 'completed', ...viewed, completedAt: progress.completedAt }
        : { id: lesson.id, state: progress?.state === 'in-progress' ? 'in-progress' : 'not-started', ...viewed };
    }),
    attempts: log.events.flatMap((e) => (e.type === 'attempt' ? [{ id: e.id, ...e.attempt }] : [])),
    ...(reviews.length > 0 ? { reviews } : {}),
  };
}

/** What a record needs before HR can use it: a name and an employee id to file it under. */
export function missingLearnerFields(learner: LearnerProfile | undefined): ('name' | 'employeeId')[] {
  return [...(learner?.name.trim() ? [] : ['name' as const]), ...(learner?.employeeId.trim() ? [] : ['employeeId' as const])];
}

/**
 * `completion-<employee id>-<date>.json`. Characters a file system might refuse become "_"; the
 * id inside the record is untouched.
 */
export function recordFilename(record: Pick<CompletionRecord, 'learner' | 'exportedAt'>): string {
  const id = record.learner.employeeId.trim().replace(/[^\p{L}\p{N}._-]+/gu, '_') || 'learner';
  return `completion-${id}-${record.exportedAt.slice(0, 10)}.json`;
}

/**
 * A short fingerprint of what a record says, whatever its formatting and export time: the
 * certificate prints it, and HR sees the same digest beside the file it came from. Not a seal —
 * anyone can compute it — but it ties a printed certificate to one particular record.
 */
export function recordDigest(record: CompletionRecord): string {
  const { exportedAt: _ignored, ...content } = record;
  return contentVersion(content).toUpperCase().match(/.{4}/g)?.join('-') ?? '';
}
