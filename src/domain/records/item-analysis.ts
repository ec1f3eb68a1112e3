import type { ScenarioChoice } from '../../schemas/scenario.ts';
import type { PathStep } from '../scenario/state.ts';
import type { Catalogue, CatalogueActivity } from '../catalogue.ts';
import type { CheckedAttempt } from './verify.ts';

/**
 * Item analysis for trainers: which questions work. Classical test theory, as Moodle's quiz
 * statistics report has it, over **each learner's first attempt** at an activity as it is now:
 *
 *   facility        the mean credit earned on the question, 0–1 (share right; a partly right
 *                   answer counts its partial credit, the same credit the learner was given);
 *   discrimination  the corrected item-total correlation: Pearson's r between the question's
 *                   credit and the rest of that attempt's score (the total minus this question),
 *                   which is the point-biserial correlation when the question is right or wrong.
 *                   Undefined when fewer than two learners answered or either side does not vary.
 *
 * The first attempt, because a retake comes after the result screen has shown the right answers:
 * later attempts measure memory of the feedback, push every facility up and flatten every
 * correlation, and a learner who retakes five times would weigh five times as much as one who
 * passed at once. Attempts at an older version of the activity are left out (they may have asked
 * something else); a learner whose first attempt was at an older version counts with their first
 * attempt at the current one.
 *
 * Role-plays have no questions but decision points: for each node, how many first runs reached it
 * and how many of those chose each reply, beside the reply's verdict.
 *
 * Credits come from the attempts as re-scored (`rescoreAttempt`, i.e. `scoreAttempt` and
 * `scoreClassification`), never scored again here.
 */

export interface ItemThresholds {
  minAnswers: number;
  easy: number;
  hard: number;
  weak: number;
}

/** When an item is flagged. Figures are judged as shown, to two decimals. */
export const ITEM_THRESHOLDS: Readonly<ItemThresholds> = {
  /** No flag below this many first attempts: with 30 answers r has a standard error of about 0.18. */
  minAnswers: 30,
  /** Facility above this: nearly everyone gets it right, so it tells learners apart hardly at all. */
  easy: 0.9,
  /** Facility below this: most get it wrong, which is the item's fault as often as the learners'. */
  hard: 0.3,
  /** Discrimination below this (and not negative): strong and weak learners do about as well. */
  weak: 0.1,
};

/** What is wrong with an item: `negative` means weak learners do better on it than strong ones. */
export type ItemFlag = 'too-easy' | 'too-hard' | 'negative' | 'weak';

/** An item's credit in one attempt, 0–1. */
export interface ItemCredit {
  id: string;
  credit: number;
}

export interface ItemFigures {
  /** Attempts that included the item. */
  answered: number;
  /** Mean credit, 0–1, to two decimals. */
  facility: number;
  /** Corrected item-total correlation, −1–1, to two decimals; undefined when it cannot be computed. */
  discrimination: number | undefined;
}

// The scorers round credits to 4 decimals, so in units of 1/10,000 every credit and every total is
// a whole number and the sums below are exact: the figures do not depend on the learners' order,
// and "does not vary" is a test for zero, not for a small number.
const UNIT = 1e4;
const units = (credit: number) => Math.round(credit * UNIT);

/** To two decimals, without a negative zero. */
export const twoDecimals = (x: number): number => Math.round(x * 100) / 100 + 0;

interface Sums {
  n: number;
  x: number;
  y: number;
  xx: number;
  yy: number;
  xy: number;
}

/**
 * Facility and discrimination of every item, from the credits of each attempt (one attempt per
 * learner). Items are listed in the order first met.
 */
