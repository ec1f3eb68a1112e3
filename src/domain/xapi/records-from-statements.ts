import type { JsonValue } from '../progress/events.ts';
import { RECORD_FORMAT, RECORD_VERSION, type CompletionRecord, type RecordAttempt, type RecordLesson } from '../records/format.ts';
import { ACTIVITY_PATHS, EXTENSIONS, VERBS } from './vocabulary.ts';

/**
 * The HR side of xAPI: an LRS's statements about the course, turned back into one completion
 * record per learner, so that what HR reads from an LRS goes through exactly the reading,
 * re-scoring and verdicts of a dropped file. A statement that is not one of the course's (another
 * course, a verb it never sends) is skipped; one that claims to be the course's but lacks what a
 * record needs is rejected with a reason, and the rest still load.
 */

export const statementRejectReasons = ['not-statement', 'no-learner', 'no-result', 'no-answers', 'bad-time'] as const;
export type StatementRejectReason = (typeof statementRejectReasons)[number];

export interface StatementReject {
  /** The statement's id, when it has one. */
  id?: string;
  reason: StatementRejectReason;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
const isTime = (v: unknown): v is string => typeof v === 'string' && !Number.isNaN(Date.parse(v));

/** Seconds of an ISO 8601 duration as xAPI writes them (`PT1H2M3.5S`, `P1DT2H`); undefined when it is not one. */
export function durationSeconds(text: string): number | undefined {
  const m = /^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(text);
  if (!m || text === 'P' || text.endsWith('T')) return undefined;
  const [, d = '0', h = '0', min = '0', s = '0'] = m;
  return Number(d) * 86400 + Number(h) * 3600 + Number(min) * 60 + Number(s);
}

interface LearnerSoFar {
  name: string;
  employeeId: string;
  department: string;
  /** Time of the newest statement seen: the name and department are taken from it. */
  newest: string;
  courseVersion: string;
  viewed: Map<string, string>;
  completed: Map<string, string>;
  attempts: Map<string, RecordAttempt>;
}

const KINDS = { [ACTIVITY_PATHS.quiz]: 'quiz', [ACTIVITY_PATHS.assessment]: 'assessment', [ACTIVITY_PATHS.scenario]: 'scenario' } as const;

/** What part of the course an activity IRI names: a lesson, an activity, or nothing of this course. */
function courseActivity(id: string, courseIri: string): { path: string; id: string } | undefined {
  const prefix = `${courseIri.replace(/\/+$/, '')}/`;
  if (!id.startsWith(prefix)) return undefined;
  const [path, rest, ...more] = id.slice(prefix.length).split('/');
  return path && rest && more.length === 0 ? { path, id: decodeURIComponent(rest) } : undefined;
}

/**
 * Collects statements page by page (an LRS returns them in pages; nothing is kept of a statement but
 * what its record needs) and gives the records when every page is in.
 */
export class StatementCollector {
  private readonly learners = new Map<string, LearnerSoFar>();
  readonly rejected: StatementReject[] = [];
  /** Statements that were not about this course's lessons or activities (skipped, not wrong). */
  skipped = 0;

  private readonly courseIri: string;
  private readonly course: { id: string; title: string };

  constructor(courseIri: string, course: { id: string; title: string }) {
    this.courseIri = courseIri;
    this.course = course;
  }

