import { beforeEach, describe, expect, it } from 'vitest';
import { parseProgress } from '../../src/domain/progress/parse.ts';
import { $progress, startProgress } from '../../src/stores/progress.ts';
import { recordReview } from '../../src/stores/review.ts';
import { MemoryProgressStorage } from '../fixtures/fake-storage.ts';
import { minute } from '../fixtures/progress-events.ts';

const COURSE = 'service-classroom';
let memory: MemoryProgressStorage;
let ids = 0;

beforeEach(() => {
  ids = 0;
  memory = new MemoryProgressStorage();
  startProgress({ courseId: COURSE, storage: memory, newId: () => `id-${++ids}`, now: () => minute(5) });
});

describe('recording a review', () => {
  it('appends a review event graded by its credit, and saves it where a reload reads it back', () => {
    recordReview('kc-a/q1', 1);
    recordReview('kc-a/q2', 0.5);
    recordReview('kc-a/q3', 0);
    const expected = [
      { id: 'id-1', at: minute(5), type: 'review', itemId: 'kc-a/q1', rating: 3, correct: true },
      { id: 'id-2', at: minute(5), type: 'review', itemId: 'kc-a/q2', rating: 2, correct: false },
      { id: 'id-3', at: minute(5), type: 'review', itemId: 'kc-a/q3', rating: 1, correct: false },
    ];
    expect($progress.get().events).toEqual(expected);
    const saved = parseProgress(memory.records.get(COURSE)!, COURSE);
    expect(saved.ok && saved.log.events).toEqual(expected);
  });
});
