import { describe, expect, it } from 'vitest';
import type { CatalogueActivity } from '../../src/domain/catalogue.ts';
import { scoreRolePlayAnswers } from '../../src/domain/attempts/role-play.ts';
import { scoreAnswers } from '../../src/domain/attempts/score-answers.ts';
import { checkAttempt } from '../../src/domain/records/verify.ts';
import { scoreAttempt } from '../../src/domain/quiz-scoring.ts';
import { scoreClassification } from '../../src/domain/classification-scoring.ts';
import { scoreRun } from '../../src/domain/scenario/score.ts';
import { replay } from '../../src/domain/scenario/engine.ts';
import { shippedCatalogue } from '../fixtures/catalogue.ts';
import { answersFor, blank, honestAttempt } from '../fixtures/records.ts';

const catalogue = shippedCatalogue();
const activity = <K extends CatalogueActivity['kind']>(kind: K, id?: string) =>
  catalogue.activities.find((a) => a.kind === kind && (id === undefined || a.id === id)) as Extract<CatalogueActivity, { kind: K }>;

const quiz = activity('quiz', 'kc-selling-starts-with-service');
const set = activity('classification');
const assessment = activity('assessment');
const scenario = activity('scenario', 'angry-powerful-delayed-order');

describe('re-scoring an attempt from its raw answers', () => {
  it('scores a knowledge check with the quiz’s own scoring function, question by question', () => {
    const answers = {
      seed: 3,
      responses: { essence: 'serve-first', 'two-keys': ['trust'], 'one-deal': false, 'no-sale-call': 'pressure' },
    };
    const own = scoreAttempt(quiz.data, answers);
    const again = scoreAnswers(quiz, answers);
    expect(again).toMatchObject({ score: own.score, maxScore: own.maxScore, passed: own.passed });
    expect(again?.score).toBe(2.5);
    expect(again?.questions?.map((q) => [q.id, q.credit])).toEqual(own.questions.map((q) => [q.id, q.credit]));
  });

  it('scores the personality classification two points a situation, half credit for one part right', () => {
    const answers = answersFor(set);
    const own = scoreClassification(set.data, answers);
    const again = scoreAnswers(set, answers)!;
    expect(again).toMatchObject({ score: own.score, maxScore: set.data.items.length * 2, passed: true });
    const item = set.data.items[0]!;
    const halfRight = { seed: 1, responses: { [item.id]: { type: item.type === 'lively' ? 'peaceful' : 'lively', serve: 'nothing' } } };
    expect(scoreAnswers(set, halfRight)?.questions?.[0]).toEqual({ id: item.id, credit: 0 });
    const typeOnly = { seed: 1, responses: { [item.id]: { type: item.type } } };
    expect(scoreAnswers(set, typeOnly)?.questions?.[0]).toEqual({ id: item.id, credit: 0.5 });
  });

  it('counts the ungraded self-assessment as passed only when every statement is rated', () => {
    expect(scoreAnswers(assessment, answersFor(assessment))).toEqual({ score: 0, maxScore: 0, passed: true });
    const first = assessment.data.items[0]!.id;
    expect(scoreAnswers(assessment, { responses: { [first]: 4 } })).toEqual({ score: 0, maxScore: 0, passed: false });
  });

  it('replays a role-play path and scores where it leads, as the player does', () => {
    const answers = answersFor(scenario) as { path: [string, string][] };
    const replayed = replay(scenario.data, answers.path);
    const own = replayed.ok ? scoreRun(scenario.data, replayed.state)! : undefined;
    expect(scoreAnswers(scenario, answers)).toEqual({ score: own!.total, maxScore: 100, passed: own!.passed, ending: own!.ending });
    expect(scoreRolePlayAnswers(scenario.data, answers)).toEqual(scoreAnswers(scenario, answers));
    expect(own!.total).toBe(100);
  });

  it('cannot score a role-play path that no longer fits the scenario, or is not a path', () => {
    expect(scoreAnswers(scenario, { mode: 'test', path: [['opening', 'no-such-choice']], ending: 'loyal' })).toBeUndefined();
    expect(scoreAnswers(scenario, { mode: 'test', path: [], ending: 'x' })).toBeUndefined();
    expect(scoreAnswers(scenario, 'not a path')).toBeUndefined();
  });

  it('scores answers of the wrong shape as nothing rather than failing', () => {
    for (const junk of [null, 42, 'x', [], { responses: 'x' }, { responses: { essence: { $gt: '' } } }]) {
      expect(scoreAnswers(quiz, junk)).toMatchObject({ score: 0, passed: false });
    }
  });
});

