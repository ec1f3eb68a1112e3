import type { CatalogueActivity } from '../catalogue.ts';
import type { Attempt, ProgressLog } from '../progress/events.ts';
import type { MoveOnVerb } from './move-on.ts';

/**
 * The xAPI statements an AU launched by a cmi5 LMS sends: the five cmi5-defined ones
 * (initialized, completed, passed, failed, terminated; `@xapi/cmi5` sends `initialized` itself)
 * and the course's own statements, all carrying the launch's registration and the LMS's context
 * template (cmi5 section 10: every statement an AU sends uses the template as its context).
 *
 * `attemptStatements` is a seam: the shapes follow the agreed xAPI statement shape (events →
 * statements, statement id = the progress event's id) and are meant to be replaced by the xAPI
 * room's `statementsOf` (src/domain/xapi/statements.ts) once it exists, with `withCmi5Context`
 * applied to each.
 */

export type JsonObject = { [key: string]: unknown };

export interface XapiAgent {
  objectType?: 'Agent';
  name?: string;
  account?: { homePage: string; name: string };
  mbox?: string;
}

export interface XapiStatement {
  id: string;
  actor: XapiAgent;
  verb: { id: string; display: Record<string, string> };
  object: { objectType: 'Activity'; id: string; definition?: JsonObject };
  result?: JsonObject;
  context?: JsonObject;
  timestamp: string;
}

/** What the launch gave the AU: who, which registration, which activity, and the LMS's context template. */
export interface Cmi5Launch {
  actor: XapiAgent;
  registration: string;
  /** The AU's activity id (the LMS's IRI for this course). */
  activityId: string;
  /** LMS.LaunchData's contextTemplate. */
  contextTemplate: JsonObject;
  masteryScore?: number;
}

const ADL = 'http://adlnet.gov/expapi/verbs/';
export const CMI5_CATEGORY = 'https://w3id.org/xapi/cmi5/context/categories/cmi5';
export const MOVE_ON_CATEGORY = 'https://w3id.org/xapi/cmi5/context/categories/moveon';
export const MASTERY_SCORE_EXTENSION = 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore';
export const EXTENSION = {
  answers: 'https://service-classroom.invalid/xapi/answers',
  contentVersion: 'https://service-classroom.invalid/xapi/content-version',
  activityKind: 'https://service-classroom.invalid/xapi/activity-kind',
  courseVersion: 'https://service-classroom.invalid/xapi/course-version',
} as const;

const verb = (name: string) => ({ id: `${ADL}${name}`, display: { 'en-US': name } });

