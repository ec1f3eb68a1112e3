import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  backoffDelay,
  BACKOFF_MAX_MS,
  classifyAnswer,
  emptyLedger,
  parseLedger,
  pendingStatements,
  queueCounts,
  recordAnswer,
  type LrsAnswer,
} from '../../src/domain/xapi/queue.ts';
import { statementId, statementsOf, type Statement } from '../../src/domain/xapi/statements.ts';

/** The statement ids of events named by these ids (events in fixtures have short ids; statements need UUIDs). */
const ids = (...eventIds: string[]) => eventIds.map(statementId);
import { completed, learnerSet, progressLog, viewed } from '../fixtures/progress-events.ts';

const ctx = { courseIri: 'https://service-classroom.invalid/courses/c', courseVersion: 'v1' };
const statements: Statement[] = statementsOf(
  progressLog('c', [
    learnerSet('l', 0, { name: '王', employeeId: 'E1', department: '' }),
    viewed('a', 1, 'x'),
    completed('b', 2, 'x'),
    viewed('c', 3, 'y'),
  ]),
  ctx,
);
const at = '2026-12-05T08:00:00.000Z';

describe('what an LRS answer means for a statement', () => {
  it.each<[LrsAnswer, string]>([
    [{ status: 200 }, 'acknowledged'],
    [{ status: 204 }, 'acknowledged'],
    [{ status: 409, body: 'conflict' }, 'acknowledged'],
    [{ status: 400, body: 'bad actor' }, 'refused'],
    [{ status: 413 }, 'refused'],
    [{ status: 401 }, 'retry'],
    [{ status: 429 }, 'retry'],
    [{ status: 500 }, 'retry'],
    [{ status: 503 }, 'retry'],
    [{ failure: 'network' }, 'retry'],
    [{ failure: 'timeout' }, 'retry'],
  ])('%j → %s', (answer, verdict) => expect(classifyAnswer(answer)).toBe(verdict));
});

describe('the queue: derived statements minus answered ids', () => {
  it('sends each statement until the LRS takes it, then never again', () => {
    let ledger = emptyLedger();
    expect(pendingStatements(statements, ledger, 'v1').map((s) => s.id)).toEqual(ids('a', 'b', 'c'));
    ledger = recordAnswer(ledger, statementId('a'), { status: 204 }, at, 'v1');
    ledger = recordAnswer(ledger, statementId('b'), { status: 409 }, at, 'v1');
    ledger = recordAnswer(ledger, statementId('c'), { failure: 'network' }, at, 'v1');
    expect(pendingStatements(statements, ledger, 'v1').map((s) => s.id)).toEqual(ids('c'));
    expect(queueCounts(statements, ledger, 'v1')).toEqual({ queued: 1, sent: 2, refused: 0 });
  });

  it('keeps a refused statement with its reason, and tries it again only when the course version changes', () => {
    const ledger = recordAnswer(emptyLedger(), statementId('b'), { status: 400, body: 'actor is invalid' }, at, 'v1');
    expect(ledger.refused[statementId('b')]).toEqual({ status: 400, reason: 'actor is invalid', at, courseVersion: 'v1' });
    expect(pendingStatements(statements, ledger, 'v1').map((s) => s.id)).toEqual(ids('a', 'c'));
    expect(queueCounts(statements, ledger, 'v1')).toEqual({ queued: 2, sent: 0, refused: 1 });
    expect(pendingStatements(statements, ledger, 'v2').map((s) => s.id)).toEqual(ids('a', 'b', 'c'));
    const later = recordAnswer(ledger, statementId('b'), { status: 204 }, at, 'v2');
    expect(later.refused).toEqual({});
    expect(later.acknowledged).toEqual(ids('b'));
  });

  it('never queues an acknowledged id, whatever the order of answers', () => {
    const answer = fc.oneof(
      fc.constantFrom(200, 204, 400, 404, 409, 429, 500, 503).map((status): LrsAnswer => ({ status })),
      fc.constant<LrsAnswer>({ failure: 'network' }),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...ids('a', 'b', 'c')), answer)), (answers) => {
        const ledger = answers.reduce((l, [id, a]) => recordAnswer(l, id, a, at, 'v1'), emptyLedger());
        const pending = new Set(pendingStatements(statements, ledger, 'v1').map((s) => s.id));
        for (const id of ledger.acknowledged) expect(pending.has(id)).toBe(false);
        expect(new Set(ledger.acknowledged).size).toBe(ledger.acknowledged.length);
        expect(parseLedger(JSON.stringify(ledger))).toEqual(ledger);
      }),
    );
  });

  it('reads a damaged ledger as empty rather than failing', () => {
    expect(parseLedger(null)).toEqual(emptyLedger());
    expect(parseLedger('{not json')).toEqual(emptyLedger());
    expect(parseLedger('{"acknowledged":["a",3],"refused":{"b":{"status":"x"}}}')).toEqual({ acknowledged: ['a'], refused: {} });
  });
});

describe('the back-off schedule', () => {
  it('waits 5 s after the first failure and doubles up to ten minutes', () => {
    expect([0, 1, 2, 3, 4].map(backoffDelay)).toEqual([0, 5_000, 10_000, 20_000, 40_000]);
    expect(backoffDelay(8)).toBe(BACKOFF_MAX_MS);
    expect(backoffDelay(10_000)).toBe(BACKOFF_MAX_MS);
  });

  it('never waits less after more failures', () => {
    fc.assert(fc.property(fc.nat(200), (n) => backoffDelay(n + 1) >= backoffDelay(n) && backoffDelay(n) <= BACKOFF_MAX_MS));
  });
});
