import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dueVerbs, outcome, type MoveOnVerb } from '../../src/domain/cmi5/move-on.ts';
import { courseReport } from '../../src/domain/scorm/report.ts';
import { catalog, finishedCourse } from '../fixtures/scorm-course.ts';
import { attempted, completed, viewed } from '../fixtures/progress-events.ts';

// Which cmi5-defined verbs the course owes the LMS, from a progress log, LMS.LaunchData and what
// was already sent: the rules of the cmi5 spec's section 9.3 and 10 against the course's own rule.

const lessons = catalog.map.lessons.map((l) => l.id);
const required = catalog.rule.requiredActivities;
const allLessons = lessons.map((id, i) => completed(`c${i}`, i, id));
const pass = (id: string, at: number, score = 10) => attempted(`p-${id}-${at}`, at, id, { score, maxScore: 10, passed: true });
const fail = (id: string, at: number, score = 4) => attempted(`f-${id}-${at}`, at, id, { score, maxScore: 10, passed: false });
const NORMAL = { launchMode: 'Normal' } as const;
const due = (
  events: Parameters<typeof courseReport>[1],
  sent: MoveOnVerb[] = [],
  rules = NORMAL as Parameters<typeof dueVerbs>[1],
  session: MoveOnVerb[] = [],
) => dueVerbs(courseReport(catalog, events), rules, sent, session);

const finished = [...allLessons, ...required.map((id, i) => pass(id, 100 + i))];
const failedOne = [...allLessons, ...required.slice(1).map((id, i) => pass(id, 100 + i)), fail(required[0]!, 200, 5)];

describe('the cmi5 verbs due from the course rule', () => {
  it('a learner still working owes nothing', () => {
    expect(due([viewed('v', 1, lessons[0]!), pass(required[0]!, 2)])).toEqual([]);
  });

  it('every lesson done and every module quiz passed: completed, then passed', () => {
    expect(due(finished)).toEqual(['completed', 'passed']);
  });

  it('everything done but one module quiz failed: completed and failed; a later retake that passes owes passed', () => {
    expect(due(failedOne)).toEqual(['completed', 'failed']);
    const retaken = [...failedOne, pass(required[0]!, 300, 9)];
    expect(due(retaken, ['completed', 'failed'])).toEqual(['passed']);
  });

  it('each verb goes once per registration, and nothing follows passed', () => {
    expect(due(finished, ['completed', 'passed'])).toEqual([]);
    expect(due(failedOne, ['completed', 'failed'])).toEqual([]);
    expect(due(failedOne, ['passed'])).toEqual(['completed']);
  });

  it('a session that sent failed does not also send passed: the retake’s passed waits for the next session', () => {
    const retaken = [...failedOne, pass(required[0]!, 300, 9)];
    expect(due(retaken, ['completed', 'failed'], NORMAL, ['failed'])).toEqual([]);
  });

  it('Browse and Review launches owe nothing but initialized and terminated', () => {
    expect(due(finished, [], { launchMode: 'Browse' })).toEqual([]);
    expect(due(finished, [], { launchMode: 'Review' })).toEqual([]);
  });

  it('an LMS mastery score decides pass or fail once the course is completed, by the course score', () => {
    // Every quiz passed at 8/10: course score 80.
    const at80 = [...allLessons, ...required.map((id, i) => pass(id, 100 + i, 8))];
    expect(due(at80, [], { launchMode: 'Normal', masteryScore: 0.8 })).toEqual(['completed', 'passed']);
    expect(due(at80, [], { launchMode: 'Normal', masteryScore: 0.81 })).toEqual(['completed', 'failed']);
    // Not completed yet (a lesson open): no judgement at all.
    expect(due(at80.slice(1), [], { launchMode: 'Normal', masteryScore: 0.5 })).toEqual([]);
  });

  it('for any learner and any verbs sent before: completed comes first, passed and failed never both, nothing sent twice, nothing after passed', () => {
    const verbs: MoveOnVerb[] = ['completed', 'passed', 'failed'];
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.subarray(verbs),
        fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
        (seed, sent, masteryScore) => {
          const log = finishedCourse({ seed, skill: 0.5 + (seed % 50) / 100 });
          const rules = { launchMode: 'Normal' as const, ...(masteryScore === undefined ? {} : { masteryScore }) };
          const result = dueVerbs(courseReport(catalog, log.events), rules, sent);
          for (const verb of result) expect(sent).not.toContain(verb);
          expect(result.includes('passed') && result.includes('failed')).toBe(false);
          if (result.includes('completed')) expect(result[0]).toBe('completed');
          if (sent.includes('passed')) expect(result.filter((v) => v !== 'completed')).toEqual([]);
          // What is judged agrees with the report the SCORM package sends when no mastery score overrides it.
          if (masteryScore === undefined) {
            const report = courseReport(catalog, log.events);
            expect(outcome(report, rules)).toBe(report.successStatus);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
