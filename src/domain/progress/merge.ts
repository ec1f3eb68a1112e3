import { compareEvents, type ProgressEvent, type ProgressLog } from './events.ts';

/**
 * Union of two logs by event id, in canonical order. Commutative, associative and idempotent,
 * so two tabs, an imported backup and an LMS copy can be merged in any order without loss.
 * An id present in both is the same event (ids are random UUIDs), so either copy may be kept;
 * the smaller by canonical order wins, which keeps the operation commutative.
 */
export function mergeLogs(a: ProgressLog, b: ProgressLog): ProgressLog {
  return { ...a, events: mergeEvents(a.events, b.events) };
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
