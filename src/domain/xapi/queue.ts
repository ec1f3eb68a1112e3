import type { Statement } from './statements.ts';

/**
 * What has become of the statements sent to an LRS, and what to send next. The statements
 * themselves are derived from the progress log each time (`statementsOf`); only the LRS's answers
 * are kept, in a small ledger of ids, so the queue is "derived statements minus answered ids" and
 * a statement can be neither lost (it is in the log) nor sent as two (its id is its event's).
 */

/** Why an LRS refused a statement, as its answer said, and under which course version. */
export interface Refusal {
  status: number;
  reason: string;
  at: string;
  /** A refused statement is tried again only once the course changes (a fix may have shipped). */
  courseVersion: string;
}

export interface Ledger {
  /** Ids the LRS has stored (or already held). */
  acknowledged: string[];
  refused: Record<string, Refusal>;
}

export const emptyLedger = (): Ledger => ({ acknowledged: [], refused: {} });

/** Statements still to send: not acknowledged, and not refused under the course version now built. */
export function pendingStatements(statements: readonly Statement[], ledger: Ledger, courseVersion: string): Statement[] {
  const done = new Set(ledger.acknowledged);
  return statements.filter((s) => !done.has(s.id) && ledger.refused[s.id]?.courseVersion !== courseVersion);
}

/** How an LRS answered one statement (or failed to): an HTTP status, or no answer at all. */
export type LrsAnswer = { status: number; body?: string } | { failure: 'network' | 'timeout' };

export type Verdict = 'acknowledged' | 'refused' | 'retry';

/**
 * What an answer means for the statement:
 *   2xx                      stored (204 for PUT, 200 with its id for POST);
 *   409                      the LRS already holds a statement with this id: it was sent before;
 *   401, 403, 408, 429       about the key or the load, not the statement: try again later;
 *   any other 4xx            the statement itself is refused: keep the reason, stop sending it;
 *   5xx, no answer, timeout  try again later.
 */
export function classifyAnswer(answer: LrsAnswer): Verdict {
  if ('failure' in answer) return 'retry';
  const { status } = answer;
  if (status >= 200 && status < 300) return 'acknowledged';
  if (status === 409) return 'acknowledged';
  if ([401, 403, 408, 429].includes(status)) return 'retry';
  if (status >= 400 && status < 500) return 'refused';
  return 'retry';
}

/** The ledger after an answer for statement `id`. */
export function recordAnswer(ledger: Ledger, id: string, answer: LrsAnswer, at: string, courseVersion: string): Ledger {
  const verdict = classifyAnswer(answer);
  if (verdict === 'retry') return ledger;
  const { [id]: _earlier, ...refused } = ledger.refused;
  if (verdict === 'acknowledged') {
    return { acknowledged: ledger.acknowledged.includes(id) ? ledger.acknowledged : [...ledger.acknowledged, id], refused };
  }
  const status = 'status' in answer ? answer.status : 0;
  const reason = ('status' in answer && answer.body?.trim().slice(0, 300)) || `HTTP ${status}`;
  return { acknowledged: ledger.acknowledged, refused: { ...refused, [id]: { status, reason, at, courseVersion } } };
}

/** First wait after a failed send, and the longest: an LRS that is down is asked every 10 minutes at most. */
export const BACKOFF_FIRST_MS = 5_000;
export const BACKOFF_MAX_MS = 10 * 60_000;

/** How long to wait before trying again after `failures` failed sends in a row: doubling from 5 s, at most 10 minutes. */
export function backoffDelay(failures: number): number {
  if (failures <= 0) return 0;
  return Math.min(BACKOFF_MAX_MS, BACKOFF_FIRST_MS * 2 ** Math.min(failures - 1, 20));
}

/** Counts for the diagnostics panel. */
export interface QueueCounts {
  queued: number;
  sent: number;
  refused: number;
}

export function queueCounts(statements: readonly Statement[], ledger: Ledger, courseVersion: string): QueueCounts {
  const ids = new Set(statements.map((s) => s.id));
  return {
    queued: pendingStatements(statements, ledger, courseVersion).length,
    sent: ledger.acknowledged.filter((id) => ids.has(id)).length,
    refused: Object.entries(ledger.refused).filter(([id, r]) => ids.has(id) && r.courseVersion === courseVersion).length,
  };
}

/** Reads a stored ledger, keeping whatever of it is well formed; anything else starts empty (the LRS answers 409 for what it holds). */
export function parseLedger(text: string | null): Ledger {
  if (!text) return emptyLedger();
  try {
    const data = JSON.parse(text) as Partial<Ledger>;
    const acknowledged = Array.isArray(data.acknowledged) ? data.acknowledged.filter((id): id is string => typeof id === 'string') : [];
    const refused: Record<string, Refusal> = {};
    if (data.refused && typeof data.refused === 'object') {
      for (const [id, r] of Object.entries(data.refused)) {
        if (
          r &&
          typeof r.status === 'number' &&
          typeof r.reason === 'string' &&
          typeof r.at === 'string' &&
          typeof r.courseVersion === 'string'
        )
          refused[id] = { status: r.status, reason: r.reason, at: r.at, courseVersion: r.courseVersion };
      }
    }
    return { acknowledged, refused };
  } catch {
    return emptyLedger();
  }
}
