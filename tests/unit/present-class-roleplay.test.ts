import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { choiceKey, classRoleplayView, replayData } from '../../src/domain/present/class-roleplay.ts';
import { choose, nodeById, replay } from '../../src/domain/scenario/engine.ts';
import { initialState, type RunState } from '../../src/domain/scenario/state.ts';
import { scenarioSchema, type Scenario } from '../../src/schemas/scenario.ts';

const dir = new URL('../../content/scenarios/', import.meta.url);
const shipped: Scenario[] = readdirSync(dir)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => scenarioSchema.parse(parse(readFileSync(new URL(f, dir), 'utf8'))));
const leaver = shipped.find((s) => s.id === 'peaceful-silent-leaver')!;

describe('classRoleplayView', () => {
  it('starts where the scenario starts, with the customer’s starting mood and no steps', () => {
    const { state, path, last } = classRoleplayView(leaver, []);
    expect(state).toMatchObject({ at: 'pickup', ended: false, mood: 4, steps: [] });
    expect(path).toEqual([]);
    expect(last).toBeUndefined();
  });

  it('sends the same reply to different places depending on the customer’s mood, as the engine does', () => {
    // Asking first keeps her mood up: blaming her afterwards makes her back off, but she stays.
    const asked = classRoleplayView(leaver, ['pickup/notice-and-ask', 'hesitates/check-the-order']);
    expect(asked.state).toMatchObject({ at: 'backs-off', ended: false, mood: 3 });
    expect(asked.last?.trigger).toBeUndefined();
    // Charging her first leaves her mood low: the same reply sets off the "slips away" trigger.
    const charged = classRoleplayView(leaver, ['pickup/just-charge', 'paying/catch-the-mutter', 'hesitates/check-the-order']);
    expect(charged.state).toMatchObject({ at: 'quietly-gone', ended: true, mood: 2 });
    expect(charged.last).toMatchObject({ choice: { id: 'check-the-order' }, trigger: { id: 'slips-away' }, moodBefore: 4, moodAfter: 2 });
  });

  it('takes a conditional branch by the mood the room has built up', () => {
    const best = ['notice-and-ask', 'thank-her', 'my-responsibility', 'confirm-details', 'remake-and-deliver', 'ask-if-happy'];
    const bumpy = [
      ...['notice-and-ask', 'check-the-order', 'my-fault', 'pick-them-off', 'no-risk', 'go-home-and-wait'],
      ...['get-the-facts', 'tomorrow', 'squeeze-it-in', 'ask-if-happy'],
    ];
    const keysOf = (choices: string[]) => {
      let state = initialState(leaver);
      return [...choices, 'never-again'].map((choice) => {
        const key = choiceKey(state.at, choice);
        state = choose(leaver, state, choice);
        return key;
      });
    };
    expect(classRoleplayView(leaver, keysOf(best)).state).toMatchObject({ at: 'regular-again', mood: 10 });
    expect(classRoleplayView(leaver, keysOf(bumpy)).state).toMatchObject({ at: 'grateful-but', mood: 7 });
  });

  it('counts the steps the room’s replies carried out', () => {
    const { state } = classRoleplayView(leaver, ['pickup/notice-and-ask', 'hesitates/thank-her']);
    expect(state.steps).toEqual(['thank', 'explain-gratitude']);
  });

  it('drops a stale tail: a key of another node, an unknown choice, a malformed key, a choice after the end', () => {
    const start = ['pickup/notice-and-ask'];
    for (const stale of ['pickup/notice-and-ask', 'hesitates/shout', 'nonsense', '/x']) {
      const view = classRoleplayView(leaver, [...start, stale, 'hesitates/thank-her']);
      expect(view.path).toEqual(start);
      expect(view.state.at).toBe('hesitates');
    }
    const ended = ['pickup/just-charge', 'paying/happy-birthday'];
    expect(classRoleplayView(leaver, [...ended, 'paying/happy-birthday']).path).toEqual(ended);
  });
});

/** A random run through a scenario: at each node, one of its choices, until an ending or `length` moves. */
const randomWalk = (scenario: Scenario) =>
  fc.array(fc.nat(), { maxLength: 20 }).map((picks) => {
    let state: RunState = initialState(scenario);
    const keys: string[] = [];
    for (const pick of picks) {
      const node = nodeById(scenario, state.at);
      if (state.ended || !node) break;
      const choice = node.choices[pick % node.choices.length]!;
      keys.push(choiceKey(node.id, choice.id));
      state = choose(scenario, state, choice.id);
    }
    return keys;
  });

describe('replayData', () => {
  it('keeps no words, only what the engine needs', () => {
    const json = JSON.stringify(replayData(leaver));
    for (const words of [leaver.title, leaver.situation, leaver.customer.name, leaver.nodes[0]!.say, leaver.endings[0]!.debrief]) {
      expect(json).not.toContain(words);
    }
  });

  it.each(shipped.map((s) => [s.id, s] as const))('replays every run of %s exactly as the full scenario does', (_, scenario) => {
    const data = replayData(scenario);
    fc.assert(
      fc.property(randomWalk(scenario), (keys) => {
        const inClass = classRoleplayView(data, keys);
        const learner = replay(
          scenario,
          keys.map((k) => k.split('/') as [string, string]),
        );
        expect(learner.ok).toBe(true);
        if (learner.ok) expect(inClass.state).toEqual(learner.state);
        expect(inClass.path).toEqual(keys);
      }),
      { numRuns: 200 },
    );
  });
});
