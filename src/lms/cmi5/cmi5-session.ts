import Cmi5 from '@xapi/cmi5';
import type { Catalogue } from '../../domain/catalogue.ts';
import { dueVerbs, type LaunchMode, type MoveOnVerb } from '../../domain/cmi5/move-on.ts';
import { CMI5_STATE_ID, emptyState, readState, stateDocument, type Cmi5State } from '../../domain/cmi5/saved-state.ts';
import { statementId, statementsOf, type Agent } from '../../domain/xapi/statements.ts';
import { definedStatement, withCmi5Context, type Cmi5Launch, type XapiAgent, type XapiStatement } from '../../domain/cmi5/statements.ts';
import { mergeLogs } from '../../domain/progress/merge.ts';
import { parseProgress } from '../../domain/progress/parse.ts';
import { courseReport } from '../../domain/scorm/report.ts';
import type { DraftStorage } from '../../stores/draft-storage.ts';
import { localDrafts, sweptDrafts } from '../../stores/draft-sweep.ts';
import { localProgressStorage, type ProgressStorage, type SaveOutcome } from '../../stores/progress-storage.ts';
import type { Diagnostics } from '../scorm/diagnostics.ts';
import type { FrameBridge } from '../scorm/frame-bridge.ts';
import type { NoticeState } from '../scorm/launch-shell.ts';
import { learnerCopy } from '../scorm/learner-copy.ts';
import { withLmsLearner } from '../scorm/lms-learner.ts';
import { BOOKMARK, HOME } from '../scorm/lms-session.ts';
import { Lrs, type Sent, type StateKey } from './lrs.ts';
import { randomUuid } from '../../domain/uuid.ts';

/**
 * The cmi5 launch page's side of a visit, as `LmsSession` is SCORM's: `@xapi/cmi5` reads the
 * launch parameters, takes the token from the one-time fetch URL, reads LMS.LaunchData and sends
 * `initialized`; then this session resumes the learner's progress from the State API joined with
 * this browser's copy (per LMS learner and registration), hands it to the course pages through
 * the frame bridge, and after every change sends the course's statements and the cmi5-defined
 * verbs that fell due (`dueVerbs`), saves the state, and on exit sends `terminated` last.
 *
 * Progress is saved in this browser first, so an LRS that is unreachable or refuses costs
 * nothing: what it did not take is sent by a later flush or the next launch.
 */

export type Cmi5Mode = 'local' | 'refused' | 'lms' | 'review';

export interface Cmi5SessionOptions {
  catalog: Catalogue;
  /** The launch page's URL: the launch parameters are in its query, the package root is the folder above it. */
  launchUrl: string;
  storage: () => Storage | undefined;
  diagnostics: Diagnostics;
}

/** Marks kept beside statement ids in the browser copy's list of what the LRS took. */
const MOVE_ON_MARK = 'cmi5:';

