/// <reference lib="webworker" />
import { checkFile, checkRecordData, combine, type Analysis, type FileCheck, type UnreadFile } from '../../domain/records/analyse.ts';
import { activityIndex, type Catalogue, type CatalogueActivity } from '../../domain/catalogue.ts';
import { recordDigest } from '../../domain/records/completion-record.ts';
import { toCsv } from '../../domain/records/csv.ts';
import { learnerDetail } from '../../domain/records/detail.ts';
import { MAX_RECORD_BYTES, readCompletionRecord } from '../../domain/records/read-record.ts';
import { itemRows, type ItemRowWords } from '../../domain/records/item-rows.ts';
import { detailRows, summaryRows, type RowWords } from '../../domain/records/rows.ts';
import { scoredActivities } from '../../domain/course-score.ts';
import { StatementReader } from '../../domain/xapi/records.ts';
import type { CompletionRecord } from '../../domain/records/format.ts';
import type { CsvKind, FromWorker, Report, ToWorker } from './protocol.ts';
import { itemRowWords, rowWords } from './row-words.ts';

// The HR page's worker: everything heavy happens here, off the page's thread, so the page stays
// responsive while hundreds of files are read and re-scored. It runs `checkFile` and `combine`,
// the same functions `npm run bench` times.

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: FromWorker) => scope.postMessage(message);

let catalogue: Catalogue | undefined;
let index: Map<string, CatalogueActivity> | undefined;
let words: RowWords | undefined;
let itemWords: ItemRowWords | undefined;
/** Where each source came from: a dropped file, or the record rebuilt from an LRS's statements. */
const files: (File | CompletionRecord)[] = [];
const checks: FileCheck[] = [];
let analysis: Analysis | undefined;
let queue: Promise<void> = Promise.resolve();

async function init(url: string): Promise<void> {
  try {
    const response = await fetch(url);
    if (!response.ok) throw new Error(String(response.status));
    catalogue = (await response.json()) as Catalogue;
    index = activityIndex(catalogue);
    post({ type: 'ready' });
  } catch {
    post({ type: 'failed' });
  }
}

function report(a: Analysis, c: Catalogue): Report {
  const titles = new Map(c.activities.map((x) => [x.id, x.title]));
  return {
    files: a.files,
    learners: a.rows.map(({ merged, summary }) => ({
      key: merged.key,
      name: merged.learner.name,
      employeeId: merged.learner.employeeId,
      department: merged.learner.department,
      lessonsDone: summary.lessonsDone,
      lessonsTotal: summary.lessonsTotal,
      activitiesPassed: summary.activitiesPassed,
      activitiesTotal: summary.activitiesTotal,
      score: summary.score,
      state: summary.state,
      ...(summary.completedAt ? { completedAt: summary.completedAt } : {}),
      status: merged.status,
      files: merged.files.length,
      mismatches: merged.mismatches,
      changed: merged.changed,
    })),
    stats: a.stats,
    departments: [...new Set(a.rows.map((r) => r.merged.learner.department))].sort((x, y) => x.localeCompare(y, 'zh-CN')),
    scored: scoredActivities(c.rule, c.activities).map((id) => titles.get(id) ?? id),
  };
}

/** Never reads what cannot be a record; a read that fails (the file moved, was deleted, or may not be read) says so. */
async function read(file: File): Promise<string | UnreadFile> {
  if (file.size > MAX_RECORD_BYTES) return { unread: 'too-large' };
  try {
    return await file.text();
  } catch {
    return { unread: 'read-failed' };
  }
}

// Files are read a few at a time: each read waits on the browser, and waiting for one after another is most of the time.
const READ_AHEAD = 16;

async function add(incoming: File[]): Promise<void> {
  if (!catalogue || !index) return;
  const total = incoming.length;
  let lastPost = 0;
  for (let start = 0; start < total; start += READ_AHEAD) {
    const batch = incoming.slice(start, start + READ_AHEAD);
    const texts = await Promise.all(batch.map(read));
    batch.forEach((file, i) => {
      const source = { index: files.length, name: file.name };
      files.push(file);
      checks.push(checkFile(source, texts[i]!, catalogue!, index));
    });
    const done = Math.min(total, start + READ_AHEAD);
    if (performance.now() - lastPost > 100 || done === total) {
      post({ type: 'progress', done, total });
      lastPost = performance.now();
    }
  }
  analysis = combine(checks, catalogue);
  post({ type: 'report', report: report(analysis, catalogue) });
}

