import { compareEvents, type ProgressEvent, type ProgressLog } from './events.ts';

/**
 * Union of two logs by event id, in canonical order. Commutative, associative and idempotent,
 * so two tabs, an imported backup and an LMS copy can be merged in any order without loss.
 * An id present in both is the same event (ids are random UUIDs), so either copy may be kept;
 * the smaller by canonical order wins, which keeps the operation commutative. The later `resetAt`
 * of the two is kept; deciding whether to drop events a reset forgot is the store's business.
 */
export function mergeLogs(a: ProgressLog, b: ProgressLog): ProgressLog {
  const resetAt = (a.resetAt ?? '') > (b.resetAt ?? '') ? a.resetAt : b.resetAt;
  const { resetAt: _ignored, ...rest } = a;
  return { ...rest, ...(resetAt ? { resetAt } : {}), events: mergeEvents(a.events, b.events) };
}

export function mergeEvents(a: readonly ProgressEvent[], b: readonly ProgressEvent[]): ProgressEvent[] {
  const byId = new Map<string, ProgressEvent>();
  for (const event of [...a, ...b]) {
    const kept = byId.get(event.id);
    if (!kept || compareEvents(event, kept) < 0 || (compareEvents(event, kept) === 0 && JSON.stringify(event) < JSON.stringify(kept))) {
      byId.set(event.id, event);
    }
  }
  return [...byId.values()].sort(compareEvents);
}
