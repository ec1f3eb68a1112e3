import type { Catalogue, CatalogueKind } from '../catalogue.ts';
import { itemAnalysis, type ItemAnalysis } from './item-analysis.ts';
import type { LearnerRow } from './rows.ts';

/** Figures over every learner loaded, all from re-scored attempts. */

export interface ActivityStat {
  id: string;
  title: string;
  kind: CatalogueKind;
  /** Learners with at least one attempt. */
  attempted: number;
  /** Of those, learners with an attempt that passes when re-scored. */
  passed: number;
  /** passed ÷ attempted, whole percent (0 when nobody attempted). */
  rate: number;
  /** Attempts by everyone. */
  attempts: number;
}

export interface ModuleStat {
  id: string;
  number: number;
  title: string;
  /** Learners who completed every lesson of the module. */
  done: number;
  learners: number;
  percent: number;
}

export interface ScoreBin {
  /** Scores from this… */
  from: number;
  /** …up to, not including, this (the last bin includes 100). */
  to: number;
  count: number;
}

export interface Stats {
  learners: number;
  completed: number;
  activities: ActivityStat[];
  /** Facility and discrimination of every question, reply shares at every role-play decision point. */
  items: ItemAnalysis;
  modules: ModuleStat[];
  /** Course scores in ten bins: [0, 10), [10, 20), …, [90, 100]. */
  histogram: ScoreBin[];
}

const KIND_ORDER: readonly CatalogueKind[] = ['quiz', 'classification', 'assessment', 'scenario'];

const percent = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part * 100) / whole));

export function activityStats(rows: readonly LearnerRow[], catalogue: Catalogue): ActivityStat[] {
  const totals = new Map<string, { attempted: number; passed: number; attempts: number }>();
  for (const { merged } of rows) {
    const own = new Map<string, boolean>();
    for (const a of merged.attempts) {
      const id = a.attempt.activityId;
      const t = totals.get(id) ?? { attempted: 0, passed: 0, attempts: 0 };
      t.attempts++;
      totals.set(id, t);
      own.set(id, (own.get(id) ?? false) || a.rescored?.passed === true);
    }
    for (const [id, passed] of own) {
      const t = totals.get(id)!;
      t.attempted++;
      if (passed) t.passed++;
    }
  }
  // Grouped by kind for HR (the catalogue lists activities by id, as the SCORM codec indexes them).
  const byKind = [...catalogue.activities].sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));
  return byKind.map((activity): ActivityStat => {
    const { attempted, passed, attempts } = totals.get(activity.id) ?? { attempted: 0, passed: 0, attempts: 0 };
    return { id: activity.id, title: activity.title, kind: activity.kind, attempted, passed, rate: percent(passed, attempted), attempts };
  });
}

export function moduleStats(rows: readonly LearnerRow[], catalogue: Catalogue): ModuleStat[] {
  return catalogue.map.modules.map((m) => {
    const done = rows.filter((r) => r.summary.modulesDone[m.id]).length;
    return { id: m.id, number: m.number, title: m.title, done, learners: rows.length, percent: percent(done, rows.length) };
  });
}

export function scoreHistogram(scores: readonly number[]): ScoreBin[] {
  const bins = Array.from({ length: 10 }, (_, i): ScoreBin => ({ from: i * 10, to: i * 10 + 10, count: 0 }));
  for (const score of scores) {
    const bin = bins[Math.min(9, Math.max(0, Math.floor(score / 10)))];
    if (bin) bin.count++;
  }
  return bins;
}

export function courseStats(rows: readonly LearnerRow[], catalogue: Catalogue): Stats {
  return {
    learners: rows.length,
    completed: rows.filter((r) => r.summary.state === 'completed').length,
    activities: activityStats(rows, catalogue),
    items: itemAnalysis(
      rows.map((r) => r.merged.attempts),
      catalogue,
    ),
    modules: moduleStats(rows, catalogue),
    histogram: scoreHistogram(rows.map((r) => r.summary.score)),
  };
}
