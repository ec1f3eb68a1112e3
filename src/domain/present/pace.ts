/**
 * How the trainer is doing against the lesson's planned minutes. Each lesson's minutes are
 * spread evenly over its slides; being on slide i means the plan expected between the end of
 * slide i−1 and the end of slide i to have passed. Outside that window by more than the
 * tolerance, the trainer is ahead or behind by the distance to it.
 */
export interface Pace {
  status: 'on-pace' | 'ahead' | 'behind';
  /** How far ahead or behind, in whole minutes (rounded, at least 1 when not on pace). */
  minutes: number;
  /** The whole plan in ms. */
  plannedMs: number;
}

/** Half a minute either way still counts as on pace. */
const TOLERANCE_MS = 30_000;

/** Per-slide plans for a presentation made of parts (lessons) of `minutes` over `slides` slides each. */
export function slidePlan(parts: readonly { minutes: number; slides: number }[]): number[] {
  return parts.flatMap(({ minutes, slides }) =>
    Array.from({ length: Math.max(0, slides) }, () => (slides > 0 ? (minutes * 60_000) / slides : 0)),
  );
}

export function pace(elapsedMs: number, plan: readonly number[], current: number): Pace {
  const plannedMs = plan.reduce((sum, ms) => sum + ms, 0);
  const slide = Math.min(Math.max(0, current), Math.max(0, plan.length - 1));
  const startMs = plan.slice(0, slide).reduce((sum, ms) => sum + ms, 0);
  const endMs = startMs + (plan[slide] ?? 0);
  const minutes = (ms: number) => Math.max(1, Math.round(ms / 60_000));
  if (elapsedMs > endMs + TOLERANCE_MS) return { status: 'behind', minutes: minutes(elapsedMs - endMs), plannedMs };
  if (elapsedMs < startMs - TOLERANCE_MS) return { status: 'ahead', minutes: minutes(startMs - elapsedMs), plannedMs };
  return { status: 'on-pace', minutes: 0, plannedMs };
}

/**
 * The minutes a lesson is planned to take in class: its own minutes, plus the countdown of its
 * class activity, which the room spends on top of the trainer's explaining.
 */
export function lessonPlanMinutes(lesson: { minutes: number; classActivity?: { minutes: number } | undefined }): number {
  return lesson.minutes + (lesson.classActivity?.minutes ?? 0);
}
