import { stoppedClock } from '../../domain/present/clock.ts';
import type { DeckAction, DeckState } from '../../domain/present/deck-state.ts';
import { followPath, type RoleplayGraph } from '../../domain/present/roleplay-path.ts';
import { renderTimer, timerDurationMs } from '../lesson/timer-view.ts';
import type { DeckLabels } from './deck-labels.ts';
import type { Slide } from './deck-dom.ts';

/**
 * The class activities on the slides, drawn from the shared deck state: which answers are
 * revealed, where each role-play has got to, what each countdown shows. Everything here is a
 * view; changes go through deck actions so that every window sees them.
 */

const graphs = new WeakMap<HTMLElement, RoleplayGraph>();

function graphOf(el: HTMLElement): RoleplayGraph {
  let graph = graphs.get(el);
  if (!graph) {
    graph = JSON.parse(el.dataset['graph'] ?? '{}') as RoleplayGraph;
    graphs.set(el, graph);
  }
  return graph;
}

export function timersOf(root: ParentNode): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>('[data-class-timer]')];
}

/** Gives each countdown in the deck a stable id, the key of its clock in the deck state. */
export function numberTimers(stage: HTMLElement): void {
  timersOf(stage).forEach((el, i) => (el.dataset['timerId'] = `t${i}`));
}

export function renderActivities(slides: readonly Slide[], state: DeckState, labels: DeckLabels): void {
  slides.forEach(({ el }, index) => {
    if (el.matches('[data-question]')) {
      const shown = state.revealed.includes(index);
      el.toggleAttribute('data-revealed', shown);
      const button = el.querySelector('[data-reveal]');
      button?.setAttribute('aria-pressed', String(shown));
      const label = el.querySelector('[data-reveal-label]');
      if (label) label.textContent = shown ? labels.hideAnswer : labels.reveal;
    }
    if (el.matches('[data-roleplay]')) renderRoleplay(el, state.roleplays[String(index)] ?? []);
  });
  renderTimers(slides, state, Date.now());
}

function renderRoleplay(el: HTMLElement, path: readonly string[]): void {
  const { node, path: followed } = followPath(graphOf(el), el.dataset['start'] ?? '', path);
  for (const block of el.querySelectorAll<HTMLElement>('[data-rp-node]')) block.hidden = block.dataset['rpNode'] !== node;
  const last = followed.at(-1);
  const chosen = last ? el.querySelector<HTMLElement>(`[data-rp-choice="${CSS.escape(last)}"]`) : null;
  const echo = el.querySelector<HTMLElement>('[data-rp-echo]');
  if (echo) {
    echo.hidden = !chosen;
    const text = echo.querySelector('[data-rp-echo-text]');
    const feedback = echo.querySelector<HTMLElement>('[data-rp-echo-feedback]');
    if (text) text.textContent = chosen?.querySelector('.rp-choice-text')?.textContent ?? '';
    if (feedback) {
      feedback.textContent = chosen?.dataset['feedback'] ?? '';
      feedback.hidden = !feedback.textContent;
    }
  }
  const controls = el.querySelector<HTMLElement>('[data-rp-controls]');
  if (controls) controls.hidden = followed.length === 0;
}

export function renderTimers(slides: readonly Slide[], state: DeckState, now: number): void {
  for (const { el } of slides) {
    for (const timer of timersOf(el)) renderTimer(timer, state.timers[timer.dataset['timerId'] ?? ''] ?? stoppedClock, now);
  }
}

/** What a click inside a slide asks for, if anything. */
export function clickAction(target: Element, slideIndex: number): DeckAction | undefined {
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

function timerAction(timer: HTMLElement, op: 'toggle' | 'reset'): DeckAction {
  return { type: 'timer', timer: timer.dataset['timerId'] ?? '', op, durationMs: timerDurationMs(timer) };
}

/**
 * A and Enter run the slide's activity (reveal the answer, start or pause the countdown); R
 * undoes it (hide the answer, reset the countdown, start the role-play over).
 */
export function keyAction(slide: Slide, slideIndex: number, op: 'activity' | 'reset'): DeckAction | undefined {
  const { el } = slide;
  if (el.matches('[data-question]')) return { type: 'reveal', slide: slideIndex, ...(op === 'reset' ? { shown: false } : {}) };
  if (el.matches('[data-roleplay]')) return op === 'reset' ? { type: 'restart-roleplay', slide: slideIndex } : undefined;
  const timer = timersOf(el)[0];
  if (timer) return timerAction(timer, op === 'reset' ? 'reset' : 'toggle');
  return undefined;
}