export function itemFigures(attempts: readonly (readonly ItemCredit[])[]): Map<string, ItemFigures> {
  const sums = new Map<string, Sums>();
  for (const attempt of attempts) {
    const total = attempt.reduce((t, item) => t + units(item.credit), 0);
    for (const item of attempt) {
      const x = units(item.credit);
      const y = total - x;
      let s = sums.get(item.id);
      if (!s) sums.set(item.id, (s = { n: 0, x: 0, y: 0, xx: 0, yy: 0, xy: 0 }));
      s.n++;
      s.x += x;
      s.y += y;
      s.xx += x * x;
      s.yy += y * y;
      s.xy += x * y;
    }
  }
  return new Map(
    [...sums].map(([id, s]) => [id, { answered: s.n, facility: twoDecimals(s.x / (s.n * UNIT)), discrimination: correlation(s) }]),
  );
}

/** Pearson's r from exact sums (as n² times the covariance and variances, in BigInt so nothing rounds). */
function correlation(s: Sums): number | undefined {
  if (s.n < 2) return undefined;
  const n = BigInt(s.n);
  const [x, y] = [BigInt(s.x), BigInt(s.y)];
  const sxx = n * BigInt(s.xx) - x * x;
  const syy = n * BigInt(s.yy) - y * y;
  if (sxx === 0n || syy === 0n) return undefined;
  const sxy = n * BigInt(s.xy) - x * y;
  const r = Number(sxy) / Math.sqrt(Number(sxx) * Number(syy));
  return twoDecimals(Math.max(-1, Math.min(1, r)));
}

/** The flags an item earns; none until `minAnswers` learners answered it. */
export function itemFlags(figures: ItemFigures, thresholds: Readonly<ItemThresholds> = ITEM_THRESHOLDS): ItemFlag[] {
  if (figures.answered < thresholds.minAnswers) return [];
  const { facility, discrimination } = figures;
  return [
    ...(facility > thresholds.easy ? ['too-easy' as const] : []),
    ...(facility < thresholds.hard ? ['too-hard' as const] : []),
    ...(discrimination === undefined
      ? []
      : discrimination < 0
        ? ['negative' as const]
        : discrimination < thresholds.weak
          ? ['weak' as const]
          : []),
  ];
}

export interface QuestionAnalysis extends ItemFigures {
  activityId: string;
  activityTitle: string;
  kind: 'quiz' | 'classification';
  questionId: string;
  /** The question's prompt, or a classification situation. */
  prompt: string;
  /** Whether `answered` reaches `minAnswers`, so that the item is judged at all. */
  judged: boolean;
  flags: ItemFlag[];
}

export interface ReplyAnalysis {
  choiceId: string;
  /** The line the learner says. */
  say: string;
  verdict: ScenarioChoice['verdict'];
  /** First runs that chose this reply at the node. */
  chosen: number;
  /** chosen ÷ the runs that reached the node, whole percent; undefined when none reached it. */
  share: number | undefined;
}

export interface DecisionAnalysis {
  activityId: string;
  activityTitle: string;
  nodeId: string;
  /** What the customer says at this point. */
  say: string;
  /** First runs that reached the node. */
  reached: number;
  replies: ReplyAnalysis[];
}

export interface ItemAnalysis {
  questions: QuestionAnalysis[];
  /** Every decision point of every role-play run at least once, in the scenario's order. */
  decisions: DecisionAnalysis[];
}

/**
 * Each learner's first attempt at each activity as it is now that could be re-scored, by
 * activity id. `learners` are each learner's attempts in the order finished (as merged).
 */
export function firstAttempts(learners: readonly (readonly CheckedAttempt[])[], catalogue: Catalogue): Map<string, CheckedAttempt[]> {
  const versions = new Map(catalogue.activities.map((a) => [a.id, a.version]));
  const firsts = new Map<string, CheckedAttempt[]>();
  for (const attempts of learners) {
    const seen = new Set<string>();
    for (const a of attempts) {
      const id = a.attempt.activityId;
      if (seen.has(id) || !a.rescored || a.attempt.contentVersion !== versions.get(id)) continue;
      seen.add(id);
      let list = firsts.get(id);
      if (!list) firsts.set(id, (list = []));
      list.push(a);
    }
  }
  return firsts;
}

