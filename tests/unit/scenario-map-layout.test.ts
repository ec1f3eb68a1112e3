import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { ANYTIME, START, layoutScenarioMap, type MapLayout } from '../../src/domain/scenario/map-layout.ts';
import { scenarioSchema, type Scenario } from '../../src/schemas/scenario.ts';
import { example } from './scenario-fixture.ts';

const overlaps = (layout: MapLayout) => {
  const found: string[] = [];
  layout.boxes.forEach((a, i) =>
    layout.boxes.slice(i + 1).forEach((b) => {
      if (a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h) found.push(`${a.id}×${b.id}`);
    }),
  );
  return found;
};

/** A 40-node scenario: a spine with two side branches at every step that rejoin two steps on, and a loop back. */
function fortyNodes(): Scenario {
  const id = (i: number) => `n${i}`;
  const nodes = Array.from({ length: 40 }, (_, i) => ({
    id: id(i),
    say: `第 ${i} 句`,
    choices: [
      { id: 'good', say: '好', verdict: 'good', feedback: '好', next: i === 39 ? 'win' : id(i + 1) },
      { id: 'skip', say: '跳', verdict: 'mixed', feedback: '跳', next: i >= 37 ? 'lose' : id(i + 3) },
      ...(i % 5 === 4 ? [{ id: 'bad', say: '差', verdict: 'poor', feedback: '差', next: 'lose' }] : []),
    ],
  }));
  return scenarioSchema.parse({
    id: 'forty',
    title: '四十个节点',
    summary: '测试',
    situation: '测试',
    channel: 'phone',
    customer: { name: '客户', personality: 'powerful', problem: '测试', mood: 5 },
    sources: ['003_fab1691d02cd859c.txt'],
    triggers: [{ id: 'boil', when: { moodAtMost: 0 }, to: 'lose', say: '走了' }],
    start: 'n0',
    nodes,
    endings: [
      { id: 'win', outcome: 'loyal', title: '好', say: '好', debrief: '好' },
      { id: 'lose', outcome: 'lost', title: '差', say: '差', debrief: '差' },
    ],
  });
}

describe('layoutScenarioMap', () => {
  test('draws a box for the start, every node, every ending and the trigger source, none overlapping', () => {
    const s = example();
    const layout = layoutScenarioMap(s);
    expect(layout.boxes.map((b) => b.id).sort()).toEqual([ANYTIME, START, 'gone', 'loyal', 'opening', 'resolved', 'what-now'].sort());
    expect(overlaps(layout)).toEqual([]);
  });

  test('puts every ending on the bottom row, below every node', () => {
    const layout = layoutScenarioMap(example());
    const endings = layout.boxes.filter((b) => b.kind === 'ending');
    const lowestNode = Math.max(...layout.boxes.filter((b) => b.kind === 'node').map((b) => b.y));
    expect(new Set(endings.map((b) => b.y)).size).toBe(1);
    expect(endings[0]!.y).toBeGreaterThan(lowestNode);
  });

  test('draws one edge per way out, marking conditional branches, fallbacks and triggers', () => {
    const edges = layoutScenarioMap(example()).edges.map((e) => ({
      from: e.from,
      to: e.to,
      choices: e.choices.map((c) => c.id),
      conditional: e.when !== undefined,
      fallback: e.fallback,
      trigger: e.trigger,
    }));
    expect(edges).toEqual(
      expect.arrayContaining([
        { from: START, to: 'opening', choices: [], conditional: false, fallback: false, trigger: undefined },
        { from: 'what-now', to: 'resolved', choices: ['fix-now'], conditional: true, fallback: false, trigger: undefined },
        { from: 'what-now', to: 'loyal', choices: ['fix-now'], conditional: false, fallback: true, trigger: undefined },
        { from: ANYTIME, to: 'gone', choices: [], conditional: true, fallback: false, trigger: 'gives-up' },
        // Two choices of one node leading to the same node share one edge.
        {
          from: 'opening',
          to: 'what-now',
          choices: ['thank-and-apologise', 'blame-courier'],
          conditional: false,
          fallback: false,
          trigger: undefined,
        },
      ]),
    );
  });

  test('stays readable at 40 nodes: no overlapping boxes, a bounded width, edges that skip rows routed between them', () => {
    const layout = layoutScenarioMap(fortyNodes());
    expect(layout.boxes.filter((b) => b.kind === 'node')).toHaveLength(40);
    expect(overlaps(layout)).toEqual([]);
    expect(layout.width).toBeLessThan(1600);
    const skip = layout.edges.find((e) => e.from === 'n0' && e.to === 'n3')!;
    expect(skip.points.length).toBeGreaterThan(2);
  });

  test('lays out every shipped scenario without overlapping boxes', () => {
    const ids = ['angry-powerful-delayed-order', 'cause-staff-attitude', 'peaceful-silent-leaver'];
    for (const id of ids) {
      const s = scenarioSchema.parse(parse(readFileSync(new URL(`../../content/scenarios/${id}.yaml`, import.meta.url), 'utf8')));
      expect(overlaps(layoutScenarioMap(s)), id).toEqual([]);
    }
  });
});
