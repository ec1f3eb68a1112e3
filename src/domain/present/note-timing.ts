/**
 * Trainer notes end by saying how long their section takes in class: "……约 3 分钟。" When a note
 * mentions other durations on the way ("给学员约 8 分钟完成自测……约 15 分钟（含自测）"), the last
 * "约 N 分钟" is the section's own; a note with none states no timing.
 */
const TIMING = /约\s*(\d+)\s*分钟/g;

export function noteMinutes(text: string): number | undefined {
  // Emphasis marks may sit around the figure in the MDX source but not in the rendered text.
  const last = [...text.replace(/[*_]/g, '').matchAll(TIMING)].at(-1);
  return last ? Number(last[1]) : undefined;
}

/** The minutes several notes state together, or undefined when none states any. */
export function notesMinutes(texts: readonly string[]): number | undefined {
  const stated = texts.map(noteMinutes).filter((m): m is number => m !== undefined);
  return stated.length > 0 ? stated.reduce((sum, m) => sum + m, 0) : undefined;
}
