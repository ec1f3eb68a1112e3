import { atom } from 'nanostores';
import { backoffDelay, classifyAnswer, pendingStatements, queueCounts, recordAnswer, type QueueCounts } from '../../domain/xapi/queue.ts';
import { currentLearner } from '../../domain/progress/reducers.ts';
import { courseIriOf } from './lrs-config.ts';
import { statementsOf, type Statement } from '../../domain/xapi/statements.ts';
import { $progress, currentTime, ensureProgressStarted } from '../../stores/progress.ts';
import { localLedgerStorage, type LedgerStorage } from '../../stores/xapi-ledger.ts';
import type { LrsClient } from './lrs-client.ts';
import type { LrsConfig } from './lrs-config.ts';

/**
 * Sends the learner's statements to the LRS the course was built with, from every page: on load,
 * when the browser comes back online, after each new event, and again with back-off while the LRS
 * cannot be reached. Nothing is queued apart from the log: what to send is worked out from the log
 * and the ledger of answers each time, so a tab closed mid-send loses nothing and the next page
 * sends it. The LRS client (`lrs-client.ts`, with `@xapi/xapi`) loads only when something waits.
 */

export interface LrsStatus extends QueueCounts {
  /** What the LRS said when it last refused a statement (kept in the ledger, so it outlives the page). */
  refusal?: string;
  /** Why the last send did not get through (`offline`, `network`, `timeout`, `HTTP 503`…), until one does. */
  failure?: string;
  /** When the next try is due after a failure. */
  nextTryAt?: string;
  /** Whether the learner has given the employee id statements are filed under. */
  hasLearner: boolean;
}

export const $lrsStatus = atom<LrsStatus>({ queued: 0, sent: 0, refused: 0, hasLearner: false });

export interface SenderOptions {
  config: Pick<LrsConfig, 'endpoint' | 'auth' | 'courseIri'>;
  courseId: string;
  courseVersion: string;
  /** Injected in tests. */
  ledger?: LedgerStorage;
  client?: () => Promise<LrsClient>;
}

export function startSending(options: SenderOptions): () => void {
  ensureProgressStarted();
  const courseIri = courseIriOf(options.config, options.courseId);
  const ctx = { courseIri, courseVersion: options.courseVersion };
  const ledger = options.ledger ?? localLedgerStorage(options.config.endpoint, () => window.localStorage);
  const loadClient =
    options.client ??
    (async () => (await import('./lrs-client.ts')).lrsClient({ endpoint: options.config.endpoint, auth: options.config.auth }));
  let client: Promise<LrsClient> | undefined;
  let failures = 0;
  let sending = false;
  let again = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const derive = (): Statement[] => statementsOf($progress.get(), ctx);
  const report = (statements: readonly Statement[], trouble: Pick<LrsStatus, 'failure' | 'nextTryAt'> = {}) => {
    const answers = ledger.load();
    const latest = Object.values(answers.refused)
      .filter((r) => r.courseVersion === ctx.courseVersion)
      .sort((a, b) => (a.at < b.at ? 1 : -1))[0];
    $lrsStatus.set({
      ...queueCounts(statements, answers, ctx.courseVersion),
      ...(latest ? { refusal: `HTTP ${latest.status}: ${latest.reason}` } : {}),
      ...trouble,
      hasLearner: Boolean(currentLearner($progress.get().events)?.employeeId.trim()),
    });
  };

  const retryLater = (statements: readonly Statement[], failure: string) => {
    failures++;
    const delay = backoffDelay(failures);
    clearTimeout(timer);
    timer = setTimeout(() => void flush(), delay);
    report(statements, { failure, nextTryAt: new Date(Date.now() + delay).toISOString() });
  };

  async function flush(): Promise<void> {
    if (sending) {
      again = true;
      return;
    }
    const statements = derive();
    const queue = pendingStatements(statements, ledger.load(), ctx.courseVersion);
    report(statements);
    if (queue.length === 0) return;
    // Offline: the `online` event will call again; no point counting this as a failure.
    if (navigator.onLine === false) return report(statements, { failure: 'offline' });
    sending = true;
    try {
      client ??= loadClient();
      const lrs = await client.catch((error: unknown) => {
        client = undefined;
        throw error;
      });
      for (const statement of queue) {
        const answer = await lrs.send(statement);
        ledger.save(recordAnswer(ledger.load(), statement.id, answer, currentTime(), ctx.courseVersion));
        const verdict = classifyAnswer(answer);
        if (verdict === 'retry') {
          retryLater(statements, 'failure' in answer ? answer.failure : `HTTP ${answer.status}`);
          return;
        }
        failures = 0;
      }
      report(statements);
    } catch {
      retryLater(statements, 'network');
    } finally {
      sending = false;
      if (again) {
        again = false;
        void flush();
      }
    }
  }

  const onOnline = () => {
    failures = 0;
    void flush();
  };
  window.addEventListener('online', onOnline);
  // A new event (here or from another tab) may be a statement to send.
  const stopListening = $progress.listen(() => void flush());
  void flush();
  return () => {
    clearTimeout(timer);
    window.removeEventListener('online', onOnline);
    stopListening();
  };
}
