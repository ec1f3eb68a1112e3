// The HR page reading an LRS at scale: 10,000 learners × 40 attempts (and their lessons), served in
// pages by a stand-in LRS on 127.0.0.1, read, re-scored and drawn by the built /hr/ page in
// Chromium — the time from pressing 读取记录 to the learners table, and the longest task the page's
// own thread ran meanwhile (the reading happens in the HR worker; the page must stay responsive);
// then, as the floor under that time, the same browser only receiving the same pages as text.
// The stand-in serves what an LRS answers to `GET statements?activity=…&related_activities=true`
// and its `more` links; its statements are made from 100 generated learners' records
// (tests/fixtures/statements.ts, the documented shape), each reused under 100 employee ids.
import { createServer, type Server } from 'node:http';
import type { Browser } from '@playwright/test';
import { shippedCatalogue } from '../fixtures/catalogue.ts';
import { generatedRecord } from '../fixtures/records.ts';
import { recordStatements } from '../fixtures/statements.ts';

export const LRS_BUDGET_MS = 30_000;
const TEMPLATES = 100;
const PER_PAGE = 10;
const ID = '@@ID@@';
/** The read-only key the bench types into /hr/ (hr / read), as the stand-in expects it. */
const AUTH = 'Basic aHI6cmVhZA==';

export interface LrsBenchResult {
  learners: number;
  attemptsPerLearner: number;
  statements: number;
  megabytes: number;
  pages: number;
  /** Pressing 读取记录 to the learners table drawn. */
  totalMs: number;
  /** The longest task on the page's main thread meanwhile. */
  longestTaskMs: number;
  /** The same pages only received by the same browser (read as text, nothing else done): the floor under totalMs. */
  receiveMs: number;
  budgetMs: number;
  withinBudget: boolean;
}

/** Each template learner's statements as JSON, with the learner's number left as a placeholder. */
function templates(iri: string, attempts: number): { texts: string[]; counts: number[] } {
  const catalogue = shippedCatalogue();
  const texts: string[] = [];
  const counts: number[] = [];
  for (let t = 0; t < TEMPLATES; t++) {
    const record = generatedRecord(catalogue, t, attempts);
    record.learner = { name: `学员${ID}`, employeeId: `E${ID}`, department: record.learner.department };
    const statements = recordStatements(record, iri).map((s, i) => ({ ...s, id: `${ID}-${i}` }));
    texts.push(statements.map((s) => JSON.stringify(s)).join(','));
    counts.push(statements.length);
  }
  return { texts, counts };
}

/** A stand-in LRS on 127.0.0.1 that serves `learners` learners' statements, PER_PAGE learners a page. */
export async function startStandInLrs(iri: string, learners: number, attempts: number) {
  const { texts, counts } = templates(iri, attempts);
  const pages = Math.ceil(learners / PER_PAGE);
  let bytes = 0;
  let statements = 0;
  const page = (k: number): string => {
    const parts: string[] = [];
    for (let n = k * PER_PAGE; n < Math.min(learners, (k + 1) * PER_PAGE); n++) {
      parts.push(texts[n % TEMPLATES]!.replaceAll(ID, String(n).padStart(5, '0')));
      statements += counts[n % TEMPLATES]!;
    }
    const more = k + 1 < pages ? `/xapi/statements?more=${k + 1}` : '';
    const body = `{"statements":[${parts.join(',')}],"more":"${more}"}`;
    bytes += body.length;
    return body;
  };
  const server: Server = createServer((req, res) => {
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Allow-Headers', 'Authorization, X-Experience-API-Version, Content-Type');
    res.setHeader('Access-Control-Expose-Headers', 'X-Experience-API-Version');
    if (req.method === 'OPTIONS') {
      res.writeHead(204).end();
      return;
    }
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== '/xapi/statements' || req.headers.authorization !== AUTH) {
      res.writeHead(401).end();
      return;
    }
    const k = Number(url.searchParams.get('more') ?? 0);
    res.writeHead(200, { 'Content-Type': 'application/json', 'X-Experience-API-Version': '1.0.3' }).end(page(k));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    endpoint: `http://127.0.0.1:${port}/xapi/`,
    pages,
    served: () => ({ bytes, statements }),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Runs in the page: every page of the stand-in fetched and read as text, one after another, and nothing more. */
async function receiveAll({ endpoint, auth }: { endpoint: string; auth: string }): Promise<number> {
  const started = performance.now();
  let url = `${endpoint}statements?limit=1000`;
  for (;;) {
    const response = await fetch(url, { headers: { Authorization: auth }, credentials: 'omit' });
    const more = /"more":"([^"]*)"}$/.exec(await response.text())?.[1];
    if (!more) return performance.now() - started;
    url = new URL(more, endpoint).href;
  }
}

export async function lrsBench(
  browser: Browser,
  hrUrl: string,
  courseIri: string,
  learners = 10_000,
  attempts = 40,
): Promise<LrsBenchResult> {
  const lrs = await startStandInLrs(courseIri, learners, attempts);
  try {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(hrUrl);
    await page.evaluate(() => {
      const w = window as unknown as { longest: number };
      w.longest = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) w.longest = Math.max(w.longest, entry.duration);
      }).observe({ type: 'longtask' });
    });
    await page.getByLabel('LRS 地址（xAPI endpoint）').fill(lrs.endpoint);
    await page.getByLabel('密钥（用户名）').fill('hr');
    await page.getByLabel('密码').fill('read');
    // Enabled once the page has hydrated and its worker has the catalogue.
    const read = page.getByRole('button', { name: '读取记录', disabled: false });
    await read.waitFor();
    const started = performance.now();
    await read.click();
    await page.getByText(/已从 LRS 读取 [\d,]+ 条记录，共 \d+ 名学员/).waitFor({ timeout: 300_000 });
    await page.getByRole('region', { name: '学员列表' }).waitFor();
    const totalMs = Math.round(performance.now() - started);
    const longestTaskMs = Math.round(await page.evaluate(() => (window as unknown as { longest: number }).longest));
    const shown = await page
      .getByText(/共 \d+ 名学员/)
      .first()
      .textContent();
    const { bytes, statements } = lrs.served();
    const receiveMs = Math.round(await page.evaluate(receiveAll, { endpoint: lrs.endpoint, auth: AUTH }));
    await context.close();
    if (!shown?.includes(`共 ${learners} 名学员`)) throw new Error(`The HR page found the wrong number of learners: ${shown}`);
    return {
      learners,
      attemptsPerLearner: attempts,
      statements,
      megabytes: Math.round(bytes / 1e5) / 10,
      pages: lrs.pages,
      totalMs,
      longestTaskMs,
      receiveMs,
      budgetMs: LRS_BUDGET_MS,
      withinBudget: totalMs < LRS_BUDGET_MS,
    };
  } finally {
    await lrs.stop();
  }
}

export function printLrsBench(r: LrsBenchResult): void {
  console.log(
    `\nHR from an LRS: ${r.learners} learners × ${r.attemptsPerLearner} attempts (${r.statements} statements, ${r.megabytes} MB in ${r.pages} pages) ` +
      `read, re-scored and drawn in ${(r.totalMs / 1000).toFixed(1)} s; longest task on the page's thread ${r.longestTaskMs} ms; ` +
      `the same browser only receiving those pages takes ${(r.receiveMs / 1000).toFixed(1)} s; ` +
      `budget ${r.budgetMs / 1000} s: ${r.withinBudget ? 'within' : 'OVER'}`,
  );
}
