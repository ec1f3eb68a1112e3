import type { ProgressEvent, ProgressLog } from '../progress/events.ts';
import { activityResults } from '../progress/reducers.ts';
import type { Catalogue } from '../catalogue.ts';
import { encodeSuspendData, type EncodeResult, type ExtraSection } from './suspend-data.ts';

/**
 * Suspend data within the LMS's limit. When the whole log does not fit, it is cut down step by
 * step, each step keeping less of what matters least: first visits of completed lessons, then
 * attempts that decide nothing (neither an activity's best, nor its first pass), then answers,
 * last of all results. Every completion and each activity's best and first passing result are
 * kept down to step 5; step 6 is the last resort of a course far larger than this one. The full
 * log always stays in the learner's browser; only the LMS copy is cut.
 *
 * The spaced reviews (section 3 of the suspend data) go first, before any of this: they only
 * schedule practice, decide nothing HR or the LMS reads, and stay in the learner's browser. A
 * log that does not fit whole keeps, at level 0, as many of its latest reviews as fit (the
 * oldest matter least to the schedule); if none fit, it is cut level by level without them.
 * Sections owned elsewhere (`sections`) are kept at every level.
 */

export type TrimLevel = 0 | 1 | 2 | 3 | 4 | 5 | 6;
export const TRIM_LEVELS: readonly TrimLevel[] = [0, 1, 2, 3, 4, 5, 6];

/** What each level leaves out (each also leaves out what the levels before it did), in words for the diagnostics log. */
export const TRIM_STEPS: Record<TrimLevel, string> = {
  0: 'nothing left out',
  1: 'visits of completed lessons left out',
  2: 'attempts other than the best, first passing and latest per activity left out',
  3: 'attempts other than the best and first passing per activity left out',
  4: 'answers of first passing attempts that are not the best left out',
  5: 'answers of every attempt left out (results kept)',
  6: 'only lesson completions and passing attempts of required activities kept',
};

export type FitResult =
  | (EncodeResult & {
      ok: true;
      level: TrimLevel;
      eventsLeftOut: number;
      /** Spaced reviews left out to make room, the oldest first. */
      reviewsLeftOut: number;
    })
  | { ok: false; /** Length of the smallest version, still too long. */ length: number };

export function fitSuspendData(
  catalog: Catalogue,
  log: Pick<ProgressLog, 'events' | 'resetAt'>,
  limit: number,
  unreported?: ReadonlySet<string>,
  sections?: readonly ExtraSection[],
): FitResult {
  let smallest = Infinity;
  const reviews = log.events.filter((e) => e.type === 'review').length;
  const extra = { ...(unreported ? { unreported } : {}), ...(sections ? { sections } : {}) };
  const whole = encodeSuspendData(catalog, log, extra);
  if (whole.text.length <= limit) return { ok: true, ...whole, level: 0, eventsLeftOut: 0, reviewsLeftOut: 0 };
  smallest = whole.text.length;

  // The most of the latest reviews that fit beside the whole log (0 if none): a binary search.
  const withLatest = (n: number) => encodeSuspendData(catalog, log, { ...extra, trimmed: true, latestReviews: n });
  let [fits, tooMany] = [0, reviews];
  while (tooMany - fits > 1) {
    const mid = Math.floor((fits + tooMany) / 2);
    if (withLatest(mid).text.length <= limit) fits = mid;
    else tooMany = mid;
  }
  if (fits > 0) return { ok: true, ...withLatest(fits), level: 0, eventsLeftOut: reviews - fits, reviewsLeftOut: reviews - fits };

  for (const level of TRIM_LEVELS) {
    const events = trimEvents(catalog, log.events, level).filter((e) => e.type !== 'review');
    const result = encodeSuspendData(catalog, { ...log, events }, { ...extra, trimmed: level > 0 || reviews > 0 });
    if (result.text.length <= limit)
      return { ok: true, ...result, level, eventsLeftOut: log.events.length - events.length, reviewsLeftOut: reviews };
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
      case 'review':
        return [e];
      case 'lesson-viewed':
        return level >= 6 || completedLessons.has(e.lessonId) ? [] : [e];
      case 'lesson-completed':
        return [e];
      case 'attempt': {
        const result = results.get(e.attempt.activityId);
        const isFirstPass = firstPass.get(e.attempt.activityId) === e;
        const isBest = result?.best === e.attempt;
        const keep =
          level === 1 ||
          (level === 2 && (isFirstPass || isBest || result?.latest === e.attempt)) ||
          (level >= 3 && level <= 5 && (isFirstPass || isBest)) ||
          (level === 6 && isFirstPass && required.has(e.attempt.activityId));
        if (!keep) return [];
        const withoutAnswers = level >= 5 || (level === 4 && !isBest);
        return withoutAnswers ? [{ ...e, attempt: { ...e.attempt, answers: null } }] : [e];
      }
    }
  });
}