describe('judging an attempt’s claims', () => {
  it('verifies an honest attempt at every kind of activity', () => {
    for (const a of [quiz, set, assessment, scenario]) expect(checkAttempt(honestAttempt(a, 'x', 10), a).verdict, a.id).toBe('verified');
  });

  it('calls a raised score a mismatch, keeping the claim beside the recomputed score', () => {
    const honest = honestAttempt(quiz, 'x', 10, blank(quiz));
    const checked = checkAttempt({ ...honest, score: 4, passed: true }, quiz);
    expect(checked.verdict).toBe('score-mismatch');
    expect(checked.attempt).toMatchObject({ score: 4, passed: true });
    expect(checked.rescored).toMatchObject({ score: 0, maxScore: 4, passed: false });
  });

  it('calls a claimed pass on a failing score a mismatch, and a wrong maximum too', () => {
    const failing = honestAttempt(quiz, 'x', 10, blank(quiz));
    expect(checkAttempt({ ...failing, passed: true }, quiz).verdict).toBe('score-mismatch');
    expect(checkAttempt({ ...failing, maxScore: 2 }, quiz).verdict).toBe('score-mismatch');
  });

  it('calls a role-play whose claimed ending is not where the path leads a mismatch', () => {
    const honest = honestAttempt(scenario, 'x', 10);
    const answers = { ...(honest.answers as object), ending: 'escalated-somewhere' };
    expect(checkAttempt({ ...honest, answers }, scenario).verdict).toBe('score-mismatch');
  });

  it('calls a role-play path that cannot be replayed against unchanged content a mismatch', () => {
    const honest = honestAttempt(scenario, 'x', 10);
    const checked = checkAttempt({ ...honest, answers: { mode: 'test', path: [['opening', 'forged']], ending: 'loyal' } }, scenario);
    expect(checked.verdict).toBe('score-mismatch');
    expect(checked.rescored).toBeUndefined();
  });

  it('calls an attempt recorded under the wrong kind of activity a mismatch', () => {
    expect(checkAttempt({ ...honestAttempt(quiz, 'x', 10), activityKind: 'scenario' }, quiz).verdict).toBe('score-mismatch');
  });

  it('says the content changed when the attempt was taken on another version, and still re-scores it against today’s', () => {
    const checked = checkAttempt({ ...honestAttempt(quiz, 'x', 10), contentVersion: '0000000000000000' }, quiz);
    expect(checked.verdict).toBe('content-changed');
    expect(checked.rescored).toMatchObject({ score: 4, passed: true });
  });

  it('says the content changed when the activity left the course, naming it by id', () => {
    const checked = checkAttempt({ ...honestAttempt(quiz, 'x', 10), activityId: 'kc-retired' }, undefined);
    expect(checked).toMatchObject({ verdict: 'content-changed', title: 'kc-retired', kind: 'unknown' });
    expect(checked.rescored).toBeUndefined();
  });

  it('keeps a role-play’s path and lets the other raw answers go once scored', () => {
    expect(checkAttempt(honestAttempt(scenario, 'x', 10), scenario).path?.length).toBeGreaterThan(3);
    const checked = checkAttempt(honestAttempt(quiz, 'x', 10), quiz);
    expect(checked.path).toBeUndefined();
    expect('answers' in checked.attempt).toBe(false);
  });
});
