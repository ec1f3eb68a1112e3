import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkFile, checkRecordData, combine } from '../../src/domain/records/analyse.ts';
import { durationSeconds, StatementCollector } from '../../src/domain/xapi/records-from-statements.ts';
import { readFailure } from '../../src/lms/xapi/read-lrs.ts';
import { shippedCatalogue } from '../fixtures/catalogue.ts';
import { generatedRecord, makeRecord } from '../fixtures/records.ts';
import { recordStatements } from '../fixtures/statements.ts';

const catalogue = shippedCatalogue();
const IRI = 'https://lrs-test.example.com/courses/service-classroom';
const course = { id: catalogue.course.id, title: catalogue.course.title };

function collect(statements: unknown[], iri = IRI): StatementCollector {
  const collector = new StatementCollector(iri, course);
  for (const s of statements) collector.add(s);
  return collector;
}

describe("HR reading a learner's statements from an LRS", () => {
  it('rebuilds the record a learner would have exported: same lessons done, same attempts, verified', () => {
    const record = generatedRecord(catalogue, 7, 12);
    const [rebuilt] = collect(recordStatements(record, IRI)).records();
    const check = checkRecordData({ index: 0, name: 'LRS' }, rebuilt, catalogue);
    const fromFile = checkFile({ index: 0, name: 'file' }, JSON.stringify(record), catalogue);
    expect(check.kind).toBe('checked');
    if (check.kind !== 'checked' || fromFile.kind !== 'checked') return;
    expect(check.status).toBe(fromFile.status);
    expect(check.checked.learner).toEqual(record.learner);
    expect(check.checked.attempts.map((a) => [a.attempt.id, a.verdict])).toEqual(
      fromFile.checked.attempts.map((a) => [a.attempt.id, a.verdict]),
    );
    const [fromLrs] = combine([check], catalogue).rows;
    const [fromRecord] = combine([fromFile], catalogue).rows;
    expect(fromLrs!.summary).toEqual(fromRecord!.summary);
  });

  it('flags a statement whose score was raised as a score mismatch, as it flags a forged file', () => {
    const record = makeRecord(catalogue);
    const statements = recordStatements(record, IRI);
    const forged = statements.find((s) => (s['result'] as { score: { raw: number; max: number } } | undefined)?.score.raw === 0);
    const target = forged ?? statements.find((s) => s['result'])!;
    const result = target['result'] as { score: { raw: number; max: number }; success: boolean };
    // A learner (or anyone with the write key) claims full marks on an attempt its answers do not earn.
    const honest = collect(statements).records()[0]!;
    result.score.raw = result.score.max + 1;
    result.success = true;
    const check = checkRecordData({ index: 0, name: 'LRS' }, collect(statements).records()[0], catalogue);
    expect(checkRecordData({ index: 0, name: 'LRS' }, honest, catalogue)).toMatchObject({ status: 'verified' });
    expect(check).toMatchObject({ kind: 'checked', status: 'score-mismatch', mismatches: 1 });
  });

  it('rejects a statement that lacks what re-scoring needs, with a reason, and still loads the rest', () => {
    const statements = recordStatements(makeRecord(catalogue), IRI);
    const attempts = statements.filter((s) => s['result']);
    const broken = attempts[0]!;
    delete (broken['result'] as { extensions: Record<string, unknown> }).extensions['https://service-classroom.invalid/xapi/answers'];
    const collector = collect([...statements, { verb: 'not a statement' }]);
    expect(collector.rejected).toEqual([{ id: broken['id'], reason: 'no-answers' }, { reason: 'not-statement' }]);
    expect(collector.records()[0]!.attempts).toHaveLength(attempts.length - 1);
  });

  it('skips statements about other courses and activities, and keeps learners apart by employee id', () => {
    const a = recordStatements(makeRecord(catalogue, { employeeId: 'E1', name: '甲' }), IRI);
    const b = recordStatements(makeRecord(catalogue, { employeeId: 'E2', name: '乙' }), IRI);
    const other = recordStatements(makeRecord(catalogue, { employeeId: 'E3', name: '丙' }), 'https://lrs-test.example.com/courses/another');
    const collector = collect([...a, ...other, ...b]);
    expect(collector.records().map((r) => r.learner.name)).toEqual(['甲', '乙']);
    expect(collector.skipped).toBe(other.length);
  });

  it('gives the same records whatever order the pages arrive in, and a statement read twice counts once', () => {
    const statements = [
      ...recordStatements(generatedRecord(catalogue, 1, 6), IRI),
      ...recordStatements(generatedRecord(catalogue, 2, 6), IRI),
    ];
    const expected = collect(statements).records();
    const byLearner = (records: typeof expected) => [...records].sort((x, y) => (x.learner.employeeId < y.learner.employeeId ? -1 : 1));
    fc.assert(
      fc.property(
        fc.shuffledSubarray(statements, { minLength: statements.length }),
        fc.array(fc.nat(statements.length - 1), { maxLength: 8 }),
        (order, again) => {
          const records = collect([...order, ...again.map((i) => statements[i]!)]).records();
          expect(byLearner(records)).toEqual(byLearner(expected));
        },
      ),
      { numRuns: 50 },
    );
  });

  it('reads ISO 8601 durations as xAPI writes them', () => {
    expect(durationSeconds('PT3M')).toBe(180);
    expect(durationSeconds('PT1H2M3.5S')).toBe(3723.5);
    expect(durationSeconds('P1DT1S')).toBe(86401);
    expect(durationSeconds('PT')).toBeUndefined();
    expect(durationSeconds('3 minutes')).toBeUndefined();
  });

  it('tells HR what a failed LRS request means', () => {
    expect([0, 401, 403, 404, 400, 503].map(readFailure)).toEqual([
      'unreachable',
      'credentials',
      'forbidden',
      'not-found',
      'not-lrs',
      'server',
    ]);
  });
});
