import { Scorm12API, Scorm2004API } from 'scorm-again';
import { describe, expect, it } from 'vitest';
import { emptyLog, type ProgressEvent, type ProgressLog } from '../../src/domain/progress/events.ts';
import { currentLearner } from '../../src/domain/progress/reducers.ts';
import type { ScormVersion } from '../../src/domain/scorm/cmi.ts';
import { untagSuspendData } from '../../src/domain/scorm/resume.ts';
import { decodeSuspendData, SCORM12_SUSPEND_LIMIT } from '../../src/domain/scorm/suspend-data.ts';
import { PROGRESS_KEY } from '../../src/stores/progress-storage.ts';
import { Diagnostics } from '../../src/lms/scorm/diagnostics.ts';
import { LMS_COPY_PREFIX } from '../../src/lms/scorm/learner-copy.ts';
import { LmsSession } from '../../src/lms/scorm/lms-session.ts';
import { FakeStorage } from '../fixtures/fake-storage.ts';
import { attemptAt, catalog, finishedCourse, random } from '../fixtures/scorm-course.ts';

const ROOT = 'https://lms.example/pluginfile.php/42/content/';
const SETTINGS = { autocommit: false, lmsCommitUrl: false, logLevel: 5 } as const;
const lessons = catalog.map.lessons.map((l) => l.id);
const kc = catalog.activities.find((a) => a.kind === 'quiz')!;

type AnyApi = Record<string, (...args: string[]) => string>;

/**
 * An LMS: scorm-again's API (which checks every value against the standard) on the window above
 * the launch page, holding what was stored for the learner. `faults` turns chosen calls into
 * refusals or exceptions, as a misbehaving or vanished LMS would.
 */
function lms(version: ScormVersion, stored: Record<string, unknown>) {
  const real = (version === '1.2' ? new Scorm12API(SETTINGS) : new Scorm2004API(SETTINGS)) as unknown as AnyApi & {
    loadFromJSON(json: unknown, element: string): void;
    renderCMIToJSONObject(): { cmi: Record<string, unknown> };
  };
  real.loadFromJSON(stored, 'cmi');
  const calls: string[] = [];
  const faults = { refuse: new Set<string>(), gone: false, errorCode: '' };
  const api = new Proxy(real, {
    get(target, name: string) {
      const value = (target as unknown as Record<string, unknown>)[name];
      if (typeof value !== 'function') return value;
      return (...args: string[]) => {
        calls.push(`${name}(${args.join(', ')})`);
        if (faults.gone) throw new TypeError("can't access dead object");
        if (/GetLastError$/.test(name) && faults.errorCode) return faults.errorCode;
        if (faults.refuse.has(args[0] ?? '') || faults.refuse.has(name)) {
          faults.errorCode = version === '1.2' ? '405' : '406';
          return 'false';
        }
        faults.errorCode = '';
        return (value as (...a: string[]) => unknown).apply(target, args);
      };
    },
  });
  const top: { parent: unknown; API?: unknown; API_1484_11?: unknown } = { parent: null, [version === '1.2' ? 'API' : 'API_1484_11']: api };
  top.parent = top;
  const cmi = () => real.renderCMIToJSONObject().cmi;
  return {
    self: { parent: top },
    calls,
    faults,
    cmi,
    get: (path: string) => path.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown>)?.[k], cmi()),
  };
}

const learner = (version: ScormVersion, id: string, name: string) =>
  version === '1.2' ? { core: { student_id: id, student_name: name } } : { learner_id: id, learner_name: name };

function session(self: unknown, storage: FakeStorage, version: ScormVersion = '1.2') {
  const diagnostics = new Diagnostics(() => ({}));
  const s = new LmsSession({
    catalog,
    version,
    self: self as never,
    launchUrl: `${ROOT}scorm/launch.html`,
    storage: () => storage.asStorage(),
    diagnostics,
    schedule: (fn) => fn(),
    newId: (() => {
      let n = 0;
      return () => `new-${n++}`;
    })(),
  });
  return { s, diagnostics };
}

/** The page's side: read the log, append events, write it back, as the progress store does through frame.js. */
function pageAppends(s: LmsSession, ...events: ProgressEvent[]): ProgressLog {
  const log = JSON.parse(s.read()) as ProgressLog;
  const next = { ...log, events: [...log.events, ...events] };
  expect(s.write(JSON.stringify(next))).toBe('saved');
  return next;
}

