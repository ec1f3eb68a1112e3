import { elapsedMs, formatDuration } from '../../domain/present/clock.ts';
import type { SlideshowState } from '../../domain/present/slideshow-state.ts';
import { pace, plannedMs, type SlideWindow } from '../../domain/present/pace.ts';
import { fill, type SlideshowLabels } from './slideshow-labels.ts';
import { previewOf, type Slide } from './slideshow-dom.ts';
import { fitFrame } from './slide-fit.ts';

/**
 * The presenter's side panel and bar: the next slide, the current slide's notes in large type,
 * the talk time, the clock and the pace against the plan.
 */
export class PresenterView {
  private shownSlide = -1;

  constructor(
    private readonly root: HTMLElement,
    private readonly slides: readonly Slide[],
    private readonly plan: readonly SlideWindow[],
    private readonly labels: SlideshowLabels,
  ) {
    const planned = root.querySelector('[data-planned]');
    const total = Math.round(plannedMs(plan) / 60_000);
    if (planned) planned.textContent = fill(labels.planned, { n: total });
  }

  render(state: SlideshowState): void {
    if (state.slide !== this.shownSlide) {
      this.shownSlide = state.slide;
      this.showNext(this.slides[state.slide + 1]);
      this.showNotes(this.slides[state.slide]);
    }
    const black = this.root.querySelector<HTMLElement>('[data-blackout-note]');
    if (black) black.hidden = !state.blackout;
    this.root.querySelector('[data-command="blackout"]')?.setAttribute('aria-pressed', String(state.blackout));
    this.tick(state, Date.now());
  }

  /** Re-fits the next-slide preview after the window changed size. */
  refit(): void {
    const preview = this.root.querySelector<HTMLElement>('[data-next-preview] > .slide-frame');
    if (preview) fitFrame(preview);
  }

  tick(state: SlideshowState, now: number): void {
    const elapsed = elapsedMs(state.talk, now);
    setText(this.root.querySelector('[data-elapsed]'), formatDuration(elapsed));
    setText(this.root.querySelector('[data-talk="toggle"]'), state.talk.running ? this.labels.pauseTalk : this.labels.resumeTalk);
    setText(
      this.root.querySelector('[data-clock]'),
      new Date(now).toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit', hour12: false }),
    );
    const { status, minutes } = pace(elapsed, this.plan, state.slide);
    const paceEl = this.root.querySelector<HTMLElement>('[data-pace]');
    if (paceEl) {
      paceEl.dataset['status'] = status;
      setText(
        paceEl,
        status === 'on-pace' ? this.labels.onPace : fill(status === 'ahead' ? this.labels.ahead : this.labels.behind, { n: minutes }),
      );
    }
  }

  private showNext(next: Slide | undefined): void {
    const preview = this.root.querySelector<HTMLElement>('[data-next-preview]');
    const end = this.root.querySelector<HTMLElement>('[data-next-end]');
    if (!preview) return;
    preview.replaceChildren(...(next ? [previewOf(next.frame)] : []));
    preview.hidden = !next;
    if (end) end.hidden = Boolean(next);
    this.refit();
  }

  private showNotes(slide: Slide | undefined): void {
    const notes = this.root.querySelector<HTMLElement>('[data-notes]');
    if (!notes) return;
    const blocks = [...(slide?.notes.children ?? [])].map((block) => {
      const copy = block.cloneNode(true) as HTMLElement;
      copy.removeAttribute('aria-label');
      return copy;
    });
    if (blocks.length === 0) {
      const none = document.createElement('p');
      none.className = 'muted';
      none.textContent = this.labels.noNotes;
      blocks.push(none);
    }
    notes.replaceChildren(...blocks);
    notes.scrollTop = 0;
  }
}

function setText(node: Element | null, value: string): void {
  if (node && node.textContent !== value) node.textContent = value;
}
