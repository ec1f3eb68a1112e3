import { describe, expect, it } from 'vitest';
import { checkFile, combine, type FileStatus, type UnreadFile } from '../../src/domain/records/analyse.ts';
import type { CompletionRecord } from '../../src/domain/records/format.ts';
import { MAX_RECORD_BYTES, readCompletionRecord } from '../../src/domain/records/read-record.ts';
import { shippedCatalogue } from '../fixtures/catalogue.ts';
import { blank, honestAttempt, makeRecord } from '../fixtures/records.ts';

const catalogue = shippedCatalogue();
const text = (record: unknown) => JSON.stringify(record, null, 1);

/** Checks named files as HR would drop them, in this order, and returns each file's status line. */
function statuses(files: [name: string, text: string | UnreadFile][]): FileStatus[] {
  return combine(
    files.map(([name, t], index) => checkFile({ index, name }, t, catalogue)),
    catalogue,
  ).files;
}
const statusOf = (t: string | UnreadFile) => statuses([['x.json', t]])[0]!;

const honest = makeRecord(catalogue);

describe('the status of each record file', () => {
  it('verified: every claim holds against the course as it is', () => {
    expect(statusOf(text(honest))).toMatchObject({ status: 'verified', own: 'verified', employeeId: 'E1024', mismatches: 0, changed: [] });
  });

  it('score mismatch: a score edited in the file is caught, and counted', () => {
    const forged: CompletionRecord = structuredClone(honest);
    forged.attempts[0]!.score = 1;
    forged.attempts[0]!.passed = false;
    forged.attempts[2]!.maxScore = 1;
    const status = statusOf(text(forged));
    expect(status).toMatchObject({ status: 'score-mismatch', mismatches: 2 });
    // Each claim is kept beside what the answers are worth, for the file list to show side by side.
    expect(status.status === 'score-mismatch' && status.mismatched).toEqual([
      {
        title: expect.any(String) as unknown,
        claimed: { score: 1, maxScore: honest.attempts[0]!.maxScore },
        rescored: { score: honest.attempts[0]!.score, maxScore: honest.attempts[0]!.maxScore },
      },
      {
        title: expect.any(String) as unknown,
        claimed: { score: honest.attempts[2]!.score, maxScore: 1 },
        rescored: { score: honest.attempts[2]!.score, maxScore: honest.attempts[2]!.maxScore },
      },
    ]);
  });

  it('score mismatch: answers edited to fail under a claimed pass are caught', () => {
    const forged: CompletionRecord = structuredClone(honest);
    forged.attempts[0]!.answers = { seed: 1, responses: {} };
    expect(statusOf(text(forged)).status).toBe('score-mismatch');
  });

  it('content changed: an activity edited since the attempt is named', () => {
    const old: CompletionRecord = structuredClone(honest);
    old.attempts[1]!.contentVersion = 'ffffffffffffffff';
    const title = catalogue.activities.find((a) => a.id === old.attempts[1]!.activityId)!.title;
    expect(statusOf(text(old))).toMatchObject({ status: 'content-changed', changed: [title] });
  });

  it('a mismatch outweighs changed content when a record has both', () => {
    const both: CompletionRecord = structuredClone(honest);
    both.attempts[1]!.contentVersion = 'ffffffffffffffff';
    both.attempts[0]!.score = 0;
    expect(statusOf(text(both))).toMatchObject({ status: 'score-mismatch', mismatches: 1, changed: [expect.any(String)] });
  });

  it('duplicate: the same learner twice is merged, the newest export wins, and the older file says so', () => {
    const older = makeRecord(catalogue, { name: '王晓明', employeeId: ' e1024 ', department: '客服二部', exportedAt: 100 });
    const files = statuses([
      ['new.json', text(honest)],
      ['old.json', text(older)],
    ]);
    expect(files[0]).toMatchObject({ status: 'verified' });
    expect(files[1]).toMatchObject({ status: 'duplicate', own: 'verified', mergedInto: { index: 0, name: 'new.json' } });
    const { rows } = combine(
      [
        checkFile({ index: 0, name: 'new.json' }, text(honest), catalogue),
        checkFile({ index: 1, name: 'old.json' }, text(older), catalogue),
      ],
      catalogue,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.merged.learner).toEqual(honest.learner);
    expect(rows[0]!.merged.files.map((f) => f.name)).toEqual(['new.json', 'old.json']);
  });

  it('duplicate: attempts from two devices are all kept, each once', () => {
    const quiz = catalogue.activities.find((a) => a.kind === 'quiz' && !catalogue.rule.requiredActivities.includes(a.id))!;
    const phone = makeRecord(catalogue, { exportedAt: 50, attempts: [honestAttempt(quiz, 'phone-1', 20), ...honest.attempts.slice(0, 2)] });
    const { rows, files } = combine(
      [
        checkFile({ index: 0, name: 'pc.json' }, text(honest), catalogue),
        checkFile({ index: 1, name: 'phone.json' }, text(phone), catalogue),
      ],
      catalogue,
    );
    expect(rows[0]!.merged.attempts.map((a) => a.attempt.id)).toEqual(['phone-1', ...honest.attempts.map((a) => a.id)]);
    expect(files.map((f) => f.status)).toEqual(['verified', 'duplicate']);
  });

  it('duplicate: a forged older copy still marks the merged learner', () => {
    const quiz = catalogue.activities.find((a) => a.kind === 'quiz')!;
    const forged = makeRecord(catalogue, {
      exportedAt: 50,
      attempts: [{ ...honestAttempt(quiz, 'forged-1', 20, blank(quiz)), score: 99 }],
    });
    const { rows } = combine(
      [checkFile({ index: 0, name: 'a.json' }, text(honest), catalogue), checkFile({ index: 1, name: 'b.json' }, text(forged), catalogue)],
      catalogue,
    );
    expect(rows[0]!.merged).toMatchObject({ status: 'score-mismatch', mismatches: 1 });
  });

  it('other course: a record of another course is set aside, naming that course', () => {
    const other = { ...honest, course: { id: 'forklift-safety', title: '叉车安全', contentVersion: 'x' } };
    expect(statusOf(text(other))).toMatchObject({ status: 'other-course', courseId: 'forklift-safety', courseTitle: '叉车安全' });
  });

  const unreadable: [string, string | UnreadFile, string, string?][] = [
    ['an empty file', '', 'empty'],
    ['a file of blanks', ' \r\n\t', 'empty'],
    ['a file over 5 MB, never read', { unread: 'too-large' }, 'too-large'],
    ['a file the browser could not read (moved or deleted after it was picked)', { unread: 'read-failed' }, 'read-failed'],
    ['a file cut short', text(honest).slice(0, 400), 'truncated'],
    ['text that is not JSON', '王小明 100 分', 'not-json'],
    ['JSON of another shape', '[1, 2, 3]', 'not-record'],
    ['an object of another shape', '{"name":"王小明","score":100}', 'not-record'],
    [
      'a learning-progress backup',
      '{"format":"service-classroom/progress","version":1,"courseId":"service-classroom","events":[]}',
      'progress-backup',
    ],
    ['a record from a newer course', text({ ...honest, version: 2 }), 'newer-version'],
    [
      'a record without an employee id',
      text({ ...honest, learner: { ...honest.learner, employeeId: ' ' } }),
      'invalid',
      'learner.employeeId',
    ],
    [
      'a record with a score that is text',
      text({ ...honest, attempts: [{ ...honest.attempts[0], score: '100' }] }),
      'invalid',
      'attempts[0].score',
    ],
    [
      'a record with one attempt twice',
      text({ ...honest, attempts: [honest.attempts[0], honest.attempts[0]] }),
      'invalid',
      'attempts[1].id',
    ],
    [
      'a record with a completed lesson without its time',
      text({ ...honest, lessons: [{ id: 'x', state: 'completed' }] }),
      'invalid',
      'lessons[0].completedAt',
    ],
  ];
  for (const [what, t, reason, detail] of unreadable) {
    it(`unreadable: ${what} (${reason})`, () => {
      expect(statusOf(t)).toMatchObject({ status: 'unreadable', reason, ...(detail ? { detail } : {}) });
    });
  }

  it('refuses text longer than 5 MB even when handed it', () => {
    expect(readCompletionRecord(`${text(honest)}${' '.repeat(MAX_RECORD_BYTES)}`)).toEqual({ ok: false, reason: 'too-large' });
  });

  it('reads a record saved with a byte-order mark', () => {
    expect(readCompletionRecord(`\uFEFF${text(honest)}`).ok).toBe(true);
  });

  it('one bad file never stops the others: every file gets its own status, in the order given', () => {
    const forged: CompletionRecord = structuredClone(honest);
    forged.learner.employeeId = 'E2048';
    forged.attempts[0]!.score = 0;
    const files = statuses([
      ['bad.json', '{"format":'],
      ['good.json', text(honest)],
      ['empty.json', ''],
      ['forged.json', text(forged)],
      ['huge.json', { unread: 'too-large' }],
    ]);
    expect(files.map((f) => [f.file.name, f.status])).toEqual([
      ['bad.json', 'unreadable'],
      ['good.json', 'verified'],
      ['empty.json', 'unreadable'],
      ['forged.json', 'score-mismatch'],
      ['huge.json', 'unreadable'],
    ]);
  });

  it('keeps a learner’s name with markup or a formula as the plain text it is', () => {
    const name = '=HYPERLINK("http://x","<img src=x onerror=alert(1)>")';
    const record = makeRecord(catalogue, { name, employeeId: '@E9' });
    const status = statusOf(text(record));
    expect(status).toMatchObject({ status: 'verified', name, employeeId: '@E9' });
  });
});
