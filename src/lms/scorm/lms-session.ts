import { emptyLog, type ProgressLog } from '../../domain/progress/events.ts';
import { parseProgress } from '../../domain/progress/parse.ts';
import type { Catalogue } from '../../domain/catalogue.ts';
import { displayName, type ScormVersion } from '../../domain/scorm/cmi.ts';
import { attemptToken, chooseAttempt, mergeResumed } from '../../domain/scorm/resume.ts';
import type { DraftStorage } from '../../stores/draft-storage.ts';
import { localDrafts, sweptDrafts } from '../../stores/draft-sweep.ts';
import { localProgressStorage, type ProgressStorage, type SaveOutcome } from '../../stores/progress-storage.ts';
import { findLmsApi, type WindowLike } from './api-discovery.ts';
import type { Diagnostics } from './diagnostics.ts';
import type { FrameBridge } from './frame-bridge.ts';
import { latestAttempt, learnerCopy } from './learner-copy.ts';
import { withLmsLearner } from './lms-learner.ts';
import { LmsConnection } from './lms-connection.ts';
import { ScormReporter } from './reporter.ts';
import { randomUuid } from '../../domain/uuid.ts';

/**
 * The launch page's side of an LMS visit: finds the LMS, opens the session, joins the LMS's
 * copy of the progress with this browser's, hands the course pages their log (as a
 * `FrameBridge`) and reports every change. Without an LMS, or with one that refuses to start,
 * the course runs as the website does, on this browser's storage alone.
 *
 * The learner's progress is always written to this browser first and to the LMS second, so an
 * LMS that refuses or disappears costs nothing that the next launch cannot send again.
 */

export type SessionMode =
  /** No LMS API was found: the website's own local mode. */
  | 'local'
  /** The LMS is there but refused to start a session: local mode, with the reason logged. */
  | 'refused'
  | 'lms'
  /** The LMS shows a finished attempt for review: nothing is reported. */
  | 'review';

export interface SessionOptions {
  catalog: Catalogue;
  /** The package's SCORM version, looked for first. */
  version: ScormVersion;
  /** The launch page's window, where the API search starts. */
  self: WindowLike;
  /** The launch page's URL; the package root is the folder above it. */
  launchUrl: string;
  storage: () => Storage | undefined;
  diagnostics: Diagnostics;
  /** Runs `fn` soon, after the course page's current task (tests run it at once). */
  schedule?: (fn: () => void) => void;
  newId?: () => string;
  now?: () => number;
  /** Random bytes for attempt tokens (tests inject them). */
  random?: (n: number) => Uint8Array;
}

export interface SessionStatus {
  mode: SessionMode;
  /** The LMS stopped answering during the session. */
  gone: boolean;
  /** Values and commits the LMS refused this session. */
  refusals: number;
}

/** Where the course opens when there is no bookmark. */
export const HOME = 'index.html';
/**
 * A bookmark is a page of the package: a relative path to an .html file, optionally with an
 * anchor; not the launch page itself, and not a trainer's slide deck (a learner resumes learning).
 */
