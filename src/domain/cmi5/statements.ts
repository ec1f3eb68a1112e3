import { isoDurationMs } from '../xapi/statements.ts';
import type { MoveOnVerb } from './move-on.ts';

/**
 * The xAPI statements an AU launched by a cmi5 LMS sends: the five cmi5-defined ones
 * (initialized, completed, passed, failed, terminated; `@xapi/cmi5` sends `initialized` itself)
 * and the course's own statements (`statementsOf`, the same as the website sends to an LRS), all
 * carrying the launch's registration and the LMS's context template (cmi5 section 10: every
 * statement an AU sends uses the template as its context), joined by `withCmi5Context`.
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

const verb = (name: string) => ({ id: `${ADL}${name}`, display: { 'en-US': name } });

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
    duration: isoDurationMs(input.sessionMs),
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
