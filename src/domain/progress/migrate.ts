import { PROGRESS_FORMAT, PROGRESS_VERSION, type ProgressEvent, type ProgressLog } from './events.ts';

/**
 * Version 0, the first stored shape, differed from version 1 in naming only: the envelope said
 * `schema: 0` instead of `format`/`version`, and each event had `kind` and `time` where version 1
 * has `type` and `at`. It is kept here, with its migration, so that the upgrade path is exercised
 * and the next shape change has a pattern to follow: add `migrateV1`, bump PROGRESS_VERSION.
 *
 *   { schema: 0, courseId, events: [{ id, kind, time, ...rest of the event }] }
 */
export interface ProgressV0 {
  schema: 0;
  courseId: string;
  events: ({ id: string; kind: string; time: string } & Record<string, unknown>)[];
}

export const isProgressV0 = (value: unknown): value is ProgressV0 =>
  typeof value === 'object' &&
  value !== null &&
  (value as { schema?: unknown }).schema === 0 &&
  Array.isArray((value as { events?: unknown }).events);

/** v0 → v1. Ids are kept, so migrating the same record twice and merging yields the same events. */
export function migrateV0(old: ProgressV0): ProgressLog {
  return {
    format: PROGRESS_FORMAT,
    version: PROGRESS_VERSION,
    courseId: old.courseId,
    // A malformed entry passes through unchanged and is refused by validation, like any other.
    events: old.events.map((event) => {
      if (typeof event !== 'object' || event === null) return event as unknown as ProgressEvent;
      const { kind, time, ...rest } = event;
      return { ...rest, type: kind, at: time } as unknown as ProgressEvent;
    }),
  };
}