/** ISO 8601 duration from milliseconds, to the hundredth of a second (PT1H2M3.45S). */
export function isoDuration(ms: number): string {
  const centis = Math.max(0, Math.round(ms / 10));
  const h = Math.floor(centis / 360000);
  const m = Math.floor((centis % 360000) / 6000);
  const s = (centis % 6000) / 100;
  return `PT${h > 0 ? `${h}H` : ''}${m > 0 ? `${m}M` : ''}${Number(s.toFixed(2))}S`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** 32-bit FNV-1a of a string, from a seed: four of them make a stable 128-bit name. */
function fnv(text: string, seed: number): string {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}

/**
 * The statement id for a progress event: the event's own id, which the course makes with
 * `crypto.randomUUID()`. An older event whose id is not a UUID (xAPI requires one) gets a UUID
 * made from it, the same every time, so it too is never sent as two statements.
 */
export function statementId(eventId: string): string {
  if (UUID.test(eventId)) return eventId.toLowerCase();
  const hex = [0, 1, 2, 3].map((seed) => fnv(eventId, seed)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${'89ab'[parseInt(hex[16]!, 16) & 3]}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): JsonObject[] => (Array.isArray(v) ? v.filter(isObject) : isObject(v) ? [v] : []);

/** Two contextActivities lists joined, each activity once (by id). */
function joinActivities(a: unknown, b: unknown): JsonObject[] {
  const joined: JsonObject[] = [];
  for (const activity of [...list(a), ...list(b)]) if (!joined.some((x) => x['id'] === activity['id'])) joined.push(activity);
  return joined;
}

/**
 * The statement with the launch's actor, registration and the LMS's context template joined into
 * its context: the template's context activities and extensions are kept (the template's value
 * wins over the statement's own), the statement's own added.
 */
export function withCmi5Context(statement: XapiStatement, launch: Cmi5Launch): XapiStatement {
  const template = launch.contextTemplate;
  const own = statement.context ?? {};
  const templateActivities = isObject(template['contextActivities']) ? template['contextActivities'] : {};
  const ownActivities = isObject(own['contextActivities']) ? own['contextActivities'] : {};
  const contextActivities: JsonObject = {};
  for (const key of ['parent', 'grouping', 'category', 'other']) {
    const joined = joinActivities(templateActivities[key], ownActivities[key]);
    if (joined.length > 0) contextActivities[key] = joined;
  }
  // The AU may add to the template but never overwrite it (cmi5 section 10).
  const extensions = {
    ...(isObject(own['extensions']) ? own['extensions'] : {}),
    ...(isObject(template['extensions']) ? template['extensions'] : {}),
  };
  return {
    ...statement,
    actor: launch.actor,
    context: {
      ...own,
      ...template,
      registration: launch.registration,
      ...(Object.keys(contextActivities).length > 0 ? { contextActivities } : {}),
      ...(Object.keys(extensions).length > 0 ? { extensions } : {}),
    },
  };
}

export interface DefinedStatementInput {
  id: string;
  verb: MoveOnVerb | 'terminated';
  /** ISO 8601 time. */
  at: string;
  /** Time since `initialized`, in milliseconds. */
  sessionMs: number;
  /** The course score, whole percent (passed and failed carry it). */
  score?: number;
}

/** A cmi5-defined statement about the AU itself (sections 9.3.2–9.3.6), in the launch's context. */
export function definedStatement(input: DefinedStatementInput, launch: Cmi5Launch): XapiStatement {
  const moveOn = input.verb !== 'terminated';
  const judged = input.verb === 'passed' || input.verb === 'failed';
  const result: JsonObject = {
    ...(judged && input.score !== undefined ? { score: { scaled: input.score / 100, raw: input.score, min: 0, max: 100 } } : {}),
    ...(judged ? { success: input.verb === 'passed' } : {}),
    ...(input.verb === 'completed' ? { completion: true } : {}),
    duration: isoDuration(input.sessionMs),
  };
  const statement: XapiStatement = {
    id: input.id,
    actor: launch.actor,
    verb: verb(input.verb),
    object: { objectType: 'Activity', id: launch.activityId },
    result,
    context: {
      contextActivities: { category: [{ id: CMI5_CATEGORY }, ...(moveOn ? [{ id: MOVE_ON_CATEGORY }] : [])] },
      ...(judged && launch.masteryScore !== undefined ? { extensions: { [MASTERY_SCORE_EXTENSION]: launch.masteryScore } } : {}),
    },
    timestamp: input.at,
  };
  return withCmi5Context(statement, launch);
}

export interface AttemptStatementContext {
  /** The course's IRI: under cmi5, the AU's activity id. */
  courseIri: string;
  /** The catalogue's course content version. */
  courseVersion: string;
  actor: XapiAgent;
  /** Activity titles and kinds by id (the catalogue's). */
  activities: readonly Pick<CatalogueActivity, 'id' | 'kind' | 'title'>[];
  /** Lesson titles by id. */
  lessons: readonly { id: string; title: string }[];
}

const ACTIVITY_TYPE = {
  lesson: 'http://adlnet.gov/expapi/activities/lesson',
  assessment: 'http://adlnet.gov/expapi/activities/assessment',
  simulation: 'http://adlnet.gov/expapi/activities/simulation',
} as const;

const FOLDER: Record<Attempt['activityKind'], string> = { quiz: 'quizzes', assessment: 'assessments', scenario: 'scenarios' };

/** Milliseconds between two ISO times, never negative. */
const between = (from: string, to: string): number => Math.max(0, Date.parse(to) - Date.parse(from));

function attemptResult(attempt: Attempt): JsonObject {
  return {
    ...(attempt.maxScore > 0
      ? { score: { raw: attempt.score, min: 0, max: attempt.maxScore, scaled: attempt.score / attempt.maxScore } }
      : {}),
    ...(attempt.activityKind === 'assessment' ? {} : { success: attempt.passed }),
    completion: true,
    duration: isoDuration(between(attempt.startedAt, attempt.finishedAt)),
    extensions: {
      [EXTENSION.answers]: attempt.answers,
      [EXTENSION.contentVersion]: attempt.contentVersion,
      [EXTENSION.activityKind]: attempt.activityKind,
    },
  };
}

/**
 * The course's statements from its progress log: a completed lesson (completed), a viewed lesson
 * (experienced), a finished attempt (passed or failed; completed for the ungraded
 * self-assessment). Each statement's id is its event's id, so a statement re-derived after a
 * relaunch is the same statement, and an LRS never counts it twice (`statementId`).
 */
export function attemptStatements(log: ProgressLog, ctx: AttemptStatementContext): XapiStatement[] {
  const lessonTitles = new Map(ctx.lessons.map((l) => [l.id, l.title]));
  const activityTitles = new Map(ctx.activities.map((a) => [a.id, a.title]));
  const context = {
    contextActivities: { parent: [{ id: ctx.courseIri }] },
    extensions: { [EXTENSION.courseVersion]: ctx.courseVersion },
  };
  const name = (text: string | undefined) => (text ? { name: { 'zh-CN': text } } : {});
  return log.events.flatMap((event): XapiStatement[] => {
    const base = { id: statementId(event.id), actor: ctx.actor, timestamp: event.at, context };
    if (event.type === 'lesson-completed' || event.type === 'lesson-viewed') {
      return [
        {
          ...base,
          verb: verb(event.type === 'lesson-completed' ? 'completed' : 'experienced'),
          object: {
            objectType: 'Activity',
            id: `${ctx.courseIri}/lessons/${event.lessonId}`,
            definition: { type: ACTIVITY_TYPE.lesson, ...name(lessonTitles.get(event.lessonId)) },
          },
        },
      ];
    }
    if (event.type !== 'attempt') return [];
    const attempt = event.attempt;
    const graded = attempt.activityKind !== 'assessment';
    return [
      {
        ...base,
        verb: verb(graded ? (attempt.passed ? 'passed' : 'failed') : 'completed'),
        object: {
          objectType: 'Activity',
          id: `${ctx.courseIri}/${FOLDER[attempt.activityKind]}/${attempt.activityId}`,
          definition: {
            type: attempt.activityKind === 'scenario' ? ACTIVITY_TYPE.simulation : ACTIVITY_TYPE.assessment,
            ...name(activityTitles.get(attempt.activityId)),
          },
        },
        result: attemptResult(attempt),
      },
    ];
  });
}
