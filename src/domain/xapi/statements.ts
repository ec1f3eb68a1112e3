import type { ActivityKind, Attempt, JsonValue, LearnerProfile, ProgressEvent, ProgressLog } from '../progress/events.ts';
import { currentLearner } from '../progress/reducers.ts';

/**
 * xAPI statements, derived from the progress log rather than kept beside it: a statement's id is
 * its event's id, so deriving again gives the same statements and an LRS that already holds one
 * takes it as a no-op. The shape is agreed with the cmi5 and HR helpers
 * (briefs/xapi-shape.md) and documented for analysts in the README ("Sending completion to an
 * LRS"); `records.ts` reads it back for HR.
 */

/** Where the course's own extension keys live: an IRI needs no real host. */
export const EXTENSION_BASE = 'https://service-classroom.invalid/xapi';
export const EXT = {
  answers: `${EXTENSION_BASE}/answers`,
  contentVersion: `${EXTENSION_BASE}/content-version`,
  activityKind: `${EXTENSION_BASE}/activity-kind`,
  courseVersion: `${EXTENSION_BASE}/course-version`,
  /** The learner's department as they entered it (the actor has only a name and an account). */
  department: `${EXTENSION_BASE}/department`,
} as const;

/** The course IRI when the build names none. */
export const defaultCourseIri = (courseId: string): string => `https://service-classroom.invalid/courses/${encodeURIComponent(courseId)}`;

export const VERBS = {
  completed: { id: 'http://adlnet.gov/expapi/verbs/completed', display: { 'en-US': 'completed', 'zh-CN': '完成' } },
  passed: { id: 'http://adlnet.gov/expapi/verbs/passed', display: { 'en-US': 'passed', 'zh-CN': '通过' } },
  failed: { id: 'http://adlnet.gov/expapi/verbs/failed', display: { 'en-US': 'failed', 'zh-CN': '未通过' } },
  experienced: { id: 'http://adlnet.gov/expapi/verbs/experienced', display: { 'en-US': 'experienced', 'zh-CN': '学习' } },
} as const;
export type VerbName = keyof typeof VERBS;

const ACTIVITY_TYPE = {
  course: 'http://adlnet.gov/expapi/activities/course',
  lesson: 'http://adlnet.gov/expapi/activities/lesson',
  quiz: 'http://adlnet.gov/expapi/activities/assessment',
  assessment: 'http://adlnet.gov/expapi/activities/assessment',
  scenario: 'http://adlnet.gov/expapi/activities/simulation',
} as const;

/** The path segment under the course IRI for each kind of thing a statement is about. */
export const ACTIVITY_PATH: Record<ActivityKind | 'lesson', string> = {
  lesson: 'lessons',
  quiz: 'quizzes',
  assessment: 'assessments',
  scenario: 'scenarios',
};

export const activityIri = (courseIri: string, kind: ActivityKind | 'lesson', id: string): string =>
  `${courseIri}/${ACTIVITY_PATH[kind]}/${encodeURIComponent(id)}`;

export interface Agent {
  objectType: 'Agent';
  name?: string;
  account: { homePage: string; name: string };
}

export interface StatementResult {
  score?: { raw: number; min: 0; max: number; scaled: number };
  success: boolean;
  completion: true;
  duration: string;
  extensions: Record<string, JsonValue>;
}

export interface Statement {
  id: string;
  actor: Agent;
  verb: (typeof VERBS)[VerbName];
  object: { objectType: 'Activity'; id: string; definition: { type: string; name?: Record<string, string> } };
  result?: StatementResult;
  timestamp: string;
  context: {
    registration?: string;
    contextActivities: { parent: { objectType: 'Activity'; id: string }[] };
    extensions: Record<string, JsonValue>;
  };
}

export interface StatementContext {
  /** The course's activity IRI: the build's, or under cmi5 the launch's activity id. */
  courseIri: string;
  /** `courseContentVersion` of the course as built. */
  courseVersion: string;
  /** Who the statements are by; by default the log's learner, under an account at `accountHomePage`. */
  actor?: Agent;
  /** The account's home page for a learner from the log; by default the course IRI's origin. */
  accountHomePage?: string;
  /** cmi5: the launch's registration. */
  registration?: string;
  /** cmi5: the context template's extensions, added to each statement's. */
  contextExtras?: Record<string, JsonValue>;
  /** Lesson and activity titles by id, sent as each activity's name so an LRS's reports read in words. */
  titles?: ReadonlyMap<string, string>;
}

/** The learner of a log as an xAPI agent, or undefined while there is no employee id to file it under. */
export function agentOf(learner: LearnerProfile | undefined, homePage: string): Agent | undefined {
  const employeeId = learner?.employeeId.trim();
  if (!learner || !employeeId) return undefined;
  const name = learner.name.trim();
  return { objectType: 'Agent', ...(name ? { name } : {}), account: { homePage, name: employeeId } };
}

