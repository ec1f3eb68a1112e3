import type { Catalogue, CatalogueActivity } from '../catalogue.ts';
import { activityIndex } from '../catalogue.ts';
import { learnerKey, mergeDuplicates, type CheckedRecord, type SourceFile } from './merge.ts';
import { readCompletionRecord, readRecordData, type ReadResult, type RecordRejectReason } from './read-record.ts';
import type { LearnerRow } from './rows.ts';
import { courseStats, type Stats } from './stats.ts';
import { summariseLearner } from './summary.ts';
import { verifyRecord, type VerifiedStatus } from './verify.ts';

/**
 * The HR page's whole job on a batch of files, in two steps: `checkFile` reads and re-scores one
 * file on its own (so one bad file never stops the others, and a file added later is the only
 * one read), then `combine` merges learners and works out every figure from all files checked.
 * The page's worker and the benchmark both run exactly these.
 */

/** Why a file was not taken: what reading it as a record found, or that it could not be read at all. */
export type FileRejectReason = RecordRejectReason | 'read-failed';

/** A file whose text was never read: too large to be a record, or the browser could not read it (moved, deleted, no permission). */
export interface UnreadFile {
  unread: 'too-large' | 'read-failed';
}

export type FileCheck =
  | { file: SourceFile; kind: 'unreadable'; reason: FileRejectReason; detail?: string }
  | { file: SourceFile; kind: 'other-course'; courseId: string; courseTitle: string }
  | { file: SourceFile; kind: 'checked'; checked: CheckedRecord; status: VerifiedStatus; mismatches: number; changed: string[] };

/** Reads and checks one file, from its text or from why it could not be read. */
export function checkFile(
  file: SourceFile,
  text: string | UnreadFile,
  catalogue: Catalogue,
  index?: Map<string, CatalogueActivity>,
): FileCheck {
  if (typeof text !== 'string') return { file, kind: 'unreadable', reason: text.unread };
  return checkRead(file, readCompletionRecord(text), catalogue, index);
}

/**
 * `checkFile` for a record that arrives as data rather than text: one rebuilt from an LRS's
 * statements goes through the same schema, re-scoring and verdicts as a dropped file.
 */
export function checkRecordData(file: SourceFile, data: unknown, catalogue: Catalogue, index?: Map<string, CatalogueActivity>): FileCheck {
  return checkRead(file, readRecordData(data), catalogue, index);
}

function checkRead(file: SourceFile, read: ReadResult, catalogue: Catalogue, index?: Map<string, CatalogueActivity>): FileCheck {
  if (!read.ok) return { file, kind: 'unreadable', reason: read.reason, ...(read.detail === undefined ? {} : { detail: read.detail }) };
  const verification = verifyRecord(read.record, catalogue, index ?? activityIndex(catalogue));
  if (verification.status === 'other-course') {
    return { file, kind: 'other-course', courseId: verification.courseId, courseTitle: verification.courseTitle };
  }
  return {
    file,
    kind: 'checked',
    checked: {
      file,
      exportedAt: read.record.exportedAt,
      learner: read.record.learner,
      lessons: read.record.lessons,
      attempts: verification.attempts,
    },
    status: verification.status,
    mismatches: verification.mismatches,
    changed: verification.changed,
  };
}

/** One file's line in the page's file list. */
export type FileStatus =
  | { file: SourceFile; status: 'unreadable'; reason: FileRejectReason; detail?: string }
  | { file: SourceFile; status: 'other-course'; courseId: string; courseTitle: string }
  | {
      file: SourceFile;
      status: VerifiedStatus | 'duplicate';
      /** The file's own verdict, also for a duplicate. */
      own: VerifiedStatus;
      learnerKey: string;
      name: string;
      employeeId: string;
      mismatches: number;
      /** Each attempt whose claim did not hold: the score it claimed beside what its answers are worth (absent when they cannot be scored). */
      mismatched: { title: string; claimed: { score: number; maxScore: number }; rescored?: { score: number; maxScore: number } }[];
      changed: string[];
      /** For a duplicate: the newer file of the same learner it was merged into. */
      mergedInto?: SourceFile;
    };

export interface Analysis {
  files: FileStatus[];
  /** One row per learner, by employee id. */
  rows: LearnerRow[];
  stats: Stats;
}

const byKey = (a: LearnerRow, b: LearnerRow) => (a.merged.key < b.merged.key ? -1 : a.merged.key > b.merged.key ? 1 : 0);

export function combine(checks: readonly FileCheck[], catalogue: Catalogue): Analysis {
  const checked = checks.flatMap((c) => (c.kind === 'checked' ? [c.checked] : []));
  const { learners, superseded } = mergeDuplicates(checked, catalogue);
  const rows = learners.map((merged) => ({ merged, summary: summariseLearner(merged, catalogue) })).sort(byKey);
  const files = checks.map((c): FileStatus => {
    if (c.kind === 'unreadable')
      return { file: c.file, status: 'unreadable', reason: c.reason, ...(c.detail === undefined ? {} : { detail: c.detail }) };
    if (c.kind === 'other-course') return { file: c.file, status: 'other-course', courseId: c.courseId, courseTitle: c.courseTitle };
    const into = superseded.get(c.file.index);
    const learner = c.checked.learner;
    return {
      file: c.file,
      status: into ? 'duplicate' : c.status,
      own: c.status,
      learnerKey: learnerKey(learner),
      name: learner.name,
      employeeId: learner.employeeId,
      mismatches: c.mismatches,
      mismatched: c.checked.attempts
        .filter((a) => a.verdict === 'score-mismatch')
        .map((a) => ({
          title: a.title,
          claimed: { score: a.attempt.score, maxScore: a.attempt.maxScore },
          ...(a.rescored ? { rescored: { score: a.rescored.score, maxScore: a.rescored.maxScore } } : {}),
        })),
      changed: c.changed,
      ...(into ? { mergedInto: into } : {}),
    };
  });
  return { files, rows, stats: courseStats(rows, catalogue) };
}
