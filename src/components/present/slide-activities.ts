import { choiceKey, classRoleplayView } from '../../domain/present/class-roleplay.ts';
import { stoppedClock } from '../../domain/present/clock.ts';
import type { SlideshowAction, SlideshowState } from '../../domain/present/slideshow-state.ts';
import { MOOD_MAX, moodBand } from '../../domain/scenario/mood.ts';
import { scoreRun } from '../../domain/scenario/score.ts';
import type { Scenario } from '../../schemas/scenario.ts';
import { renderTimer, timerDurationMs } from '../lesson/timer-view.ts';
import { fill, type SlideshowLabels } from './slideshow-labels.ts';
import type { Slide } from './slideshow-dom.ts';

/**
 * The class activities on the slides, drawn from the shared slideshow state: which answers are
 * revealed, where each role-play has got to, what each countdown shows. Everything here is a
 * view; changes go through slideshow actions so that every window sees them.
 */

const scenarios = new WeakMap<HTMLElement, Scenario>();

// The page's own build output (ClassRoleplay.astro), already checked against the schema there.
function scenarioOf(el: HTMLElement): Scenario {
  let scenario = scenarios.get(el);
  if (!scenario) {
    scenario = JSON.parse(el.dataset['scenario'] ?? '') as Scenario;
    scenarios.set(el, scenario);
  }
  return scenario;
}

export function timersOf(root: ParentNode): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>('[data-class-timer]')];
}

/** Gives each countdown in the slideshow a stable id, the key of its clock in the slideshow state. */
export function numberTimers(stage: HTMLElement): void {
  timersOf(stage).forEach((el, i) => (el.dataset['timerId'] = `t${i}`));
}

export function renderActivities(slides: readonly Slide[], state: SlideshowState, labels: SlideshowLabels): void {
  slides.forEach(({ el }, index) => {
    if (el.matches('[data-question]')) {
      const shown = state.revealed.includes(index);
      el.toggleAttribute('data-revealed', shown);
      const button = el.querySelector('[data-reveal]');
      button?.setAttribute('aria-pressed', String(shown));
      const label = el.querySelector('[data-reveal-label]');
      if (label) label.textContent = shown ? labels.hideAnswer : labels.reveal;
    }
    if (el.matches('[data-roleplay]')) renderRoleplay(el, state.roleplays[String(index)] ?? [], labels);
  });
  renderTimers(slides, state, Date.now());
}

/** Shows, among the elements carrying `attr`, only the one whose value is `value`. */
function showOnly(el: HTMLElement, attr: string, value: string): void {
  for (const item of el.querySelectorAll<HTMLElement>(`[${attr}]`)) item.hidden = item.getAttribute(attr) !== value;
}

function setText(el: HTMLElement, selector: string, text: string): void {
  const target = el.querySelector<HTMLElement>(selector);
  if (!target) return;
  target.textContent = text;
  target.hidden = !text;
}

function renderRoleplay(el: HTMLElement, keys: readonly string[], labels: SlideshowLabels): void {
  const scenario = scenarioOf(el);
  const { state, path, last } = classRoleplayView(scenario, keys);
  const mood = (n: number) => fill(labels.moodValue, { word: labels.moods[moodBand(n)] ?? '', n });
  showOnly(el, 'data-rp-node', state.at);
  showOnly(el, 'data-rp-echo', last ? choiceKey(last.node.id, last.choice.id) : '');
  showOnly(el, 'data-rp-trigger', last?.trigger?.id ?? '');
  const echo = el.querySelector<HTMLElement>('[data-rp-echo-box]');
  if (echo) echo.hidden = !last;
  setText(
    el,
    '[data-rp-mood-change]',
    last && last.moodAfter !== last.moodBefore ? fill(labels.moodChange, { from: mood(last.moodBefore), to: mood(last.moodAfter) }) : '',
  );

  el.querySelector<HTMLElement>('[data-rp-mood-meter]')?.setAttribute('data-band', moodBand(state.mood));
  setText(el, '[data-rp-mood]', mood(state.mood));
  el.querySelector('[data-rp-mood-fill]')?.setAttribute('width', String(Math.max(4, (state.mood / MOOD_MAX) * 100)));
  for (const step of el.querySelectorAll<HTMLElement>('[data-step]'))
    step.toggleAttribute(
      'data-done',
      state.steps.some((s) => s === step.dataset['step']),
    );
  setText(el, '[data-rp-progress]', fill(labels.stepsProgress, { n: state.steps.length }));

  const score = scoreRun(scenario, state);
  for (const target of el.querySelectorAll('[data-rp-score]'))
    target.textContent = score ? fill(labels.score, { total: score.total, max: score.max }) : '';
  const controls = el.querySelector<HTMLElement>('[data-rp-controls]');
  if (controls) controls.hidden = path.length === 0;
}

export function renderTimers(slides: readonly Slide[], state: SlideshowState, now: number): void {
  for (const { el } of slides) {
    for (const timer of timersOf(el)) renderTimer(timer, state.timers[timer.dataset['timerId'] ?? ''] ?? stoppedClock, now);
  }
}

/** What a click inside a slide asks for, if anything. */
export function clickAction(target: Element, slideIndex: number): SlideshowAction | undefined {
  if (target.closest('[data-reveal]')) return { type: 'reveal', slide: slideIndex };
  const choice = target.closest<HTMLElement>('[data-rp-choice]')?.dataset['rpChoice'];
  if (choice) return { type: 'choose', slide: slideIndex, choice };
  if (target.closest('[data-rp-undo]')) return { type: 'undo-choice', slide: slideIndex };
  if (target.closest('[data-rp-restart]')) return { type: 'restart-roleplay', slide: slideIndex };
  const timerButton = target.closest<HTMLElement>('[data-timer-action]');
  const timer = timerButton?.closest<HTMLElement>('[data-class-timer]');
  if (timerButton && timer) return timerAction(timer, timerButton.dataset['timerAction'] === 'reset' ? 'reset' : 'toggle');
  return undefined;
}

function timerAction(timer: HTMLElement, op: 'toggle' | 'reset'): SlideshowAction {
  return { type: 'timer', timer: timer.dataset['timerId'] ?? '', op, durationMs: timerDurationMs(timer) };
}

/**
 * A and Enter run the slide's activity (reveal the answer, start or pause the countdown); R
 * undoes it (hide the answer, reset the countdown, start the role-play over).
 */
export function keyAction(slide: Slide, slideIndex: number, op: 'activity' | 'reset'): SlideshowAction | undefined {
  const { el } = slide;
  if (el.matches('[data-question]')) return { type: 'reveal', slide: slideIndex, ...(op === 'reset' ? { shown: false } : {}) };
  if (el.matches('[data-roleplay]')) return op === 'reset' ? { type: 'restart-roleplay', slide: slideIndex } : undefined;
  const timer = timersOf(el)[0];
  if (timer) return timerAction(timer, op === 'reset' ? 'reset' : 'toggle');
  return undefined;
}
