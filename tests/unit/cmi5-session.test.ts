import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CMI5_STATE_ID, readState } from '../../src/domain/cmi5/saved-state.ts';
import { Cmi5Session } from '../../src/lms/cmi5/cmi5-session.ts';
import { Diagnostics } from '../../src/lms/scorm/diagnostics.ts';
import { FakeStorage } from '../fixtures/fake-storage.ts';
import { attempted, completed, progressLog } from '../fixtures/progress-events.ts';
import { catalog } from '../fixtures/scorm-course.ts';

// The cmi5 launch page's session against an in-memory LRS that can go away, refuse a statement,
// or lose its answer while keeping the request: what the LRS ends up holding is what a learner
// and the LMS would notice.

const ACTOR = { objectType: 'Agent', name: '王小明', account: { homePage: 'https://lms.example.invalid', name: 'E1024' } };
const REGISTRATION = '2b9f6c1e-4f7a-4c2e-9a55-0d3c2a9b1e77';
const AU = 'https://lms.example.invalid/au/1';

// @xapi/cmi5's part (the token and LMS.LaunchData) has its own tests; here it simply succeeds.
vi.mock('@xapi/cmi5', () => ({
  default: class {
    initialize = () => Promise.resolve();
    getLaunchParameters = () => ({
      endpoint: 'https://lrs.invalid/xapi/',
      fetch: 'x',
      actor: ACTOR,
      registration: REGISTRATION,
      activityId: AU,
    });
    getLaunchData = () => ({
      contextTemplate: { extensions: { 'https://w3id.org/xapi/cmi5/context/extensions/sessionid': 's1' } },
      launchMode: 'Normal',
      moveOn: 'CompletedAndPassed',
    });
    getInitializedDate = () => new Date();
    getAuthToken = () => 'dG9rZW4=';
  },
}));

type Statement = { id: string; verb: { id: string }; object: { id: string } };

/** An xAPI LRS in memory: a batch is taken whole or not at all; a known id with another statement is a conflict. */
class FakeLrs {
  statements: Statement[] = [];
  state = new Map<string, string>();
  down = false;
  refuse = new Set<string>();
  /** The next statements request is taken but its answer never arrives (a closing window). */
  loseAnswer = false;
  private byId = new Map<string, string>();

  /** The page is closing: the browser cancels every request but a keepalive one. */
  closing = false;
  /** Keepalive bodies in flight, in bytes: the Fetch standard refuses one that takes them over 64 KiB. */
  private keepaliveBytes = 0;

  fetch = (url: string, init: RequestInit = {}): Promise<Response> => {
    const bytes = init.keepalive ? new TextEncoder().encode(String(init.body ?? '')).length : 0;
    if (init.keepalive && this.keepaliveBytes + bytes > 65_536) return Promise.reject(new TypeError('Failed to fetch'));
    if (this.closing && !init.keepalive) return Promise.reject(new TypeError('Failed to fetch'));
    this.keepaliveBytes += bytes;
    return this.answer(url, init).finally(() => {
      this.keepaliveBytes -= bytes;
    });
  };

  private answer = async (url: string, init: RequestInit): Promise<Response> => {
    if (this.down) throw new TypeError('Failed to fetch');
    const { pathname, searchParams } = new URL(url);
    if (pathname.endsWith('/statements')) {
      const list = JSON.parse(String(init.body)) as Statement[];
      if (list.some((s) => this.refuse.has(s.id))) return new Response('{"error":"bad"}', { status: 400 });
      if (list.some((s) => this.byId.has(s.id) && this.byId.get(s.id) !== JSON.stringify(s))) return new Response('', { status: 409 });
      for (const s of list) {
        if (this.byId.has(s.id)) continue;
        this.byId.set(s.id, JSON.stringify(s));
        this.statements.push(s);
      }
      if (this.loseAnswer) {
        this.loseAnswer = false;
        throw new TypeError('Failed to fetch');
      }
      return new Response(JSON.stringify(list.map((s) => s.id)), { status: 200 });
    }
    const key = searchParams.get('stateId') ?? '';
    if (init.method === 'PUT') {
      this.state.set(key, String(init.body));
      return new Response(null, { status: 204 });
    }
    const value = this.state.get(key);
    return value === undefined ? new Response('', { status: 404 }) : new Response(value, { status: 200 });
  };
}