const at = (minute: number) => new Date(Date.UTC(2025, 2, 3, 1, minute)).toISOString();
const viewedEvent = (id: string, minute: number, lessonId: string): ProgressEvent => ({
  id,
  at: at(minute),
  type: 'lesson-viewed',
  lessonId,
});
const completedEvent = (id: string, minute: number, lessonId: string): ProgressEvent => ({
  id,
  at: at(minute),
  type: 'lesson-completed',
  lessonId,
});
const quizEvent = (id: string, minute: number): ProgressEvent => {
  const attempt = attemptAt(kc, random(minute), 1, new Date(Date.parse(at(minute)) - 60_000), 60);
  return { id, at: attempt.finishedAt, type: 'attempt', attempt };
};

const copyKey = (learnerId: string) => `${LMS_COPY_PREFIX}${catalog.course.id}:${learnerId}`;
/** The copy under a learner's key: the copy of the attempt the learner used last (`…:latest` names it). */
const storedLog = (storage: FakeStorage, key: string) => {
  const latest = storage.items.get(`${key}:latest`);
  return JSON.parse(storage.items.get(latest ? `${key}@${latest}` : key) ?? 'null') as ProgressLog | null;
};

describe('an LMS session on the launch page', () => {
  for (const version of ['1.2', '2004'] as const) {
    it(`SCORM ${version}: reports the learner’s progress and takes the learner from the LMS`, () => {
      const { self, get, calls } = lms(version, learner(version, 'E1024', '王, 小明'));
      const storage = new FakeStorage();
      const { s } = session(self, storage, version);
      expect(s.start()).toBe('index.html');
      expect(s.status()).toEqual({ mode: 'lms', gone: false, refusals: 0 });
      expect(currentLearner((JSON.parse(s.read()) as ProgressLog).events)).toEqual({ name: '王小明', employeeId: 'E1024', department: '' });

      pageAppends(s, viewedEvent('v1', 1, lessons[0]!), quizEvent('q1', 5), completedEvent('c1', 9, lessons[0]!));
      s.visit(`${ROOT}lessons/${lessons[0]}/index.html`);
      expect(get(version === '1.2' ? 'core.lesson_status' : 'completion_status')).toBe('incomplete');
      const decoded = decodeSuspendData(catalog, untagSuspendData(String(get('suspend_data'))).text);
      expect(decoded.ok && decoded.events.map((e) => e.type)).toEqual(['lesson-viewed', 'attempt', 'lesson-completed']);
      // SCORM 2004 reports the interactions of the graded activities only (see INTERACTION_BUDGET).
      expect(calls.filter((c) => /SetValue\(cmi\.interactions\.\d+\.id,/.test(c))).toHaveLength(
        version === '1.2' ? kc.questions.length : 0,
      );
      // Kept in this browser too, under the learner's own key.
      expect(storedLog(storage, copyKey('E1024'))?.events).toHaveLength(4);
      expect(storage.items.has(PROGRESS_KEY)).toBe(false);

      s.end();
      expect(get(version === '1.2' ? 'core.exit' : 'exit')).toBe('suspend');
      expect(get(version === '1.2' ? 'core.lesson_location' : 'location')).toBe(`lessons/${lessons[0]}/index.html`);
    });
  }

  it('resumes at a bookmark that is a page of the package, and at the course home otherwise', () => {
    const ok = lms('1.2', { core: { student_id: 'E1', lesson_location: 'lessons/x/index.html#s2', entry: 'resume' } });
    expect(session(ok.self, new FakeStorage()).s.start()).toBe('lessons/x/index.html#s2');
    for (const location of [
      'javascript:alert(1)',
      'https://evil.example/',
      '../../../etc/passwd.html',
      'scorm/launch.html',
      'present/crm-basics/index.html',
      '//x.html',
    ]) {
      const bad = lms('1.2', { core: { student_id: 'E1', lesson_location: location, entry: 'resume' } });
      expect(session(bad.self, new FakeStorage()).s.start()).toBe('index.html');
    }
  });

  it('does not send an attempt twice: not in the same session, not after a relaunch', () => {
    const first = lms('1.2', learner('1.2', 'E1', 'A'));
    const storage = new FakeStorage();
    const one = session(first.self, storage).s;
    one.start();
    pageAppends(one, quizEvent('q1', 5));
    pageAppends(one, viewedEvent('v1', 6, lessons[0]!));
    const sent = first.calls.filter((c) => /LMSSetValue\(cmi\.interactions\.\d+\.id/.test(c));
    expect(sent.length).toBe(kc.questions.length);
    one.end();

    const again = lms('1.2', { core: { student_id: 'E1', entry: 'resume' }, suspend_data: first.get('suspend_data') });
    session(again.self, storage).s.start();
    expect(again.calls.filter((c) => c.startsWith('LMSSetValue(cmi.interactions'))).toEqual([]);
  });

  it('keeps one learner’s progress from another on a shared computer', () => {
    const storage = new FakeStorage();
    const a = session(lms('1.2', learner('1.2', 'A1', 'A')).self, storage).s;
    a.start();
    pageAppends(a, completedEvent('c1', 1, lessons[0]!));
    a.end();
    const b = session(lms('1.2', learner('1.2', 'B2', 'B')).self, storage).s;
    b.start();
    expect((JSON.parse(b.read()) as ProgressLog).events.filter((e) => e.type === 'lesson-completed')).toEqual([]);
  });

  it('keeps one learner’s drafts from another’s, and a reset clears only the learner’s own', () => {
    const storage = new FakeStorage();
    const a = session(lms('1.2', learner('1.2', 'A1', 'A')).self, storage).s;
    a.start();
    a.writeDraft(kc.id, '{"responses":{"q1":"a"}}');
    expect(a.readDraft(kc.id)).toBe('{"responses":{"q1":"a"}}');
    a.end();
    const b = session(lms('1.2', learner('1.2', 'B2', 'B')).self, storage).s;
    b.start();
    expect(b.readDraft(kc.id)).toBeNull();
    b.writeDraft(kc.id, '{"responses":{}}');
    b.clearDrafts();
    expect(b.readDraft(kc.id)).toBeNull();
    b.end();
    const again = session(lms('1.2', learner('1.2', 'A1', 'A')).self, storage).s;
    again.start();
    expect(again.readDraft(kc.id)).toBe('{"responses":{"q1":"a"}}');
  });

  it('a new attempt, or another activity, starts from what the LMS holds; a later launch of the same attempt gets back from this browser what the LMS missed', () => {
    const storage = new FakeStorage();
    const first = lms('1.2', { core: { student_id: 'E1', entry: 'ab-initio' } });
    const one = session(first.self, storage).s;
    one.start();
    // What the LMS holds if every later save of this attempt is lost.
    const early = String(first.get('suspend_data'));
    pageAppends(one, completedEvent('c1', 1, lessons[0]!));
    one.end();
    const done = (s: LmsSession) => (JSON.parse(s.read()) as ProgressLog).events.filter((e) => e.type === 'lesson-completed');

    // "Start a new attempt", or the course's other activity: the LMS starts afresh.
    const fresh = session(lms('1.2', { core: { student_id: 'E1', entry: 'ab-initio' } }).self, storage).s;
    fresh.start();
    expect(done(fresh)).toEqual([]);
    fresh.end();

    // The first attempt again, its LMS copy short of the lesson: this browser's copy of that attempt fills it in.
    const back = lms('1.2', { core: { student_id: 'E1', entry: 'resume' }, suspend_data: early });
    const again = session(back.self, storage).s;
    again.start();
    expect(done(again).map((e) => e.id)).toEqual(['c1']);
    expect(untagSuspendData(String(back.get('suspend_data'))).token).toBe(untagSuspendData(early).token);
  });

  it('SCORM 1.2: a new status reaches the LMS in a commit before the score that comes with it, and every commit says "suspend"', () => {
    const { self, calls, get } = lms('1.2', learner('1.2', 'E1', 'A'));
    const { s } = session(self, new FakeStorage());
    s.start();
    const course = finishedCourse({ seed: 2, skill: 1, maxAttempts: 1 });
    pageAppends(s, ...course.events.filter((e) => e.type !== 'learner-set'));
    expect(get('core.lesson_status')).toBe('passed');
    const status = calls.indexOf('LMSSetValue(cmi.core.lesson_status, passed)');
    const score = calls.findLastIndex((c) => c.startsWith('LMSSetValue(cmi.core.score.raw,'));
    expect(status).toBeGreaterThanOrEqual(0);
    expect(calls.slice(status, score).some((c) => c.startsWith('LMSCommit'))).toBe(true);
    const firstCommit = calls.findIndex((c) => c.startsWith('LMSCommit'));
    expect(calls.slice(0, firstCommit)).toContain('LMSSetValue(cmi.core.exit, suspend)');
  });

  it('in review mode reports nothing', () => {
    const review = lms('1.2', { core: { student_id: 'E1', lesson_mode: 'review' } });
    const { s } = session(review.self, new FakeStorage());
    s.start();
    pageAppends(s, completedEvent('c1', 1, lessons[0]!));
    s.end();
    expect(s.status().mode).toBe('review');
    expect(review.calls.filter((c) => c.startsWith('LMSSetValue'))).toEqual([]);
  });
});

describe('when the LMS misbehaves, the learner’s progress is never lost', () => {
  it('without an LMS, the course runs on the website’s own storage', () => {
    const storage = new FakeStorage();
    const self = { parent: null as unknown };
    self.parent = self;
    const { s, diagnostics } = session(self, storage);
    expect(s.start()).toBe('index.html');
    expect(s.status().mode).toBe('local');
    pageAppends(s, completedEvent('c1', 1, lessons[0]!));
    expect(storedLog(storage, PROGRESS_KEY)?.events).toHaveLength(1);
    expect(diagnostics.text()).toContain('no LMS API found');
  });

  it('an LMS that will not start a session: local mode, and the reason is logged', () => {
    const refusing = lms('1.2', learner('1.2', 'E1', 'A'));
    refusing.faults.refuse.add('LMSInitialize');
    const storage = new FakeStorage();
    const { s, diagnostics } = session(refusing.self, storage);
    s.start();
    expect(s.status().mode).toBe('refused');
    pageAppends(s, completedEvent('c1', 1, lessons[0]!));
    expect(storedLog(storage, PROGRESS_KEY)?.events).toHaveLength(1);
    expect(diagnostics.text()).toMatch(/LMSInitialize\(""\) → "false" · error 405 "[^"]+"/);
  });

  it('an LMS that refuses a value: the refusal is logged with its error code and the LMS’s words; everything stays in this browser', () => {
    const picky = lms('2004', learner('2004', 'E1', 'A'));
    picky.faults.refuse.add('cmi.suspend_data');
    const storage = new FakeStorage();
    const { s, diagnostics } = session(picky.self, storage, '2004');
    s.start();
    pageAppends(s, completedEvent('c1', 1, lessons[0]!), quizEvent('q1', 5));
    expect(s.status().refusals).toBeGreaterThan(0);
    expect(diagnostics.text()).toMatch(/SetValue\("cmi\.suspend_data", "[^"]*"\) → "false" · error 406 "Data Model Element Type Mismatch"/);
    // The rest still reached the LMS, and this browser has it all.
    expect(picky.get('completion_status')).toBe('incomplete');
    expect(storedLog(storage, copyKey('E1'))?.events.map((e) => e.id)).toEqual(expect.arrayContaining(['c1', 'q1']));
  });

  it('an LMS that does not implement an optional element it is asked for: logged, and the learner is not alarmed', () => {
    const partial = lms('1.2', learner('1.2', 'E1', 'A'));
    partial.faults.refuse.add('cmi.interactions._count');
    const { s, diagnostics } = session(partial.self, new FakeStorage());
    s.start();
    expect(s.status()).toEqual({ mode: 'lms', gone: false, refusals: 0 });
    expect(diagnostics.text()).toMatch(/!! LMSGetValue\("cmi\.interactions\._count"\) → "false" · error 405/);
  });

  it('an LMS that goes away mid-session: logged once, progress kept here, and sent at the next launch', () => {
    const storedAtLaunch = learner('1.2', 'E1', 'A');
    const vanishing = lms('1.2', storedAtLaunch);
    const storage = new FakeStorage();
    const { s, diagnostics } = session(vanishing.self, storage);
    s.start();
    pageAppends(s, completedEvent('c1', 1, lessons[0]!));
    vanishing.faults.gone = true;
    // The page is told its progress is safe: this browser kept it.
    pageAppends(s, quizEvent('q1', 5), completedEvent('c2', 9, lessons[1]!));
    s.hidden();
    s.end();
    expect(s.status().gone).toBe(true);
    expect(diagnostics.text().match(/no longer reachable/g)).toHaveLength(1);
    expect(storedLog(storage, copyKey('E1'))?.events.map((e) => e.id)).toEqual(expect.arrayContaining(['c1', 'q1', 'c2']));

    // Next launch, from what the LMS had before it went away: the missing progress reaches it now.
    const back = lms('1.2', { ...storedAtLaunch, suspend_data: vanishing.get('suspend_data') });
    session(back.self, storage).s.start();
    const decoded = decodeSuspendData(catalog, untagSuspendData(String(back.get('suspend_data'))).text);
    expect(decoded.ok && decoded.events.filter((e) => e.type === 'lesson-completed')).toHaveLength(2);
    expect(back.calls.filter((c) => /LMSSetValue\(cmi\.interactions\.\d+\.id/.test(c))).toHaveLength(kc.questions.length);
  });

  it('an LMS that refuses interactions past its limit: the rest wait, marked in the suspend data, and the next launch sends them', () => {
    const limited = lms('1.2', learner('1.2', 'E1', 'A'));
    limited.faults.refuse.add('cmi.interactions.2.id');
    const { s, diagnostics } = session(limited.self, new FakeStorage(), '1.2');
    s.start();
    pageAppends(s, quizEvent('q1', 5), quizEvent('q2', 9));
    const sentIds = () => limited.calls.filter((c) => /^LMSSetValue\(cmi\.interactions\.\d+\.id,/.test(c));
    // Two accepted, the third refused, and no more tried this session.
    expect(sentIds()).toHaveLength(3);
    pageAppends(s, completedEvent('c1', 12, lessons[0]!));
    expect(sentIds()).toHaveLength(3);
    expect(diagnostics.text()).toContain('the LMS refused interaction 2; interactions are not sent again this session');

    // Another computer, another day: both attempts' interactions are sent (the first one's again, whole).
    const later = lms('1.2', { ...learner('1.2', 'E1', 'A'), suspend_data: limited.get('suspend_data') });
    session(later.self, new FakeStorage(), '1.2').s.start();
    expect(later.calls.filter((c) => /^LMSSetValue\(cmi\.interactions\.\d+\.id,/.test(c))).toHaveLength(2 * kc.questions.length);
  });

  it('suspend data that would not fit SCORM 1.2 is cut down for the LMS; the full record stays here', () => {
    const full = lms('1.2', learner('1.2', 'E1', 'A'));
    const storage = new FakeStorage();
    const { s, diagnostics } = session(full.self, storage);
    s.start();
    // A learner who needs many attempts everywhere: far more than SCORM 1.2's 4,096 characters hold.
    const struggler = finishedCourse({ seed: 6, skill: 0.1, maxAttempts: 6 });
    pageAppends(s, ...struggler.events.filter((e) => e.type !== 'learner-set'));
    expect(String(full.get('suspend_data')).length).toBeLessThanOrEqual(SCORM12_SUSPEND_LIMIT);
    expect(diagnostics.text()).toContain('suspend data cut down to fit 4096 chars');
    // Every event the page wrote, and the LMS's learner in place of the one the fixture had.
    expect(storedLog(storage, copyKey('E1'))?.events.length).toBe(struggler.events.length);
    expect(full.get('core.lesson_status')).toBe('passed');
  });

  it('a browser that cannot store anything still gets its progress into the LMS, and the page is told it is kept', () => {
    const storage = new FakeStorage();
    storage.mode = 'full';
    const ok = lms('1.2', learner('1.2', 'E1', 'A'));
    const { s, diagnostics } = session(ok.self, storage);
    s.start();
    pageAppends(s, completedEvent('c1', 1, lessons[0]!));
    const decoded = decodeSuspendData(catalog, untagSuspendData(String(ok.get('suspend_data'))).text);
    expect(decoded.ok && decoded.events).toHaveLength(1);
    expect(diagnostics.text().match(/could not save its copy \(quota\)/g)).toHaveLength(1);
    expect(emptyLog('x').events).toEqual([]);
  });
});
