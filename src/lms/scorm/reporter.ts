import type { ProgressLog } from '../../domain/progress/events.ts';
import { catalogueActivity, type Catalogue } from '../../domain/catalogue.ts';
import { CMI, forwardOnly, timespan12, timespan2004 } from '../../domain/scorm/cmi.ts';
import { fitSuspendData, TRIM_STEPS } from '../../domain/scorm/fit-suspend-data.ts';
import {
  attemptInteractions,
  INTERACTION_BUDGET,
  interactionValues,
  postedBytes,
  POSTED_INTERACTION_ESTIMATE,
} from '../../domain/scorm/interactions.ts';
import { courseReport } from '../../domain/scorm/report.ts';
import { ATTEMPT_TAG_LENGTH, sameAs, tagSuspendData, untagSuspendData } from '../../domain/scorm/resume.ts';
import { decodeSuspendData, SCORM12_SUSPEND_LIMIT, SCORM2004_SUSPEND_LIMIT, type DecodeResult } from '../../domain/scorm/suspend-data.ts';
import type { Diagnostics } from './diagnostics.ts';
import type { LmsConnection } from './lms-connection.ts';

/** What the LMS holds for this learner when the course opens. */
export interface LaunchData {
  learnerId: string;
  learnerName: string;
  /** The bookmark, as the course last set it (a path inside the package), or empty. */
  location: string;
  /** `cmi.core.entry` / `cmi.entry`: `ab-initio` when the LMS starts the attempt afresh, else `resume` or empty. */
  entry: string;
  /** The attempt token the LMS's suspend data is tagged with (see domain/scorm/resume.ts), if any. */
  attempt?: string;
  /** The suspend data, decoded; undefined when there was none. */
  resumed?: DecodeResult;
  /** Review mode: the LMS shows a finished attempt and accepts no changes. */
  review: boolean;
}

export interface ReporterOptions {
  catalog: Catalogue;
  connection: LmsConnection;
  diagnostics: Diagnostics;
  /** Milliseconds since the epoch; injected in tests. */
  now?: () => number;
  /** The learner's time zone, as `Date#getTimezoneOffset`, for SCORM 1.2 interaction times. */
  offsetMinutes?: number;
}

/**
 * Reports the progress log to the LMS in its data model: status, score, bookmark, suspend data,
 * interactions, session time. Knows nothing of pages or storage; the launch page feeds it the
 * log and tells it when to commit. Every LMS call goes through `LmsConnection`, so refusals and
 * a vanished LMS are logged and survived.
 */
export class ScormReporter {
  private readonly names;
  private readonly started: number;
  private readonly now: () => number;
  private readonly reported: Set<string>;
  private held = { lesson: '', completion: '', success: '' };
  private nextInteraction = 0;
  /** The LMS refused an interaction: the rest wait for the next launch rather than fail one by one. */
  private interactionsStopped = false;
  private lastSuspend = '';
  private lastLocation = '';
  private review = false;
  /** Values the LMS has accepted, so an unchanged value is not sent again. */
  private sent = new Map<string, string>();
  /** The attempt token the suspend data is tagged with ('' until the session sets it). */
  private attempt = '';
  /** SCORM 2004: estimated bytes of the interactions the LMS holds for this attempt (see INTERACTION_BUDGET). */
  private interactionBytes = 0;
  private budgetNoted = false;

  constructor(private readonly options: ReporterOptions) {
    this.names = CMI[options.connection.version];
    this.now = options.now ?? Date.now;
    this.started = this.now();
    this.reported = new Set();
  }

  get version() {
    return this.options.connection.version;
  }

  /** Attempts sent as interactions so far (including earlier sessions), to remember across launches. */
  reportedKeys(): string[] {
    return [...this.reported];
  }

  /** Attempts this browser remembers sending in an earlier session (its own record, beside the LMS's). */
  markReported(keys: Iterable<string>): void {
    for (const key of keys) this.reported.add(key);
  }