export const BOOKMARK = /^(?!scorm\/|cmi5\/|present\/)(?:[a-z0-9_-]+\/)*[a-z0-9_-]+\.html(?:#[\w-]*)?$/i;

export class LmsSession implements Omit<FrameBridge, 'toggleDiagnostics'> {
  private mode: SessionMode = 'local';
  private reporter: ScormReporter | undefined;
  private connection: LmsConnection | undefined;
  private log: ProgressLog;
  private local: ProgressStorage | undefined;
  private copy: ReturnType<typeof learnerCopy> | undefined;
  /** Drafts: this learner's, beside their copy of the log; in local mode, the website's. */
  private drafts: DraftStorage | undefined;
  private pending = false;
  private ended = false;
  private significant = false;
  private lastCopyOutcome: SaveOutcome = 'saved';
  private readonly root: string;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly options: SessionOptions) {
    this.log = emptyLog(options.catalog.course.id);
    this.root = new URL('../', options.launchUrl).href;
  }

  /** Opens the session. Returns the page to show first, relative to the package root. */
  start(): string {
    const { catalog, diagnostics, version, self, storage } = this.options;
    const found = findLmsApi(self, version);
    if (!found) {
      diagnostics.note('no LMS API found (window.API / window.API_1484_11 in parent frames or opener): the course runs in local mode');
      return this.startLocal('local');
    }
    diagnostics.note(`SCORM ${found.version} API found on ${found.where}`);
    this.connection = new LmsConnection(found.version, found.api, diagnostics);
    this.reporter = new ScormReporter({
      catalog,
      connection: this.connection,
      diagnostics,
      ...(this.options.now ? { now: this.options.now } : {}),
    });
    const launch = this.reporter.open();
    if (!launch) {
      diagnostics.error('the LMS did not start a session: the course runs in local mode and nothing is reported');
      return this.startLocal('refused');
    }
    this.mode = launch.review ? 'review' : 'lms';
    // Which attempt this is decides which browser copy may join the LMS's (see domain/scorm/resume.ts).
    const choice = chooseAttempt(launch.entry, launch.attempt);
    const newToken = () => attemptToken(this.options.random ?? ((n) => crypto.getRandomValues(new Uint8Array(n))));
    const latest = choice.kind === 'untagged' ? latestAttempt(storage, catalog.course.id, launch.learnerId) : '';
    const token = choice.kind === 'same' ? choice.token : latest || newToken();
    const source =
      choice.kind === 'new'
        ? undefined
        : learnerCopy(storage, catalog.course.id, launch.learnerId, choice.kind === 'same' ? token : latest);
    this.copy = learnerCopy(storage, catalog.course.id, launch.learnerId, token);
    this.drafts = sweptDrafts(storage, `${this.copy.key}:draft:`);
    this.reporter.setAttempt(token);
    const kept = source ? source.load() : { log: emptyLog(catalog.course.id), reported: [] };
    if (kept.problem) diagnostics.error(`this browser's copy for the learner: ${kept.problem}`);
    diagnostics.note(
      choice.kind === 'new'
        ? `the LMS starts this attempt afresh (entry ${JSON.stringify(launch.entry)}): attempt ${token}, this browser's copies of other attempts are left aside`
        : `attempt ${token}${choice.kind === 'untagged' ? " (the LMS copy has no attempt tag: this browser's latest copy joins it)" : ''}`,
    );
    this.reporter.markReported(kept.reported);
    this.log = launch.resumed?.ok ? mergeResumed(kept.log, launch.resumed) : kept.log;
    this.log = this.withLmsLearner(this.log, launch.learnerId, launch.learnerName);
    diagnostics.note(
      `learner ${JSON.stringify(launch.learnerId)}; ${this.log.events.length} events after joining the LMS copy and this browser's`,
    );
    this.saveCopy();
    this.reporter.report(this.log);
    this.reporter.commit();
    this.notify();
    return BOOKMARK.test(launch.location) ? launch.location : HOME;
  }

  private startLocal(mode: SessionMode): string {
    this.mode = mode;
    this.local = localProgressStorage(this.options.storage);
    this.drafts = localDrafts(this.options.storage, this.options.catalog.course.id);
    const loaded = this.local.load(this.options.catalog.course.id);
    if (loaded.kind === 'loaded') this.log = loaded.log;
    this.notify();
    return HOME;
  }

  private withLmsLearner(log: ProgressLog, id: string, lmsName: string): ProgressLog {
    return withLmsLearner(log, id, displayName(lmsName), {
      id: this.options.newId?.() ?? randomUuid(),
      at: new Date(this.options.now?.() ?? Date.now()).toISOString(),
    });
  }

  status(): SessionStatus {
    return { mode: this.mode, gone: this.connection?.state === 'gone', refusals: this.connection?.refusals ?? 0 };
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }

  read(): string {
    return JSON.stringify(this.log);
  }

  write(text: string): SaveOutcome {
    const parsed = parseProgress(text, this.options.catalog.course.id);
    if (!parsed.ok) {
      this.options.diagnostics.error(`a course page sent a progress log that could not be read (${parsed.reason}); ignored`);
      return 'unavailable';
    }
    const known = new Set(this.log.events.map((e) => e.id));
    const added = parsed.log.events.some((e) => !known.has(e.id)) || parsed.log.resetAt !== this.log.resetAt;
    this.log = parsed.log;
    if (this.local) return this.local.save(this.log);
    const saved = this.saveCopy();
    this.significant ||= added;
    this.scheduleReport();
    // Kept beyond this tab if this browser saved it, or if the LMS is there to receive it.
    return saved === 'saved' || this.connection?.usable ? 'saved' : saved;
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
    if (BOOKMARK.test(path)) this.reporter?.setLocation(path);
  }

  /** The tab was hidden: the learner may not come back, so everything is committed now. */
  hidden(): void {
    // A task later: when the page is hidden because it is going away, `end` comes first and its
    // one closing save carries everything. LMSs that post saves on exit as beacons (Moodle) share
    // 64 KB among them, so a commit just before the closing save would crowd it out.
    (this.options.schedule ?? ((fn) => setTimeout(fn, 0)))(() => {
      if (!this.ended) this.flush(true);
    });
  }

  /** The launch page is going away: report and finish the session (finishing saves everything). */
  end(): void {
    this.ended = true;
    this.flush(false);
    this.reporter?.close();
    this.saveCopy();
    this.notify();
  }

  private scheduleReport(): void {
    if (this.pending) return;
    this.pending = true;
    (this.options.schedule ?? ((fn) => setTimeout(fn, 0)))(() => this.flush(false));
  }

  private flush(forceCommit: boolean): void {
    const reporter = this.reporter;
    if (!reporter) return;
    const commit = forceCommit || this.significant;
    this.pending = false;
    this.significant = false;
    reporter.report(this.log);
    this.saveCopy();
    if (commit) reporter.commit();
    this.notify();
  }

  private saveCopy(): SaveOutcome {
    if (!this.copy) return 'unavailable';
    const outcome = this.copy.save(this.log, this.reporter?.reportedKeys() ?? []);
    if (outcome !== this.lastCopyOutcome) {
      if (outcome === 'saved') this.options.diagnostics.note("this browser's copy is saved again");
      else this.options.diagnostics.error(`this browser could not save its copy (${outcome}); until it can, the LMS copy is the only one`);
    }
    this.lastCopyOutcome = outcome;
    return outcome;
  }
}
