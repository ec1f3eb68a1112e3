/**
 * A clock that can be started, paused and reset: the trainer's talk time and every class
 * countdown. It is plain data anchored to wall-clock time (epoch ms), so windows that share it
 * over a BroadcastChannel show the same time without sending ticks.
 */
export interface Clock {
  /** Whether the clock is counting now. */
  running: boolean;
  /** Milliseconds counted before the current run began. */
  accumulatedMs: number;
  /** Epoch ms at which the current run began; meaningful only while running. */
  since: number;
}

export const stoppedClock: Clock = { running: false, accumulatedMs: 0, since: 0 };

/** A clock that starts counting at `now`. */
export function runningClock(now: number): Clock {
  return { running: true, accumulatedMs: 0, since: now };
}

/** Milliseconds counted so far. */
export function elapsedMs(clock: Clock, now: number): number {
  return clock.accumulatedMs + (clock.running ? Math.max(0, now - clock.since) : 0);
}

export function startClock(clock: Clock, now: number): Clock {
  return clock.running ? clock : { running: true, accumulatedMs: clock.accumulatedMs, since: now };
}

export function pauseClock(clock: Clock, now: number): Clock {
  return clock.running ? { running: false, accumulatedMs: elapsedMs(clock, now), since: 0 } : clock;
}

export function toggleClock(clock: Clock, now: number): Clock {
  return clock.running ? pauseClock(clock, now) : startClock(clock, now);
}

/** Back to zero; a running clock keeps running from zero, a paused one stays paused. */
export function resetClock(clock: Clock, now: number): Clock {
  return clock.running ? runningClock(now) : stoppedClock;
}

/** Milliseconds left of a countdown of `durationMs`, never below zero. */
export function remainingMs(durationMs: number, clock: Clock, now: number): number {
  return Math.max(0, durationMs - elapsedMs(clock, now));
}

/**
 * "mm:ss", or "h:mm:ss" from an hour on. Countdowns round up (a timer showing 00:00 has
 * finished), stopwatches round down (00:01 means a full second has passed).
 */
export function formatDuration(ms: number, rounding: 'up' | 'down' = 'down'): string {
  const total = Math.max(0, rounding === 'up' ? Math.ceil(ms / 1000) : Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const mmss = `${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`;
  return hours > 0 ? `${hours}:${mmss}` : mmss;
}