  /** Initialises the session and reads what the LMS holds. Undefined if the LMS refused to start. */
  open(): LaunchData | undefined {
    const { connection, catalog, diagnostics } = this.options;
    if (!connection.initialize()) return undefined;
    const get = (element: string) => connection.get(element) ?? '';
    const is12 = this.version === '1.2';
    this.review = get(this.names.mode) === 'review';
    this.held = is12
      ? { lesson: get('cmi.core.lesson_status'), completion: '', success: '' }
      : { lesson: '', completion: get('cmi.completion_status'), success: get('cmi.success_status') };
    const count = Number.parseInt(get(this.names.interactionCount), 10);
    this.nextInteraction = Number.isFinite(count) && count > 0 ? count : 0;
    this.interactionBytes = this.nextInteraction * POSTED_INTERACTION_ESTIMATE;
    const entry = get(this.names.entry);
    const stored = get(this.names.suspendData);
    this.lastSuspend = stored;
    const { token, text: suspend } = untagSuspendData(stored);
    const resumed = suspend === '' ? undefined : decodeSuspendData(catalog, suspend);
    if (resumed && !resumed.ok) {
      diagnostics.error(`suspend data from the LMS could not be read (${resumed.reason}); the copy in this browser is used`);
    } else if (resumed?.ok) {
      diagnostics.note(
        `suspend data read: ${resumed.events.length} events${resumed.trimmed ? ' (cut down to fit when it was saved)' : ''}${
          resumed.answersDropped > 0 ? `; answers of ${resumed.answersDropped} attempts left out (the activities changed since)` : ''
        }`,
      );
      // What the LMS already holds was reported by the session that saved it, unless marked as not yet sent.
      const unsent = new Set(resumed.unreported);
      for (const e of resumed.events) if (e.type === 'attempt' && !unsent.has(e.id)) this.reported.add(sameAs(e));
    }
    if (this.review) diagnostics.note('review mode: nothing is reported to the LMS');
    this.lastLocation = get(this.names.location);
    return {
      learnerId: get(this.names.learnerId),
      learnerName: get(this.names.learnerName),
      location: this.lastLocation,
      entry,
      ...(token ? { attempt: token } : {}),
      ...(resumed ? { resumed } : {}),
      review: this.review,
    };
  }

  /** The attempt this session reports to: its token tags every suspend data saved from now on. */
  setAttempt(token: string): void {
    this.attempt = token;
  }

  private get writable(): boolean {
    return this.options.connection.usable && !this.review;
  }

  /** Sets the bookmark (not committed until the next commit). */
  setLocation(path: string): void {
    if (!this.writable || path === this.lastLocation) return;
    if (this.options.connection.set(this.names.location, path.slice(0, 255))) this.lastLocation = path;
  }

  /** Sends everything the log says that the LMS has not been told yet. Returns false if the LMS refused something. */
  report(log: ProgressLog): boolean {
    if (!this.writable) return false;
    let ok = this.reportInteractions(log);
    ok = this.reportSuspendData(log) && ok;
    ok = this.reportStatus(log) && ok;
    return ok;
  }

  private reportInteractions(log: ProgressLog): boolean {
    const { catalog, connection, diagnostics } = this.options;
    if (this.interactionsStopped) return true;
    const offset = this.options.offsetMinutes ?? new Date().getTimezoneOffset();
    const is2004 = this.version === '2004';
    const required = new Set(catalog.rule.requiredActivities);
    for (const event of log.events) {
      if (event.type !== 'attempt') continue;
      const key = sameAs(event);
      if (this.reported.has(key)) continue;
      const spec = catalogueActivity(catalog, event.attempt.activityId);
      const interactions = spec ? attemptInteractions(spec, event.attempt) : [];
      // SCORM 2004: the graded activities only, and only while the LMS's copy of them stays in budget.
      const values = interactions.map((interaction, k) => interactionValues(this.version, this.nextInteraction + k, interaction, offset));
      const bytes = values.reduce((sum, v) => sum + postedBytes(v), 0);
      if (
        is2004 &&
        ((required.size > 0 && !required.has(event.attempt.activityId)) || this.interactionBytes + bytes > INTERACTION_BUDGET)
      ) {
        if (required.has(event.attempt.activityId) && !this.budgetNoted) {
          this.budgetNoted = true;
          diagnostics.note(
            `interactions of ${event.attempt.activityId} not sent: the attempt's interactions would exceed ${INTERACTION_BUDGET} bytes per save (see README)`,
          );
        }
        this.reported.add(key);
        continue;
      }
      for (const [index, interaction] of interactions.entries()) {
        const [idCall, ...rest] = interactionValues(this.version, this.nextInteraction, interaction, offset);
        if (!idCall || !connection.set(...idCall)) return this.stopInteractions();
        this.nextInteraction++;
        for (const [element, value] of rest) {
          if (!connection.set(element, value))
            diagnostics.note(`interaction ${interaction.id}: ${element} not accepted; the rest of it is still sent`);
        }
        this.interactionBytes += postedBytes(values[index]!);
      }
      this.reported.add(key);
    }
    return true;
  }

  private stopInteractions(): boolean {
    this.interactionsStopped = true;
    this.options.diagnostics.error(
      `the LMS refused interaction ${this.nextInteraction}; interactions are not sent again this session (the next launch tries the rest)`,
    );
    return false;
  }

