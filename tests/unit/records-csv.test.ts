import { lessonsToComplete } from '../../src/domain/course-map.ts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rowWords } from '../../src/components/hr/row-words.ts';
import { checkFile, combine } from '../../src/domain/records/analyse.ts';
import { neutralise, toCsv, type Cell } from '../../src/domain/records/csv.ts';
import { DETAIL_COLUMNS, detailRows, pathText, SUMMARY_COLUMNS, summaryRows } from '../../src/domain/records/rows.ts';
import { zhCN } from '../../src/i18n/zh-CN.ts';
import { shippedCatalogue } from '../fixtures/catalogue.ts';
import { honestAttempt, makeRecord } from '../fixtures/records.ts';

/**
 * A reader of RFC 4180 written for these tests alone, independent of the library that writes the
 * files: quoted fields with "" for a quote, CRLF between records. Returns every field as text,
 * with whether it was quoted.
 */
function readCsv(csv: string): { text: string; quoted: boolean }[][] {
  const rows: { text: string; quoted: boolean }[][] = [];
  let row: { text: string; quoted: boolean }[] = [];
  let i = 0;
  while (i < csv.length) {
    let text = '';
    let quoted = false;
    if (csv[i] === '"') {
      quoted = true;
      i++;
      for (;;) {
        if (i >= csv.length) throw new Error('unterminated quote');
        if (csv[i] === '"' && csv[i + 1] === '"') {
          text += '"';
          i += 2;
        } else if (csv[i] === '"') {
          i++;
          break;
        } else text += csv[i++];
      }
    } else {
      while (i < csv.length && csv[i] !== ',' && csv[i] !== '\r') {
        if (csv[i] === '\n' || csv[i] === '"') throw new Error(`bare ${JSON.stringify(csv[i])} in an unquoted field at ${i}`);
        text += csv[i++];
      }
    }
    row.push({ text, quoted });
    if (csv[i] === ',') i++;
    else if (csv.startsWith('\r\n', i)) {
      rows.push(row);
      row = [];
      i += 2;
    } else if (i < csv.length) throw new Error(`expected , or CRLF at ${i}`);
  }
  if (row.length > 0) throw new Error('the last record has no CRLF');
  return rows;
}

const body = (csv: string) => {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  return csv.slice(1);
};

describe('neutralising cells a spreadsheet would run', () => {
  it('puts a single quote before text starting with = + - @, tab, CR or LF', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r', '\n']) expect(neutralise(`${start}SUM(A1:A9)`)).toBe(`'${start}SUM(A1:A9)`);
  });

  it('does the same for the full-width forms Apple Numbers folds into them', () => {
    for (const start of ['＝', '＋', '－', '＠']) expect(neutralise(`${start}1+1`)).toBe(`'${start}1+1`);
  });

  it('leaves other text, numbers (negative ones too) and empty cells alone', () => {
    expect(neutralise('王小明')).toBe('王小明');
    expect(neutralise('a=1')).toBe('a=1');
    expect(neutralise(' =1')).toBe(' =1');
    expect(neutralise(-3)).toBe(-3);
    expect(neutralise(0)).toBe(0);
    expect(neutralise(null)).toBeNull();
    expect(neutralise('')).toBe('');
  });
});

