import type { ProgressEvent, ProgressLog } from '../progress/events.ts';
import { activityResults } from '../progress/reducers.ts';
import type { Catalogue } from '../catalogue.ts';
import { encodeSuspendData, type EncodeResult } from './suspend-data.ts';

/**
 * Suspend data within the LMS's limit. When the whole log does not fit, it is cut down step by
 * step, keeping what matters most for the learner's record: completions first, then the attempts
 * that decide results (best, first pass, latest), then their answers. The full log always stays
 * in the learner's browser; only the LMS copy is cut.
 */

export type TrimLevel = 0 | 1 | 2 | 3 | 4 | 5;

/** What each level leaves out, in words for the diagnostics log. */
export const TRIM_STEPS: Record<TrimLevel, string> = {
  0: 'nothing left out',
  1: 'first visits of completed lessons left out',
  2: 'attempts other than the best, first passing and latest per activity left out',
  3: 'attempts other than the best and first passing per activity left out',
  4: 'answers of the kept attempts left out',
  5: 'only lesson completions and passing attempts of required activities kept',
};

export type FitResult =
  | (EncodeResult & { ok: true; level: TrimLevel; eventsLeftOut: number })
  | { ok: false; /** Length of the smallest version, still too long. */ length: number };

export function fitSuspendData(
  catalog: Catalogue,
  log: Pick<ProgressLog, 'events' | 'resetAt'>,
  limit: number,
  unreported?: ReadonlySet<string>,
): FitResult {
  let smallest = Infinity;
  for (const level of [0, 1, 2, 3, 4, 5] as const) {
    const events = trimEvents(catalog, log.events, level);
    const result = encodeSuspendData(catalog, { ...log, events }, { trimmed: level > 0, ...(unreported ? { unreported } : {}) });
    if (result.text.length <= limit) return { ok: true, ...result, level, eventsLeftOut: log.events.length - events.length };
    smallest = Math.min(smallest, result.text.length);
  }
  return { ok: false, length: smallest };
}

/** The events kept at a trim level. */
export function trimEvents(catalog: Catalogue, events: readonly ProgressEvent[], level: TrimLevel): ProgressEvent[] {
  if (level === 0) return [...events];
  const completedLessons = new Set(events.flatMap((e) => (e.type === 'lesson-completed' ? [e.lessonId] : [])));
  const results = activityResults(events);
  const required = new Set(catalog.rule.requiredActivities);
  const firstPass = new Map<string, ProgressEvent>();
  for (const e of events)
    if (e.type === 'attempt' && e.attempt.passed && !firstPass.has(e.attempt.activityId)) firstPass.set(e.attempt.activityId, e);

  return events.flatMap((e): ProgressEvent[] => {
    switch (e.type) {
      case 'learner-set':
        return [e];
      case 'lesson-viewed':
        return level >= 5 || completedLessons.has(e.lessonId) ? [] : [e];
      case 'lesson-completed':
        return [e];
      case 'attempt': {
        const result = results.get(e.attempt.activityId);
        const isFirstPass = firstPass.get(e.attempt.activityId) === e;
        const keep =
          level >= 5
            ? isFirstPass && required.has(e.attempt.activityId)
            : isFirstPass || result?.best === e.attempt || (level === 2 && result?.latest === e.attempt);
        if (!keep) return [];
        return level >= 4 ? [{ ...e, attempt: { ...e.attempt, answers: null } }] : [e];
      }
    }
  });
}
