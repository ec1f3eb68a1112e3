import { beforeEach, describe, expect, it } from 'vitest';
import { checkFile } from '../../src/domain/records/analyse.ts';
import { exportCompletionRecord } from '../../src/stores/completion-record.ts';
import { completeLesson, recordAttempt, startProgress } from '../../src/stores/progress.ts';
import { setLearner } from '../../src/stores/progress-admin.ts';
import { shippedCatalogue } from '../fixtures/catalogue.ts';
import { MemoryProgressStorage } from '../fixtures/fake-storage.ts';
import { minute } from '../fixtures/progress-events.ts';
import { honestAttempt } from '../fixtures/records.ts';

const catalogue = shippedCatalogue();
let ids = 0;

beforeEach(() => {
  ids = 0;
  startProgress({ courseId: catalogue.course.id, storage: new MemoryProgressStorage(), newId: () => `id-${++ids}`, now: () => minute(30) });
});

describe('exporting the completion record from /me/', () => {
  it('is refused until the learner has given a name and an employee id, naming what is missing', () => {
    expect(exportCompletionRecord(catalogue.course, catalogue.map)).toEqual({ ok: false, missing: ['name', 'employeeId'] });
    setLearner({ name: '王小明', employeeId: '', department: '' });
    expect(exportCompletionRecord(catalogue.course, catalogue.map)).toEqual({ ok: false, missing: ['employeeId'] });
  });

  it('writes the learner’s record under their id and the date, and it verifies on the HR page', () => {
    setLearner({ name: '王小明', employeeId: 'E1024', department: '客服一部' });
    const quiz = catalogue.activities.find((a) => a.id === 'kc-selling-starts-with-service')!;
    const { id: _ignored, ...attempt } = honestAttempt(quiz, 'x', 10);
    recordAttempt(attempt);
    completeLesson('selling-starts-with-service', ['kc-selling-starts-with-service']);
    const result = exportCompletionRecord(catalogue.course, catalogue.map);
    if (!result.ok) throw new Error('refused');
    expect(result.filename).toBe(`completion-E1024-${minute(30).slice(0, 10)}.json`);
    expect(result.record.attempts.map((a) => a.id)).toEqual(['id-2']);
    const check = checkFile({ index: 0, name: result.filename }, result.text, catalogue);
    expect(check.kind === 'checked' && check.status).toBe('verified');
  });
});
