import { lessonsToComplete } from '../../src/domain/course-map.ts';
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ProgressEvent } from '../../src/domain/progress/events.ts';
import { contentVersion } from '../../src/domain/content-version.ts';
import { checkFile, combine } from '../../src/domain/records/analyse.ts';
import { courseContentVersion } from '../../src/domain/catalogue.ts';
import { completionRecord, missingLearnerFields, recordDigest, recordFilename } from '../../src/domain/records/completion-record.ts';
import { RECORD_FORMAT, RECORD_VERSION, type CompletionRecord } from '../../src/domain/records/format.ts';
import { readCompletionRecord } from '../../src/domain/records/read-record.ts';
import { completionRecordJsonSchema } from '../../src/schemas/completion-record.ts';
import { shippedCatalogue } from '../fixtures/catalogue.ts';
import { completed, learnerSet, minute, progressLog, viewed } from '../fixtures/progress-events.ts';
import { answered, answersFor, honestAttempt, makeRecord } from '../fixtures/records.ts';

const catalogue = shippedCatalogue();
const [first, second] = catalogue.map.lessons;
const quiz = catalogue.activities.find((a) => a.id === 'kc-selling-starts-with-service')!;
const attemptEvent = (id: string, at: number): ProgressEvent => {
  const { id: _ignored, ...attempt } = honestAttempt(quiz, id, at);
  return { id, at: minute(at), type: 'attempt', attempt };
};

const log = progressLog(catalogue.course.id, [
  viewed('e1', 1, first!.id),
  attemptEvent('e2', 5),
  completed('e3', 6, first!.id),
  viewed('e4', 7, second!.id),
  learnerSet('e5', 8, { name: '王小明', employeeId: 'E1024', department: '客服一部' }),
]);
const record = completionRecord(log, catalogue.course, catalogue.map, '2026-03-02T09:00:00.000Z');

describe('the completion record of a progress log', () => {
  it('holds the format, the course with its content version, the learner and the export time', () => {
    expect(record).toMatchObject({
      format: RECORD_FORMAT,
      version: RECORD_VERSION,
      exportedAt: '2026-03-02T09:00:00.000Z',
      course: { id: 'service-classroom', title: catalogue.course.title, contentVersion: courseContentVersion(catalogue.activities) },
      learner: { name: '王小明', employeeId: 'E1024', department: '客服一部' },
    });
  });

  it('lists every lesson of the course in course order with its state and times', () => {
    expect(record.lessons.map((l) => l.id)).toEqual(catalogue.map.lessons.map((l) => l.id));
    expect(record.lessons[0]).toEqual({ id: first!.id, state: 'completed', firstViewedAt: minute(1), completedAt: minute(6) });
    expect(record.lessons[1]).toEqual({ id: second!.id, state: 'in-progress', firstViewedAt: minute(7) });
    expect(record.lessons[2]).toEqual({ id: catalogue.map.lessons[2]!.id, state: 'not-started' });
  });

  it('keeps every attempt with its event id and raw answers', () => {
    expect(record.attempts).toEqual([{ id: 'e2', ...(attemptEvent('e2', 5) as { attempt: object }).attempt }]);
    expect(record.attempts[0]!.answers).toEqual(answersFor(quiz));
  });

  it('is named after the employee id and the date, safe for any file system', () => {
    expect(recordFilename(record)).toBe('completion-E1024-2026-03-02.json');
    expect(recordFilename({ ...record, learner: { ...record.learner, employeeId: 'A/17 客服?' } })).toBe(
      'completion-A_17_客服_-2026-03-02.json',
    );
  });

  it('needs a name and an employee id before it is offered to HR', () => {
    expect(missingLearnerFields(undefined)).toEqual(['name', 'employeeId']);
    expect(missingLearnerFields({ name: ' ', employeeId: 'E1', department: '' })).toEqual(['name']);
    expect(missingLearnerFields({ name: '王', employeeId: 'E1', department: '' })).toEqual([]);
  });

  it('changes the course content version when any activity changes, and only then', () => {
    const same = courseContentVersion([...catalogue.activities].reverse());
    expect(same).toBe(catalogue.course.contentVersion);
    const edited = catalogue.activities.map((a, i) => (i === 3 ? { ...a, version: '0000000000000000' } : a));
    expect(courseContentVersion(edited)).not.toBe(catalogue.course.contentVersion);
  });
});

describe('the digest printed on a certificate', () => {
  const digest = recordDigest(record);

  it('is four groups of four hexadecimal digits', () => {
    expect(digest).toMatch(/^[0-9A-F]{4}(-[0-9A-F]{4}){3}$/);
  });

  it('is the same for the record read back from its file, whatever the export time or formatting', () => {
    const read = readCompletionRecord(JSON.stringify({ ...record, exportedAt: '2027-01-01T00:00:00.000Z' }));
    expect(read.ok && recordDigest(read.record)).toBe(digest);
  });

  it('differs when anything the record says differs', () => {
    expect(recordDigest({ ...record, learner: { ...record.learner, name: '王晓明' } })).not.toBe(digest);
    expect(recordDigest({ ...record, attempts: [{ ...record.attempts[0]!, score: 3 }] })).not.toBe(digest);
  });
});

