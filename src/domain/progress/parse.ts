import { PROGRESS_FORMAT, PROGRESS_VERSION, type ProgressLog } from './events.ts';
import { isProgressV0, migrateV0 } from './migrate.ts';
import { firstInvalidEvent, isTime } from './validate.ts';

/** Largest progress file accepted: a finished course is a few dozen KB; 5 MB is clearly not ours. */
export const MAX_PROGRESS_BYTES = 5 * 1024 * 1024;

export type RejectReason = 'empty' | 'too-large' | 'truncated' | 'not-json' | 'not-progress' | 'other-course' | 'newer-version' | 'invalid';

export type ParseResult =
  | { ok: true; log: ProgressLog; migratedFrom?: number }
  | { ok: false; reason: RejectReason; message: string };

const reject = (reason: RejectReason, message: string): ParseResult => ({ ok: false, reason, message });

/** UTF-8 length without allocating an encoder on every call site. */
export const utf8Bytes = (text: string): number => new TextEncoder().encode(text).length;

/**
 * Reads a progress record from text (localStorage value or an imported backup): size, JSON,
 * format, course, version (older versions are migrated) and every event's shape. Never throws;
 * a refusal carries a reason code and a sentence for the learner.
 */
export function parseProgress(text: string, courseId: string, maxBytes = MAX_PROGRESS_BYTES): ParseResult {
  if (text.trim() === '') return reject('empty', '文件是空的，里面没有学习记录。');
  if (utf8Bytes(text) > maxBytes) {
    return reject('too-large', `文件超过 ${Math.round(maxBytes / 1024 / 1024)} MB，不是本课程的学习记录备份。`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    const trimmed = text.trim();
    if (trimmed.startsWith('{') && !trimmed.endsWith('}')) {
      return reject('truncated', '文件不完整（可能下载或复制时被截断），无法读取。');
    }
    return reject('not-json', '这不是学习记录备份文件（无法按 JSON 读取）。');
  }
  if (isProgressV0(data)) {
    if (data.course !== courseId) return reject('other-course', `这份记录属于另一门课程（${data.course}），不能导入本课程。`);
    const migrated = migrateV0(data);
    if (firstInvalidEvent(migrated.events) >= 0) return reject('invalid', '旧版学习记录中有无法识别的内容，未导入。');
    return { ok: true, log: migrated, migratedFrom: 0 };
  }
  if (typeof data !== 'object' || data === null || (data as { format?: unknown }).format !== PROGRESS_FORMAT) {
    return reject('not-progress', '这不是本课程的学习记录备份文件。');
  }
  const record = data as { courseId?: unknown; version?: unknown };
  if (record.courseId !== courseId) {
    return reject('other-course', `这份记录属于另一门课程（${String(record.courseId)}），不能导入本课程。`);
  }
  if (typeof record.version === 'number' && record.version > PROGRESS_VERSION) {
    return reject('newer-version', '这份记录来自更新版本的课程，请先更新课程后再导入。');
  }
  const events = (data as { events?: unknown }).events;
  if (record.version !== PROGRESS_VERSION || !Array.isArray(events)) {
    return reject('invalid', '学习记录的结构有误，未导入。');
  }
  const resetAt = (data as { resetAt?: unknown }).resetAt;
  if (resetAt !== undefined && !isTime(resetAt)) return reject('invalid', '学习记录的结构有误，未导入。');
  const bad = firstInvalidEvent(events);
  if (bad >= 0) return reject('invalid', `学习记录的第 ${bad + 1} 条内容有误，未导入。`);
  return { ok: true, log: data as ProgressLog };
}