/** ISO 8601 duration from milliseconds, to the hundredth of a second (`PT1H2M3.45S`); negative counts as none. */
export function isoDurationMs(ms: number): string {
  const centis = Number.isFinite(ms) ? Math.max(0, Math.round(ms / 10)) : 0;
  const h = Math.floor(centis / 360000);
  const m = Math.floor((centis % 360000) / 6000);
  const s = (centis % 6000) / 100;
  return `PT${h > 0 ? `${h}H` : ''}${m > 0 ? `${m}M` : ''}${Number(s.toFixed(2))}S`;
}

/** The duration between two times; a finish before the start (a clock changed mid-attempt) counts as no time. */
export const isoDuration = (startedAt: string, finishedAt: string): string => isoDurationMs(Date.parse(finishedAt) - Date.parse(startedAt));

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

/** The verb an attempt is reported with: the self-assessment is not graded, only finished. */
export const attemptVerb = (attempt: Pick<Attempt, 'activityKind' | 'passed'>): VerbName =>
  attempt.activityKind === 'assessment' ? 'completed' : attempt.passed ? 'passed' : 'failed';

function attemptResult(attempt: Attempt): StatementResult {
  // A maximum of 0 (the self-assessment) has no score: xAPI's scaled score would divide by it.
  const score =
    attempt.maxScore > 0
      ? {
          score: {
            raw: attempt.score,
            min: 0 as const,
            max: attempt.maxScore,
            scaled: Math.min(1, Math.max(0, attempt.score / attempt.maxScore)),
          },
        }
      : {};
  return {
    ...score,
    success: attempt.passed,
    completion: true,
    duration: isoDuration(attempt.startedAt, attempt.finishedAt),
    extensions: {
      [EXT.answers]: attempt.answers,
      [EXT.contentVersion]: attempt.contentVersion,
      [EXT.activityKind]: attempt.activityKind,
    },
  };
}

/** One event as a statement, or undefined for events that are not reported (a profile change, a review). */
export function statementOf(event: ProgressEvent, actor: Agent, ctx: StatementContext): Statement | undefined {
  const context: Statement['context'] = {
    ...(ctx.registration ? { registration: ctx.registration } : {}),
    contextActivities: { parent: [{ objectType: 'Activity', id: ctx.courseIri }] },
    extensions: { ...ctx.contextExtras, [EXT.courseVersion]: ctx.courseVersion },
  };
  const base = { id: statementId(event.id), actor, timestamp: event.at, context };
  const named = (id: string) => {
    const title = ctx.titles?.get(id);
    return title ? { name: { 'zh-CN': title } } : {};
  };
  switch (event.type) {
    case 'lesson-viewed':
    case 'lesson-completed':
      return {
        ...base,
        verb: VERBS[event.type === 'lesson-viewed' ? 'experienced' : 'completed'],
        object: {
          objectType: 'Activity',
          id: activityIri(ctx.courseIri, 'lesson', event.lessonId),
          definition: { type: ACTIVITY_TYPE.lesson, ...named(event.lessonId) },
        },
      };
    case 'attempt': {
      const { attempt } = event;
      return {
        ...base,
        verb: VERBS[attemptVerb(attempt)],
        object: {
          objectType: 'Activity',
          id: activityIri(ctx.courseIri, attempt.activityKind, attempt.activityId),
          definition: { type: ACTIVITY_TYPE[attempt.activityKind], ...named(attempt.activityId) },
        },
        result: attemptResult(attempt),
      };
    }
    // A profile change is in the actor; a spaced review is practice, which no LRS report counts.
    case 'learner-set':
    case 'review':
      return undefined;
  }
}

/** An http(s) course IRI's origin; any other IRI (a URN) is its own home page. */
function homePageOf(courseIri: string): string {
  const origin = URL.canParse(courseIri) ? new URL(courseIri).origin : 'null';
  return origin === 'null' ? courseIri : origin;
}

/**
 * Every statement the log stands for, in the log's order: one per reported event, none while the
 * learner has no employee id (they are derived, and so sent, as soon as one is set).
 */
export function statementsOf(log: Pick<ProgressLog, 'events'>, ctx: StatementContext): Statement[] {
  const learner = currentLearner(log.events);
  const actor = ctx.actor ?? agentOf(learner, ctx.accountHomePage ?? homePageOf(ctx.courseIri));
  if (!actor) return [];
  const department = learner?.department.trim();
  const withDepartment = department ? { ...ctx, contextExtras: { ...ctx.contextExtras, [EXT.department]: department } } : ctx;
  return log.events.flatMap((event) => {
    const statement = statementOf(event, actor, withDepartment);
    return statement ? [statement] : [];
  });
}
