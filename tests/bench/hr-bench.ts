// The HR page's work at scale: 2,000 completion records of 40 attempts each are read, every
// attempt re-scored, learners merged and summarised (item analysis included), and the three CSVs written — the same functions,
// in the same order, as the page's worker runs. Budget: under 3 s. Run on its own with
// `node tests/bench/hr-bench.ts`; `npm run bench` runs it first and records the figures.
// The CPU time is printed beside the wall time: on a machine busy with other work the wall time
// grows, the CPU time does not, and on an idle machine the two are about equal.
import { loadavg } from 'node:os';
import { itemRowWords, rowWords } from '../../src/components/hr/row-words.ts';
import { activityIndex } from '../../src/domain/catalogue.ts';
import { checkFile, combine } from '../../src/domain/records/analyse.ts';
import { toCsv } from '../../src/domain/records/csv.ts';
import { itemRows } from '../../src/domain/records/item-rows.ts';
import { detailRows, summaryRows } from '../../src/domain/records/rows.ts';
import { zhCN } from '../../src/i18n/zh-CN.ts';
import { shippedCatalogue } from '../fixtures/catalogue.ts';
import { generatedRecord } from '../fixtures/records.ts';

export const HR_BUDGET_MS = 3000;

export interface HrBenchResult {
  records: number;
  attemptsPerRecord: number;
  inputMegabytes: number;
  /** Reading and re-scoring every file. */
  checkMs: number;
  /** Merging learners, summaries and statistics, item analysis included. */
  combineMs: number;
  summaryCsvMs: number;
  detailCsvMs: number;
  itemCsvMs: number;
  totalMs: number;
  /** CPU time the process spent: what the wall time would be on an otherwise idle machine. */
  cpuMs: number;
  summaryCsvBytes: number;
  detailCsvBytes: number;
  itemCsvBytes: number;
  budgetMs: number;
  withinBudget: boolean;
  /** The machine's one-minute load average when the run ended. */
  load: number;
}

export function hrBench(records = 2000, attemptsPerRecord = 40): HrBenchResult {
  const catalogue = shippedCatalogue();
  const texts = Array.from({ length: records }, (_, n) => JSON.stringify(generatedRecord(catalogue, n, attemptsPerRecord)));
  const words = rowWords(zhCN);
  const itemWords = itemRowWords(zhCN);
  const lap = (() => {
    let last = performance.now();
    return () => {
      const now = performance.now();
      const ms = now - last;
      last = now;
      return Math.round(ms);
    };
  })();

  const started = performance.now();
  const cpu = process.cpuUsage();
  lap();
  const index = activityIndex(catalogue);
  const checks = texts.map((text, i) => checkFile({ index: i, name: `completion-${i}.json` }, text, catalogue, index));
  const checkMs = lap();
  const analysis = combine(checks, catalogue);
  const combineMs = lap();
  const summary = toCsv(summaryRows(analysis.rows, words));
  const summaryCsvMs = lap();
  const detail = toCsv(detailRows(analysis.rows, catalogue, words));
  const detailCsvMs = lap();
  const items = toCsv(itemRows(analysis.stats.items, itemWords));
  const itemCsvMs = lap();
  const totalMs = Math.round(performance.now() - started);
  const used = process.cpuUsage(cpu);
  const cpuMs = Math.round((used.user + used.system) / 1000);

  if (analysis.rows.length !== records || analysis.files.some((f) => f.status !== 'verified')) {
    throw new Error('The generated records did not all verify: the benchmark measured the wrong thing.');
  }
  return {
    records,
    attemptsPerRecord,
    inputMegabytes: Math.round(texts.reduce((sum, t) => sum + t.length, 0) / 1e5) / 10,
    checkMs,
    combineMs,
    summaryCsvMs,
    detailCsvMs,
    itemCsvMs,
    totalMs,
    cpuMs,
    summaryCsvBytes: new TextEncoder().encode(summary).length,
    detailCsvBytes: new TextEncoder().encode(detail).length,
    itemCsvBytes: new TextEncoder().encode(items).length,
    budgetMs: HR_BUDGET_MS,
    withinBudget: totalMs < HR_BUDGET_MS,
    load: Math.round(loadavg()[0]! * 10) / 10,
  };
}

export function printHrBench(r: HrBenchResult): void {
  console.log(
    `\nHR records: ${r.records} × ${r.attemptsPerRecord} attempts (${r.inputMegabytes} MB) in ${(r.totalMs / 1000).toFixed(2)} s ` +
      `(read + re-score ${r.checkMs} ms, merge + statistics ${r.combineMs} ms, summary CSV ${r.summaryCsvMs} ms, detail CSV ${r.detailCsvMs} ms, item CSV ${r.itemCsvMs} ms); ` +
      `CPU ${(r.cpuMs / 1000).toFixed(2)} s, load ${r.load}; budget ${r.budgetMs / 1000} s: ${r.withinBudget ? 'within' : 'OVER'}`,
  );
}

if (import.meta.main) printHrBench(hrBench());
