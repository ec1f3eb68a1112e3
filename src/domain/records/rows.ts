import { wholePercent } from '../quiz-scoring.ts';
import type { PathStep } from '../scenario/state.ts';
import { activityIndex, type Catalogue, type CatalogueActivity, type CatalogueKind } from '../catalogue.ts';
import type { Cell } from './csv.ts';
import type { MergedLearner } from './merge.ts';
import type { CourseState, LearnerSummary } from './summary.ts';
import type { AttemptVerdict, CheckedAttempt } from './verify.ts';

/**
 * The two exports, as rows of cells: a summary row per learner and a detail row per attempt. The
 * words (headers in Chinese, statuses) come from the page's strings, so this file holds no
 * sentences; the CSV itself is `toCsv`'s business.
 */

export const SUMMARY_COLUMNS = [
  'name',
  'employeeId',
  'department',
  'state',
  'completedAt',
  'lessonsDone',
  'lessonsTotal',
  'activitiesPassed',
  'activitiesTotal',
  'score',
  'recordStatus',
  'mismatches',
  'changed',
  'files',
  'exportedAt',
] as const;

export const DETAIL_COLUMNS = [
  'employeeId',
  'name',
  'department',
  'activityId',
  'activity',
  'kind',
  'startedAt',
  'finishedAt',
  'seconds',
  'claimedScore',
  'rescoredScore',
  'maxScore',
  'percent',
  'passed',
  'verdict',
  'ending',
  'path',
  'attemptId',
] as const;

export type SummaryColumn = (typeof SUMMARY_COLUMNS)[number];
export type DetailColumn = (typeof DETAIL_COLUMNS)[number];

export interface RowWords {
  summary: Record<SummaryColumn, string>;
  detail: Record<DetailColumn, string>;
  state: Record<CourseState, string>;
  verdict: Record<AttemptVerdict, string>;
  kind: Record<CatalogueKind | 'unknown', string>;
  yes: string;
  no: string;
  /** Joins a list inside one cell, e.g. "、". */
  listSeparator: string;
}

/** A summarised learner: the merge, and the figures worked out from it. */
export interface LearnerRow {
  merged: MergedLearner;
  summary: LearnerSummary;
}

/** A role-play path as one line: `node:choice → node:choice → …`. */
export const pathText = (path: readonly PathStep[]): string => path.map(([node, choice]) => `${node}:${choice}`).join(' → ');

const seconds = (from: string, to: string): number | null => {
  const ms = Date.parse(to) - Date.parse(from);
  return Number.isFinite(ms) ? Math.round(ms / 1000) : null;
};

export function summaryRows(learners: readonly LearnerRow[], words: RowWords): Cell[][] {
  const header = SUMMARY_COLUMNS.map((c) => words.summary[c]);
  const rows = learners.map(({ merged, summary }): Cell[] => {
    const cells: Record<SummaryColumn, Cell> = {
      name: merged.learner.name,
      employeeId: merged.learner.employeeId,
      department: merged.learner.department,
      state: words.state[summary.state],
      completedAt: summary.completedAt ?? null,
      lessonsDone: summary.lessonsDone,
      lessonsTotal: summary.lessonsTotal,
      activitiesPassed: summary.activitiesPassed,
      activitiesTotal: summary.activitiesTotal,
      score: summary.score,
      recordStatus: words.verdict[merged.status],
      mismatches: merged.mismatches,
      changed: merged.changed.join(words.listSeparator),
      files: merged.files.map((f) => f.name).join(words.listSeparator),
      exportedAt: merged.exportedAt,
    };
    return SUMMARY_COLUMNS.map((c) => cells[c]);
  });
  return [header, ...rows];
}

function detailCells(merged: MergedLearner, a: CheckedAttempt, index: Map<string, CatalogueActivity>, words: RowWords): Cell[] {
  const activity = index.get(a.attempt.activityId);
  const ending =
    activity?.kind === 'scenario' && a.rescored?.ending
      ? (activity.data.endings.find((e) => e.id === a.rescored?.ending)?.title ?? '')
      : '';
  const graded = a.kind !== 'assessment';
  const cells: Record<DetailColumn, Cell> = {
    employeeId: merged.learner.employeeId,
    name: merged.learner.name,
    department: merged.learner.department,
    activityId: a.attempt.activityId,
    activity: a.title,
    kind: words.kind[a.kind],
    startedAt: a.attempt.startedAt,
    finishedAt: a.attempt.finishedAt,
    seconds: seconds(a.attempt.startedAt, a.attempt.finishedAt),
    claimedScore: a.attempt.score,
    rescoredScore: a.rescored ? a.rescored.score : null,
    maxScore: a.rescored ? a.rescored.maxScore : null,
    percent: a.rescored && graded ? wholePercent(a.rescored.score, a.rescored.maxScore) : null,
    passed: a.rescored?.passed ? words.yes : words.no,
    verdict: words.verdict[a.verdict],
    ending,
    path: a.path ? pathText(a.path) : '',
    attemptId: a.attempt.id,
  };
  return DETAIL_COLUMNS.map((c) => cells[c]);
}

export function detailRows(learners: readonly LearnerRow[], catalogue: Catalogue, words: RowWords): Cell[][] {
  const header = DETAIL_COLUMNS.map((c) => words.detail[c]);
  const index = activityIndex(catalogue);
  return [header, ...learners.flatMap(({ merged }) => merged.attempts.map((a) => detailCells(merged, a, index, words)))];
}
