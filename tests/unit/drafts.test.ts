import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { emptyLog } from '../../src/domain/progress/events.ts';
import { draftPrefix, type DraftStorage } from '../../src/stores/draft-storage.ts';
import { draftSlot } from '../../src/stores/drafts.ts';
import { reset } from '../../src/stores/progress-admin.ts';
import { localProgressStorage, type ProgressStorage } from '../../src/stores/progress-storage.ts';
import { startProgress } from '../../src/stores/progress.ts';
import { FakeStorage } from '../fixtures/fake-storage.ts';

interface Draft {
  version: string;
  responses: Record<string, number>;
}
const isDraft = (v: unknown): v is Draft =>
  typeof v === 'object' && v !== null && typeof (v as Draft).version === 'string' && typeof (v as Draft).responses === 'object';

const COURSE = 'service-classroom';
let storage: FakeStorage;
const start = (progress: ProgressStorage = localProgressStorage(() => storage.asStorage())) =>
  startProgress({ courseId: COURSE, storage: progress, now: () => '2026-03-02T09:00:00.000Z' });

beforeEach(() => {
  storage = new FakeStorage();
  vi.stubGlobal('localStorage', storage.asStorage());
  vi.stubGlobal('navigator', {});
  start();
});
afterEach(() => vi.unstubAllGlobals());

describe('a half-finished activity kept as a draft', () => {
  it('resumes after a reload with the answers given so far', () => {
    draftSlot('kc-a', 'v1', isDraft).save({ version: 'v1', responses: { q1: 2 } });
    expect(draftSlot('kc-a', 'v1', isDraft).load()).toEqual({ version: 'v1', responses: { q1: 2 } });
  });

  it('is kept under the course’s namespace, beside the progress log', () => {
    draftSlot('kc-a', 'v1', isDraft).save({ version: 'v1', responses: { q1: 2 } });
    expect([...storage.items.keys()]).toEqual([`${draftPrefix(COURSE)}kc-a`]);
  });

  it('keeps each activity’s draft apart', () => {
    draftSlot('kc-a', 'v1', isDraft).save({ version: 'v1', responses: { q1: 1 } });
    expect(draftSlot('kc-b', 'v1', isDraft).load()).toBeUndefined();
  });

  it('is not offered once the activity has changed, so the learner starts afresh', () => {
    draftSlot('kc-a', 'v1', isDraft).save({ version: 'v1', responses: { q1: 1 } });
    expect(draftSlot('kc-a', 'v2', isDraft).load()).toBeUndefined();
  });

  it('is gone once the attempt is recorded', () => {
    const slot = draftSlot('kc-a', 'v1', isDraft);
    slot.save({ version: 'v1', responses: {} });
    slot.clear();
    expect(slot.load()).toBeUndefined();
  });

  it('is forgotten by “清除全部学习记录”, with drafts kept before they were namespaced; another course’s stay', () => {
    draftSlot('kc-a', 'v1', isDraft).save({ version: 'v1', responses: { q1: 1 } });
    storage.items.set('service-classroom:draft:kc-b', JSON.stringify({ version: 'v1', responses: {} }));
    storage.items.set(`${draftPrefix('other-course')}kc-a`, JSON.stringify({ version: 'v1', responses: {} }));
    reset();
    expect(draftSlot('kc-a', 'v1', isDraft).load()).toBeUndefined();
    expect([...storage.items.keys()].filter((k) => k.includes('draft')).sort()).toEqual([`${draftPrefix('other-course')}kc-a`]);
  });

  it('goes where the progress storage keeps drafts when it has its own (an LMS package: per learner)', () => {
    const kept = new Map<string, string>();
    const own: DraftStorage = {
      read: (id) => kept.get(id) ?? null,
      write: (id, text) => (text === null ? kept.delete(id) : kept.set(id, text)),
      clear: () => kept.clear(),
    };
    start({ load: () => ({ kind: 'loaded', log: emptyLog(COURSE) }), save: () => 'saved', watch: () => () => {}, drafts: own });
    draftSlot('kc-a', 'v1', isDraft).save({ version: 'v1', responses: { q1: 3 } });
    expect(kept.get('kc-a')).toBe(JSON.stringify({ version: 'v1', responses: { q1: 3 } }));
    expect([...storage.items.keys()].filter((k) => k.includes('draft'))).toEqual([]);
    reset();
    expect(kept.size).toBe(0);
  });

  it('ignores a draft that is not valid JSON or not the right shape', () => {
    storage.items.set(`${draftPrefix(COURSE)}kc-a`, '{not json');
    expect(draftSlot('kc-a', 'v1', isDraft).load()).toBeUndefined();
    storage.items.set(`${draftPrefix(COURSE)}kc-a`, JSON.stringify({ version: 'v1' }));
    expect(draftSlot('kc-a', 'v1', isDraft).load()).toBeUndefined();
  });

  it('never throws when storage is full or disabled: the activity goes on, only the draft is lost', () => {
    const slot = draftSlot('kc-a', 'v1', isDraft);
    storage.mode = 'full';
    expect(() => slot.save({ version: 'v1', responses: { q1: 1 } })).not.toThrow();
    storage.mode = 'blocked';
    expect(() => slot.save({ version: 'v1', responses: {} })).not.toThrow();
    expect(slot.load()).toBeUndefined();
    expect(() => slot.clear()).not.toThrow();
    expect(() => reset()).not.toThrow();
  });
});
