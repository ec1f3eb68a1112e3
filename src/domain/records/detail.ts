import { activityIndex, type Catalogue, type CatalogueKind } from '../catalogue.ts';
import type { MergedLearner } from './merge.ts';
import type { AttemptVerdict } from './verify.ts';

/** One step of a role-play as HR reads it: what the customer said, what the learner answered. */
export interface PathLine {
  node: string;
  choice: string;
  /** The customer's line, or the node id when the scenario no longer has it. */
  customer: string;
  /** The learner's answer, or the choice id when the scenario no longer has it. */
  answer: string;
  verdict?: 'good' | 'mixed' | 'poor';
}

export interface AttemptDetail {
  id: string;
  activityId: string;
  title: string;
  kind: CatalogueKind | 'unknown';
  startedAt: string;
  finishedAt: string;
  claimed: { score: number; maxScore: number; passed: boolean };
  rescored?: { score: number; maxScore: number; passed: boolean };
  verdict: AttemptVerdict;
  path?: PathLine[];
  /** Title of the ending the path leads to now. */
  ending?: string;
}

export interface LearnerDetail {
  key: string;
  name: string;
  employeeId: string;
  department: string;
  exportedAt: string;
  files: string[];
  attempts: AttemptDetail[];
}

/** Everything about one learner for the detail view: every attempt, claim beside re-score, every role-play path in words. */
export function learnerDetail(learner: MergedLearner, catalogue: Catalogue): LearnerDetail {
  const index = activityIndex(catalogue);
  return {
    key: learner.key,
    name: learner.learner.name,
    employeeId: learner.learner.employeeId,
    department: learner.learner.department,
    exportedAt: learner.exportedAt,
    files: learner.files.map((f) => f.name),
    attempts: learner.attempts.map((a): AttemptDetail => {
      const activity = index.get(a.attempt.activityId);
      const scenario = activity?.kind === 'scenario' ? activity.data : undefined;
      const path = a.path?.map(([node, choice]): PathLine => {
        const n = scenario?.nodes.find((x) => x.id === node);
        const c = n?.choices.find((x) => x.id === choice);
        return { node, choice, customer: n?.say ?? node, answer: c?.say ?? choice, ...(c ? { verdict: c.verdict } : {}) };
      });
      const ending = a.rescored?.ending ? scenario?.endings.find((e) => e.id === a.rescored?.ending)?.title : undefined;
      const { score, maxScore, passed } = a.attempt;
      return {
        id: a.attempt.id,
        activityId: a.attempt.activityId,
        title: a.title,
        kind: a.kind,
        startedAt: a.attempt.startedAt,
        finishedAt: a.attempt.finishedAt,
        claimed: { score, maxScore, passed },
        ...(a.rescored ? { rescored: { score: a.rescored.score, maxScore: a.rescored.maxScore, passed: a.rescored.passed } } : {}),
        verdict: a.verdict,
        ...(path ? { path } : {}),
        ...(ending ? { ending } : {}),
      };
    }),
  };
}
