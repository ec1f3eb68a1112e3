import { Scorm12API, Scorm2004API } from 'scorm-again';
import { describe, expect, it } from 'vitest';
import type { Attempt } from '../../src/domain/progress/events.ts';
import type { CatalogueActivity } from '../../src/domain/catalogue.ts';
import { attemptInteractions, interactionValues, shortIdentifier, type Interaction } from '../../src/domain/scorm/interactions.ts';
import { attemptAt, catalog, random } from '../fixtures/scorm-course.ts';

const spec = <K extends CatalogueActivity['kind']>(kind: K, test: (a: Extract<CatalogueActivity, { kind: K }>) => boolean = () => true) =>
  catalog.activities.find(
    (a): a is Extract<CatalogueActivity, { kind: K }> => a.kind === kind && test(a as Extract<CatalogueActivity, { kind: K }>),
  )!;
const at = new Date('2025-03-03T01:00:00Z');
const SETTINGS = { autocommit: false, lmsCommitUrl: false, logLevel: 5 } as const;

/** Writes interactions into scorm-again, an LMS-side implementation that checks every value against the standard. */
function sendTo(version: '1.2' | '2004', interactions: Interaction[]) {
  const refused: string[] = [];
  if (version === '1.2') {
    const api = new Scorm12API(SETTINGS);
    api.LMSInitialize('');
    interactions.forEach((i, n) => {
      for (const [element, value] of interactionValues('1.2', n, i, -480))
        if (api.LMSSetValue(element, value) !== 'true') refused.push(`${element}=${value} (${api.LMSGetLastError()})`);
    });
    return { refused, count: api.LMSGetValue('cmi.interactions._count') };
  }
  const api = new Scorm2004API(SETTINGS);
  api.Initialize('');
  interactions.forEach((i, n) => {
    for (const [element, value] of interactionValues('2004', n, i, -480))
      if (api.SetValue(element, value) !== 'true') refused.push(`${element}=${value} (${api.GetLastError()})`);
  });
  return { refused, count: api.GetValue('cmi.interactions._count'), api };
}

