import { defaultCourseIri } from '../../domain/xapi/statements.ts';

/**
 * Whether, and where, the course sends xAPI statements: read at build time from
 * `PUBLIC_LRS_ENDPOINT` and `PUBLIC_LRS_AUTH` (and optionally `PUBLIC_LRS_COURSE_IRI`), by the page
 * layout (which then adds the sender) and by `astro.config.mjs` (which then lets the pages connect to
 * the LRS's origin, and nowhere else). With no endpoint there is no sender at all. Documented in the
 * README ("Sending completion to an LRS").
 */

export interface LrsConfig {
  /** The LRS's xAPI base, ending in `/` (statements go to `<endpoint>statements`). */
  endpoint: string;
  /** The LRS's origin, for the Content-Security-Policy's `connect-src`. */
  origin: string;
  /** The Authorization header: `Basic …` of a write-only key. */
  auth: string;
  /** The course's activity IRI, when the build names one (else `defaultCourseIri`). */
  courseIri?: string;
}

/** The course's activity IRI in statements: the build's, else one made from the course id. */
export const courseIriOf = (config: Pick<LrsConfig, 'courseIri'> | undefined, courseId: string): string =>
  config?.courseIri ?? defaultCourseIri(courseId);

export type LrsEnv = Partial<Record<'PUBLIC_LRS_ENDPOINT' | 'PUBLIC_LRS_AUTH' | 'PUBLIC_LRS_COURSE_IRI', string | undefined>>;

const base64 = (text: string): string => btoa(String.fromCharCode(...new TextEncoder().encode(text)));

/**
 * The LRS configuration, or undefined when no endpoint is set. The key may be given as the header
 * (`Basic …`) or as `key:secret`. A malformed endpoint stops the build with a message: a course
 * that silently sent nothing would be found out only when HR's report stays empty.
 */
export function lrsConfigFrom(env: LrsEnv): LrsConfig | undefined {
  const raw = env.PUBLIC_LRS_ENDPOINT?.trim();
  if (!raw) return undefined;
  if (!URL.canParse(raw) || !/^https?:$/.test(new URL(raw).protocol)) {
    throw new Error(`PUBLIC_LRS_ENDPOINT must be the LRS's http(s) xAPI address, such as https://lrs.example.com/xapi/ (got "${raw}")`);
  }
  const endpoint = raw.endsWith('/') ? raw : `${raw}/`;
  const key = env.PUBLIC_LRS_AUTH?.trim() ?? '';
  if (!key) throw new Error('PUBLIC_LRS_AUTH must hold the LRS key: "key:secret", or the header value "Basic …"');
  const auth = /^basic\s/i.test(key) ? key : `Basic ${base64(key)}`;
  const courseIri = env.PUBLIC_LRS_COURSE_IRI?.trim().replace(/\/+$/, '');
  return { endpoint, origin: new URL(endpoint).origin, auth, ...(courseIri ? { courseIri } : {}) };
}
