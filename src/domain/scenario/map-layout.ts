import type { Condition, Scenario, Verdict } from '../../schemas/scenario.ts';

/**
 * Geometry of a scenario's branch map: a layered drawing (Sugiyama-style, kept small) with the
 * start at the top, the conversation flowing down and every ending on the bottom row. Edges
 * that skip rows pass through invisible waypoints, so they run between boxes instead of over
 * them; crossings are reduced by a few barycentre sweeps. Pure geometry: the component that
 * draws it adds the words.
 */

export type BoxKind = 'start' | 'node' | 'ending' | 'anytime';

export interface MapBox {
  /** Node or ending id; `@start` and `@anytime` for the two markers. */
  id: string;
  kind: BoxKind;
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface MapEdge {
  /** Stable key, e.g. `opening>hears-you`. */
  key: string;
  from: string;
  to: string;
  /** The choices that take this edge (one edge per source, target and condition). */
  choices: { id: string; verdict: Verdict; index: number }[];
  /** The branch condition or trigger condition; absent for plain and fallback edges. */
  when?: Condition;
  /** A fallback branch of a conditional transition ("otherwise"). */
  fallback: boolean;
  /** The trigger this edge stands for, if it is one. */
  trigger?: string;
  /** Points the edge passes through, source to target. */
  points: { x: number; y: number }[];
  /** SVG path data through the points. */
  d: string;
  /** Goes back up the map (a loop). */
  back: boolean;
}

export interface MapLayout {
  width: number;
  height: number;
  boxes: MapBox[];
  edges: MapEdge[];
}

export const START = '@start';
export const ANYTIME = '@anytime';

const SIZE = {
  node: { w: 176, h: 72 },
  ending: { w: 176, h: 72 },
  start: { w: 88, h: 36 },
  anytime: { w: 120, h: 36 },
  waypoint: { w: 16, h: 0 },
};
const GAP_X = 36;
const ROW = 150;
const MARGIN = 24;

interface Item {
  id: string;
  kind: BoxKind | 'waypoint';
  rank: number;
  w: number;
  h: number;
  x: number;
  order: number;
}

export function layoutScenarioMap(scenario: Scenario): MapLayout {
  const nodeIds = scenario.nodes.map((n) => n.id);
  const endingIds = new Set(scenario.endings.map((e) => e.id));

  // Edges, merged when several choices of one node lead to the same place the same way.
  const edges = new Map<string, Omit<MapEdge, 'points' | 'd' | 'back'>>();
  const addEdge = (
    from: string,
    to: string,
    choice: MapEdge['choices'][number] | undefined,
    extra: Pick<MapEdge, 'fallback'> & { when?: Condition; trigger?: string },
  ) => {
    const key = `${from}>${to}${extra.when ? `?${JSON.stringify(extra.when)}` : ''}${extra.fallback ? '!' : ''}${extra.trigger ? `#${extra.trigger}` : ''}`;
    const edge = edges.get(key) ?? { key, from, to, choices: [], ...extra };
    if (choice) edge.choices.push(choice);
    edges.set(key, edge);
  };
  addEdge(START, scenario.start, undefined, { fallback: false });
  for (const node of scenario.nodes) {
    node.choices.forEach((choice, index) => {
      const c = { id: choice.id, verdict: choice.verdict, index };
      if (typeof choice.next === 'string') addEdge(node.id, choice.next, c, { fallback: false });
      else
        choice.next.forEach((branch, i) => {
          const last = i === choice.next.length - 1;
          addEdge(node.id, branch.to, c, branch.when ? { when: branch.when, fallback: false } : { fallback: last });
        });
    });
  }
  for (const trigger of scenario.triggers)
    addEdge(ANYTIME, trigger.to, undefined, { when: trigger.when, fallback: false, trigger: trigger.id });

  // Ranks: longest path from the start over forward edges; back edges (loops) are found by a
  // depth-first walk in authoring order and left out of the ranking.
  const out = new Map<string, string[]>();
  for (const e of edges.values()) if (e.from !== ANYTIME) out.set(e.from, [...(out.get(e.from) ?? []), e.to]);
  const back = new Set<string>();
  const state = new Map<string, 'open' | 'done'>();
  const walk = (id: string) => {
    state.set(id, 'open');
    for (const to of out.get(id) ?? []) {
      if (state.get(to) === 'open') back.add(`${id}>${to}`);
      else if (!state.has(to)) walk(to);
    }
    state.set(id, 'done');
  };
  walk(START);
  for (const id of nodeIds) if (!state.has(id)) walk(id);

  const rank = new Map<string, number>([[START, 0]]);
  const order = [START, ...nodeIds];
  for (let changed = true, rounds = 0; changed && rounds < order.length + 2; rounds++) {
    changed = false;
    for (const e of edges.values()) {
      if (e.from === ANYTIME || endingIds.has(e.to) || back.has(`${e.from}>${e.to}`)) continue;
      const r = (rank.get(e.from) ?? 0) + 1;
      if (r > (rank.get(e.to) ?? -1)) {
        rank.set(e.to, r);
        changed = true;
      }
    }
  }
  for (const id of nodeIds) if (!rank.has(id)) rank.set(id, 1);
  const lastRank = Math.max(1, ...[...rank.values()]) + 1;
  for (const id of endingIds) rank.set(id, lastRank);
  if (scenario.triggers.length > 0) rank.set(ANYTIME, 0);

  // Items per rank, with waypoints for edges that skip rows.
  const items = new Map<string, Item>();
  const add = (id: string, kind: Item['kind']) => {
    const size = SIZE[kind];
    items.set(id, { id, kind, rank: rank.get(id) ?? 0, w: size.w, h: size.h, x: 0, order: items.size });
  };
  add(START, 'start');
  if (scenario.triggers.length > 0) add(ANYTIME, 'anytime');
  for (const id of nodeIds) add(id, 'node');
  for (const id of endingIds) add(id, 'ending');
  const chains = new Map<string, string[]>();
  for (const e of edges.values()) {
    const from = rank.get(e.from) ?? 0;
    const to = rank.get(e.to) ?? 0;
    const chain = [e.from];
    if (to > from + 1) {
      for (let r = from + 1; r < to; r++) {
        const id = `${e.key}~${r}`;
        items.set(id, { id, kind: 'waypoint', rank: r, w: SIZE.waypoint.w, h: 0, x: 0, order: items.size });
        chain.push(id);
      }
    }
    chain.push(e.to);
    chains.set(e.key, chain);
  }
  const neighbours = new Map<string, { up: string[]; down: string[] }>();
  const link = (a: string, b: string) => {
    const ia = items.get(a);
    const ib = items.get(b);
    if (!ia || !ib || ia.rank === ib.rank) return;
    const [hi, lo] = ia.rank < ib.rank ? [a, b] : [b, a];
    neighbours.set(hi, { up: neighbours.get(hi)?.up ?? [], down: [...(neighbours.get(hi)?.down ?? []), lo] });
    neighbours.set(lo, { up: [...(neighbours.get(lo)?.up ?? []), hi], down: neighbours.get(lo)?.down ?? [] });
  };
  for (const chain of chains.values()) for (let i = 1; i < chain.length; i++) link(chain[i - 1]!, chain[i]!);

  const rows: Item[][] = [];
  for (const item of items.values()) (rows[item.rank] ??= []).push(item);
  for (const row of rows) row?.sort((a, b) => a.order - b.order);
  const position = () => rows.forEach((row) => row?.forEach((item, i) => (item.order = i)));
  position();

  // Barycentre sweeps: order each row by the average position of its neighbours above, then below.
  const bary = (item: Item, side: 'up' | 'down') => {
    const ns = (neighbours.get(item.id)?.[side] ?? []).map((id) => items.get(id)!.order);
    return ns.length === 0 ? item.order : ns.reduce((a, b) => a + b, 0) / ns.length;
  };
  for (let sweep = 0; sweep < 6; sweep++) {
    const side = sweep % 2 === 0 ? 'up' : 'down';
    const sequence = side === 'up' ? rows.slice(1) : rows.slice(0, -1).reverse();
    for (const row of sequence) {
      if (!row) continue;
      const keyed = row.map((item) => ({ item, key: bary(item, side) }));
      keyed.sort((a, b) => a.key - b.key || a.item.order - b.item.order);
      row.splice(0, row.length, ...keyed.map((k) => k.item));
      row.forEach((item, i) => (item.order = i));
    }
  }

  // x: pack each row, then pull items toward their neighbours, keeping order and spacing.
  const rowWidth = (row: Item[]) => row.reduce((sum, item) => sum + item.w, 0) + GAP_X * Math.max(0, row.length - 1);
  const widest = Math.max(...rows.map((row) => (row ? rowWidth(row) : 0)));
  for (const row of rows) {
    if (!row) continue;
    let x = (widest - rowWidth(row)) / 2;
    for (const item of row) {
      item.x = x + item.w / 2;
      x += item.w + GAP_X;
    }
  }
  const spread = (row: Item[]) => {
    for (let i = 1; i < row.length; i++) {
      const min = row[i - 1]!.x + (row[i - 1]!.w + row[i]!.w) / 2 + GAP_X;
      if (row[i]!.x < min) row[i]!.x = min;
    }
    const overflow = (row[row.length - 1]?.x ?? 0) + (row[row.length - 1]?.w ?? 0) / 2 - widest;
    if (overflow > 0) {
      row[row.length - 1]!.x -= overflow;
      for (let i = row.length - 2; i >= 0; i--) {
        const max = row[i + 1]!.x - (row[i + 1]!.w + row[i]!.w) / 2 - GAP_X;
        if (row[i]!.x > max) row[i]!.x = max;
      }
    }
  };
  for (let pass = 0; pass < 8; pass++) {
    for (const row of rows) {
      if (!row) continue;
      for (const item of row) {
        const ns = [...(neighbours.get(item.id)?.up ?? []), ...(neighbours.get(item.id)?.down ?? [])].map((id) => items.get(id)!.x);
        if (ns.length > 0) item.x = (item.x + ns.reduce((a, b) => a + b, 0) / ns.length) / 2;
      }
      spread(row);
    }
  }
  const minX = Math.min(...[...items.values()].map((i) => i.x - i.w / 2));
  for (const item of items.values()) item.x += MARGIN - minX;
  const width = Math.max(...[...items.values()].map((i) => i.x + i.w / 2)) + MARGIN;
  const height = MARGIN * 2 + lastRank * ROW + SIZE.ending.h;
  const yOf = (item: Item) => MARGIN + item.rank * ROW;

  const boxes: MapBox[] = [...items.values()]
    .filter((i): i is Item & { kind: BoxKind } => i.kind !== 'waypoint')
    .map((i) => ({ id: i.id, kind: i.kind, x: i.x - i.w / 2, y: yOf(i), w: i.w, h: i.h }));

  // Loops run back up a lane on the right of the drawing, crossing rows only in the gaps between them.
  let lanes = 0;
  const laneX = (lane: number) => width + GAP_X / 2 + lane * 10;
  const laidOut: MapEdge[] = [...edges.values()].map((e) => {
    const chain = chains.get(e.key)!.map((id) => items.get(id)!);
    const first = chain[0]!;
    const last = chain[chain.length - 1]!;
    const isBack = e.from !== ANYTIME && (back.has(`${e.from}>${e.to}`) || first.rank >= last.rank);
    if (isBack) {
      const x = laneX(lanes++);
      const below = yOf(first) + first.h + 14;
      const above = yOf(last) - 14;
      const points = [
        { x: first.x, y: yOf(first) + first.h },
        { x: first.x, y: below },
        { x, y: below },
        { x, y: above },
        { x: last.x, y: above },
        { x: last.x, y: yOf(last) },
      ];
      return { ...e, points, d: polyline(points), back: true };
    }
    const points = [
      { x: first.x, y: yOf(first) + first.h },
      ...chain.slice(1, -1).map((w) => ({ x: w.x, y: yOf(w) + ROW * 0.3 })),
      { x: last.x, y: yOf(last) },
    ];
    return { ...e, points, d: smooth(points), back: false };
  });

  const fullWidth = lanes > 0 ? laneX(lanes - 1) + MARGIN + 24 : width;
  return { width: Math.ceil(fullWidth), height: Math.ceil(height), boxes, edges: laidOut };
}

const r = (n: number) => Math.round(n * 10) / 10;

function polyline(points: { x: number; y: number }[]): string {
  return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${r(p.x)},${r(p.y)}`).join(' ');
}

/** A curve through the points, leaving and entering each one vertically. */
function smooth(points: { x: number; y: number }[]): string {
  let d = `M${r(points[0]!.x)},${r(points[0]!.y)}`;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    const mid = (a.y + b.y) / 2;
    d += ` C${r(a.x)},${r(mid)} ${r(b.x)},${r(mid)} ${r(b.x)},${r(b.y)}`;
  }
  return d;
}
