import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkFile, checkRecordData, combine } from '../../src/domain/records/analyse.ts';
import { StatementReader } from '../../src/domain/xapi/records.ts';
import { readFailure } from '../../src/lms/xapi/read-lrs.ts';
import { shippedCatalogue } from '../fixtures/catalogue.ts';
import { generatedRecord, makeRecord } from '../fixtures/records.ts';
import { recordStatements } from '../fixtures/statements.ts';

const catalogue = shippedCatalogue();
const IRI = 'https://lrs-test.example.com/courses/service-classroom';

/** What HR's worker does with an LRS's pages: every statement through one reader, then the records. */
function collect(statements: unknown[], iri = IRI) {
  const reader = new StatementReader({ course: catalogue.course, map: catalogue.map, courseIri: iri });
  for (const s of statements) reader.add(s);
  return { ...reader.result(), skipped: reader.skipped, records: () => reader.result().records };
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
    expect(collector.rejected.map(({ id, reason }) => ({ id, reason }))).toEqual([
      { id: broken['id'], reason: 'no-answers' },
      { id: undefined, reason: 'not-statement' },
    ]);
    expect(collector.records()[0]!.attempts).toHaveLength(attempts.length - 1);
  });

  it('sets aside statements about other courses, skips those about the course as a whole, and keeps learners apart by employee id', () => {
    const a = recordStatements(generatedRecord(catalogue, 1, 4), IRI);
    const b = recordStatements(generatedRecord(catalogue, 2, 4), IRI);
    const other = recordStatements(generatedRecord(catalogue, 3, 4), 'https://lrs-test.example.com/courses/another');
    const session = {
      id: 'cmi5-init',
      actor: { account: { homePage: 'https://x', name: 'E00001' } },
      verb: { id: 'http://adlnet.gov/expapi/verbs/initialized' },
      object: { id: IRI },
      timestamp: '2026-03-02T01:00:00.000Z',
    };
    const collector = collect([...a, ...other, session, ...b]);
    expect(collector.records().map((r) => [r.learner.name, r.learner.department])).toEqual([
      ['学员1', '客服2部'],
      ['学员2', '客服3部'],
    ]);
    expect(collector.skipped).toBe(1);
    expect(collector.rejected.filter((r) => r.reason === 'other-course')).toHaveLength(other.length);
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
