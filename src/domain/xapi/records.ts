import type { CourseMap } from '../course-map.ts';
import type { ActivityKind, JsonValue } from '../progress/events.ts';
import {
  RECORD_FORMAT,
  RECORD_VERSION,
  type CompletionRecord,
  type RecordAttempt,
  type RecordCourse,
  type RecordLesson,
} from '../records/format.ts';
import { completionRecordSchema } from '../../schemas/completion-record.ts';
import { ACTIVITY_PATH, EXT, VERBS } from './statements.ts';

/**
 * HR's side of the statements: the completion record of each learner, rebuilt from what an LRS
 * holds, so that it goes through the very re-scoring and verification a dropped file does
 * (`verifyRecord`, `checkFile`'s pipeline): a statement whose score was raised is flagged by the
 * same code that flags a forged record. A statement that cannot be read is named with its reason;
 * the others still load.
 */

export const statementRejectReasons = [
  'not-statement',
  'no-account',
  'other-course',
  'unknown-verb',
  'no-answers',
  'bad-result',
  'repeated-id',
  'invalid-record',
] as const;
export type StatementRejectReason = (typeof statementRejectReasons)[number];

export interface RejectedStatement {
  /** Position in the list given; -1 for `invalid-record`, which is about all of one learner's statements. */
  index: number;
  id?: string;
  /** For `invalid-record`: whose statements did not make a sound record (a blank name, say). */
  employeeId?: string;
  reason: StatementRejectReason;
}

export interface RecordsContext {
  /** The course as built now: its id and title; its content version stands when statements carry none. */
  course: RecordCourse;
  map: Pick<CourseMap, 'lessons'>;
  /** The course IRI the statements were sent under. */
  courseIri: string;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);

/** A time as `Date.prototype.toISOString` writes it (LRSs may write the same instant otherwise), or undefined. */
const isoTime = (v: unknown): string | undefined => {
  const ms = typeof v === 'string' ? Date.parse(v) : NaN;
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
};

/** Seconds in an xAPI duration (`PT1H2M3.5S`, the forms statements use). */
function durationMs(v: unknown): number {
  const m = typeof v === 'string' ? /^PT(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?$/.exec(v) : null;
  if (!m) return 0;
  return Math.round((Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0)) * 1000);
}

const ATTEMPT_KINDS: readonly ActivityKind[] = ['quiz', 'assessment', 'scenario'];

/** The kind and id of what a statement is about, when it is one of this course's lessons or activities. */
function objectOf(objectId: string, courseIri: string): { kind: ActivityKind | 'lesson'; id: string } | undefined {
  if (!objectId.startsWith(`${courseIri}/`)) return undefined;
  const [segment, encoded, ...rest] = objectId.slice(courseIri.length + 1).split('/');
  const kind = (Object.keys(ACTIVITY_PATH) as (ActivityKind | 'lesson')[]).find((k) => ACTIVITY_PATH[k] === segment);
  if (!kind || !encoded || rest.length > 0) return undefined;
  try {
    return { kind, id: decodeURIComponent(encoded) };
  } catch {
    return undefined;
  }
}

interface Learner {
  name: string;
  nameAt: string;
  department: string;
  viewed: Map<string, string>;
  completed: Map<string, string>;
  attempts: (RecordAttempt & { at: string })[];
  courseVersion?: { value: string; at: string };
  latest: string;
}

type Read =
  | { ok: true; employeeId: string; apply: (learner: Learner) => void }
  | { ok: false; reason: StatementRejectReason }
  /** About the course as a whole (a cmi5 session's initialized … terminated): nothing a record holds. */
  | { ok: 'skip' };

