/**
 * Geometry for a cycle of steps (a 服务圈, a four-step loop): the steps sit in boxes around the
 * edge of a grid, so the loop closes the way a circle does, while every label stays horizontal
 * and as large on a 360 px phone as a column allows. A circle of sixteen labels would need type
 * too small to read there.
 *
 * Pure geometry in viewBox units, no DOM, so a unit test can hold every layout to its promises:
 * boxes never overlap, every step has a box, and each arrow joins two neighbours on the loop.
 */

export interface CycleOptions {
  /** Boxes across. Narrow layouts use 2 (down the left, back up the right). */
  columns: number;
  /** Box width and the font size used to wrap labels, in viewBox units. */
  boxWidth: number;
  fontSize: number;
  /** Space between boxes, where the arrows run. */
  gap: number;
}

export interface CycleBox {
  /** 1-based step number as the lesson counts it. */
  n: number;
  x: number;
  y: number;
  width: number;
  height: number;
  /** The label broken into lines that fit the box. */
  lines: string[];
}

export interface CycleLayout {
  width: number;
  height: number;
  fontSize: number;
  lineHeight: number;
  boxes: CycleBox[];
  /** One polyline per arrow, from a step to the next and from the last back to the first. */
  arrows: { points: [number, number][] }[];
}

/** The step number sits in a badge on each box's top-left corner, half outside the box. */
export const BADGE_RADIUS = 13;
const MARGIN = BADGE_RADIUS + 2;
const PAD_Y = BADGE_RADIUS + 3;
const PAD_X = 8;

/** Breaks a label into lines of at most `perLine` characters, preferring to break after 、，；. */
export function wrapLabel(label: string, perLine: number): string[] {
  const chars = [...label];
  if (perLine < 1) throw new Error('A line must hold at least one character.');
  const lines: string[] = [];
  let rest = chars;
  while (rest.length > perLine) {
    const slice = rest.slice(0, perLine);
    const punct = Math.max(...['，', '、', '；'].map((p) => slice.lastIndexOf(p)));
    // Break after punctuation only if it leaves a reasonably full line; otherwise cut at the width.
    const cut = punct >= Math.floor(perLine / 2) ? punct + 1 : perLine;
    lines.push(rest.slice(0, cut).join(''));
    rest = rest.slice(cut);
  }
  if (rest.length > 0) lines.push(rest.join(''));
  return lines;
}

/** The cells around the edge of a `columns` × `rows` grid, from the top-left corner. */
function perimeter(columns: number, rows: number): [number, number][] {
  if (columns === 1) return Array.from({ length: rows }, (_, r) => [0, r]);
  if (rows === 1) return Array.from({ length: columns }, (_, c) => [c, 0]);
  const cells: [number, number][] = [];
  if (columns === 2) {
    // Down the left and back up the right: the reading order of a phone.
    for (let r = 0; r < rows; r++) cells.push([0, r]);
    for (let r = rows - 1; r >= 0; r--) cells.push([1, r]);
    return cells;
  }
  // Clockwise: along the top, down the right, back along the bottom, up the left.
  for (let c = 0; c < columns; c++) cells.push([c, 0]);
  for (let r = 1; r < rows; r++) cells.push([columns - 1, r]);
  for (let c = columns - 2; c >= 0; c--) cells.push([c, rows - 1]);
  for (let r = rows - 2; r >= 1; r--) cells.push([0, r]);
  return cells;
}

/** Fewest rows whose grid edge holds `steps` boxes with `columns` across. */
export function rowsFor(steps: number, columns: number): number {
  if (columns <= 2) return Math.max(1, Math.ceil(steps / Math.max(columns, 1)));
  return Math.max(2, Math.ceil((steps + 4 - 2 * columns) / 2));
}

export function cycleLayout(labels: readonly string[], options: CycleOptions): CycleLayout {
  const { boxWidth, fontSize, gap } = options;
  const columns = Math.max(1, Math.min(options.columns, labels.length));
  const rows = rowsFor(labels.length, columns);
  const cells = perimeter(columns, rows);
  const lineHeight = Math.round(fontSize * 1.3);
  const perLine = Math.max(1, Math.floor((boxWidth - 2 * PAD_X) / fontSize));
  const wrapped = labels.map((label) => wrapLabel(label, perLine));

  // Every box in a row is as tall as the row's longest label needs.
  const rowLines = Array.from({ length: rows }, () => 1);
  wrapped.forEach((lines, i) => {
    const [, r] = cells[i]!;
    rowLines[r] = Math.max(rowLines[r]!, lines.length);
  });
  const rowHeight = rowLines.map((n) => n * lineHeight + 2 * PAD_Y);
  const rowTop = rowHeight.map((_, r) => MARGIN + rowHeight.slice(0, r).reduce((s, h) => s + h + gap, 0));
  const columnLeft = (c: number) => MARGIN + c * (boxWidth + gap);

  const boxes: CycleBox[] = wrapped.map((lines, i) => {
    const [c, r] = cells[i]!;
    return { n: i + 1, x: columnLeft(c), y: rowTop[r]!, width: boxWidth, height: rowHeight[r]!, lines };
  });

  const centre = ([c, r]: [number, number]): [number, number] => [columnLeft(c) + boxWidth / 2, rowTop[r]! + rowHeight[r]! / 2];
  // Where the line from a box's centre towards a neighbouring cell leaves the box.
  const edge = (box: CycleBox, toward: [number, number]): [number, number] => {
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    if (Math.abs(toward[0] - cx) > Math.abs(toward[1] - cy)) return [toward[0] > cx ? box.x + box.width : box.x, cy];
    return [cx, toward[1] > cy ? box.y + box.height : box.y];
  };

  const arrows = boxes.map((box, i) => {
    // From this box along the grid's edge to the next box, through any cells left empty.
    const last = i === boxes.length - 1;
    const via = last ? cells.slice(boxes.length).map(centre) : [];
    const next = boxes[last ? 0 : i + 1]!;
    const nextCentre = centre(cells[last ? 0 : i + 1]!);
    const start = edge(box, via[0] ?? nextCentre);
    const end = edge(next, via.at(-1) ?? centre(cells[i]!));
    return { points: [start, ...via, end] };
  });
  if (boxes.length < 2) arrows.length = 0;

  const width = 2 * MARGIN + columns * boxWidth + (columns - 1) * gap;
  const height = 2 * MARGIN + rowHeight.reduce((s, h) => s + h, 0) + (rows - 1) * gap;
  return { width, height, fontSize, lineHeight, boxes, arrows };
}
