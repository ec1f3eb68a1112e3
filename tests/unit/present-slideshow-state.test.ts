import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { elapsedMs, formatDuration, remainingMs, stoppedClock } from '../../src/domain/present/clock.ts';
import {
  clampSlide,
  initialSlideshowState,
  reduceSlideshow,
  type SlideshowAction,
  type SlideshowState,
} from '../../src/domain/present/slideshow-state.ts';

const ctx = { slideCount: 10, now: 1_000_000 };
const start = initialSlideshowState(0, 0);
const run = (actions: SlideshowAction[], state: SlideshowState = start, context = ctx) =>
  actions.reduce((s, a) => reduceSlideshow(s, a, context), state);

describe('slide navigation', () => {
  it('never leaves the presentation', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 50 }),
        fc.array(
          fc.oneof(
            fc.constantFrom<SlideshowAction>({ type: 'step', by: 1 }, { type: 'step', by: -1 }),
            fc.integer({ min: -100, max: 100 }).map((slide): SlideshowAction => ({ type: 'goto', slide })),
          ),
        ),
        (count, actions) => {
          const state = run(actions, start, { slideCount: count, now: 0 });
          expect(state.slide).toBeGreaterThanOrEqual(0);
          expect(state.slide).toBeLessThanOrEqual(Math.max(0, count - 1));
        },
      ),
    );
  });

  it('stays on the last slide when asked for the next one', () => {
    expect(
      run([
        { type: 'goto', slide: 9 },
        { type: 'step', by: 1 },
      ]).slide,
    ).toBe(9);
    expect(run([{ type: 'step', by: -1 }]).slide).toBe(0);
  });

  it('clamps to the first and last slide', () => {
    expect(clampSlide(-3, 5)).toBe(0);
    expect(clampSlide(7, 5)).toBe(4);
    expect(clampSlide(2.7, 5)).toBe(2);
    expect(clampSlide(Number.NaN, 5)).toBe(0);
    expect(clampSlide(3, 0)).toBe(0);
  });

  it('lifts a blackout when the trainer moves on', () => {
    const black = run([{ type: 'blackout' }]);
    expect(black.blackout).toBe(true);
    expect(run([{ type: 'step', by: 1 }], black).blackout).toBe(false);
    expect(run([{ type: 'blackout' }], black).blackout).toBe(false);
  });
});

describe('quiz answers', () => {
  it('toggles the answer of one question without touching the others', () => {
    const state = run([
      { type: 'reveal', slide: 5 },
      { type: 'reveal', slide: 3 },
    ]);
    expect(state.revealed).toEqual([3, 5]);
    expect(run([{ type: 'reveal', slide: 5 }], state).revealed).toEqual([3]);
    expect(run([{ type: 'reveal', slide: 3, shown: true }], state).revealed).toEqual([3, 5]);
  });
});

describe('role-plays', () => {
  it('records the room’s choices per slide, and can take one back or start over', () => {
    const state = run([
      { type: 'choose', slide: 4, choice: 'open/apologise' },
      { type: 'choose', slide: 4, choice: 'listen/ask' },
      { type: 'choose', slide: 7, choice: 'x/y' },
    ]);
    expect(state.roleplays).toEqual({ '4': ['open/apologise', 'listen/ask'], '7': ['x/y'] });
    expect(run([{ type: 'undo-choice', slide: 4 }], state).roleplays['4']).toEqual(['open/apologise']);
    expect(run([{ type: 'restart-roleplay', slide: 4 }], state).roleplays['4']).toEqual([]);
  });
});

describe('countdowns', () => {
  const minute = 60_000;
  const timer = (op: 'toggle' | 'reset', now: number) => (s: SlideshowState) =>
    reduceSlideshow(s, { type: 'timer', timer: 't0', op, durationMs: 10 * minute }, { slideCount: 10, now });

  it('starts, pauses, resumes and resets', () => {
    let state = timer('toggle', 0)(start);
    expect(remainingMs(10 * minute, state.timers['t0'] ?? stoppedClock, 3 * minute)).toBe(7 * minute);
    state = timer('toggle', 3 * minute)(state);
    expect(remainingMs(10 * minute, state.timers['t0'] ?? stoppedClock, 8 * minute)).toBe(7 * minute);
    state = timer('toggle', 8 * minute)(state);
    expect(remainingMs(10 * minute, state.timers['t0'] ?? stoppedClock, 9 * minute)).toBe(6 * minute);
    state = timer('reset', 9 * minute)(state);
    expect(state.timers['t0']).toEqual(stoppedClock);
  });

  it('starts a finished countdown again from the top', () => {
    let state = timer('toggle', 0)(start);
    state = timer('toggle', 12 * minute)(state);
    expect(remainingMs(10 * minute, state.timers['t0'] ?? stoppedClock, 12 * minute)).toBe(0);
    state = timer('toggle', 13 * minute)(state);
    expect(remainingMs(10 * minute, state.timers['t0'] ?? stoppedClock, 14 * minute)).toBe(9 * minute);
  });
});

describe('talk clock', () => {
  it('runs from the moment the presentation opens, pauses and resets', () => {
    const opened = initialSlideshowState(2, 1_000);
    expect(opened.slide).toBe(2);
    expect(elapsedMs(opened.talk, 61_000)).toBe(60_000);
    const paused = reduceSlideshow(opened, { type: 'talk', op: 'toggle' }, { slideCount: 5, now: 61_000 });
    expect(elapsedMs(paused.talk, 500_000)).toBe(60_000);
    const reset = reduceSlideshow(paused, { type: 'talk', op: 'reset' }, { slideCount: 5, now: 500_000 });
    expect(elapsedMs(reset.talk, 900_000)).toBe(0);
  });
});

describe('formatDuration', () => {
  it('shows minutes and seconds, and hours only when needed', () => {
    expect(formatDuration(0)).toBe('00:00');
    expect(formatDuration(65_400)).toBe('01:05');
    expect(formatDuration(3_725_000)).toBe('1:02:05');
  });

  it('rounds countdowns up so 00:00 means the time is over', () => {
    expect(formatDuration(400, 'up')).toBe('00:01');
    expect(formatDuration(400)).toBe('00:00');
    expect(formatDuration(-5, 'up')).toBe('00:00');
  });
});
