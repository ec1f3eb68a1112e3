import { choose, nodeById } from '../../src/domain/scenario/engine.ts';
import { scoreRun, type RunScore } from '../../src/domain/scenario/score.ts';
import { initialState, type RunState } from '../../src/domain/scenario/state.ts';
import type { Scenario, ScenarioChoice, ScenarioNode } from '../../src/schemas/scenario.ts';

/**
 * Test-taking policies: ways to click through a role-play without knowing the method. Each one
 * sees only what a learner sees (the customer's line and the replies, in the order shown) and
 * picks a reply. A scenario that such a policy passes rewards the wording, not the method.
 */
export type Policy = (node: ScenarioNode, choices: readonly ScenarioChoice[]) => ScenarioChoice;

const chars = (s: string) => [...s.replace(/\s/g, '')].length;

/** Index of the highest score, the earliest among equals. */
function argmax(choices: readonly ScenarioChoice[], score: (c: ScenarioChoice) => number): ScenarioChoice {
  let best = choices[0]!;
  let top = score(best);
  for (const c of choices.slice(1)) {
    const v = score(c);
    if (v > top) [best, top] = [c, v];
  }
  return best;
}

const count = (text: string, words: readonly string[]) => words.reduce((n, w) => n + text.split(w).length - 1, 0);

/** Words a reply sounds polite by; the politeness score is how many of them per character. */
export const POLITE_WORDS = [
  '您',
  '请',
  '抱歉',
  '对不起',
  '非常',
  '感谢',
  '谢谢',
  '理解',
  '麻烦',
  '辛苦',
  '不好意思',
  '体谅',
  '真的',
  '一定',
];
export const politeness = (say: string): number => count(say, POLITE_WORDS) / Math.max(1, chars(say));

/**
 * Cue words of the eight steps as a learner who memorised the list would spot them; a reply
 * scores one for each step it seems to touch. The "most complete-sounding" reply is the one that
 * seems to do the most steps at once.
 */
export const STEP_CUES: readonly (readonly string[])[] = [
  ['谢谢', '感谢', '多谢'],
  ['告诉我们', '说出来', '提醒', '才知道', '才能'],
  ['抱歉', '对不起', '道歉', '不好意思', '我们的错', '是我们'],
  ['马上', '立刻', '现在就', '我来', '负责', '保证'],
  ['请问', '确认', '几点', '什么时候', '哪', '是不是', '方便说'],
  ['安排', '重新', '换', '退', '补', '送', '处理'],
  ['满意', '可以吗', '行吗', '您看', '还有什么'],
  ['以后', '下次', '避免', '改进', '再也', '不会再'],
];
export const completeness = (say: string): number => STEP_CUES.filter((cues) => cues.some((w) => say.includes(w))).length;

/** Distinct two-character pieces of Chinese text: what "the same words" means without a tokenizer. */
const bigrams = (text: string): Set<string> => {
  const han = text.replace(/[^\u3400-\u9fff0-9]/g, ' ');
  const out = new Set<string>();
  for (const part of han.split(/\s+/)) for (let i = 0; i + 1 < part.length; i++) out.add(part.slice(i, i + 2));
  return out;
};
export const overlap = (customer: string, reply: string): number => {
  const theirs = bigrams(customer);
  return [...bigrams(reply)].filter((b) => theirs.has(b)).length;
};

export const POLICIES: Record<string, Policy> = {
  longest: (_n, cs) => argmax(cs, (c) => chars(c.say)),
  shortest: (_n, cs) => argmax(cs, (c) => -chars(c.say)),
  first: (_n, cs) => cs[0]!,
  last: (_n, cs) => cs[cs.length - 1]!,
  'most polite': (_n, cs) => argmax(cs, (c) => politeness(c.say)),
  'most complete-sounding': (_n, cs) => argmax(cs, (c) => completeness(c.say)),
  'echoes the customer': (n, cs) => argmax(cs, (c) => overlap(`${n.does ?? ''}${n.say}`, c.say)),
};

/** Plays a scenario to its end by a policy. */
export function playBy(scenario: Scenario, policy: Policy): { state: RunState; score: RunScore } {
  let state = initialState(scenario);
  for (let moves = 0; !state.ended; moves++) {
    if (moves > 200) throw new Error(`${scenario.id}: the policy went round in circles`);
    const node = nodeById(scenario, state.at)!;
    state = choose(scenario, state, policy(node, node.choices).id);
  }
  return { state, score: scoreRun(scenario, state)! };
}

/** A small seeded generator (mulberry32), so "chance" is the same number on every run. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Share of runs that pass when every reply is picked at random: what chance gets. */
export function chancePass(scenario: Scenario, runs = 2000, seed = 1): number {
  const random = seeded(seed);
  let passed = 0;
  for (let i = 0; i < runs; i++) {
    if (playBy(scenario, (_n, cs) => cs[Math.floor(random() * cs.length)]!).score.passed) passed++;
  }
  return passed / runs;
}
