/**
 * How the trainer is doing against the plan. The plan gives every slide a window of time: being
 * on a slide means the plan expected between the window's start and end to have passed. Outside
 * it by more than the tolerance, the trainer is ahead or behind by the distance to it.
 *
 * Where a lesson's trainer notes state timings ("约 3 分钟"), those are the plan: each timed
 * section gets its own minutes, and the slides its notes do not time (the title, the opening, the
 * activities after a section) share the window of the section they belong to, so a trainer
 * running a quiz inside a section's minutes stays on pace. A lesson without timings spreads its
 * planned minutes evenly over its slides.
 */
export interface Pace {
  status: 'on-pace' | 'ahead' | 'behind';
  /** How far ahead or behind, in whole minutes (rounded, at least 1 when not on pace). */
  minutes: number;
  /** The whole plan in ms. */
  plannedMs: number;
}

/** When the plan expects the trainer to be on a slide, in ms from the start of the talk. */
export interface SlideWindow {
  startMs: number;
  endMs: number;
}

/** One lesson of a presentation (or the module's title slide). */
export interface PlanPart {
  /** The part's planned minutes, spread evenly over its slides when no slide states its own. */
  minutes: number;
  slides: number;
  /** Minutes the trainer notes give each slide, in slide order; undefined where a slide's notes state none. */
  slideMinutes?: readonly (number | undefined)[];
}

/** Half a minute either way still counts as on pace. */
const TOLERANCE_MS = 30_000;
const MINUTE_MS = 60_000;

function partWindows({ minutes, slides, slideMinutes }: PlanPart, startMs: number): SlideWindow[] {
  const count = Math.max(0, slides);
  const stated = Array.from({ length: count }, (_, i) => slideMinutes?.[i]);
  const firstTimed = stated.findIndex((m) => m !== undefined);
  if (firstTimed < 0) {
    const share = count > 0 ? (minutes * MINUTE_MS) / count : 0;
    return stated.map((_, i) => ({ startMs: startMs + i * share, endMs: startMs + (i + 1) * share }));
  }
  const windows: SlideWindow[] = [];
  let at = startMs;
  let current: SlideWindow = { startMs: at, endMs: at + (stated[firstTimed] ?? 0) * MINUTE_MS };
  stated.forEach((m, i) => {
    if (m !== undefined && i !== firstTimed) {
      current = { startMs: at, endMs: at + m * MINUTE_MS };
    }
    if (m !== undefined) at = current.endMs;
    windows.push(current);
  });
  return windows;
}

/** Each slide's window, for a presentation made of parts (lessons) one after another. */
export function slidePlan(parts: readonly PlanPart[]): SlideWindow[] {
  const windows: SlideWindow[] = [];
  let startMs = 0;
  for (const part of parts) {
    const own = partWindows(part, startMs);
    windows.push(...own);
    startMs = own.reduce((end, w) => Math.max(end, w.endMs), startMs);
  }
  return windows;
}

/** The whole plan in ms. */
export const plannedMs = (plan: readonly SlideWindow[]): number => plan.reduce((end, w) => Math.max(end, w.endMs), 0);

export function pace(elapsedMs: number, plan: readonly SlideWindow[], current: number): Pace {
  const total = plannedMs(plan);
  const slide = Math.min(Math.max(0, current), Math.max(0, plan.length - 1));
  const { startMs, endMs } = plan[slide] ?? { startMs: 0, endMs: 0 };
  const minutes = (ms: number) => Math.max(1, Math.round(ms / MINUTE_MS));
  if (elapsedMs > endMs + TOLERANCE_MS) return { status: 'behind', minutes: minutes(elapsedMs - endMs), plannedMs: total };
  if (elapsedMs < startMs - TOLERANCE_MS) return { status: 'ahead', minutes: minutes(startMs - elapsedMs), plannedMs: total };
  return { status: 'on-pace', minutes: 0, plannedMs: total };
}

/**
 * The minutes a lesson is planned to take in class: the sum of its trainer notes' timings when
 * they state any (`notedMinutes`); otherwise its own minutes plus the countdown of its class
 * activity, which the room spends on top of the trainer's explaining.
 */
export function lessonPlanMinutes(
  lesson: { minutes: number; classActivity?: { minutes: number } | undefined },
  notedMinutes: number | undefined,
): number {
  return notedMinutes ?? lesson.minutes + (lesson.classActivity?.minutes ?? 0);
}