describe('writing a CSV for Excel', () => {
  it('writes a byte-order mark, CRLF line ends, every text cell quoted, numbers bare, empty cells empty', () => {
    const csv = toCsv([
      ['姓名', '得分', '备注'],
      ['王小明', 87.5, null],
      ['李, 四', -1, '说"好"'],
      ['多行\r\n文字', 0, ''],
      ['=1+1', 3, '@SUM(A1)'],
    ]);
    expect(csv).toBe(
      '\uFEFF"姓名","得分","备注"\r\n' +
        '"王小明",87.5,\r\n' +
        '"李, 四",-1,"说""好"""\r\n' +
        '"多行\r\n文字",0,""\r\n' +
        `"'=1+1",3,"'@SUM(A1)"\r\n`,
    );
  });

  it('writes only the byte-order mark for no rows', () => {
    expect(toCsv([])).toBe('\uFEFF');
  });

  it('writes the same bytes however many rows it is given at once', () => {
    const rows: Cell[][] = Array.from({ length: 1234 }, (_, i) => [`第${i}行`, i, i % 3 === 0 ? null : `-${i}`]);
    const csv = toCsv(rows);
    expect(readCsv(body(csv))).toHaveLength(1234);
    expect(csv).toBe(toCsv(rows.slice(0, 600)) + toCsv(rows.slice(600)).slice(1));
  });

  it('for any cells: reads back as the same table, and no text cell starts with a formula character', () => {
    const text = fc.oneof(
      fc.string(),
      fc.string({ unit: 'grapheme' }),
      fc.constantFrom('=cmd|" /C calc"!A0', '-2+3', '@x', '\tq', '\r\n=1', '\n=1+1', '"', ','),
    );
    const cell = fc.oneof(text, fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer(), fc.constant(null));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 }), (rows) => {
        const read = readCsv(body(toCsv(rows)));
        expect(read).toHaveLength(rows.length);
        read.forEach((row, r) =>
          row.forEach((field, c) => {
            const original = rows[r]![c]!;
            if (typeof original === 'string') {
              expect(field).toEqual({ text: neutralise(original), quoted: true });
              expect(field.text).not.toMatch(/^[=+\-@\t\r\n]/);
            } else if (typeof original === 'number') {
              expect(field.quoted).toBe(false);
              expect(Number(field.text)).toBe(original === 0 ? 0 : original);
            } else expect(field).toEqual({ text: '', quoted: false });
          }),
        );
      }),
      { numRuns: 300 },
    );
  });
});

describe('the summary and detail exports', () => {
  const catalogue = shippedCatalogue();
  const words = rowWords(zhCN);
  const scenario = catalogue.activities.find((a) => a.id === 'angry-powerful-delayed-order')!;
  const record = makeRecord(catalogue, {
    name: '=HYPERLINK("http://x","点我")',
    employeeId: '-E7',
    department: '+客服',
    attempts: [...makeRecord(catalogue).attempts, honestAttempt(scenario, 'run-1', 400)],
  });
  const { rows } = combine([checkFile({ index: 0, name: '@file.json' }, JSON.stringify(record), catalogue)], catalogue);

  it('has a Chinese header and one row per learner, figures as numbers', () => {
    const table = summaryRows(rows, words);
    expect(table[0]).toEqual(SUMMARY_COLUMNS.map((c) => zhCN[`hr.csv.summary.${c}`]));
    expect(table[0]).toContain('课程成绩');
    expect(table).toHaveLength(2);
    const row = Object.fromEntries(SUMMARY_COLUMNS.map((c, i) => [c, table[1]![i]]));
    expect(row).toMatchObject({
      name: record.learner.name,
      employeeId: '-E7',
      state: '已完成',
      lessonsDone: lessonsToComplete(catalogue.map.lessons).length,
      activitiesPassed: 9,
      score: 100,
      recordStatus: '已核验',
      mismatches: 0,
      files: '@file.json',
      exportedAt: record.exportedAt,
    });
    expect(row['completedAt']).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('has one row per attempt, with the role-play’s path and ending', () => {
    const table = detailRows(rows, catalogue, words);
    expect(table[0]).toEqual(DETAIL_COLUMNS.map((c) => zhCN[`hr.csv.detail.${c}`]));
    expect(table).toHaveLength(1 + record.attempts.length);
    const run = Object.fromEntries(DETAIL_COLUMNS.map((c, i) => [c, table.at(-1)![i]]));
    const path = (record.attempts.at(-1)!.answers as { path: [string, string][] }).path;
    expect(run).toMatchObject({
      activityId: scenario.id,
      kind: '情景演练',
      seconds: 180,
      claimedScore: 100,
      rescoredScore: 100,
      maxScore: 100,
      percent: 100,
      passed: '是',
      verdict: '已核验',
      path: pathText(path),
      attemptId: 'run-1',
    });
    expect(run['path']).toMatch(/^opening:[a-z-]+ → /);
    expect(run['ending']).toBeTruthy();
  });

  it('neutralises the learner’s formula-like name, id, department and file name in the written file', () => {
    const [, first] = readCsv(body(toCsv(summaryRows(rows, words))));
    const cells = first!.map((f) => f.text);
    expect(cells[0]).toBe(`'${record.learner.name}`);
    expect(cells[1]).toBe("'-E7");
    expect(cells[2]).toBe("'+客服");
    expect(cells).toContain("'@file.json");
  });
});
