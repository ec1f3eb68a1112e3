import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LrsAnswer } from '../../src/domain/xapi/queue.ts';
import { statementId, type Statement } from '../../src/domain/xapi/statements.ts';
import type { LrsClient } from '../../src/lms/xapi/lrs-client.ts';
import { lrsConfigFrom } from '../../src/lms/xapi/lrs-config.ts';
import { $lrsStatus, startSending } from '../../src/lms/xapi/sender.ts';
import { completeLesson, markViewed, startProgress } from '../../src/stores/progress.ts';
import { setLearner } from '../../src/stores/progress-admin.ts';
import { LEDGER_PREFIX, localLedgerStorage } from '../../src/stores/xapi-ledger.ts';
import { FakeStorage, FakeWindow, MemoryProgressStorage } from '../fixtures/fake-storage.ts';
import { minute } from '../fixtures/progress-events.ts';

describe('the LRS configuration read at build time', () => {
  it('is absent without an endpoint: the course sends nothing', () => {
    expect(lrsConfigFrom({})).toBeUndefined();
    expect(lrsConfigFrom({ PUBLIC_LRS_ENDPOINT: '  ', PUBLIC_LRS_AUTH: 'a:b' })).toBeUndefined();
  });

  it('takes a key as key:secret or as the Basic header, and the LRS origin for the CSP', () => {
    expect(lrsConfigFrom({ PUBLIC_LRS_ENDPOINT: 'https://lrs.example.com/xapi', PUBLIC_LRS_AUTH: 'writer:s3cret' })).toEqual({
      endpoint: 'https://lrs.example.com/xapi/',
      origin: 'https://lrs.example.com',
      auth: `Basic ${btoa('writer:s3cret')}`,
    });
    expect(
      lrsConfigFrom({
        PUBLIC_LRS_ENDPOINT: 'http://127.0.0.1:8080/',
        PUBLIC_LRS_AUTH: 'Basic abc=',
        PUBLIC_LRS_COURSE_IRI: 'https://acme.example/c/',
      }),
    ).toMatchObject({ auth: 'Basic abc=', courseIri: 'https://acme.example/c' });
  });

  it('stops the build with a message for an endpoint that is not an http(s) address or a missing key', () => {
    expect(() => lrsConfigFrom({ PUBLIC_LRS_ENDPOINT: 'lrs.example.com', PUBLIC_LRS_AUTH: 'a:b' })).toThrow(/PUBLIC_LRS_ENDPOINT/);
    expect(() => lrsConfigFrom({ PUBLIC_LRS_ENDPOINT: 'https://lrs.example.com/xapi/' })).toThrow(/PUBLIC_LRS_AUTH/);
  });
});

describe('the ledger in localStorage', () => {
  it('keeps what another tab acknowledged when it saves, and works in memory when storage is blocked', () => {
    const storage = new FakeStorage();
    const one = localLedgerStorage('https://lrs/', () => storage.asStorage());
    const two = localLedgerStorage('https://lrs/', () => storage.asStorage());
    one.save({ acknowledged: ['a'], refused: {} });
    two.save({ acknowledged: ['b'], refused: {} });
    expect(one.load().acknowledged.sort()).toEqual(['a', 'b']);
    expect(storage.keys()).toEqual([`${LEDGER_PREFIX}https://lrs/`]);
    storage.mode = 'blocked';
    const blocked = localLedgerStorage('https://lrs/', () => storage.asStorage());
    blocked.save({ acknowledged: ['c'], refused: {} });
    expect(blocked.load().acknowledged).toEqual(['c']);
  });
});

/** An LRS stand-in that answers from a script, then 204. */
function scriptedLrs(script: ((s: Statement) => LrsAnswer | undefined)[] = []) {
  const calls: string[] = [];
  const client: LrsClient = {
    send(statement) {
      calls.push(statement.id);
      return Promise.resolve(script.shift()?.(statement) ?? { status: 204 });
    },
  };
  return { calls, client: () => Promise.resolve(client) };
}

describe('the sender', () => {
  let ids = 0;
  let stop = () => {};
  const storage = new FakeStorage();
  const start = (lrs: ReturnType<typeof scriptedLrs>) => {
    stop = startSending({
      config: { endpoint: 'https://lrs.example.com/xapi/', auth: 'Basic x' },
      courseId: 'c',
      courseVersion: 'v1',
      ledger: localLedgerStorage('https://lrs.example.com/xapi/', () => storage.asStorage()),
      client: lrs.client,
    });
  };
  const settle = () => vi.advanceTimersByTimeAsync(0);

  beforeEach(() => {
    vi.useFakeTimers();
    vi.stubGlobal('window', new FakeWindow());
    storage.clear();
    ids = 0;
    startProgress({ courseId: 'c', storage: new MemoryProgressStorage(), newId: () => `e-${++ids}`, now: () => minute(ids) });
  });
  afterEach(() => {
    stop();
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('waits for an employee id, then sends what was done before it, each statement once', async () => {
    const lrs = scriptedLrs();
    start(lrs);
    markViewed('intro');
    await settle();
    expect(lrs.calls).toEqual([]);
    expect($lrsStatus.get()).toMatchObject({ hasLearner: false, queued: 0 });
    setLearner({ name: '王小明', employeeId: 'E1', department: '' });
    await settle();
    completeLesson('intro');
    await settle();
    expect(lrs.calls).toEqual(['e-1', 'e-3'].map(statementId));
    expect($lrsStatus.get()).toMatchObject({ hasLearner: true, queued: 0, sent: 2, refused: 0 });
  });

  it('tries again with back-off while the LRS is down, and sends once it answers', async () => {
    const down = () => ({ status: 503 });
    const lrs = scriptedLrs([down, down]);
    setLearner({ name: '王小明', employeeId: 'E1', department: '' });
    markViewed('intro');
    start(lrs);
    await settle();
    expect($lrsStatus.get()).toMatchObject({ queued: 1, failure: 'HTTP 503' });
    await vi.advanceTimersByTimeAsync(4_999);
    expect(lrs.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(lrs.calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(lrs.calls).toEqual(['e-2', 'e-2', 'e-2'].map(statementId));
    expect($lrsStatus.get()).toMatchObject({ queued: 0, sent: 1 });
    expect($lrsStatus.get().failure).toBeUndefined();
  });

  it('keeps a refused statement aside with the LRS’s reason and never offers it again', async () => {
    const lrs = scriptedLrs([() => ({ status: 400, body: 'bad statement' })]);
    setLearner({ name: '王小明', employeeId: 'E1', department: '' });
    markViewed('intro');
    start(lrs);
    await settle();
    completeLesson('intro');
    await settle();
    stop();
    start(lrs);
    await settle();
    expect(lrs.calls).toEqual(['e-2', 'e-3'].map(statementId));
    expect($lrsStatus.get()).toMatchObject({ queued: 0, sent: 1, refused: 1, refusal: 'HTTP 400: bad statement' });
  });

  it('takes a 409 (already held) as sent, and a lost connection as a reason to try later', async () => {
    const lrs = scriptedLrs([() => ({ failure: 'network' }), () => ({ status: 409 })]);
    setLearner({ name: '王小明', employeeId: 'E1', department: '' });
    markViewed('intro');
    start(lrs);
    await settle();
    expect($lrsStatus.get()).toMatchObject({ queued: 1, failure: 'network' });
    window.dispatchEvent(new Event('online'));
    await settle();
    expect($lrsStatus.get()).toMatchObject({ queued: 0, sent: 1 });
  });
});
