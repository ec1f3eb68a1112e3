import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ProgressLog } from '../../src/domain/progress/events.ts';
import { parseProgress } from '../../src/domain/progress/parse.ts';
import { currentLearner } from '../../src/domain/progress/reducers.ts';
import {
  $progress,
  $storageStatus,
  completeLesson,
  exportBackup,
  markViewed,
  recordAttempt,
  startProgress,
  type StartOptions,
} from '../../src/stores/progress.ts';
import { importBackup, reset, setLearner } from '../../src/stores/progress-admin.ts';
import { CORRUPT_PREFIX, LEGACY_V0_KEY, PROGRESS_KEY, UNSAVED_KEY, localProgressStorage } from '../../src/stores/progress-storage.ts';
import { FakeStorage, FakeWindow, MemoryProgressStorage } from '../fixtures/fake-storage.ts';
import { attempted, completed, makeAttempt, minute, progressLog, viewed } from '../fixtures/progress-events.ts';

const COURSE = 'service-classroom';

// A fixed clock the tests move on by hand, and ids that count up, so every event is predictable.
let clock = 0;
let ids = 0;
const advance = (minutes: number) => {
  clock += minutes;
};
const injected = (): Pick<StartOptions, 'newId' | 'now'> => ({ newId: () => `id-${++ids}`, now: () => minute(clock) });

let memory: MemoryProgressStorage;

beforeEach(() => {
  clock = 0;
  ids = 0;
  memory = new MemoryProgressStorage();
  startProgress({ courseId: COURSE, storage: memory, ...injected() });
});

/** Starts the store on the real localStorage adapter over a fake browser storage and window. */
function startOnLocalStorage(storage: FakeStorage, options: { getStorage?: () => Storage | undefined; tab?: FakeStorage } = {}) {
  const win = new FakeWindow();
  const tab = options.tab && (() => options.tab!.asStorage());
  startProgress({
    courseId: COURSE,
    storage: localProgressStorage(options.getStorage ?? (() => storage.asStorage()), win, tab),
    ...injected(),
  });
  return win;
}

const events = () => $progress.get().events;
const stored = (storage: FakeStorage): ProgressLog | undefined => {
  const text = storage.items.get(PROGRESS_KEY);
  return text === undefined ? undefined : (JSON.parse(text) as ProgressLog);
};