/**
 * Every statement about the course from an LRS, as one more source per learner: the records
 * rebuilt from them are read, re-scored and merged exactly as dropped files are.
 */
async function readLrs(endpoint: string, auth: string, activity: string): Promise<void> {
  if (!catalogue || !index) return;
  const collector = new StatementReader({ course: catalogue.course, map: catalogue.map, courseIri: activity.replace(/\/+$/, '') });
  let read = 0;
  let lastPost = 0;
  // The LRS client is loaded only when HR reads an LRS: most HR pages only ever get files.
  const { readCourseStatements } = await import('../../lms/xapi/read-lrs.ts');
  const result = await readCourseStatements({ endpoint, auth, activity }, (statements) => {
    for (const statement of statements) collector.add(statement);
    read += statements.length;
    if (performance.now() - lastPost > 100) {
      post({ type: 'lrs-progress', statements: read });
      lastPost = performance.now();
    }
  });
  if (!result.ok) post({ type: 'lrs-failed', reason: result.reason, status: result.status, statements: read });
  const { records, rejected: refused } = collector.result();
  for (const record of records) {
    const source = {
      index: files.length,
      name: `LRS · ${record.learner.name || record.learner.employeeId}（${record.learner.employeeId}）`,
    };
    files.push(record);
    checks.push(checkRecordData(source, record, catalogue, index));
  }
  const rejected: Partial<Record<string, number>> = {};
  for (const r of refused) rejected[r.reason] = (rejected[r.reason] ?? 0) + 1;
  if (result.ok) post({ type: 'lrs-done', statements: read, learners: records.length, rejected, skipped: collector.skipped });
  analysis = combine(checks, catalogue);
  post({ type: 'report', report: report(analysis, catalogue) });
}

function exportCsv(which: CsvKind): void {
  if (!analysis || !catalogue || !words || !itemWords) return;
  const rows =
    which === 'summary'
      ? summaryRows(analysis.rows, words)
      : which === 'detail'
        ? detailRows(analysis.rows, catalogue, words)
        : itemRows(analysis.stats.items, itemWords);
  const date = new Date().toISOString().slice(0, 10);
  post({
    type: 'csv',
    which,
    blob: new Blob([toCsv(rows)], { type: 'text/csv;charset=utf-8' }),
    filename: `completion-${which}-${date}.csv`,
  });
}

/** A learner's attempts, with the digest of their newest record (read again: records are not kept whole). */
async function detail(key: string): Promise<void> {
  const row = analysis?.rows.find((r) => r.merged.key === key);
  if (!row || !catalogue) return;
  const newest = files[row.merged.files[0]?.index ?? -1];
  let digest: string | undefined;
  try {
    const read =
      newest instanceof File ? readCompletionRecord(await newest.text()) : newest ? ({ ok: true, record: newest } as const) : undefined;
    if (read?.ok) digest = recordDigest(read.record);
  } catch {
    // The file went away since it was checked; the detail is shown without a digest.
  }
  post({ type: 'detail', detail: { ...learnerDetail(row.merged, catalogue), ...(digest ? { digest } : {}) } });
}

scope.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  // One thing at a time, in the order asked: a detail asked for during an import waits for it.
  queue = queue.then(async () => {
    switch (message.type) {
      case 'init':
        words = rowWords(message.strings);
        itemWords = itemRowWords(message.strings);
        return init(message.catalogueUrl);
      case 'add':
        return add(message.files);
      case 'lrs':
        return readLrs(message.endpoint, message.auth, message.activity);
      case 'export':
        return exportCsv(message.which);
      case 'detail':
        return detail(message.key);
      case 'clear':
        files.length = 0;
        checks.length = 0;
        analysis = undefined;
        return;
    }
  });
};
