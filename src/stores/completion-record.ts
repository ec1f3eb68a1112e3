import type { CourseMap } from '../domain/course-map.ts';
import { currentLearner } from '../domain/progress/reducers.ts';
import { completionRecord, missingLearnerFields, recordFilename } from '../domain/records/completion-record.ts';
import type { CompletionRecord, RecordCourse } from '../domain/records/format.ts';
import { $progress, currentTime, ensureProgressStarted } from './progress.ts';

// The completion record for HR, from the learner's own log. Only `/me/` and the certificate load this.

export type RecordExport =
  | { ok: true; record: CompletionRecord; filename: string; text: string }
  /** HR files records by employee id and shows names: a record without them is not offered. */
  | { ok: false; missing: ('name' | 'employeeId')[] };

/** The record as it would be exported now. */
export function currentRecord(course: RecordCourse, map: Pick<CourseMap, 'lessons'>): CompletionRecord {
  ensureProgressStarted();
  return completionRecord($progress.get(), course, map, currentTime());
}

export function exportCompletionRecord(course: RecordCourse, map: Pick<CourseMap, 'lessons'>): RecordExport {
  ensureProgressStarted();
  const missing = missingLearnerFields(currentLearner($progress.get().events));
  if (missing.length > 0) return { ok: false, missing };
  const record = currentRecord(course, map);
  return { ok: true, record, filename: recordFilename(record), text: JSON.stringify(record, null, 1) };
}

/** Offers the record as a downloaded file; nothing leaves the browser. */
export function downloadCompletionRecord(course: RecordCourse, map: Pick<CourseMap, 'lessons'>): RecordExport {
  const result = exportCompletionRecord(course, map);
  if (!result.ok) return result;
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([result.text], { type: 'application/json' }));
  link.download = result.filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  return result;
}