describe('recording what the learner does', () => {
  it('starts a new learner with an empty log of this course, saved', () => {
    expect($progress.get()).toEqual(progressLog(COURSE, []));
    expect($storageStatus.get()).toEqual({ kind: 'saved' });
  });

  it('records opening a lesson once, however often it is opened', () => {
    markViewed('what-is-service');
    advance(5);
    markViewed('what-is-service');
    expect(events()).toEqual([viewed('id-1', 0, 'what-is-service')]);
    expect(memory.saved(COURSE)?.events).toEqual(events());
  });

  it('picks up where the learner left off when the page is loaded again', () => {
    markViewed('what-is-service');
    startProgress({ courseId: COURSE, storage: memory, ...injected() });
    expect(events()).toEqual([viewed('id-1', 0, 'what-is-service')]);
  });

  it('completes a lesson without required activities straight away, recording the view too', () => {
    advance(3);
    expect(completeLesson('what-is-service')).toBe(true);
    expect(events()).toEqual([viewed('id-1', 3, 'what-is-service'), completed('id-2', 3, 'what-is-service')]);
  });

  it('refuses to complete a lesson while a required activity is not passed', () => {
    markViewed('what-is-service');
    expect(completeLesson('what-is-service', ['kc-what-is-service'])).toBe(false);
    advance(4);
    recordAttempt(makeAttempt('kc-what-is-service', 4, { score: 5, passed: false }));
    expect(completeLesson('what-is-service', ['kc-what-is-service'])).toBe(false);
    expect(events().some((e) => e.type === 'lesson-completed')).toBe(false);
  });

  it('completes the lesson once the required activity is passed', () => {
    markViewed('what-is-service');
    advance(6);
    recordAttempt(makeAttempt('kc-what-is-service', 6, { score: 9, passed: true }));
    advance(1);
    expect(completeLesson('what-is-service', ['kc-what-is-service'])).toBe(true);
    expect(events().map((e) => e.type)).toEqual(['lesson-viewed', 'attempt', 'lesson-completed']);
    expect(events().at(-1)).toEqual(completed('id-3', 7, 'what-is-service'));
  });

  it('needs every required activity, not just one', () => {
    recordAttempt(makeAttempt('kc-a', 1, { passed: true }));
    expect(completeLesson('lesson', ['kc-a', 'kc-b'])).toBe(false);
    recordAttempt(makeAttempt('kc-b', 2, { passed: true }));
    expect(completeLesson('lesson', ['kc-a', 'kc-b'])).toBe(true);
  });

  it('records nothing new when a completed lesson is completed again', () => {
    completeLesson('what-is-service');
    const before = events();
    advance(10);
    expect(completeLesson('what-is-service', ['kc-never-passed'])).toBe(true);
    expect(events()).toEqual(before);
  });

  it('keeps every attempt with its raw answers, in order', () => {
    recordAttempt(makeAttempt('kc-a', 0, { answers: { q1: 'b' } }));
    advance(2);
    recordAttempt(makeAttempt('kc-a', 2, { answers: { q1: 'a' }, score: 10, passed: true }));
    expect(events()).toEqual([
      attempted('id-1', 0, 'kc-a', { answers: { q1: 'b' } }),
      attempted('id-2', 2, 'kc-a', { answers: { q1: 'a' }, score: 10, passed: true }),
    ]);
  });

  it('remembers the learner’s profile', () => {
    setLearner({ name: '王芳', employeeId: 'A-17', department: '客服部' });
    expect(currentLearner(events())).toEqual({ name: '王芳', employeeId: 'A-17', department: '客服部' });
    expect(memory.saved(COURSE)?.events).toHaveLength(1);
  });

  it('exports a backup named after the course and the day, holding every event', () => {
    markViewed('what-is-service');
    recordAttempt(makeAttempt('kc-a', 0, { passed: true }));
    const backup = exportBackup();
    expect(backup.filename).toBe('progress-service-classroom-2025-03-03.json');
    expect(parseProgress(backup.text, COURSE)).toEqual({ ok: true, log: $progress.get() });
  });
});