const launchUrl = `https://lms.invalid/content/cmi5/launch.html?${new URLSearchParams({ endpoint: 'https://lrs.invalid/xapi/', fetch: 'x', actor: JSON.stringify(ACTOR), registration: REGISTRATION, activityId: AU })}`;
const lessons = catalog.map.lessons.map((l) => l.id);
const required = catalog.rule.requiredActivities;
/** Every lesson completed and every module quiz passed, in `uuid`-like ids. */
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const upTo = (n: number) => [
  ...lessons.slice(0, n).map((l, i) => completed(id(i), i, l)),
  ...(n >= lessons.length ? required.map((a, i) => attempted(id(1000 + i), 500 + i, a, { score: 10, maxScore: 10, passed: true })) : []),
];
const logText = (n: number) => JSON.stringify(progressLog(catalog.course.id, upTo(n)));
const auVerbs = (lrs: FakeLrs) => lrs.statements.filter((s) => s.object.id === AU).map((s) => s.verb.id.split('/').at(-1));

let lrs: FakeLrs;
const savedState = () => readState(JSON.parse(lrs.state.get(CMI5_STATE_ID)!), catalog.course.id).state;
let storage: FakeStorage;
const session = () =>
  new Cmi5Session({ catalog, launchUrl, storage: () => storage as unknown as Storage, diagnostics: new Diagnostics(() => ({})) });

beforeEach(() => {
  lrs = new FakeLrs();
  storage = new FakeStorage();
  vi.stubGlobal('fetch', lrs.fetch);
});
afterEach(() => vi.unstubAllGlobals());

describe('the cmi5 session', () => {
  it('while the LRS is unreachable the learner is told and nothing is lost: once it is back, every statement arrives once, terminated last', async () => {
    const s = session();
    await s.start();
    lrs.down = true;
    s.write(logText(3));
    await vi.waitFor(() => expect(s.noticeState()).toBe('gone'));
    lrs.down = false;
    s.write(logText(5));
    const { complete } = await s.exit();
    expect(complete).toBe(true);
    expect(s.noticeState()).toBe('ok');
    const ids = lrs.statements.map((x) => x.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(
      lrs.statements
        .filter((x) => x.object.id !== AU)
        .map((x) => x.id)
        .sort(),
    ).toEqual([0, 1, 2, 3, 4].map(id).sort());
    expect(auVerbs(lrs)).toEqual(['terminated']);
    expect(lrs.statements.at(-1)!.verb.id).toMatch(/terminated$/);
    expect(savedState().progress.events).toHaveLength(5);
  });

  it('a statement the LRS refuses does not hold back the others, is not sent again that session, and shows as refused', async () => {
    const s = session();
    await s.start();
    lrs.refuse.add(id(1));
    s.write(logText(3));
    await s.exit();
    expect(lrs.statements.map((x) => x.id)).toEqual([id(0), id(2), expect.any(String)]);
    expect(s.status().refusals).toBe(1);
    expect(s.noticeState()).toBe('refusals');
  });

  it('completed and passed sent by a closing window whose answer never came are not counted twice when the learner comes back', async () => {
    const first = session();
    await first.start();
    first.write(logText(lessons.length));
    lrs.loseAnswer = true;
    first.end();
    await vi.waitFor(() => expect(auVerbs(lrs)).toEqual(['completed', 'passed', 'terminated']));
    const second = session();
    await second.start();
    await second.exit();
    expect(auVerbs(lrs)).toEqual(['completed', 'passed', 'terminated', 'terminated']);
    expect(savedState().moveOn).toEqual(['completed', 'passed']);
  });

  // A learner's saved state grows with their answers; around the browser's 64 KiB for requests that
  // outlive a closing page, the state must not take the room `terminated` needs.
  const answer = '先道歉，再说明原因和补救办法；'.repeat(40);
  it.each([20, 56, 58, 59, 60, 61, 62, 63, 64, 66, 70, 120])(
    'a window closed with about %i KB of saved state still sends terminated, and the next launch resumes everything',
    async (kb) => {
      const events = upTo(lessons.length);
      while (new TextEncoder().encode(JSON.stringify(events)).length < kb * 1000) {
        events.push(attempted(id(2000 + events.length), 900 + events.length, required[0]!, { answers: { q1: answer } }));
      }
      const log = JSON.stringify(progressLog(catalog.course.id, events));
      const first = session();
      await first.start();
      first.write(log);
      await vi.waitFor(() => expect(auVerbs(lrs)).toEqual(['completed', 'passed']));
      lrs.closing = true;
      first.end();
      await vi.waitFor(() => expect(auVerbs(lrs)).toEqual(['completed', 'passed', 'terminated']));
      lrs.closing = false;
      const second = session();
      await second.start();
      await second.exit();
      const resumed = new Set(savedState().progress.events.map((e) => e.id));
      expect(events.filter((e) => !resumed.has(e.id))).toEqual([]);
    },
  );
});
