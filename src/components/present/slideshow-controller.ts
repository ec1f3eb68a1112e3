import { initialSlideshowState, reduceSlideshow, type SlideshowAction, type SlideshowState } from '../../domain/present/slideshow-state.ts';
import { interpretKey, type KeyCommand } from '../../domain/present/keys.ts';
import { slidePlan, type PlanPart, type SlideWindow } from '../../domain/present/pace.ts';
import { hashForSlide, slideFromHash } from '../../domain/present/slide-hash.ts';
import { parseSlideshowMessage } from '../../domain/present/sync-message.ts';
import { clickAction, keyAction, numberTimers, renderActivities, renderTimers } from './slide-activities.ts';
import { collectSlides, setUpSlide, type Slide } from './slideshow-dom.ts';
import { fill, type SlideshowLabels } from './slideshow-labels.ts';
import { openSlideshowChannel } from './slideshow-sync.ts';
import { openOverview, overviewKeys } from './overview.ts';
import { PresenterView } from './presenter-view.ts';
import { fitFrame } from './slide-fit.ts';

/**
 * Runs a presentation window. State lives in one `SlideshowState`; every change goes through
 * `reduceSlideshow`, is drawn, written to the URL hash and sent to the presentation's other windows,
 * which draw it too. A window that opens asks the others where they are and takes their answer.
 */
