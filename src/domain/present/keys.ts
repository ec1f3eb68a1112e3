/**
 * What a key press means to a presentation. Pure, so the whole keyboard map is unit-tested;
 * the controller only feeds it `KeyboardEvent`s and carries the digit buffer between presses.
 */

/** What the presentation does in answer to a key. */
export type KeyCommand =
  | { type: 'next' }
  | { type: 'previous' }
  | { type: 'first' }
  | { type: 'last' }
  /** Jump to a slide by its number as the audience sees it (1-based). */
  | { type: 'goto'; number: number }
  /** The current slide's activity: reveal a quiz answer, start or pause a countdown. */
  | { type: 'activity' }
  /** Reset the current slide's countdown. */
  | { type: 'reset' }
  | { type: 'fullscreen' }
  | { type: 'blackout' }
  | { type: 'overview' }
  | { type: 'presenter' }
  /** Esc: close what is open, else leave the presentation. */
  | { type: 'escape' };

/** The parts of a `KeyboardEvent` that matter here. */
export interface KeyPress {
  key: string;
  shiftKey?: boolean;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
}

export interface KeyResult {
  /** The command, or none when the key is not ours (the browser keeps its default). */
  command?: KeyCommand;
  /** Digits typed so far towards "a number then Enter". */
  buffer: string;
  /** Whether the key was used, so the caller prevents the browser's default for it. */
  handled: boolean;
}

/** Longest slide number one can type; more digits are ignored. */
const MAX_DIGITS = 3;

const LETTERS: Record<string, KeyCommand> = {
  a: { type: 'activity' },
  r: { type: 'reset' },
  f: { type: 'fullscreen' },
  b: { type: 'blackout' },
  o: { type: 'overview' },
  s: { type: 'presenter' },
};

/**
 * Interprets one key press. →, Space, PageDown (and ↓) go forward; ←, PageUp, Shift+Space (and ↑)
 * go back; Home/End; digits then Enter jump; Enter alone or A runs the slide's activity; R resets
 * it; F, B (or "." as many clickers send), O, S, Esc as named. Keys with Ctrl, ⌘ or Alt are left
 * to the browser (Ctrl+P prints, Ctrl+R reloads).
 */
export function interpretKey(press: KeyPress, buffer: string): KeyResult {
  if (press.ctrlKey || press.metaKey || press.altKey) return { buffer, handled: false };
  const { key } = press;
  if (/^[0-9]$/.test(key)) {
    return { buffer: buffer.length >= MAX_DIGITS ? buffer : buffer + key, handled: true };
  }
  if (key === 'Backspace' && buffer) return { buffer: buffer.slice(0, -1), handled: true };
  if (key === 'Enter') {
    const number = Number.parseInt(buffer, 10);
    if (buffer && number > 0) return { command: { type: 'goto', number }, buffer: '', handled: true };
    return { command: { type: 'activity' }, buffer: '', handled: true };
  }
  if (key === 'Escape' && buffer) return { buffer: '', handled: true };
  const command = commandFor(press);
  if (!command) return { buffer, handled: false };
  return { command, buffer: '', handled: true };
}

function commandFor({ key, shiftKey }: KeyPress): KeyCommand | undefined {
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
    case 'PageDown':
      return { type: 'next' };
    case ' ':
    case 'Spacebar':
      return { type: shiftKey ? 'previous' : 'next' };
    case 'ArrowLeft':
    case 'ArrowUp':
    case 'PageUp':
      return { type: 'previous' };
    case 'Home':
      return { type: 'first' };
    case 'End':
      return { type: 'last' };
    case '.':
      return { type: 'blackout' };
    case 'Escape':
      return { type: 'escape' };
    default:
      return key.length === 1 ? LETTERS[key.toLowerCase()] : undefined;
  }
}
