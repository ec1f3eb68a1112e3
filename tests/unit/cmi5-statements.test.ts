import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXT as EXTENSION, isoDurationMs as isoDuration, statementId, statementsOf, type Agent } from '../../src/domain/xapi/statements.ts';
import {
  CMI5_CATEGORY,
  definedStatement,
  MOVE_ON_CATEGORY,
  withCmi5Context,
  type Cmi5Launch,
  type XapiStatement,
} from '../../src/domain/cmi5/statements.ts';
import { catalog, finishedCourse } from '../fixtures/scorm-course.ts';
import { xapiProblems } from '../fixtures/xapi-validate.ts';

// The statements a cmi5 launch sends, checked against the cmi5 rules for "cmi5 defined"
// statements and against the xAPI specification (xapi-validation).

const SESSION = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid';
const PUBLISHER_AU = 'https://service-classroom.invalid/courses/service-classroom/au';
const LAUNCH: Cmi5Launch = {
  actor: { objectType: 'Agent', name: '王小明', account: { homePage: 'https://lms.example.com', name: 'E1024' } },
  registration: '2b9f6c1e-4f7a-4c2e-9a55-0d3c2a9b1e77',
  activityId: 'https://lms.example.com/courses/42/au/1',
  contextTemplate: {
    contextActivities: { grouping: [{ objectType: 'Activity', id: PUBLISHER_AU }] },
    extensions: { [SESSION]: 'session-1' },
  },
};
const categories = (s: XapiStatement): unknown[] =>
  ((s.context?.['contextActivities'] as Record<string, { id: string }[]> | undefined)?.['category'] ?? []).map((a) => a.id);

describe('cmi5-defined statements', () => {
  const at = '2026-03-02T09:00:00.000Z';
  const make = (verb: 'completed' | 'passed' | 'failed' | 'terminated', launch = LAUNCH) =>
    definedStatement({ id: crypto.randomUUID(), verb, at, sessionMs: 754_321, score: 87 }, launch);

  it('are valid xAPI, about the AU, by the launch actor, in the registration, with the LMS template kept', () => {
    for (const verb of ['completed', 'passed', 'failed', 'terminated'] as const) {
      const s = make(verb);
      expect(xapiProblems(s)).toEqual([]);
      expect(s.object.id).toBe(LAUNCH.activityId);
      expect(s.actor).toEqual(LAUNCH.actor);
      expect(s.verb.id).toBe(`http://adlnet.gov/expapi/verbs/${verb}`);
      expect(s.context?.['registration']).toBe(LAUNCH.registration);
      expect(s.context?.['contextActivities']).toMatchObject({ grouping: [{ id: PUBLISHER_AU }] });
      expect((s.context?.['extensions'] as Record<string, unknown>)[SESSION]).toBe('session-1');
      expect(categories(s)).toContain(CMI5_CATEGORY);
      expect(s.result?.['duration']).toBe('PT12M34.32S');
      expect(s.timestamp).toBe(at);
    }
  });

  it('carry score and success only when passed or failed, completion only when completed, and the moveOn category exactly then', () => {
    expect(make('passed').result).toMatchObject({ success: true, score: { scaled: 0.87, raw: 87, min: 0, max: 100 } });
    expect(make('failed').result).toMatchObject({ success: false, score: { scaled: 0.87 } });
    expect(make('completed').result).toEqual({ completion: true, duration: 'PT12M34.32S' });
    expect(make('terminated').result).toEqual({ duration: 'PT12M34.32S' });
    expect(categories(make('terminated'))).toEqual([CMI5_CATEGORY]);
    for (const verb of ['completed', 'passed', 'failed'] as const) expect(categories(make(verb))).toContain(MOVE_ON_CATEGORY);
  });

  it('name the LMS mastery score on passed and failed when it set one', () => {
    const withMastery = { ...LAUNCH, masteryScore: 0.8 };
    const ext = (s: XapiStatement) => s.context?.['extensions'] as Record<string, unknown>;
    expect(ext(make('passed', withMastery))['https://w3id.org/xapi/cmi5/context/extensions/masteryscore']).toBe(0.8);
    expect(ext(make('completed', withMastery))['https://w3id.org/xapi/cmi5/context/extensions/masteryscore']).toBeUndefined();
  });
});

describe('the course’s statements under cmi5', () => {
  const ctx = {
    courseIri: LAUNCH.activityId,
    courseVersion: catalog.course.contentVersion,
    actor: LAUNCH.actor as Agent,
  };
  const attemptStatements = (log: Parameters<typeof statementsOf>[0], c: typeof ctx) => statementsOf(log, c) as unknown as XapiStatement[];

  it('a template value is never overwritten by the statement’s own, and the statement’s own activities are kept beside the template’s', () => {
    const [first] = attemptStatements(finishedCourse({ seed: 3 }), ctx);
    const own = { ...first!, context: { ...first!.context, extensions: { [SESSION]: 'forged', [EXTENSION.courseVersion]: 'v' } } };
    const joined = withCmi5Context(own, LAUNCH);
    expect(joined.context?.['extensions']).toEqual({ [SESSION]: 'session-1', [EXTENSION.courseVersion]: 'v' });
    expect(joined.context?.['contextActivities']).toEqual({
      parent: [{ objectType: 'Activity', id: LAUNCH.activityId }],
      grouping: [{ objectType: 'Activity', id: PUBLISHER_AU }],
    });
  });

  it('for any learner: one statement per lesson and attempt event, with the event’s id, all valid xAPI once in the launch’s context', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), (seed) => {
        const log = finishedCourse({ seed });
        const statements = attemptStatements(log, ctx).map((s) => withCmi5Context(s, LAUNCH));
        const counted = log.events.filter((e) => e.type !== 'learner-set' && e.type !== 'review');
        expect(statements.map((s) => s.id)).toEqual(counted.map((e) => statementId(e.id)));
        for (const s of statements) {
          expect(xapiProblems(s)).toEqual([]);
          expect(s.context?.['registration']).toBe(LAUNCH.registration);
          expect(categories(s)).not.toContain(MOVE_ON_CATEGORY);
        }
        for (const [event, s] of counted.map((e, i) => [e, statements[i]!] as const)) {
          if (event.type !== 'attempt') continue;
          const a = event.attempt;
          const ext = s.result?.['extensions'] as Record<string, unknown>;
          expect(ext[EXTENSION.answers]).toEqual(a.answers);
          expect(ext[EXTENSION.contentVersion]).toBe(a.contentVersion);
          expect(s.verb.id.split('/').at(-1)).toBe(a.activityKind === 'assessment' ? 'completed' : a.passed ? 'passed' : 'failed');
        }
      }),
      { numRuns: 20 },
    );
  });
});

describe('statementId', () => {
  it('keeps a UUID and turns any other id into the same UUID every time, different ids into different ones', () => {
    const uuid = '0b6c2d4e-1f3a-4b5c-8d7e-9f0a1b2c3d4e';
    expect(statementId(uuid)).toBe(uuid);
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), (a, b) => {
        expect(statementId(a)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        expect(statementId(a)).toBe(statementId(a));
        if (a !== b) expect(statementId(a)).not.toBe(statementId(b));
      }),
    );
  });
});

describe('isoDuration', () => {
  it('writes hours, minutes and seconds to the hundredth, leaving out the empty parts', () => {
    expect(isoDuration(0)).toBe('PT0S');
    expect(isoDuration(3_723_450)).toBe('PT1H2M3.45S');
    expect(isoDuration(3_600_000)).toBe('PT1H0S');
    expect(isoDuration(-5)).toBe('PT0S');
  });
});