  private reportSuspendData(log: ProgressLog): boolean {
    const { catalog, connection, diagnostics } = this.options;
    const limit = this.version === '1.2' ? SCORM12_SUSPEND_LIMIT : SCORM2004_SUSPEND_LIMIT;
    // Attempts whose interactions did not get through are marked, so the next launch sends them, on any computer.
    const unreported = new Set(log.events.flatMap((e) => (e.type === 'attempt' && !this.reported.has(sameAs(e)) ? [e.id] : [])));
    const tag = this.attempt ? ATTEMPT_TAG_LENGTH : 0;
    const tagged = (text: string) => (this.attempt ? tagSuspendData(this.attempt, text) : text);
    let fit = fitSuspendData(catalog, log, limit - tag, unreported);
    if (!fit.ok) {
      diagnostics.error(
        `progress does not fit the LMS's suspend data even cut down (${fit.length} > ${limit} chars); the LMS keeps its older copy`,
      );
      return false;
    }
    if (fit.reviewsLeftOut)
      diagnostics.note(`spaced reviews left out of the suspend data to fit ${limit} chars; they stay in this browser`);
    if (fit.level > 0)
      diagnostics.note(`suspend data cut down to fit ${limit} chars: ${TRIM_STEPS[fit.level]}; the full record stays in this browser`);
    const text = tagged(fit.text);
    if (text === this.lastSuspend) return true;
    if (connection.set(this.names.suspendData, text)) {
      this.lastSuspend = text;
      return true;
    }
    // Some LMSs keep less than the standard allows: try SCORM 1.2's size once before giving up.
    if (text.length > SCORM12_SUSPEND_LIMIT && connection.usable) {
      fit = fitSuspendData(catalog, log, SCORM12_SUSPEND_LIMIT - tag, unreported);
      if (fit.ok && connection.set(this.names.suspendData, tagged(fit.text))) {
        diagnostics.note(`suspend data sent cut down to ${fit.text.length} chars (${TRIM_STEPS[fit.level]})`);
        this.lastSuspend = tagged(fit.text);
        return true;
      }
    }
    return false;
  }

  private reportStatus(log: ProgressLog): boolean {
    const { catalog } = this.options;
    const report = courseReport(catalog, log.events);
    const sets: [string, string][] = [];
    if (this.version === '1.2') {
      const lesson = forwardOnly(this.held.lesson, report.lessonStatus);
      if (lesson && lesson !== this.held.lesson) sets.push(['cmi.core.lesson_status', lesson]);
    } else {
      const completion = forwardOnly(this.held.completion, report.completionStatus);
      const success = forwardOnly(this.held.success, report.successStatus);
      if (completion && completion !== this.held.completion) sets.push(['cmi.completion_status', completion]);
      if (success && success !== this.held.success) sets.push(['cmi.success_status', success]);
      sets.push(['cmi.progress_measure', String(report.progress)]);
    }
    if (report.score !== undefined) {
      sets.push([this.names.scoreMin, '0'], [this.names.scoreMax, '100'], [this.names.scoreRaw, String(report.score)]);
      if (this.version === '2004') sets.push(['cmi.score.scaled', String(report.score / 100)]);
    }
    let ok = true;
    let statusChanged = false;
    for (const [element, value] of sets) {
      if (this.sent.get(element) === value) continue;
      if (statusChanged && element.includes('.score.')) {
        // A new status goes to the LMS in a commit of its own, before the score: Moodle decides
        // completion when a score arrives, from the status it already holds.
        ok = this.commit() && ok;
        statusChanged = false;
      }
      if (!this.options.connection.set(element, value)) {
        ok = false;
        continue;
      }
      this.sent.set(element, value);
      if (element === 'cmi.core.lesson_status') this.held.lesson = value;
      else if (element === 'cmi.completion_status') this.held.completion = value;
      else if (element === 'cmi.success_status') this.held.success = value;
      else continue;
      statusChanged = true;
    }
    return ok;
  }

  /**
   * Session time so far, and the commit. Every commit says "suspend": the LMS copy is complete at
   * every commit, and an LMS that hands back an attempt's data only after a suspending exit
   * (Moodle with SCORM 2004) resumes it even when the closing save never arrives.
   */
  commit(): boolean {
    const { connection } = this.options;
    if (!connection.usable) return false;
    if (!this.review) {
      this.setSessionTime();
      if (this.sent.get(this.names.exit) !== 'suspend' && connection.set(this.names.exit, 'suspend'))
        this.sent.set(this.names.exit, 'suspend');
    }
    return connection.commit();
  }

  /** The end of the session: session time, "suspend" so the next launch resumes, finish. */
  close(): void {
    const { connection } = this.options;
    if (!connection.usable) return;
    if (!this.review) {
      this.setSessionTime();
      connection.set(this.names.exit, 'suspend');
    }
    // No commit first: finishing stores everything, and one closing save is all that some LMSs
    // can send while the page closes (see INTERACTION_BUDGET).
    connection.finish();
  }

  private setSessionTime(): void {
    const ms = this.now() - this.started;
    this.options.connection.set(this.names.sessionTime, this.version === '1.2' ? timespan12(ms) : timespan2004(ms));
  }
}