export class Cmi5Session implements Omit<FrameBridge, 'toggleDiagnostics'> {
  private mode: Cmi5Mode = 'local';
  private gone = false;
  private refusals = 0;
  private state: Cmi5State;
  private local: ProgressStorage | undefined;
  private copy: ReturnType<typeof learnerCopy> | undefined;
  private drafts: DraftStorage | undefined;
  private lrs: Lrs | undefined;
  private launch: Cmi5Launch | undefined;
  private launchMode: LaunchMode = 'Normal';
  private stateKey: StateKey | undefined;
  private initializedAt = Date.now();
  private returnUrl: string | undefined;
  /** Statements the LRS refused: not sent again this session. */
  private readonly refused = new Set<string>();
  /** cmi5-defined verbs in a request not yet answered, so a closing flush does not send them twice. */
  private readonly sending = new Set<MoveOnVerb>();
  /** cmi5-defined verbs the LRS took in this session. */
  private readonly sentThisSession = new Set<MoveOnVerb>();
  private chain: Promise<unknown> = Promise.resolve();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private ended = false;
  private readonly root: string;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly options: Cmi5SessionOptions) {
    this.state = emptyState(options.catalog.course.id);
    this.root = new URL('../', options.launchUrl).href;
  }

  /** Opens the session. Returns the page to show first, relative to the package root. */
  async start(): Promise<string> {
    const { diagnostics, catalog } = this.options;
    const query = new URL(this.options.launchUrl).searchParams;
    if (!['endpoint', 'fetch', 'actor', 'registration', 'activityId'].every((name) => query.get(name))) {
      diagnostics.note('no cmi5 launch parameters in the URL: the course runs in local mode');
      return this.startLocal('local');
    }
    let cmi5: Cmi5;
    try {
      cmi5 = new Cmi5();
      diagnostics.call('fetch URL → auth token; GET LMS.LaunchData; POST initialized');
      await cmi5.initialize();
    } catch (error) {
      diagnostics.error(`the LMS did not start a cmi5 session (${String(error)}): the course runs in local mode and nothing is sent`);
      return this.startLocal('refused');
    }
    const params = cmi5.getLaunchParameters();
    const data = cmi5.getLaunchData();
    const actor = (typeof params.actor === 'string' ? JSON.parse(params.actor) : params.actor) as XapiAgent;
    this.initializedAt = cmi5.getInitializedDate().getTime();
    this.launchMode = data.launchMode;
    this.returnUrl = data.returnURL;
    this.launch = {
      actor,
      registration: params.registration,
      activityId: params.activityId,
      contextTemplate: (data.contextTemplate ?? {}) as Record<string, unknown>,
      ...(typeof data.masteryScore === 'number' ? { masteryScore: data.masteryScore } : {}),
    };
    this.mode = data.launchMode === 'Normal' ? 'lms' : 'review';
    diagnostics.note(
      `cmi5 session: registration ${params.registration}, launch mode ${data.launchMode}, moveOn ${data.moveOn}` +
        (data.masteryScore === undefined ? '' : `, mastery score ${data.masteryScore}`),
    );
    this.lrs = new Lrs(params.endpoint, cmi5.getAuthToken(), diagnostics);
    this.stateKey = { activityId: params.activityId, agent: actor, registration: params.registration, stateId: CMI5_STATE_ID };

    const learnerId = actor.account?.name ?? actor.mbox ?? '';
    this.copy = learnerCopy(this.options.storage, catalog.course.id, learnerId, params.registration);
    this.drafts = sweptDrafts(this.options.storage, `${this.copy.key}:draft:`);
    const kept = this.copy.load();
    if (kept.problem) diagnostics.error(`this browser's copy for the learner: ${kept.problem}`);
    const fetched = await this.lrs.getState(this.stateKey);
    if (!fetched.ok) this.gone = true;
    const saved = readState(fetched.value, catalog.course.id);
    if (saved.problem) diagnostics.error(`the LMS's saved state: ${saved.problem}`);
    const marks = kept.reported.filter((k) => k.startsWith(MOVE_ON_MARK)).map((k) => k.slice(MOVE_ON_MARK.length) as MoveOnVerb);
    this.state = {
      progress: withLmsLearner(mergeLogs(kept.log, saved.state.progress), learnerId, actor.name ?? '', {
        id: randomUuid(),
        at: new Date().toISOString(),
      }),
      moveOn: [...new Set([...saved.state.moveOn, ...marks])],
      sent: [...new Set([...saved.state.sent, ...kept.reported.filter((k) => !k.startsWith(MOVE_ON_MARK))])],
      ...(saved.state.location ? { location: saved.state.location } : {}),
    };
    diagnostics.note(`${this.state.progress.events.length} events after joining the LMS's saved state and this browser's copy`);
    this.saveCopy();
    this.scheduleFlush();
    this.notify();
    return this.state.location && BOOKMARK.test(this.state.location) ? this.state.location : HOME;
  }

  private startLocal(mode: Cmi5Mode): string {
    this.mode = mode;
    this.local = localProgressStorage(this.options.storage);
    this.drafts = localDrafts(this.options.storage, this.options.catalog.course.id);
    const loaded = this.local.load(this.options.catalog.course.id);
    if (loaded.kind === 'loaded') this.state = { ...this.state, progress: loaded.log };
    this.notify();
    return HOME;
  }

  noticeState(): NoticeState {
    if (this.mode === 'refused') return 'refused';
    if (this.gone) return 'gone';
    return this.refusals > 0 ? 'refusals' : 'ok';
  }

  status() {
    return { mode: this.mode, gone: this.gone, refusals: this.refusals };
  }

  keptBy(): 'lms' | 'browser' {
    return (this.mode === 'lms' || this.mode === 'review') && !this.gone ? 'lms' : 'browser';
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }

  read(): string {
    return JSON.stringify(this.state.progress);
  }

  write(text: string): SaveOutcome {
    const parsed = parseProgress(text, this.options.catalog.course.id);
    if (!parsed.ok) {
      this.options.diagnostics.error(`a course page sent a progress log that could not be read (${parsed.reason}); ignored`);
      return 'unavailable';
    }
    this.state = { ...this.state, progress: parsed.log };
    if (this.local) return this.local.save(parsed.log);
    const saved = this.saveCopy();
    this.scheduleFlush();
    return saved === 'saved' || !this.gone ? 'saved' : saved;
  }

  readDraft(activityId: string): string | null {
    return this.drafts?.read(activityId) ?? null;
  }

  writeDraft(activityId: string, text: string | null): void {
    this.drafts?.write(activityId, text);
  }

  clearDrafts(): void {
    this.drafts?.clear();
  }

  visit(href: string): void {
    if (!href.startsWith(this.root)) return;
    const path = href.slice(this.root.length).replace(/\?.*?(?=#|$)/, '');
    if (BOOKMARK.test(path)) this.state = { ...this.state, location: path };
  }

  /** The learner pressed 退出: everything due, then `terminated`. Returns where to go next, and whether the LRS took it all. */
  async exit(): Promise<{ returnUrl?: string; complete: boolean }> {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.ended = true;
    const done = this.lrs ? await this.enqueue(() => this.flush(false, true)) : true;
    this.notify();
    return { ...(this.returnUrl ? { returnUrl: this.returnUrl } : {}), complete: done };
  }

  /** The tab was hidden: the learner may not come back (a phone may close it unannounced), so what waits goes now. */
  hidden(): void {
    if (this.timer === undefined || this.ended) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    void this.enqueue(() => this.flush(false, false));
  }

  /** The window is going away without 退出: one last request for everything, `terminated` last. */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
    if (this.lrs) void this.flush(true, true);
    this.saveCopy();
  }

  private scheduleFlush(): void {
    if (!this.lrs || this.ended) return;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.enqueue(() => this.flush(false, false));
    }, 300);
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const next = this.chain.then(task);
    this.chain = next.catch(() => undefined);
    return next;
  }

  /** The statements not yet taken, in the order the log has them. */
  private pendingStatements(launch: Cmi5Launch): XapiStatement[] {
    if (this.launchMode !== 'Normal') return [];
    const { catalog } = this.options;
    const sent = new Set(this.state.sent);
    const titles = new Map([...catalog.map.lessons, ...catalog.activities].map((x) => [x.id, x.title]));
    return statementsOf(this.state.progress, {
      courseIri: launch.activityId,
      courseVersion: catalog.course.contentVersion,
      actor: launch.actor as Agent,
      titles,
    })
      .map((s) => s as unknown as XapiStatement)
      .filter((s) => !sent.has(s.id) && !this.refused.has(s.id))
      .map((s) => withCmi5Context(s, launch));
  }

  /** Sends what is due (and `terminated` when `terminate`), then saves the state. Whether everything was taken. */
  private async flush(closing: boolean, terminate: boolean): Promise<boolean> {
    const lrs = this.lrs;
    const launch = this.launch;
    if (!lrs || !launch || !this.stateKey) return false;
    const report = courseReport(this.options.catalog, this.state.progress.events);
    const sentVerbs = [...this.state.moveOn, ...this.sending];
    const rules = { launchMode: this.launchMode, ...(launch.masteryScore === undefined ? {} : { masteryScore: launch.masteryScore }) };
    const verbs = dueVerbs(report, rules, sentVerbs, [...this.sentThisSession, ...this.sending]);
    const at = new Date();
    const defined = [...verbs, ...(terminate ? (['terminated'] as const) : [])].map((verb) =>
      definedStatement(
        {
          // One id per registration and verb: if a closing window's request went through unseen,
          // the next launch sends the same id again and the LRS keeps only one (409, taken).
          id: verb === 'terminated' ? randomUuid() : statementId(`cmi5:${launch.registration}:${verb}`),
          verb,
          at: at.toISOString(),
          sessionMs: at.getTime() - this.initializedAt,
          ...(report.score === undefined ? {} : { score: report.score }),
        },
        launch,
      ),
    );
    const statements = [...this.pendingStatements(launch), ...defined];
    for (const verb of verbs) this.sending.add(verb);
    // A closing page runs no code after its first wait: both requests must start now, the
    // statements first, so that `terminated` has the browser's keepalive allowance before the
    // state document (which can be large, and is in this browser's copy anyway).
    const sending = lrs.send(statements, closing);
    const closingSave = closing ? lrs.putState(this.stateKey, stateDocument(this.state), true) : undefined;
    let outcome: Sent = await sending;
    if ((outcome === 'refused' || outcome === 'conflict') && statements.length > 1 && !closing) {
      // One statement the LRS will not take must not hold back the others: each goes alone, in order.
      outcome = 'taken';
      for (const statement of statements) {
        const alone = await lrs.send([statement]);
        if (alone === 'refused') {
          this.refused.add(statement.id);
          this.refusals++;
        } else if (alone === 'unreachable') outcome = 'unreachable';
        // Alone, a conflict means the LRS already holds a statement under this id: an earlier send of it.
        else this.markTaken([statement], verbs);
      }
    } else if (outcome === 'taken' || (outcome === 'conflict' && statements.length === 1)) {
      outcome = 'taken';
      this.markTaken(statements, verbs);
    } else if (outcome !== 'unreachable') {
      this.refusals++;
    }
    for (const verb of verbs) this.sending.delete(verb);
    this.gone = outcome === 'unreachable';
    const saved = await (closingSave ?? lrs.putState(this.stateKey, stateDocument(this.state)));
    if (saved === 'unreachable') this.gone = true;
    this.saveCopy();
    this.notify();
    return outcome === 'taken' && saved === 'taken';
  }

  private markTaken(statements: readonly XapiStatement[], verbs: readonly MoveOnVerb[]): void {
    // The cmi5-defined statements are about the AU itself; the course's are about its lessons and activities.
    const isDefined = (s: XapiStatement) => s.object.id === this.launch?.activityId;
    const verbsTaken = new Set(statements.filter(isDefined).map((s) => s.verb.id.split('/').at(-1)));
    for (const verb of verbs) if (verbsTaken.has(verb)) this.sentThisSession.add(verb);
    this.state = {
      ...this.state,
      moveOn: [...new Set([...this.state.moveOn, ...verbs.filter((v) => verbsTaken.has(v))])],
      sent: [...new Set([...this.state.sent, ...statements.filter((s) => !isDefined(s)).map((s) => s.id)])],
    };
  }

  private saveCopy(): SaveOutcome {
    if (!this.copy) return 'unavailable';
    return this.copy.save(this.state.progress, [...this.state.sent, ...this.state.moveOn.map((v) => `${MOVE_ON_MARK}${v}`)]);
  }
}