  add(statement: unknown): void {
    const reject = (reason: StatementRejectReason) => {
      const id = isObj(statement) ? str(statement['id']) : undefined;
      this.rejected.push(id ? { id, reason } : { reason });
    };
    if (!isObj(statement) || !isObj(statement['verb']) || !isObj(statement['object']) || !isObj(statement['actor']))
      return reject('not-statement');
    const verb = str(statement['verb']['id']);
    const objectId = str(statement['object']['id']);
    const target = objectId === undefined ? undefined : courseActivity(objectId, this.courseIri);
    if (!verb || !target || !Object.values(VERBS).includes(verb as never)) {
      this.skipped++;
      return;
    }
    const id = str(statement['id']);
    const at = statement['timestamp'];
    if (!id) return reject('not-statement');
    if (!isTime(at)) return reject('bad-time');
    const actor = statement['actor'];
    const account = isObj(actor['account']) ? actor['account'] : undefined;
    const employeeId = str(account?.['name']);
    if (!employeeId) return reject('no-learner');
    const context = isObj(statement['context']) ? statement['context'] : {};
    const contextExt = isObj(context['extensions']) ? context['extensions'] : {};

    const learner = this.learner(employeeId);
    if (at >= learner.newest) {
      learner.newest = at;
      learner.name = str(actor['name']) ?? learner.name;
      learner.department =
        typeof contextExt[EXTENSIONS.department] === 'string' ? (contextExt[EXTENSIONS.department] as string) : learner.department;
      learner.courseVersion = str(contextExt[EXTENSIONS.courseVersion]) ?? learner.courseVersion;
    }

    if (target.path === ACTIVITY_PATHS.lesson) {
      const times = verb === VERBS.completed ? learner.completed : verb === VERBS.experienced ? learner.viewed : undefined;
      const earlier = times?.get(target.id);
      if (times && (earlier === undefined || at < earlier)) times.set(target.id, at);
      return;
    }
    const kind = KINDS[target.path as keyof typeof KINDS];
    if (!kind || verb === VERBS.experienced) {
      this.skipped++;
      return;
    }
    const attempt = this.attempt(id, target.id, verb, at, statement['result']);
    if (typeof attempt === 'string') return reject(attempt);
    learner.attempts.set(id, attempt);
  }

  private learner(employeeId: string): LearnerSoFar {
    let learner = this.learners.get(employeeId);
    if (!learner) {
      learner = {
        name: '',
        employeeId,
        department: '',
        newest: '',
        courseVersion: '',
        viewed: new Map(),
        completed: new Map(),
        attempts: new Map(),
      };
      this.learners.set(employeeId, learner);
    }
    return learner;
  }

  private attempt(id: string, activityId: string, verb: string, at: string, result: unknown): RecordAttempt | StatementRejectReason {
    if (!isObj(result) || !isObj(result['score'])) return 'no-result';
    const ext = isObj(result['extensions']) ? result['extensions'] : {};
    const answers = ext[EXTENSIONS.answers];
    const contentVersion = ext[EXTENSIONS.contentVersion];
    const kind = ext[EXTENSIONS.activityKind];
    if (answers === undefined || typeof contentVersion !== 'string') return 'no-answers';
    const { raw, max } = result['score'];
    if (typeof raw !== 'number' || typeof max !== 'number') return 'no-result';
    let startedAt = ext[EXTENSIONS.startedAt];
    if (!isTime(startedAt)) {
      const seconds = typeof result['duration'] === 'string' ? durationSeconds(result['duration']) : undefined;
      if (seconds === undefined) return 'bad-time';
      startedAt = new Date(Date.parse(at) - seconds * 1000).toISOString();
    }
    return {
      id,
      activityId,
      activityKind: kind === 'assessment' || kind === 'scenario' ? kind : 'quiz',
      contentVersion,
      answers: answers as JsonValue,
      score: raw,
      maxScore: max,
      passed: typeof result['success'] === 'boolean' ? result['success'] : verb !== VERBS.failed,
      startedAt: startedAt as string,
      finishedAt: at,
    };
  }

  /** One record per learner, by employee id, as if each had exported one at their newest statement. */
  records(): CompletionRecord[] {
    return [...this.learners.values()].map((l) => {
      const ids = new Set([...l.viewed.keys(), ...l.completed.keys()]);
      const lessons = [...ids].sort().map((lessonId): RecordLesson => {
        const viewed = l.viewed.get(lessonId);
        const completed = l.completed.get(lessonId);
        const first = viewed ? { firstViewedAt: viewed } : {};
        return completed
          ? { id: lessonId, state: 'completed', ...first, completedAt: completed }
          : { id: lessonId, state: 'in-progress', ...first };
      });
      const attempts = [...l.attempts.values()].sort((a, b) => (a.finishedAt < b.finishedAt ? -1 : a.finishedAt > b.finishedAt ? 1 : 0));
      return {
        format: RECORD_FORMAT,
        version: RECORD_VERSION,
        exportedAt: l.newest,
        course: { ...this.course, contentVersion: l.courseVersion },
        learner: { name: l.name, employeeId: l.employeeId, department: l.department },
        lessons,
        attempts,
      };
    });
  }
}
