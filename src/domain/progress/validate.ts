import type { Attempt, LearnerProfile, ProgressEvent } from './events.ts';

// Hand-written guards rather than zod: this runs on every page, inside the ≤ 3 KB progress
// script, where even zod/mini would cost more than twice the budget. Kept terse for that reason.

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string' && v !== '';
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const hasAll = (v: Obj, keys: string, test: (x: unknown) => boolean) => keys.split(' ').every((k) => test(v[k]));

/** An ISO 8601 date-time with a time zone, as `Date.prototype.toISOString` writes. */
export const isTime = (v: unknown): v is string =>
  typeof v === 'string' && /^\d{4}-\d\d-\d\dT[\d:.]+(Z|[+-]\d\d:\d\d)$/.test(v) && !Number.isNaN(Date.parse(v));

export const isAttempt = (v: unknown): v is Attempt =>
  isObj(v) &&
  isText(v['activityId']) &&
  ['quiz', 'assessment', 'scenario'].includes(v['activityKind'] as string) &&
  typeof v['contentVersion'] === 'string' &&
  // Records are only ever read from JSON text, so whatever `answers` holds is JSON already.
  v['answers'] !== undefined &&
  hasAll(v, 'score maxScore', isNum) &&
  (v['maxScore'] as number) >= 0 &&
  typeof v['passed'] === 'boolean' &&
  hasAll(v, 'startedAt finishedAt', isTime);

export const isLearnerProfile = (v: unknown): v is LearnerProfile =>
  isObj(v) && hasAll(v, 'name employeeId department', (x) => typeof x === 'string');

export function isProgressEvent(v: unknown): v is ProgressEvent {
  if (!isObj(v) || !isText(v['id']) || !isTime(v['at'])) return false;
  const type = v['type'];
  if (type === 'lesson-viewed' || type === 'lesson-completed') return isText(v['lessonId']);
  if (type === 'attempt') return isAttempt(v['attempt']);
  if (type === 'review') return isText(v['itemId']) && [1, 2, 3, 4].includes(v['rating'] as number) && typeof v['correct'] === 'boolean';
  return type === 'learner-set' && isLearnerProfile(v['learner']);
}

/** Index of the first event that is not a valid progress event, or -1 when all are valid. */
export const firstInvalidEvent = (events: readonly unknown[]): number => events.findIndex((e) => !isProgressEvent(e));
