import type { FileStatus } from '../../domain/records/analyse.ts';
import type { LearnerDetail } from '../../domain/records/detail.ts';
import type { Stats } from '../../domain/records/stats.ts';
import type { CourseState } from '../../domain/records/summary.ts';
import type { VerifiedStatus } from '../../domain/records/verify.ts';
import type { StatementRejectReason } from '../../domain/xapi/records.ts';
import type { LrsReadFailure } from '../../lms/xapi/read-lrs.ts';

/**
 * Messages between the HR page and its worker. The page sends files and requests; the worker
 * reads, re-scores and merges them and answers with plain data ready to show: nothing the
 * page renders is ever HTML.
 */

export type ToWorker =
  /** `strings`: the page's `hr.` strings, for the CSV headers and words. */
  | { type: 'init'; catalogueUrl: string; strings: Record<string, string> }
  | { type: 'add'; files: File[] }
  /** Read every statement about the course from an LRS; `auth` is an Authorization header value, held in memory only. */
  | { type: 'lrs'; endpoint: string; auth: string; activity: string }
  | { type: 'export'; which: CsvKind }
  | { type: 'detail'; key: string }
  | { type: 'clear' };

/** 汇总 (a row per learner), 明细 (a row per attempt), 题目分析 (a row per question and per role-play reply). */
export type CsvKind = 'summary' | 'detail' | 'items';

export type FromWorker =
  | { type: 'ready' }
  | { type: 'failed' }
  | { type: 'progress'; done: number; total: number }
  /** Statements read from the LRS so far. */
  | { type: 'lrs-progress'; statements: number }
  /** The LRS read stopped: why, and how many statements were read and kept before it did. */
  | { type: 'lrs-failed'; reason: LrsReadFailure; status: number; statements: number }
  /** The LRS was read to the end: statements read, learners found, statements rejected (by reason) and skipped. */
  | { type: 'lrs-done'; statements: number; learners: number; rejected: Partial<Record<StatementRejectReason, number>>; skipped: number }
  | { type: 'report'; report: Report }
  | { type: 'csv'; which: CsvKind; blob: Blob; filename: string }
  | { type: 'detail'; detail: LearnerDetail & { digest?: string } };

/** One row of the learners table. */
export interface LearnerView {
  key: string;
  name: string;
  employeeId: string;
  department: string;
  lessonsDone: number;
  lessonsTotal: number;
  activitiesPassed: number;
  activitiesTotal: number;
  score: number;
  state: CourseState;
  completedAt?: string;
  status: VerifiedStatus;
  /** How many files were merged into this learner. */
  files: number;
  mismatches: number;
  changed: string[];
}

export interface Report {
  files: FileStatus[];
  learners: LearnerView[];
  stats: Stats;
  /** Departments of the learners, sorted, for the filter. */
  departments: string[];
  /** Activities the course score averages, by title. */
  scored: string[];
}
