import { clampSlide, type SlideshowState } from './slideshow-state.ts';
import type { Clock } from './clock.ts';

/**
 * What the windows of one presentation say to each other over their BroadcastChannel. A window
 * that opens asks "where are we?" (`hello`); every window that already shows the presentation
 * answers with its whole state; any window that changes something sends its whole state too.
 * Whole states, not deltas, so a message lost or late never leaves two windows disagreeing for long.
 */
export type SlideshowMessage = { kind: 'hello' } | { kind: 'state'; state: SlideshowState };

/** The channel a presentation's windows share. */
export function channelName(presentationId: string): string {
  return `service-classroom:present:${presentationId}`;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

function parseClock(value: unknown): Clock | undefined {
  if (!isRecord(value) || typeof value['running'] !== 'boolean' || !isNumber(value['accumulatedMs']) || !isNumber(value['since']))
    return undefined;
  return { running: value['running'], accumulatedMs: Math.max(0, value['accumulatedMs']), since: value['since'] };
}

function parseRecord<T>(value: unknown, parse: (v: unknown) => T | undefined): Record<string, T> {
  const out: Record<string, T> = {};
  if (!isRecord(value)) return out;
  for (const [key, entry] of Object.entries(value)) {
    const parsed = parse(entry);
    if (parsed !== undefined) out[key] = parsed;
  }
  return out;
}

/**
 * A message from another window, checked: anything malformed (another version of the site in a
 * stale tab, a stray message) is dropped rather than trusted. The slide is clamped to this
 * window's presentation.
 */
export function parseSlideshowMessage(data: unknown, slideCount: number): SlideshowMessage | undefined {
  if (!isRecord(data)) return undefined;
  if (data['kind'] === 'hello') return { kind: 'hello' };
  if (data['kind'] !== 'state' || !isRecord(data['state'])) return undefined;
  const raw = data['state'];
  const talk = parseClock(raw['talk']);
  if (!isNumber(raw['slide']) || typeof raw['blackout'] !== 'boolean' || !Array.isArray(raw['revealed']) || !talk) return undefined;
  return {
    kind: 'state',
    state: {
      slide: clampSlide(raw['slide'], slideCount),
      blackout: raw['blackout'],
      revealed: raw['revealed'].filter(isNumber),
      roleplays: parseRecord(raw['roleplays'], (v) => (Array.isArray(v) ? v.filter((c): c is string => typeof c === 'string') : undefined)),
      timers: parseRecord(raw['timers'], parseClock),
      talk,
    },
  };
}
