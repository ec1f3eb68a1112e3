import { emptyLog, type ProgressLog } from '../../domain/progress/events.ts';
import { parseProgress } from '../../domain/progress/parse.ts';
import type { SaveOutcome } from '../../stores/progress-storage.ts';

/**
 * The launch page's own copy of the progress log, in this browser, per LMS learner. Kept apart
 * from the website's key because an LMS is often used on shared computers: one learner's
 * progress must never be reported as another's. Beside it, the attempts already sent to the LMS
 * as interactions, so a relaunch does not send them twice.
 *
 * One copy per LMS attempt (see `chooseAttempt` in domain/scorm/resume.ts): a new attempt, or
 * another activity of the same course, starts a copy of its own, so it never inherits another
 * attempt's progress; older copies are kept, never deleted.
 *
 * Keys: `service-classroom:lms:v1:<courseId>:<learnerId>@<attempt token>` holds the log as the
 * website stores it (same format, same validation); `…:reported` holds a JSON array of attempt
 * keys. Copies saved before attempt tokens have no `@<token>`. `…:<learnerId>:latest` names the
 * token of the attempt this learner used last in this browser.
 */
export const LMS_COPY_PREFIX = 'service-classroom:lms:v1:';

export interface LearnerCopy {
  log: ProgressLog;
  reported: string[];
  /** Why the stored log was not used, if it was unreadable. */
  problem?: string;
}

const learnerKey = (courseId: string, learnerId: string) => `${LMS_COPY_PREFIX}${courseId}:${learnerId || 'anonymous'}`;

/** The token of the attempt this learner used last in this browser, or '' (none, or copies from before tokens). */
export function latestAttempt(getStorage: () => Storage | undefined, courseId: string, learnerId: string): string {
  try {
    return getStorage()?.getItem(`${learnerKey(courseId, learnerId)}:latest`) ?? '';
  } catch {
    return '';
  }
}

/** The copy of one attempt (`token` '' for a copy saved before attempt tokens). */
export function learnerCopy(getStorage: () => Storage | undefined, courseId: string, learnerId: string, token = '') {
  const base = learnerKey(courseId, learnerId);
  const key = token ? `${base}@${token}` : base;
  const storage = (): Storage | undefined => {
    try {
      return getStorage();
    } catch {
      return undefined;
    }
  };
  return {
    key,
    load(): LearnerCopy {
      const store = storage();
      if (!store) return { log: emptyLog(courseId), reported: [], problem: 'storage unavailable' };
      try {
        const text = store.getItem(key);
        const parsed = text === null ? undefined : parseProgress(text, courseId);
        const reportedText = store.getItem(`${key}:reported`);
        const list: unknown = reportedText === null ? [] : JSON.parse(reportedText);
        const reported = Array.isArray(list) ? list.filter((k): k is string => typeof k === 'string') : [];
        if (parsed && !parsed.ok && text !== null) {
          // Kept aside, never deleted, as the website does with an unreadable record.
          store.setItem(`${key}:unreadable`, text);
          return {
            log: emptyLog(courseId),
            reported,
            problem: `stored copy unreadable (${parsed.reason}), kept aside under ${key}:unreadable`,
          };
        }
        return { log: parsed?.ok ? parsed.log : emptyLog(courseId), reported };
      } catch {
        return { log: emptyLog(courseId), reported: [], problem: 'storage unreadable' };
      }
    },
    save(log: ProgressLog, reported: readonly string[]): SaveOutcome {
      const store = storage();
      if (!store) return 'unavailable';
      try {
        store.setItem(key, JSON.stringify(log));
        store.setItem(`${key}:reported`, JSON.stringify(reported));
        if (token) store.setItem(`${base}:latest`, token);
        return 'saved';
      } catch (error) {
        return error instanceof DOMException && error.name === 'QuotaExceededError' ? 'quota' : 'unavailable';
      }
    },
  };
}
