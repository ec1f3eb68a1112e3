import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { draftSlot } from '../../src/stores/drafts.ts';
import { FakeStorage } from '../fixtures/fake-storage.ts';

interface Draft {
  version: string;
  responses: Record<string, number>;
}
const isDraft = (v: unknown): v is Draft =>
  typeof v === 'object' && v !== null && typeof (v as Draft).version === 'string' && typeof (v as Draft).responses === 'object';

let storage: FakeStorage;
beforeEach(() => {
  storage = new FakeStorage();
  vi.stubGlobal('localStorage', storage.asStorage());
});
afterEach(() => vi.unstubAllGlobals());

describe('a half-finished activity kept as a draft', () => {
  it('resumes after a reload with the answers given so far', () => {
    draftSlot('kc-a', 'v1', isDraft).save({ version: 'v1', responses: { q1: 2 } });
    expect(draftSlot('kc-a', 'v1', isDraft).load()).toEqual({ version: 'v1', responses: { q1: 2 } });
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

  it('ignores a draft that is not valid JSON or not the right shape', () => {
    storage.items.set('service-classroom:draft:kc-a', '{not json');
    expect(draftSlot('kc-a', 'v1', isDraft).load()).toBeUndefined();
    storage.items.set('service-classroom:draft:kc-a', JSON.stringify({ version: 'v1' }));
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
  });
});
