import type { Catalogue, CatalogueActivity, CatalogueKind } from '../catalogue.ts';
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

export interface QuestionStat {
  activityId: string;
  activityTitle: string;
  questionId: string;
  /** The question's prompt, or a classification situation. */
  prompt: string;
  /** Attempts that included the question (against the activity as it is now). */
  answered: number;
  /** Of those, answers with full credit. */
  correct: number;
  /** correct ÷ answered, whole percent, rounded. */
  rate: number;
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
  /** The questions answered right least often, hardest first. */
  hardest: QuestionStat[];
  modules: ModuleStat[];
  /** Course scores in ten bins: [0, 10), [10, 20), …, [90, 100]. */
  histogram: ScoreBin[];
}

const KIND_ORDER: readonly CatalogueKind[] = ['quiz', 'classification', 'assessment', 'scenario'];

const percent = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part * 100) / whole));

function promptOf(activity: CatalogueActivity, questionId: string): string {
  if (activity.kind === 'quiz') return activity.data.questions.find((q) => q.id === questionId)?.prompt ?? questionId;
  if (activity.kind === 'classification') return activity.data.items.find((i) => i.id === questionId)?.situation ?? questionId;
  return questionId;
}

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

/**
 * Questions by how rarely they are answered right, counting every attempt taken against the
 * activity as it is now (an attempt at an older version may have asked something else).
 */
export function hardestQuestions(rows: readonly LearnerRow[], catalogue: Catalogue, limit = 10): QuestionStat[] {
  const versions = new Map(catalogue.activities.map((a) => [a.id, a]));
  // Activity id → question id → tally; nested maps rather than joined keys, since this runs once per answer.
  const tallies = new Map<string, Map<string, { answered: number; correct: number }>>();
  for (const { merged } of rows) {
    for (const a of merged.attempts) {
      const activity = versions.get(a.attempt.activityId);
      if (!activity || a.attempt.contentVersion !== activity.version || !a.rescored?.questions) continue;
      let own = tallies.get(activity.id);
      if (!own) tallies.set(activity.id, (own = new Map()));
      for (const q of a.rescored.questions) {
        let t = own.get(q.id);
        if (!t) own.set(q.id, (t = { answered: 0, correct: 0 }));
        t.answered++;
        if (q.credit === 1) t.correct++;
      }
    }
  }
  const stats = [...tallies].flatMap(([activityId, questions]) => {
    const activity = versions.get(activityId)!;
    return [...questions].map(([questionId, t]): QuestionStat => ({
      activityId,
      activityTitle: activity.title,
      questionId,
      prompt: promptOf(activity, questionId),
      answered: t.answered,
      correct: t.correct,
      rate: percent(t.correct, t.answered),
    }));
  });
  return stats
    .sort(
      (x, y) =>
        x.correct / x.answered - y.correct / y.answered ||
        y.answered - x.answered ||
        (x.activityId < y.activityId ? -1 : x.activityId > y.activityId ? 1 : x.questionId < y.questionId ? -1 : 1),
    )
    .slice(0, limit);
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
    hardest: hardestQuestions(rows, catalogue),
    modules: moduleStats(rows, catalogue),
    histogram: scoreHistogram(rows.map((r) => r.summary.score)),
  };
}
