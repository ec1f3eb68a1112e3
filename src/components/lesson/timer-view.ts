import { formatDuration, remainingMs, type Clock } from '../../domain/present/clock.ts';

/** The strings a timer shows, rendered into `data-labels` by ClassTimer.astro. */
export interface TimerLabels {
  start: string;
  pause: string;
  resume: string;
  idle: string;
  running: string;
  paused: string;
  done: string;
  oneMinute: string;
}

type TimerState = 'idle' | 'running' | 'paused' | 'done';

const labelsCache = new WeakMap<HTMLElement, TimerLabels>();
const lastSpoken = new WeakMap<HTMLElement, string>();

function labels(el: HTMLElement): TimerLabels {
  let cached = labelsCache.get(el);
  if (!cached) {
    cached = JSON.parse(el.dataset['labels'] ?? '{}') as TimerLabels;
    labelsCache.set(el, cached);
  }
  return cached;
}

/**
 * The countdown's length: its own `minutes`, else the class-activity minutes of the lesson it
 * sits in (the page marks them with `data-class-minutes`), else ten minutes.
 */
export function timerDurationMs(el: HTMLElement): number {
  const own = Number(el.dataset['minutes']);
  const lesson = Number(el.closest<HTMLElement>('[data-class-minutes]')?.dataset['classMinutes']);
  const minutes = own > 0 ? own : lesson > 0 ? lesson : 10;
  return minutes * 60_000;
}

/** Shows `clock` on a timer element; speaks once when one minute is left and when time is up. */
export function renderTimer(el: HTMLElement, clock: Clock, now: number): void {
  const text = labels(el);
  const left = remainingMs(timerDurationMs(el), clock, now);
  const counted = clock.running || clock.accumulatedMs > 0;
  const state: TimerState = counted && left === 0 ? 'done' : clock.running ? 'running' : counted ? 'paused' : 'idle';
  setText(el.querySelector('[data-timer-display]'), formatDuration(left, 'up'));
  setText(el.querySelector('[data-timer-status]'), text[state]);
  setText(
    el.querySelector('[data-timer-action="toggle"]'),
    state === 'running' ? text.pause : state === 'paused' ? text.resume : text.start,
  );
  el.dataset['state'] = state;
  const speak = state === 'done' ? text.done : state === 'running' && left <= 60_000 ? text.oneMinute : '';
  if (speak !== (lastSpoken.get(el) ?? '')) {
    lastSpoken.set(el, speak);
    if (speak) setText(el.querySelector('[data-timer-announce]'), speak);
  }
}

function setText(node: Element | null, value: string): void {
  if (node && node.textContent !== value) node.textContent = value;
}
