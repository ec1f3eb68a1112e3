import { remainingMs, runningClock, stoppedClock, toggleClock, type Clock } from '../../domain/present/clock.ts';
import { renderTimer, timerDurationMs } from './timer-view.ts';

/**
 * Countdowns in the normal lesson view: each keeps its own clock. Inside a presentation the slideshow
 * controller owns the clocks instead, so that every window shows the same time.
 */
function startTimer(el: HTMLElement): void {
  let clock: Clock = stoppedClock;
  let tick: ReturnType<typeof setInterval> | undefined;
  const render = () => {
    const now = Date.now();
    renderTimer(el, clock, now);
    if (clock.running && remainingMs(timerDurationMs(el), clock, now) === 0)
      clock = { running: false, accumulatedMs: timerDurationMs(el), since: 0 };
    if (!clock.running && tick) {
      clearInterval(tick);
      tick = undefined;
    }
  };
  el.addEventListener('click', (event) => {
    const action = (event.target as Element).closest<HTMLElement>('[data-timer-action]')?.dataset['timerAction'];
    if (!action) return;
    const now = Date.now();
    if (action === 'reset') clock = stoppedClock;
    else if (!clock.running && remainingMs(timerDurationMs(el), clock, now) === 0) clock = runningClock(now);
    else clock = toggleClock(clock, now);
    if (clock.running && !tick) tick = setInterval(render, 250);
    render();
  });
  render();
}

for (const el of document.querySelectorAll<HTMLElement>('[data-class-timer]')) {
  if (!el.closest('[data-slideshow]')) startTimer(el);
}