describe('the JSON Schema of the record', () => {
  const schema = JSON.parse(readFileSync('src/schemas/completion-record.schema.json', 'utf8')) as {
    required: string[];
    properties: Record<string, { required?: string[]; items?: { required?: string[] } }>;
  };
  const validate = new Ajv2020({ allErrors: true }).compile(schema);

  it('is the file generated from the record’s zod schema (run `npm run schema` after changing it)', () => {
    expect(schema).toEqual(completionRecordJsonSchema());
  });

  it('accepts the record the course writes, and records of many learners', () => {
    expect(validate(record), JSON.stringify(validate.errors)).toBe(true);
    expect(validate(JSON.parse(JSON.stringify(makeRecord(catalogue))))).toBe(true);
  });

  it('requires exactly the fields the TypeScript type always has', () => {
    expect(schema.required.sort()).toEqual(Object.keys(record).sort());
    expect(schema.properties['course']!.required!.sort()).toEqual(Object.keys(record.course).sort());
    expect(schema.properties['learner']!.required!.sort()).toEqual(Object.keys(record.learner).sort());
    expect(schema.properties['attempts']!.items!.required!.sort()).toEqual(Object.keys(record.attempts[0]!).sort());
  });

  /** A broken copy of the record, one field at a time: the schema and the HR page's reader must agree on each. */
  const breakages: [string, (r: CompletionRecord & Record<string, unknown>) => void][] = [
    ['no format', (r) => delete (r as Partial<CompletionRecord>).format],
    ['no learner', (r) => delete (r as Partial<CompletionRecord>).learner],
    ['an empty employee id', (r) => (r.learner.employeeId = '  ')],
    ['no department', (r) => delete (r.learner as Partial<CompletionRecord['learner']>).department],
    ['an export time that is not a time', (r) => (r.exportedAt = 'yesterday')],
    ['a lesson in an unknown state', (r) => ((r.lessons[0] as { state: string }).state = 'done')],
    ['a completed lesson without its time', (r) => delete r.lessons[0]!.completedAt],
    ['a lesson not started but completed', (r) => (r.lessons[2]!.completedAt = minute(9))],
    ['an attempt without answers', (r) => delete (r.attempts[0] as Partial<CompletionRecord['attempts'][0]>).answers],
    ['an attempt of an unknown kind', (r) => ((r.attempts[0] as { activityKind: string }).activityKind = 'game')],
    ['a score as text', (r) => ((r.attempts[0] as { score: unknown }).score = '4')],
    ['a negative maximum', (r) => (r.attempts[0]!.maxScore = -1)],
    ['attempts that are not a list', (r) => ((r as { attempts: unknown }).attempts = {})],
  ];
  for (const [what, breakIt] of breakages) {
    it(`refuses ${what}, as the reader does`, () => {
      const broken = structuredClone(record) as CompletionRecord & Record<string, unknown>;
      breakIt(broken);
      expect(validate(broken)).toBe(false);
      expect(readCompletionRecord(JSON.stringify(broken)).ok).toBe(false);
    });
  }
});

describe('a record made from any honest log', () => {
  it('verifies when exported and read back on the HR page', () => {
    const activity = fc.constantFrom(...catalogue.activities);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(activity, fc.integer({ min: 1, max: 2 ** 31 - 1 })), { maxLength: 12 }),
        fc.subarray(catalogue.map.lessons.map((l) => l.id)),
        (attempts, lessons) => {
          const events: ProgressEvent[] = [
            ...lessons.map((id, i) => completed(`l${i}`, i, id)),
            learnerSet('me', 0, { name: '测试', employeeId: 'T1', department: '' }),
            ...attempts.map(([a, seed], i): ProgressEvent => {
              let s = seed;
              const random = () => (s = (s * 48271) % 2147483647) / 2147483647;
              const { id: _ignored, ...attempt } = honestAttempt(a, `a${i}`, 100 + i, answered(a, random));
              return { id: `a${i}`, at: minute(100 + i), type: 'attempt', attempt };
            }),
          ].sort((x, y) => (x.at < y.at ? -1 : x.at > y.at ? 1 : x.id < y.id ? -1 : 1));
          const made = completionRecord(progressLog(catalogue.course.id, events), catalogue.course, catalogue.map, minute(999));
          const check = checkFile({ index: 0, name: 'r.json' }, JSON.stringify(made, null, 1), catalogue);
          expect(check.kind === 'checked' && check.status).toBe('verified');
          const { rows } = combine([check], catalogue);
          // Class-only activities never count for completion, so HR counts the other lessons only.
          const counted = new Set(lessonsToComplete(catalogue.map.lessons).map((l) => l.id));
          expect(rows[0]!.summary.lessonsDone).toBe(lessons.filter((id) => counted.has(id)).length);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('the catalogue the HR page loads as JSON', () => {
  it('keeps every activity’s content version and scoring through the round trip', () => {
    const shipped = JSON.parse(JSON.stringify(catalogue)) as typeof catalogue;
    for (const a of shipped.activities) expect(contentVersion(a.data), a.id).toBe(a.version);
    const check = checkFile({ index: 0, name: 'r.json' }, JSON.stringify(makeRecord(catalogue)), shipped);
    expect(check.kind === 'checked' && check.status).toBe('verified');
  });
});