describe('saving to localStorage', () => {
  it('saves every change under the versioned key', () => {
    const storage = new FakeStorage();
    startOnLocalStorage(storage);
    markViewed('what-is-service');
    expect(stored(storage)).toEqual(progressLog(COURSE, [viewed('id-1', 0, 'what-is-service')]));
    expect($storageStatus.get()).toEqual({ kind: 'saved' });
  });

  it('keeps working in memory when storage is full, says so, and still exports everything', () => {
    const storage = new FakeStorage();
    startOnLocalStorage(storage);
    markViewed('what-is-service');
    storage.mode = 'full';
    advance(1);
    recordAttempt(makeAttempt('kc-a', 1, { passed: true }));
    advance(1);
    expect(() => completeLesson('what-is-service', ['kc-a'])).not.toThrow();

    expect($storageStatus.get()).toEqual({ kind: 'memory-only', reason: 'quota' });
    expect(events()).toHaveLength(3);
    expect(stored(storage)?.events).toHaveLength(1);
    const backup = parseProgress(exportBackup().text, COURSE);
    expect(backup.ok && backup.log.events).toEqual(events());
  });

  it('saves again and clears the notice once space is freed', () => {
    const storage = new FakeStorage();
    startOnLocalStorage(storage);
    storage.mode = 'full';
    markViewed('what-is-service');
    expect($storageStatus.get()).toEqual({ kind: 'memory-only', reason: 'quota' });
    storage.mode = 'ok';
    advance(1);
    markViewed('crm-basics');
    expect($storageStatus.get()).toEqual({ kind: 'saved' });
    expect(stored(storage)?.events).toHaveLength(2);
  });

  it('works in memory without throwing when localStorage cannot even be reached', () => {
    startOnLocalStorage(new FakeStorage(), {
      getStorage: () => {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
    expect($storageStatus.get()).toEqual({ kind: 'memory-only', reason: 'unavailable' });
    expect(() => {
      markViewed('what-is-service');
      completeLesson('what-is-service');
    }).not.toThrow();
    expect(events()).toHaveLength(2);
    expect($storageStatus.get()).toEqual({ kind: 'memory-only', reason: 'unavailable' });
  });

  it('works in memory without throwing when every storage call is refused', () => {
    const storage = new FakeStorage();
    storage.mode = 'blocked';
    startOnLocalStorage(storage);
    expect($storageStatus.get()).toEqual({ kind: 'memory-only', reason: 'unavailable' });
    expect(() => markViewed('what-is-service')).not.toThrow();
    expect(events()).toEqual([viewed('id-1', 0, 'what-is-service')]);
  });

  it('reports storage that starts refusing writes (not for lack of space) as unavailable', () => {
    const storage = new FakeStorage();
    startOnLocalStorage(storage);
    storage.mode = 'blocked';
    markViewed('what-is-service');
    expect($storageStatus.get()).toEqual({ kind: 'memory-only', reason: 'unavailable' });
    expect(events()).toHaveLength(1);
  });

  it.each([
    ['not-json', 'progress: lesson 1 done'],
    ['truncated', '{"format":"service-classroom/progress","version":1,"courseId":"service-cla'],
    ['other-course', JSON.stringify(progressLog('complaint-handling', []))],
  ] as const)('keeps an unreadable record (%s) aside, intact, and starts afresh', (reason, text) => {
    const storage = new FakeStorage({ [PROGRESS_KEY]: text });
    startOnLocalStorage(storage);

    const status = $storageStatus.get();
    expect(status).toMatchObject({ kind: 'recovered', reason });
    const backupKey = status.kind === 'recovered' ? status.backupKey : '';
    expect(backupKey.startsWith(CORRUPT_PREFIX)).toBe(true);
    expect(storage.items.get(backupKey)).toBe(text);
    expect(storage.items.has(PROGRESS_KEY)).toBe(false);
    expect(events()).toEqual([]);

    markViewed('what-is-service');
    expect(stored(storage)?.events).toEqual([viewed('id-1', 0, 'what-is-service')]);
    expect(storage.items.get(backupKey)).toBe(text);
  });

  it('keeps a record cut at 60 % aside, goes on from the lessons it still holds, and says how many entries it recovered', () => {
    const lessons = ['what-is-service', 'service-mindset', 'crm-basics', 'customer-value-ladder', 'service-flower'];
    const whole = progressLog(
      COURSE,
      lessons.flatMap((id, i) => [viewed(`v${i}`, 2 * i, id), completed(`c${i}`, 2 * i + 1, id)]),
    );
    const text = JSON.stringify(whole).slice(0, Math.floor(JSON.stringify(whole).length * 0.6));
    const storage = new FakeStorage({ [PROGRESS_KEY]: text });
    startOnLocalStorage(storage);

    const status = $storageStatus.get();
    const kept = events();
    expect(kept.length).toBeGreaterThan(3);
    expect(kept).toEqual(whole.events.slice(0, kept.length));
    expect(status).toMatchObject({ kind: 'recovered', reason: 'truncated', kept: kept.length });
    const backupKey = status.kind === 'recovered' ? status.backupKey : '';
    expect(storage.items.get(backupKey)).toBe(text);
    // The next page reads the recovered record as it is, with nothing more to tell.
    expect(stored(storage)?.events).toEqual(kept);
    startOnLocalStorage(storage);
    expect($storageStatus.get()).toEqual({ kind: 'saved' });
    expect(events()).toEqual(kept);
  });

  it('moves a version 0 record to the current key and removes the old one', () => {
    const v0 = {
      schema: 0,
      courseId: COURSE,
      events: [{ id: 'old-1', kind: 'lesson-completed', time: minute(-60), lessonId: 'what-is-service' }],
    };
    const storage = new FakeStorage({ [LEGACY_V0_KEY]: JSON.stringify(v0) });
    startOnLocalStorage(storage);

    expect(events()).toEqual([completed('old-1', -60, 'what-is-service')]);
    expect(stored(storage)).toEqual(progressLog(COURSE, [completed('old-1', -60, 'what-is-service')]));
    expect(storage.items.has(LEGACY_V0_KEY)).toBe(false);
    expect($storageStatus.get()).toEqual({ kind: 'saved' });
  });

  it('keeps an unreadable version 0 record aside and removes the old key', () => {
    const storage = new FakeStorage({ [LEGACY_V0_KEY]: '{"schema":0,"courseId":"service-classroom","events":[{"id":' });
    startOnLocalStorage(storage);
    expect($storageStatus.get()).toMatchObject({ kind: 'recovered', reason: 'truncated' });
    expect(storage.items.has(LEGACY_V0_KEY)).toBe(false);
    expect(storage.keys().filter((k) => k.startsWith(CORRUPT_PREFIX))).toHaveLength(1);
  });

  it('prefers the current record when an old version 0 record is also present', () => {
    const current = progressLog(COURSE, [viewed('new-1', 1, 'crm-basics')]);
    const storage = new FakeStorage({
      [PROGRESS_KEY]: JSON.stringify(current),
      [LEGACY_V0_KEY]: JSON.stringify({ schema: 0, courseId: COURSE, events: [] }),
    });
    startOnLocalStorage(storage);
    expect($progress.get()).toEqual(current);
  });
});

describe('asking the browser to keep the storage', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('asks for persistent storage once the learner has done something worth keeping, not for a mere visit', () => {
    const persist = vi.fn(() => Promise.resolve(true));
    vi.stubGlobal('navigator', { storage: { persist } });
    markViewed('what-is-service');
    expect(persist).not.toHaveBeenCalled();
    completeLesson('what-is-service');
    expect(persist).toHaveBeenCalled();
  });

  it('records progress where the browser cannot be asked, or refuses', () => {
    vi.stubGlobal('navigator', {});
    expect(completeLesson('what-is-service')).toBe(true);
    vi.stubGlobal('navigator', { storage: { persist: () => Promise.reject(new Error('denied')) } });
    expect(() => recordAttempt(makeAttempt('kc-a', 1, { passed: true }))).not.toThrow();
    expect(events()).toHaveLength(3);
  });
});

describe('moving to the next page while storage is full', () => {
  const tabCopy = (tab: FakeStorage): ProgressLog | undefined => {
    const text = tab.items.get(UNSAVED_KEY);
    return text === undefined ? undefined : (JSON.parse(text) as ProgressLog);
  };

  it('keeps what could not be saved in the tab, so the next page still has it and still warns', () => {
    const storage = new FakeStorage();
    const tab = new FakeStorage();
    startOnLocalStorage(storage, { tab });
    markViewed('what-is-service');
    storage.mode = 'full';
    advance(1);
    completeLesson('what-is-service');
    expect(tabCopy(tab)?.events).toEqual(events());

    // The learner follows a link: a new page starts the store from the same storages.
    startOnLocalStorage(storage, { tab });
    expect(events()).toEqual([viewed('id-1', 0, 'what-is-service'), completed('id-2', 1, 'what-is-service')]);
    expect($storageStatus.get()).toEqual({ kind: 'memory-only', reason: 'quota' });
    expect(stored(storage)?.events).toHaveLength(1);
  });

  it('saves the tab’s progress lastingly, and forgets the tab copy, on the first page where space is free again', () => {
    const storage = new FakeStorage();
    const tab = new FakeStorage();
    startOnLocalStorage(storage, { tab });
    storage.mode = 'full';
    completeLesson('what-is-service');
    storage.mode = 'ok';

    startOnLocalStorage(storage, { tab });
    expect($storageStatus.get()).toEqual({ kind: 'saved' });
    expect(stored(storage)?.events).toHaveLength(2);
    expect(tab.items.has(UNSAVED_KEY)).toBe(false);
  });

  it('merges the tab copy with what another tab saved meanwhile, losing neither', () => {
    const storage = new FakeStorage();
    const tab = new FakeStorage();
    startOnLocalStorage(storage, { tab });
    storage.mode = 'full';
    markViewed('what-is-service');
    storage.mode = 'ok';
    storage.items.set(PROGRESS_KEY, JSON.stringify(progressLog(COURSE, [completed('other-1', 5, 'crm-basics')])));

    startOnLocalStorage(storage, { tab });
    const expected = [viewed('id-1', 0, 'what-is-service'), completed('other-1', 5, 'crm-basics')];
    expect(events()).toEqual(expected);
    expect(stored(storage)?.events).toEqual(expected);
  });

  it('ignores a tab copy it cannot read or that belongs to another course', () => {
    const stored1 = progressLog(COURSE, [viewed('a', 0, 'what-is-service')]);
    for (const copy of ['{"format":"service-cla', JSON.stringify(progressLog('complaint-handling', [viewed('b', 1, 'x')]))]) {
      const storage = new FakeStorage({ [PROGRESS_KEY]: JSON.stringify(stored1) });
      startOnLocalStorage(storage, { tab: new FakeStorage({ [UNSAVED_KEY]: copy }) });
      expect($progress.get()).toEqual(stored1);
      expect($storageStatus.get()).toEqual({ kind: 'saved' });
    }
  });

  it('still works in memory when the tab storage refuses too', () => {
    const storage = new FakeStorage();
    const tab = new FakeStorage();
    tab.mode = 'blocked';
    startOnLocalStorage(storage, { tab });
    storage.mode = 'full';
    expect(() => completeLesson('what-is-service')).not.toThrow();
    expect(events()).toHaveLength(2);
    expect($storageStatus.get()).toEqual({ kind: 'memory-only', reason: 'quota' });
  });
});

describe('another tab of the same course', () => {
  it('merges the other tab’s events with ours instead of overwriting them', () => {
    const storage = new FakeStorage();
    const win = startOnLocalStorage(storage);
    markViewed('what-is-service');

    const theirs = progressLog(COURSE, [viewed('tab-b-1', 2, 'crm-basics'), completed('tab-b-2', 3, 'crm-basics')]);
    storage.items.set(PROGRESS_KEY, JSON.stringify(theirs));
    win.storageChangedInOtherTab(PROGRESS_KEY, JSON.stringify(theirs));

    const merged = [viewed('id-1', 0, 'what-is-service'), ...theirs.events];
    expect(events()).toEqual(merged);
    // We held an event the other tab lacked, so the union is written back for it to pick up.
    expect(stored(storage)?.events).toEqual(merged);
  });

  it('does not write back when the other tab already has everything we have, so tabs settle', () => {
    const storage = new FakeStorage();
    const win = startOnLocalStorage(storage);
    markViewed('what-is-service');
    const writes = storage.writes;

    const theirs = progressLog(COURSE, [...events(), viewed('tab-b-1', 2, 'crm-basics')]);
    win.storageChangedInOtherTab(PROGRESS_KEY, JSON.stringify(theirs));

    expect(events()).toEqual(theirs.events);
    expect(storage.writes).toBe(writes);
  });

  it('ignores changes to other keys, removals and unreadable values', () => {
    const storage = new FakeStorage();
    const win = startOnLocalStorage(storage);
    markViewed('what-is-service');
    const before = $progress.get();

    win.storageChangedInOtherTab('some-other-app', JSON.stringify(progressLog(COURSE, [viewed('x', 1, 'crm-basics')])));
    win.storageChangedInOtherTab(PROGRESS_KEY, null);
    win.storageChangedInOtherTab(null, null);
    win.storageChangedInOtherTab(PROGRESS_KEY, '{"format":"service-classroom/progress","ver');
    win.storageChangedInOtherTab(PROGRESS_KEY, JSON.stringify(progressLog('complaint-handling', [viewed('x', 1, 'crm-basics')])));

    expect($progress.get()).toBe(before);
  });

  it('adopts a reset made in another tab rather than merging the forgotten events back', () => {
    const storage = new FakeStorage();
    const win = startOnLocalStorage(storage);
    markViewed('what-is-service');
    completeLesson('what-is-service');

    const resetThere = progressLog(COURSE, [], minute(10));
    win.storageChangedInOtherTab(PROGRESS_KEY, JSON.stringify(resetThere));

    expect($progress.get()).toEqual(resetThere);
  });

  it('keeps our newer reset when a tab that has not seen it writes its old log, and writes ours back', () => {
    const storage = new FakeStorage();
    const win = startOnLocalStorage(storage);
    markViewed('what-is-service');
    advance(10);
    reset();

    const stale = progressLog(COURSE, [viewed('old', 1, 'what-is-service')]);
    storage.items.set(PROGRESS_KEY, JSON.stringify(stale));
    win.storageChangedInOtherTab(PROGRESS_KEY, JSON.stringify(stale));

    expect($progress.get()).toEqual(progressLog(COURSE, [], minute(10)));
    expect(stored(storage)).toEqual(progressLog(COURSE, [], minute(10)));
  });

  it('stops listening to the old storage when the store is started again', () => {
    const first = new FakeStorage();
    const oldWindow = startOnLocalStorage(first);
    startOnLocalStorage(new FakeStorage());
    oldWindow.storageChangedInOtherTab(PROGRESS_KEY, JSON.stringify(progressLog(COURSE, [viewed('x', 1, 'crm-basics')])));
    expect(events()).toEqual([]);
  });
});

describe('importing a backup', () => {
  const backup = progressLog(COURSE, [viewed('b-1', -30, 'crm-basics'), completed('b-2', -20, 'crm-basics')]);

  it('merges the backup’s events into the log and says how many were new', () => {
    markViewed('what-is-service');
    const result = importBackup(JSON.stringify({ ...backup, events: [...backup.events, ...events()] }, null, 1));
    expect(result).toEqual({ ok: true, added: 2 });
    expect(events().map((e) => e.id)).toEqual(['b-1', 'b-2', 'id-1']);
    expect(memory.saved(COURSE)?.events).toEqual(events());
  });

  it('adds nothing when the same backup is imported twice', () => {
    importBackup(JSON.stringify(backup));
    expect(importBackup(JSON.stringify(backup))).toEqual({ ok: true, added: 0 });
    expect(events()).toHaveLength(2);
  });

  it('upgrades and merges a version 0 backup', () => {
    const v0 = { schema: 0, courseId: COURSE, events: [{ id: 'old-1', kind: 'lesson-viewed', time: minute(-5), lessonId: 'crm-basics' }] };
    expect(importBackup(JSON.stringify(v0))).toEqual({ ok: true, added: 1 });
    expect(events()).toEqual([viewed('old-1', -5, 'crm-basics')]);
  });

  it('brings old events back after a reset, because the learner asked for them', () => {
    markViewed('what-is-service');
    advance(5);
    reset();
    expect(importBackup(JSON.stringify(backup))).toEqual({ ok: true, added: 2 });
    expect($progress.get()).toEqual(progressLog(COURSE, backup.events, minute(5)));
  });

  it.each([
    ['empty', '', undefined],
    ['not-json', '这不是备份文件', undefined],
    ['truncated', JSON.stringify(backup).slice(0, 60), undefined],
    ['not-progress', '{"hello":1}', undefined],
    ['other-course', JSON.stringify(progressLog('complaint-handling', backup.events)), 'complaint-handling'],
    ['newer-version', JSON.stringify({ ...backup, version: 2 }), undefined],
    ['invalid', JSON.stringify({ ...backup, events: [backup.events[0], { id: 'b-3', type: 'lesson-viewed' }] }), '2'],
  ] as const)('refuses a %s file and leaves the log as it was', (reason, text, detail) => {
    markViewed('what-is-service');
    const before = $progress.get();
    const saves = memory.saves;

    const result = importBackup(text);

    expect(result).toEqual(detail === undefined ? { ok: false, reason } : { ok: false, reason, detail });
    expect($progress.get()).toBe(before);
    expect(memory.saves).toBe(saves);
  });
});

describe('resetting progress', () => {
  it('forgets every event, records when, and saves the empty log', () => {
    markViewed('what-is-service');
    completeLesson('what-is-service');
    advance(15);
    reset();
    expect($progress.get()).toEqual(progressLog(COURSE, [], minute(15)));
    expect(memory.saved(COURSE)).toEqual(progressLog(COURSE, [], minute(15)));
  });

  it('records new work after the reset as usual', () => {
    markViewed('what-is-service');
    reset();
    advance(1);
    markViewed('what-is-service');
    expect(events()).toEqual([viewed('id-2', 1, 'what-is-service')]);
  });

  it('lets another tab’s later reset win over ours', () => {
    reset();
    memory.changeFromOtherTab(progressLog(COURSE, [viewed('x', 30, 'crm-basics')], minute(20)));
    expect($progress.get()).toEqual(progressLog(COURSE, [viewed('x', 30, 'crm-basics')], minute(20)));
  });
});