describe('interactions from attempts', () => {
  const everyAttempt: Attempt[] = catalog.activities.flatMap((a, i) => [
    attemptAt(a, random(i), 1, at, 60),
    attemptAt(a, random(1000 + i), 0, at, 60),
  ]);

  it('one for every question answered and every role-play decision, each accepted by an LMS in both versions', () => {
    const interactions = everyAttempt.flatMap((a) =>
      attemptInteractions(
        catalog.activities.find((s) => s.id === a.activityId)!,
        a,
      ),
    );
    expect(new Set(interactions.map((i) => i.type))).toEqual(new Set(['choice', 'true-false', 'sequencing', 'matching', 'likert']));
    for (const version of ['1.2', '2004'] as const) {
      const { refused, count } = sendTo(version, interactions);
      expect(refused).toEqual([]);
      expect(count).toBe(String(interactions.length));
    }
    // Moodle checks every 2004 choice, sequencing and matching id against ^[\w.]{1,250}$ (error 406 otherwise).
    const moodleRefuses = interactions.flatMap((i, n) =>
      interactionValues('2004', n, i, 0).filter(
        ([element, value]) =>
          /learner_response|pattern/.test(element) &&
          ['choice', 'sequencing', 'matching'].includes(i.type) &&
          !value.split('[,]').every((part) => part.split('[.]').every((id) => /^[\w.]{1,250}$/.test(id))),
      ),
    );
    expect(moodleRefuses).toEqual([]);
  });

  it('a knowledge check: choice, true-false, sequencing and matching, right or wrong with the right pattern', () => {
    const quiz = spec('quiz', (q) =>
      ['single', 'multiple', 'truefalse', 'ordering', 'matching'].every((t) => q.questions.some((x) => x.type === t)),
    );
    const right = attemptInteractions(quiz, attemptAt(quiz, random(1), 1, at, 60));
    expect(right).toHaveLength(quiz.questions.length);
    expect(right.every((i) => i.result === 'correct')).toBe(true);
    expect(right.map((i) => i.id)).toEqual(quiz.questions.map((q) => `${quiz.id}.${q.id}`));

    const ordering = quiz.questions.find((q) => q.type === 'ordering')!;
    const reversed = { seed: 1, responses: { [ordering.id]: [...(ordering.type === 'ordering' ? ordering.items : [])].reverse() } };
    const [wrong] = attemptInteractions(quiz, { ...attemptAt(quiz, random(1), 1, at, 60), answers: reversed });
    expect(wrong).toMatchObject({ type: 'sequencing', result: 'wrong' });
    const values = new Map(interactionValues('1.2', 0, wrong!, 0));
    const n = ordering.type === 'ordering' ? ordering.items.length : 0;
    expect(values.get('cmi.interactions.0.student_response')).toBe('abcdefghij'.slice(0, n).split('').reverse().join(','));
    expect(values.get('cmi.interactions.0.correct_responses.0.pattern')).toBe('abcdefghij'.slice(0, n).split('').join(','));
    expect(values.get('cmi.interactions.0.result')).toBe('wrong');
    const values2004 = new Map(interactionValues('2004', 0, wrong!, 0));
    // SCORM 2004 spells ids as short identifiers, a hyphen as an underscore (Moodle refuses hyphens).
    expect(values2004.get('cmi.interactions.0.learner_response')).toBe(
      [...(ordering.type === 'ordering' ? ordering.items : [])]
        .reverse()
        .map((id) => id.replaceAll('-', '_'))
        .join('[,]'),
    );
    expect(values2004.get('cmi.interactions.0.result')).toBe('incorrect');
    // Small saves: no description, no timestamp (see INTERACTION_BUDGET).
    expect([...values2004.keys()].filter((k) => /description|timestamp/.test(k))).toEqual([]);
  });

  it('reports nothing for questions left unanswered, or for answers of another shape', () => {
    const quiz = spec('quiz');
    const first = quiz.questions[0]!;
    const attempt = attemptAt(quiz, random(1), 1, at, 60);
    const partial = {
      ...attempt,
      answers: { seed: 1, responses: { [first.id]: (attempt.answers as { responses: Record<string, never> }).responses[first.id]! } },
    };
    expect(attemptInteractions(quiz, partial).map((i) => i.id)).toEqual([`${quiz.id}.${first.id}`]);
    expect(attemptInteractions(quiz, { ...attempt, answers: null })).toEqual([]);
    expect(attemptInteractions(quiz, { ...attempt, answers: ['a', 'b'] })).toEqual([]);
  });

  it('a role-play: one choice per decision; good lines correct, poor lines wrong, mixed ones neutral; the node’s good lines are the pattern', () => {
    const scenario = spec('scenario');
    const attempt = attemptAt(scenario, random(3), 0, at, 60);
    const path = (attempt.answers as { path: [string, string][] }).path;
    const interactions = attemptInteractions(scenario, attempt);
    expect(interactions).toHaveLength(path.length);
    interactions.forEach((interaction, k) => {
      const [nodeId, choiceId] = path[k]!;
      const node = scenario.nodes.find((n) => n.id === nodeId)!;
      const verdict = node.choices.find((c) => c.id === choiceId)!.verdict;
      expect(interaction).toMatchObject({
        id: `${scenario.id}.${nodeId}`,
        type: 'choice',
        result: { good: 'correct', poor: 'wrong', mixed: 'neutral' }[verdict],
      });
      expect(interaction.correct.map((c) => (c.kind === 'ids' ? c.tokens[0]!.id : ''))).toEqual(
        node.choices.filter((c) => c.verdict === 'good').map((c) => c.id),
      );
    });
    const { api } = sendTo('2004', interactions);
    expect(api!.GetValue('cmi.interactions.0.learner_response')).toBe(shortIdentifier(path[0]![1]));
  });

  it('the personality set: the type named and the approach chosen, each against the right one', () => {
    const set = spec('classification');
    const item = set.items[0]!;
    const attempt = {
      ...attemptAt(set, random(1), 1, at, 60),
      answers: { seed: 1, responses: { [item.id]: { type: item.type, serve: item.options.find((o) => o !== item.right)! } } },
    };
    const [named, served] = attemptInteractions(set, attempt);
    expect(named).toMatchObject({
      id: `${set.id}.${item.id}.type`,
      result: 'correct',
      response: { kind: 'ids', tokens: [{ id: item.type }] },
    });
    expect(served).toMatchObject({ id: `${set.id}.${item.id}.serve`, result: 'wrong' });
  });

  it('the self-assessment: likert ratings with no right answer', () => {
    const assessment = spec('assessment');
    const interactions = attemptInteractions(assessment, attemptAt(assessment, random(1), 1, at, 60));
    expect(interactions).toHaveLength(assessment.items.length);
    expect(interactions.every((i) => i.type === 'likert' && i.result === 'neutral' && i.correct.length === 0)).toBe(true);
  });
});
