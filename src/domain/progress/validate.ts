import type { Attempt, JsonValue, LearnerProfile, ProgressEvent } from './events.ts';

// Hand-written guards rather than zod: this runs on every page, inside the ≤ 3 KB progress
// script of text-only lessons, where even zod/mini would cost more than twice the budget.

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown, max = 200): v is string => typeof v === 'string' && v.length > 0 && v.length <= max;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;
export const isTime = (v: unknown): v is string => typeof v === 'string' && ISO.test(v) && !Number.isNaN(Date.parse(v));
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

export function isJsonValue(v: unknown, depth = 0): v is JsonValue {
  if (depth > 20) return false;
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return true;
  if (typeof v === 'number') return Number.isFinite(v);
  if (Array.isArray(v)) return v.every((x) => isJsonValue(x, depth + 1));
  return isObj(v) && Object.values(v).every((x) => isJsonValue(x, depth + 1));
}

export function isAttempt(v: unknown): v is Attempt {
  return (
    isObj(v) &&
    isText(v['activityId']) &&
    (v['activityKind'] === 'quiz' || v['activityKind'] === 'assessment' || v['activityKind'] === 'scenario') &&
    typeof v['contentVersion'] === 'string' &&
    isJsonValue(v['answers']) &&
    isNum(v['score']) &&
    isNum(v['maxScore']) &&
    v['maxScore'] >= 0 &&
    typeof v['passed'] === 'boolean' &&
    isTime(v['startedAt']) &&
    isTime(v['finishedAt'])
  );
}

export const isLearnerProfile = (v: unknown): v is LearnerProfile =>
  isObj(v) && (['name', 'employeeId', 'department'] as const).every((k) => typeof v[k] === 'string' && (v[k] as string).length <= 100);

export function isProgressEvent(v: unknown): v is ProgressEvent {
  if (!isObj(v) || !isText(v['id'], 100) || !isTime(v['at'])) return false;
  switch (v['type']) {
    case 'lesson-viewed':
    case 'lesson-completed':
      return isText(v['lessonId']);
    case 'attempt':
      return isAttempt(v['attempt']);
    case 'learner-set':
      return isLearnerProfile(v['learner']);
    default:
      return false;
  }
}

/** Index of the first event that is not a valid progress event, or -1 when all are valid. */
export const firstInvalidEvent = (events: readonly unknown[]): number => events.findIndex((e) => !isProgressEvent(e));
