import { remainingMs, resetClock, runningClock, stoppedClock, toggleClock, type Clock } from './clock.ts';

/**
 * Everything the windows of one presentation share: which slide is up, whether the screen is
 * black, which quiz answers are shown, where each role-play has got to, and every clock. It is
 * plain JSON so a window can send it whole over a BroadcastChannel and a window opened later can
 * take it over as it is.
 */
export interface SlideshowState {
  /** Index of the current slide, from 0. */
  slide: number;
  /** The audience screen is black (B). */
  blackout: boolean;
  /** Indexes of the question slides whose answer is shown, ascending. */
  revealed: number[];
  /** Role-play slide index → keys of the choices the room made there, in order. */
  roleplays: Record<string, string[]>;
  /** Countdown id → its clock. */
  timers: Record<string, Clock>;
  /** The trainer's talk time, counted from the moment the presentation was opened. */
  talk: Clock;
}

export type SlideshowAction =
  /** Show slide `slide` (from 0); out-of-range values are clamped. */
  | { type: 'goto'; slide: number }
  | { type: 'step'; by: 1 | -1 }
  | { type: 'blackout'; on?: boolean }
  /** Show (or with `shown: false` hide) the answer on a question slide; without `shown`, toggle. */
  | { type: 'reveal'; slide: number; shown?: boolean }
  /** The room chose `choice` on the role-play at `slide`. */
  | { type: 'choose'; slide: number; choice: string }
  /** Take back the last choice on the role-play at `slide`. */
  | { type: 'undo-choice'; slide: number }
  | { type: 'restart-roleplay'; slide: number }
  /** Start, pause, toggle or reset a countdown of `durationMs`. */
  | { type: 'timer'; timer: string; op: 'toggle' | 'reset'; durationMs: number }
  | { type: 'talk'; op: 'toggle' | 'reset' };

export interface SlideshowContext {
  /** How many slides the presentation has. */
  slideCount: number;
  /** Epoch ms. */
  now: number;
}

/** A fresh presentation at `slide`, its talk clock running from `now`. */
export function initialSlideshowState(slide: number, now: number): SlideshowState {
  return { slide, blackout: false, revealed: [], roleplays: {}, timers: {}, talk: runningClock(now) };
}

/** `index` forced into 0 … count−1 (0 for an empty presentation). */
export function clampSlide(index: number, count: number): number {
  if (count <= 0 || !Number.isFinite(index)) return 0;
  return Math.min(count - 1, Math.max(0, Math.trunc(index)));
}

export function reduceSlideshow(state: SlideshowState, action: SlideshowAction, { slideCount, now }: SlideshowContext): SlideshowState {
  switch (action.type) {
    case 'goto':
    case 'step': {
      const target = action.type === 'goto' ? action.slide : state.slide + action.by;
      // Moving on lifts a blackout, as a clicker's "next" would on a real projector.
      return { ...state, slide: clampSlide(target, slideCount), blackout: false };
    }
    case 'blackout':
      return { ...state, blackout: action.on ?? !state.blackout };
    case 'reveal': {
      const shown = action.shown ?? !state.revealed.includes(action.slide);
      const others = state.revealed.filter((s) => s !== action.slide);
      return { ...state, revealed: shown ? [...others, action.slide].sort((a, b) => a - b) : others };
    }
    case 'choose':
      return withRoleplay(state, action.slide, (path) => [...path, action.choice]);
    case 'undo-choice':
      return withRoleplay(state, action.slide, (path) => path.slice(0, -1));
    case 'restart-roleplay':
      return withRoleplay(state, action.slide, () => []);
    case 'timer': {
      const clock = state.timers[action.timer] ?? stoppedClock;
      let next: Clock;
      if (action.op === 'reset') next = stoppedClock;
      // A finished countdown starts again from the top rather than sitting at 00:00.
      else if (!clock.running && remainingMs(action.durationMs, clock, now) === 0) next = runningClock(now);
      else next = toggleClock(clock, now);
      return { ...state, timers: { ...state.timers, [action.timer]: next } };
    }
    case 'talk':
      return { ...state, talk: action.op === 'reset' ? resetClock(state.talk, now) : toggleClock(state.talk, now) };
  }
}

function withRoleplay(state: SlideshowState, slide: number, change: (path: string[]) => string[]): SlideshowState {
  const key = String(slide);
  return { ...state, roleplays: { ...state.roleplays, [key]: change(state.roleplays[key] ?? []) } };
}
