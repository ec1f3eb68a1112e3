/**
 * Line breaks for a short Chinese label under a narrow column of a diagram (a step of a journey
 * map on a slide): as few lines as the width allows, the lines as even as possible, a break after
 * a comma when that keeps every line within the width, and never a line that starts with a
 * closing mark (，、。；：”）》) or ends with an opening one (“（《), as Chinese typesetting has it.
 */

const BREAK_AFTER = new Set(['，', '、', '；']);
const NO_LINE_START = new Set(['，', '、', '。', '；', '：', '！', '？', '”', '’', '）', '》']);
const NO_LINE_END = new Set(['“', '‘', '（', '《']);

export function balancedLines(label: string, perLine: number): string[] {
  if (perLine < 2) throw new Error('A line must hold at least two characters.');
  const chars = [...label];
  if (chars.length <= perLine) return [chars.join('')];

  // Two lines, cut after the punctuation mark nearest the middle that leaves both within the width.
  if (chars.length <= perLine * 2) {
    const cuts = chars
      .map((c, i) => (BREAK_AFTER.has(c) ? i + 1 : -1))
      .filter((cut) => cut > 0 && cut < chars.length && cut <= perLine && chars.length - cut <= perLine && !NO_LINE_START.has(chars[cut]!))
      .sort((a, b) => Math.abs(a - chars.length / 2) - Math.abs(b - chars.length / 2));
    if (cuts.length) return [chars.slice(0, cuts[0]).join(''), chars.slice(cuts[0]).join('')];
  }

  // Otherwise the fewest lines, the shorter ones first; a closing mark is pulled up to the line
  // before and an opening mark pushed down to the line after (so a line may run one over).
  const count = Math.ceil(chars.length / perLine);
  const lines: string[][] = [];
  let at = 0;
  for (let line = 0; line < count; line++) {
    let end = at + Math.floor((chars.length - at) / (count - line));
    while (end < chars.length && NO_LINE_START.has(chars[end]!)) end++;
    while (end < chars.length && end - 1 > at && NO_LINE_END.has(chars[end - 1]!)) end--;
    if (end > at) lines.push(chars.slice(at, end));
    at = end;
  }
  return lines.map((line) => line.join(''));
}