export function startSlideshow(root: HTMLElement): void {
  const labels = JSON.parse(root.dataset['labels'] ?? '{}') as SlideshowLabels;
  const presenter = root.dataset['mode'] === 'presenter';
  const stage = root.querySelector<HTMLElement>('[data-stage]');
  const dialog = root.querySelector<HTMLDialogElement>('[data-overview]');
  if (!stage || !dialog) return;

  const slides: Slide[] = collectSlides(stage).map((el, i) => setUpSlide(el, i));
  const count = slides.length;
  slides.forEach((slide, i) => {
    slide.el.setAttribute('role', 'group');
    slide.el.setAttribute('aria-roledescription', labels.slide);
    slide.el.setAttribute('aria-label', fill(labels.slideOf, { n: i + 1, total: count }));
  });
  numberTimers(stage);
  const view = presenter ? new PresenterView(root, slides, planOf(slides), labels) : undefined;

  let state: SlideshowState = initialSlideshowState(slideFromHash(location.hash, count) ?? 0, Date.now());
  let shown = -1;
  let digits = '';

  const channel = openSlideshowChannel(root.dataset['presentation'] ?? '', (data) => {
    const message = parseSlideshowMessage(data, count);
    if (message?.kind === 'hello') channel.post({ kind: 'state', state });
    else if (message) commit(message.state, false);
  });

  function commit(next: SlideshowState, broadcast = true): void {
    state = next;
    draw();
    if (broadcast) channel.post({ kind: 'state', state });
  }

  function dispatch(action: SlideshowAction): void {
    commit(reduceSlideshow(state, action, { slideCount: count, now: Date.now() }));
  }

  function draw(): void {
    const current = slides[state.slide];
    if (state.slide !== shown) {
      slides[shown]?.el.removeAttribute('data-current');
      current?.el.setAttribute('data-current', '');
      if (shown >= 0 && current) announce(`${fill(labels.slideOf, { n: state.slide + 1, total: count })}：${current.title}`);
      shown = state.slide;
      if (location.hash !== hashForSlide(shown))
        history.replaceState(history.state, '', `${location.pathname}${location.search}${hashForSlide(shown)}`);
    }
    for (const counter of root.querySelectorAll('[data-counter]'))
      counter.textContent = fill(labels.counter, { n: state.slide + 1, total: count });
    const blackout = stage?.querySelector<HTMLElement>('[data-blackout]');
    if (blackout) blackout.hidden = !state.blackout;
    renderActivities(slides, state, labels);
    if (current) fitFrame(current.frame);
    rescueFocus(current);
    view?.render(state);
  }

  function announce(text: string): void {
    const region = root.querySelector('[data-announce]');
    if (region) region.textContent = text;
  }

  // A role-play choice disappears once clicked; keep the keyboard user in the conversation.
  function rescueFocus(current: Slide | undefined): void {
    const active = document.activeElement as HTMLElement | null;
    if (!current || !active || active === document.body || !current.el.contains(active) || active.checkVisibility()) return;
    current.el.querySelector<HTMLElement>('[data-rp-node]:not([hidden]) .rp-line, [data-rp-node]:not([hidden]) .rp-choice')?.focus();
  }

  function run(command: KeyCommand | { type: 'audience' | 'print' }): void {
    const current = slides[state.slide];
    switch (command.type) {
      case 'next':
        return dispatch({ type: 'step', by: 1 });
      case 'previous':
        return dispatch({ type: 'step', by: -1 });
      case 'first':
        return dispatch({ type: 'goto', slide: 0 });
      case 'last':
        return dispatch({ type: 'goto', slide: count - 1 });
      case 'goto':
        return dispatch({ type: 'goto', slide: command.number - 1 });
      case 'activity':
      case 'reset': {
        const action = current && keyAction(current, state.slide, command.type);
        if (action) dispatch(action);
        if (action?.type === 'reveal' && state.revealed.includes(state.slide)) announce(labels.answerShown);
        return;
      }
      case 'blackout':
        return dispatch({ type: 'blackout' });
      case 'fullscreen':
        if (document.fullscreenElement) void document.exitFullscreen();
        else void document.documentElement.requestFullscreen?.().catch(() => undefined);
        return;
      case 'overview':
        return openOverview(dialog!, slides, state.slide, labels, (i) => dispatch({ type: 'goto', slide: i }));
      case 'presenter':
        if (!presenter) openWindow('presenter');
        return;
      case 'audience':
        return openWindow('audience');
      case 'print':
        return window.print();
      case 'escape':
        if (state.blackout) return dispatch({ type: 'blackout', on: false });
        if (presenter && window.opener) return window.close();
        location.href = root.dataset['leave'] ?? '/';
        return;
    }
  }

  function openWindow(which: 'presenter' | 'audience'): void {
    const url = `${root.dataset[which === 'presenter' ? 'presenterUrl' : 'audienceUrl'] ?? ''}${hashForSlide(state.slide)}`;
    window.open(
      url,
      `${which}:${root.dataset['presentation'] ?? ''}`,
      which === 'presenter' ? 'popup,width=1280,height=800' : 'popup,width=1280,height=720',
    );
  }

  document.addEventListener('keydown', (event) => {
    if (event.defaultPrevented || dialog.open) return;
    const target = event.target as Element;
    if (target.closest('input, textarea, select, [contenteditable]')) return;
    // Space and Enter on a focused button press the button.
    if ((event.key === ' ' || event.key === 'Enter') && target.closest('button, a, summary')) return;
    // ↑ and ↓ scroll long notes once the panel has focus; → ← and a clicker's PageUp/PageDown still turn slides.
    if ((event.key === 'ArrowUp' || event.key === 'ArrowDown') && target.closest('[data-notes]')) return;
    const result = interpretKey(event, digits);
    digits = result.buffer;
    showDigits();
    if (result.handled) event.preventDefault();
    if (result.command) run(result.command);
  });

  function showDigits(): void {
    const jump = root.querySelector<HTMLElement>('[data-jump]');
    if (!jump) return;
    jump.hidden = !digits;
    jump.textContent = digits ? fill(labels.jump, { n: digits }) : '';
  }

  root.addEventListener('click', (event) => {
    const target = event.target as Element;
    const command = target.closest<HTMLElement>('[data-command]')?.dataset['command'];
    if (command) return run({ type: command } as KeyCommand);
    const talk = target.closest<HTMLElement>('[data-talk]')?.dataset['talk'];
    if (talk === 'toggle' || talk === 'reset') return dispatch({ type: 'talk', op: talk });
    const slide = target.closest<HTMLElement>('[data-slide-index]');
    const action = slide && clickAction(target, Number(slide.dataset['slideIndex']));
    if (action) dispatch(action);
  });

  root.querySelector<HTMLInputElement>('[data-print-notes]')?.addEventListener('change', (event) => {
    root.toggleAttribute('data-print-notes', (event.target as HTMLInputElement).checked);
  });
  if (new URLSearchParams(location.search).has('notes')) {
    root.setAttribute('data-print-notes', '');
    const box = root.querySelector<HTMLInputElement>('[data-print-notes]');
    if (box) box.checked = true;
  }

  swipe(stage, (by) => dispatch({ type: 'step', by }));
  overviewKeys(dialog);
  window.addEventListener('hashchange', () => {
    const slide = slideFromHash(location.hash, count);
    if (slide !== undefined && slide !== state.slide) dispatch({ type: 'goto', slide });
  });
  let resizing: ReturnType<typeof setTimeout> | undefined;
  window.addEventListener('resize', () => {
    clearTimeout(resizing);
    resizing = setTimeout(() => {
      const current = slides[state.slide];
      if (current) fitFrame(current.frame);
      view?.refit();
    }, 100);
  });
  window.addEventListener('beforeprint', () => fitForPrint(slides));
  setInterval(() => {
    const now = Date.now();
    renderTimers(slides, state, now);
    view?.tick(state, now);
  }, 500);

  draw();
  channel.post({ kind: 'hello' });
  root.setAttribute('data-ready', '');
}