function readStatement(statement: unknown, courseIri: string): Read {
  if (!isObj(statement)) return { ok: false, reason: 'not-statement' };
  const id = str(statement['id']);
  const timestamp = isoTime(statement['timestamp']);
  const verb = isObj(statement['verb']) ? str(statement['verb']['id']) : undefined;
  const objectId = isObj(statement['object']) ? str(statement['object']['id']) : undefined;
  if (!id || !timestamp || !verb || !objectId || !isObj(statement['actor'])) return { ok: false, reason: 'not-statement' };
  const actor = statement['actor'];
  const employeeId = isObj(actor['account']) ? str(actor['account']['name'])?.trim() : undefined;
  if (!employeeId) return { ok: false, reason: 'no-account' };
  if (objectId === courseIri) return { ok: 'skip' };
  const target = objectOf(objectId, courseIri);
  if (!target) return { ok: false, reason: 'other-course' };
  const name = typeof actor['name'] === 'string' ? actor['name'] : '';
  const context = isObj(statement['context']) && isObj(statement['context']['extensions']) ? statement['context']['extensions'] : {};
  const courseVersion = str(context[EXT.courseVersion]);
  const department = typeof context[EXT.department] === 'string' ? context[EXT.department] : '';
  const common = (learner: Learner) => {
    if (timestamp >= learner.nameAt) Object.assign(learner, { name, department, nameAt: timestamp });
    if (courseVersion && timestamp >= (learner.courseVersion?.at ?? '')) learner.courseVersion = { value: courseVersion, at: timestamp };
    if (timestamp > learner.latest) learner.latest = timestamp;
  };
  const earliest = (map: Map<string, string>, key: string) => {
    const known = map.get(key);
    if (known === undefined || timestamp < known) map.set(key, timestamp);
  };

  if (target.kind === 'lesson') {
    if (verb !== VERBS.experienced.id && verb !== VERBS.completed.id) return { ok: false, reason: 'unknown-verb' };
    return {
      ok: true,
      employeeId,
      apply: (learner) => {
        common(learner);
        earliest(verb === VERBS.completed.id ? learner.completed : learner.viewed, target.id);
      },
    };
  }

  if (verb !== VERBS.passed.id && verb !== VERBS.failed.id && verb !== VERBS.completed.id) return { ok: false, reason: 'unknown-verb' };
  const result = statement['result'];
  const extensions = isObj(result) && isObj(result['extensions']) ? result['extensions'] : undefined;
  const answers = extensions?.[EXT.answers];
  const contentVersion = extensions?.[EXT.contentVersion];
  const activityKind = extensions?.[EXT.activityKind];
  if (answers === undefined || typeof contentVersion !== 'string') return { ok: false, reason: 'no-answers' };
  if (!ATTEMPT_KINDS.includes(activityKind as ActivityKind) || activityKind !== target.kind) return { ok: false, reason: 'bad-result' };
  const score = isObj(result) && isObj(result['score']) ? result['score'] : undefined;
  const raw = score ? score['raw'] : 0;
  const max = score ? score['max'] : 0;
  const success = isObj(result) && typeof result['success'] === 'boolean' ? result['success'] : verb !== VERBS.failed.id;
  if (typeof raw !== 'number' || typeof max !== 'number') return { ok: false, reason: 'bad-result' };
  const duration = durationMs(isObj(result) ? result['duration'] : undefined);
  return {
    ok: true,
    employeeId,
    apply: (learner) => {
      common(learner);
      learner.attempts.push({
        id,
        at: timestamp,
        activityId: target.id,
        activityKind: activityKind as ActivityKind,
        contentVersion,
        answers: answers as JsonValue,
        score: raw,
        maxScore: max,
        passed: success,
        startedAt: new Date(Date.parse(timestamp) - duration).toISOString(),
        finishedAt: timestamp,
      });
    },
  };
}

const byTimeThenId = (a: { at: string; id: string }, b: { at: string; id: string }) =>
  a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/**
 * Statements read one at a time (an LRS hands them over page by page; nothing of a statement is
 * kept but what its learner's record needs), then one completion record per learner (by account
 * name, the employee id), in the order of first appearance. `exportedAt` is the learner's latest
 * statement.
 */
export class StatementReader {
  private readonly ctx: RecordsContext;
  private readonly learners = new Map<string, Learner>();
  private readonly seen = new Set<string>();
  private index = 0;
  readonly rejected: RejectedStatement[] = [];
  /** Statements about the course as a whole, which no record holds. */
  skipped = 0;

  constructor(ctx: RecordsContext) {
    this.ctx = ctx;
  }

  add(statement: unknown): void {
    const index = this.index++;
    const id = isObj(statement) ? str(statement['id']) : undefined;
    const read = readStatement(statement, this.ctx.courseIri);
    if (read.ok === 'skip') {
      this.skipped++;
      return;
    }
    if (!read.ok || this.seen.has(id!)) {
      this.rejected.push({ index, ...(id ? { id } : {}), reason: read.ok ? 'repeated-id' : read.reason });
      return;
    }
    this.seen.add(id!);
    let learner = this.learners.get(read.employeeId);
    if (!learner) {
      learner = { name: '', nameAt: '', department: '', viewed: new Map(), completed: new Map(), attempts: [], latest: '' };
      this.learners.set(read.employeeId, learner);
    }
    read.apply(learner);
  }

  /** The records so far; a learner whose statements do not make a sound record is rejected instead. */
  result(): { records: CompletionRecord[]; rejected: RejectedStatement[] } {
    const { ctx } = this;
    const records: CompletionRecord[] = [];
    const rejected = [...this.rejected];
    for (const [employeeId, learner] of this.learners) {
      const record: CompletionRecord = {
        format: RECORD_FORMAT,
        version: RECORD_VERSION,
        exportedAt: learner.latest,
        course: { ...ctx.course, contentVersion: learner.courseVersion?.value ?? ctx.course.contentVersion },
        learner: { name: learner.name, employeeId, department: learner.department },
        lessons: ctx.map.lessons.map((lesson): RecordLesson => {
          const viewed = learner.viewed.get(lesson.id);
          const completedAt = learner.completed.get(lesson.id);
          const firstViewed = viewed ? { firstViewedAt: viewed } : {};
          if (completedAt) return { id: lesson.id, state: 'completed', ...firstViewed, completedAt };
          return { id: lesson.id, state: viewed ? 'in-progress' : 'not-started', ...firstViewed };
        }),
        attempts: [...learner.attempts].sort(byTimeThenId).map(({ at: _at, ...attempt }) => attempt),
      };
      // The record's one schema judges the rebuilt record as it judges a file (a blank name, say).
      if (completionRecordSchema.safeParse(record).success) records.push(record);
      else rejected.push({ index: -1, employeeId, reason: 'invalid-record' });
    }
    return { records, rejected };
  }
}

/** Every statement at once: `StatementReader` over a list. */
export function recordsFromStatements(
  statements: readonly unknown[],
  ctx: RecordsContext,
): { records: CompletionRecord[]; rejected: RejectedStatement[] } {
  const reader = new StatementReader(ctx);
  for (const statement of statements) reader.add(statement);
  return reader.result();
}
