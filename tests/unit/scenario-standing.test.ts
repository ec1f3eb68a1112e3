import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { activityResults } from '../../src/domain/progress/reducers.ts';
import { bestRun } from '../../src/domain/scenario/best-path.ts';
import { scenarioMinutes, SECONDS_PER_REPLY } from '../../src/domain/scenario/minutes.ts';
import { scenarioStanding } from '../../src/domain/scenario/standing.ts';
import { scenarioSchema } from '../../src/schemas/scenario.ts';
import { attempted } from '../fixtures/progress-events.ts';
import { example } from './scenario-fixture.ts';

const dir = new URL('../../content/scenarios/', import.meta.url);
const shipped = readdirSync(dir)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => scenarioSchema.parse(parse(readFileSync(new URL(f, dir), 'utf8'))));

const run = (id: string, at: number, score: number, passed: boolean) =>
  attempted(id, at, 'angry-powerful-delayed-order', { activityKind: 'scenario', score, maxScore: 100, passed });
const standing = (...events: ReturnType<typeof run>[]) => scenarioStanding(activityResults(events).get('angry-powerful-delayed-order'));

describe('where a learner stands with a role-play', () => {
  it('is not started before any finished run', () => {
    expect(standing()).toEqual({ state: 'not-started' });
  });

  it('counts the runs and shows the best points, not the latest, while none has passed', () => {
    expect(standing(run('a', 1, 40, false), run('b', 2, 55, false), run('c', 3, 30, false))).toEqual({
      state: 'practised',
      runs: 3,
      best: 55,
      max: 100,
    });
  });

  it('is passed once a run passes, and stays passed after a worse run', () => {
    expect(standing(run('a', 1, 40, false), run('b', 2, 85, true), run('c', 3, 20, false))).toEqual({
      state: 'passed',
      runs: 3,
      best: 85,
      max: 100,
    });
  });
});

describe('how long a role-play takes', () => {
  it('is the replies on the best way through at about 40 seconds each: two replies make a minute', () => {
    expect(bestRun(example())!.path).toHaveLength(2);
    expect(SECONDS_PER_REPLY).toBe(40);
    expect(scenarioMinutes(example())).toBe(1);
  });

  it('comes to the 4–5 minutes the lessons budget for each shipped role-play', () => {
    for (const scenario of shipped)
      expect([scenario.id, scenarioMinutes(scenario)]).toEqual([scenario.id, expect.toSatisfy((m: number) => m >= 4 && m <= 5)]);
  });
});