const promptOf = (activity: CatalogueActivity, id: string): string =>
  activity.kind === 'quiz'
    ? (activity.data.questions.find((q) => q.id === id)?.prompt ?? id)
    : activity.kind === 'classification'
      ? (activity.data.items.find((i) => i.id === id)?.situation ?? id)
      : id;

function questionsOf(
  activity: CatalogueActivity,
  attempts: readonly CheckedAttempt[],
  thresholds: Readonly<ItemThresholds>,
): QuestionAnalysis[] {
  if (activity.kind !== 'quiz' && activity.kind !== 'classification') return [];
  const figures = itemFigures(attempts.map((a) => a.rescored?.questions ?? []));
  const order = activity.kind === 'quiz' ? activity.data.questions.map((q) => q.id) : activity.data.items.map((i) => i.id);
  return order.flatMap((questionId) => {
    const f = figures.get(questionId);
    if (!f) return [];
    return [
      {
        activityId: activity.id,
        activityTitle: activity.title,
        kind: activity.kind,
        questionId,
        prompt: promptOf(activity, questionId),
        ...f,
        judged: f.answered >= thresholds.minAnswers,
        flags: itemFlags(f, thresholds),
      },
    ];
  });
}

/** Reply counts at every node of a role-play, from the paths of its first runs. */
export function replyCounts(paths: readonly (readonly PathStep[])[]): Map<string, { reached: number; chosen: Map<string, number> }> {
  const nodes = new Map<string, { reached: number; chosen: Map<string, number> }>();
  for (const path of paths) {
    // A run that comes back to a node (a scenario may loop) reaches it once and may choose two replies there.
    const reached = new Set<string>();
    const chosen = new Set<string>();
    for (const [nodeId, choiceId] of path) {
      let node = nodes.get(nodeId);
      if (!node) nodes.set(nodeId, (node = { reached: 0, chosen: new Map() }));
      if (!reached.has(nodeId)) {
        reached.add(nodeId);
        node.reached++;
      }
      const key = `${nodeId}\u0000${choiceId}`;
      if (!chosen.has(key)) {
        chosen.add(key);
        node.chosen.set(choiceId, (node.chosen.get(choiceId) ?? 0) + 1);
      }
    }
  }
  return nodes;
}

function decisionsOf(activity: CatalogueActivity, attempts: readonly CheckedAttempt[]): DecisionAnalysis[] {
  if (activity.kind !== 'scenario' || attempts.length === 0) return [];
  const counts = replyCounts(attempts.map((a) => a.path ?? []));
  return activity.data.nodes.map((node) => {
    const c = counts.get(node.id);
    const reached = c?.reached ?? 0;
    return {
      activityId: activity.id,
      activityTitle: activity.title,
      nodeId: node.id,
      say: node.say,
      reached,
      replies: node.choices.map((choice) => {
        const chosen = c?.chosen.get(choice.id) ?? 0;
        return {
          choiceId: choice.id,
          say: choice.say,
          verdict: choice.verdict,
          chosen,
          share: reached === 0 ? undefined : Math.round((chosen * 100) / reached),
        };
      }),
    };
  });
}

/** The item analysis of every quiz, classification set and role-play, in catalogue order. */
export function itemAnalysis(
  learners: readonly (readonly CheckedAttempt[])[],
  catalogue: Catalogue,
  thresholds: Readonly<ItemThresholds> = ITEM_THRESHOLDS,
): ItemAnalysis {
  const firsts = firstAttempts(learners, catalogue);
  return {
    questions: catalogue.activities.flatMap((a) => questionsOf(a, firsts.get(a.id) ?? [], thresholds)),
    decisions: catalogue.activities.flatMap((a) => decisionsOf(a, firsts.get(a.id) ?? [])),
  };
}