/**
 * Each lesson's plan: the timings its trainer notes state, per slide (the slides plugin marks a
 * section with `data-note-minutes`), else its planned minutes spread over its slides. A module's
 * title slide has none.
 */
function planOf(slides: readonly Slide[]): SlideWindow[] {
  const parts: (PlanPart & { lesson: Element | null; slideMinutes: (number | undefined)[] })[] = [];
  for (const { el } of slides) {
    const lesson = el.closest<HTMLElement>('.slideshow-lesson');
    const stated = el.dataset['noteMinutes'];
    const minutes = stated === undefined ? undefined : Number(stated);
    const last = parts.at(-1);
    if (last && last.lesson === lesson) {
      last.slides++;
      last.slideMinutes.push(minutes);
    } else {
      parts.push({ lesson, slides: 1, minutes: Number(lesson?.dataset['minutes'] ?? 0), slideMinutes: [minutes] });
    }
  }
  return slidePlan(parts);
}

/** Touch screens: a horizontal swipe on the slide goes forward or back. */
function swipe(stage: HTMLElement, step: (by: 1 | -1) => void): void {
  let start: { x: number; y: number } | undefined;
  stage.addEventListener('pointerdown', (event) => {
    start = event.pointerType === 'mouse' ? undefined : { x: event.clientX, y: event.clientY };
  });
  stage.addEventListener('pointercancel', () => (start = undefined));
  stage.addEventListener('pointerup', (event) => {
    if (!start) return;
    const dx = event.clientX - start.x;
    const dy = event.clientY - start.y;
    start = undefined;
    if (Math.abs(dx) > 50 && Math.abs(dx) > 1.5 * Math.abs(dy)) step(dx < 0 ? 1 : -1);
  });
}

/**
 * Handouts print every slide in a 16:9 box. Each is fitted to such a box off screen first; the
 * type scales with the box, so the fit found at one size holds on paper.
 */
function fitForPrint(slides: readonly Slide[]): void {
  const measure = document.createElement('div');
  measure.className = 'print-measure';
  document.body.append(measure);
  for (const { frame } of slides) {
    const copy = frame.cloneNode(true) as HTMLElement;
    measure.replaceChildren(copy);
    frame.style.setProperty('--print-fit', String(fitFrame(copy)));
  }
  measure.remove();
}
