import type { LearnerProfile } from '../progress/events.ts';
import type { LessonState } from '../progress/reducers.ts';
import type { Catalogue } from '../catalogue.ts';
import type { RecordLesson } from './format.ts';
import { changedTitles, worstVerdict, type CheckedAttempt, type VerifiedStatus } from './verify.ts';

export interface SourceFile {
  index: number;
  name: string;
}

/** A readable record of this course, checked: what HR needs of it, without the raw answers. */
export interface CheckedRecord {
  /** The file it came from: its place in the order HR added files, and its name. */
  file: SourceFile;
  exportedAt: string;
  learner: LearnerProfile;
  lessons: RecordLesson[];
  attempts: CheckedAttempt[];
}

/** One learner, from one record or several merged. */
export interface MergedLearner {
  /** `learnerKey` of the employee id. */
  key: string;
  /** From the newest record. */
  learner: LearnerProfile;
  /** Export time of the newest record. */
  exportedAt: string;
  /** The files merged, newest first; the first is the one that wins. */
  files: SourceFile[];
  lessons: RecordLesson[];
  /** Every attempt of every record once (by attempt id), in the order finished. */
  attempts: CheckedAttempt[];
  status: VerifiedStatus;
  changed: string[];
  mismatches: number;
}

/** Two records are the same learner when their employee ids agree, ignoring case, width and surrounding spaces. */
export const learnerKey = (learner: Pick<LearnerProfile, 'employeeId'>): string =>
  learner.employeeId.normalize('NFKC').trim().toUpperCase();

const RANK: Record<LessonState, number> = { 'not-started': 0, 'in-progress': 1, completed: 2 };
const earlier = (a: string | undefined, b: string | undefined) => (a === undefined ? b : b === undefined ? a : a < b ? a : b);

/** Lesson states of several records of one learner: the furthest state, the earliest times. */
function mergeLessons(records: readonly Pick<CheckedRecord, 'lessons'>[]): RecordLesson[] {
  const byId = new Map<string, RecordLesson>();
  for (const record of records) {
    for (const lesson of record.lessons) {
      const kept = byId.get(lesson.id);
      if (!kept) {
        byId.set(lesson.id, { ...lesson });
        continue;
      }
      const firstViewedAt = earlier(kept.firstViewedAt, lesson.firstViewedAt);
      const completedAt = earlier(kept.completedAt, lesson.completedAt);
      const state = RANK[lesson.state] > RANK[kept.state] ? lesson.state : kept.state;
      const viewed = firstViewedAt ? { firstViewedAt } : {};
      // A completed lesson always has its time (the reader holds every record to that).
      byId.set(
        lesson.id,
        state === 'completed' && completedAt
          ? { id: lesson.id, state, ...viewed, completedAt }
          : { id: lesson.id, state: state === 'completed' ? 'in-progress' : state, ...viewed },
      );
    }
  }
  return [...byId.values()];
}

const byFinish = (a: CheckedAttempt, b: CheckedAttempt) =>
  a.attempt.finishedAt < b.attempt.finishedAt ? -1 : a.attempt.finishedAt > b.attempt.finishedAt ? 1 : a.attempt.id < b.attempt.id ? -1 : 1;

// Equal export times (the same file picked twice): the one added last wins.
const newestFirst = (a: CheckedRecord, b: CheckedRecord) =>
  a.exportedAt > b.exportedAt ? -1 : a.exportedAt < b.exportedAt ? 1 : b.file.index - a.file.index;

function merged(
  key: string,
  newest: CheckedRecord,
  lessons: RecordLesson[],
  attempts: CheckedAttempt[],
  catalogue: Catalogue,
  files: SourceFile[] = [newest.file],
): MergedLearner {
  return {
    key,
    learner: newest.learner,
    exportedAt: newest.exportedAt,
    files,
    lessons,
    attempts,
    status: worstVerdict(attempts),
    changed: changedTitles(attempts, catalogue),
    mismatches: attempts.filter((a) => a.verdict === 'score-mismatch').length,
  };
}

/**
 * Groups records by learner and merges each group: the newest export supplies the profile; lessons
 * and attempts are the union of all (a learner may have studied on a phone and on a PC), each
 * attempt once by its id, the newest record's copy winning. `superseded` maps every older file
 * (by index) to the file it was merged into, so the page can say so.
 */
export function mergeDuplicates(
  records: readonly CheckedRecord[],
  catalogue: Catalogue,
): { learners: MergedLearner[]; superseded: Map<number, SourceFile> } {
  const groups = new Map<string, CheckedRecord[]>();
  for (const r of records) {
    const key = learnerKey(r.learner);
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const superseded = new Map<number, SourceFile>();
  const learners = [...groups.entries()].map(([key, group]): MergedLearner => {
    const sorted = [...group].sort(newestFirst);
    const newest = sorted[0]!;
    for (const older of sorted.slice(1)) superseded.set(older.file.index, newest.file);
    if (sorted.length === 1) return merged(key, newest, newest.lessons, [...newest.attempts].sort(byFinish), catalogue);
    const byId = new Map<string, CheckedAttempt>();
    for (const r of sorted) for (const a of r.attempts) if (!byId.has(a.attempt.id)) byId.set(a.attempt.id, a);
    return merged(
      key,
      newest,
      mergeLessons(sorted),
      [...byId.values()].sort(byFinish),
      catalogue,
      sorted.map((r) => r.file),
    );
  });
  return { learners, superseded };
}
