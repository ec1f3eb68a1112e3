/**
 * The LMS session's log for a support person: every call to the LMS with its answer, every error
 * code with the LMS's own words for it, and what the course did about it. Plain text, one line an
 * entry, so it can be copied into a ticket. Kept in memory (the newest entries, up to a limit).
 */

export type EntryLevel = 'call' | 'error' | 'note';

export interface DiagnosticEntry {
  at: string;
  level: EntryLevel;
  text: string;
}

const MAX_ENTRIES = 1000;
/** Long values (suspend data) are shortened in the log; their length is what a support person needs. */
const MAX_VALUE_CHARS = 80;

export class Diagnostics {
  private entries: DiagnosticEntry[] = [];
  private listeners = new Set<() => void>();
  private dropped = 0;

  constructor(
    private readonly header: () => Record<string, string>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  call(text: string): void {
    this.add('call', text);
  }
  error(text: string): void {
    this.add('error', text);
  }
  note(text: string): void {
    this.add('note', text);
  }

  list(): readonly DiagnosticEntry[] {
    return this.entries;
  }

  /** Calls back after every new entry; returns an unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The whole log as text: a header of facts, then one line per entry. */
  text(): string {
    const head = Object.entries(this.header()).map(([k, v]) => `${k}: ${v}`);
    const marks: Record<EntryLevel, string> = { call: '  ', error: '!!', note: '--' };
    const lines = this.entries.map((e) => `${e.at} ${marks[e.level]} ${e.text}`);
    const gap = this.dropped > 0 ? [`(${this.dropped} older entries not kept)`] : [];
    return [...head, '', ...gap, ...lines].join('\n');
  }

  private add(level: EntryLevel, text: string): void {
    this.entries.push({ at: this.now().toISOString(), level, text });
    if (this.entries.length > MAX_ENTRIES) {
      this.entries.shift();
      this.dropped++;
    }
    for (const listener of this.listeners) listener();
  }
}

/** A value as it appears in the log: quoted, shortened if long, with its length. */
export function shown(value: string): string {
  const quoted = JSON.stringify(value.length > MAX_VALUE_CHARS ? `${value.slice(0, MAX_VALUE_CHARS)}…` : value);
  return value.length > MAX_VALUE_CHARS ? `${quoted} (${value.length} chars)` : quoted;
}
