import { fill, type SlideshowLabels } from './slideshow-labels.ts';
import { previewOf, type Slide } from './slideshow-dom.ts';
import { fitFrame } from './slide-fit.ts';

/**
 * The overview (O): every slide as a thumbnail in a modal dialog. Picking one jumps to it; Esc or
 * O closes it. Thumbnails are copies made when it opens, so they show the slides as they are now.
 */
export function openOverview(
  dialog: HTMLDialogElement,
  slides: readonly Slide[],
  current: number,
  labels: SlideshowLabels,
  pick: (index: number) => void,
): void {
  const grid = dialog.querySelector<HTMLElement>('[data-overview-grid]');
  if (!grid || dialog.open) return;
  const buttons = slides.map((slide, i) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'overview-item';
    button.setAttribute('aria-label', fill(labels.overviewItem, { n: i + 1, title: slide.title }));
    if (i === current) button.setAttribute('aria-current', 'true');
    const thumb = document.createElement('div');
    thumb.className = 'overview-thumb';
    thumb.append(previewOf(slide.frame));
    const number = document.createElement('span');
    number.className = 'overview-number';
    number.setAttribute('aria-hidden', 'true');
    number.textContent = String(i + 1);
    button.append(thumb, number);
    button.addEventListener('click', () => {
      dialog.close();
      pick(i);
    });
    const item = document.createElement('li');
    item.append(button);
    return { item, button };
  });
  grid.replaceChildren(...buttons.map((b) => b.item));
  dialog.showModal();
  for (const frame of grid.querySelectorAll<HTMLElement>('.slide-frame')) fitFrame(frame);
  const focused = buttons[current]?.button;
  focused?.focus();
  focused?.scrollIntoView({ block: 'center' });
}

/** ←/→ walk the thumbnails, O closes (Esc closes any modal dialog by itself). */
export function overviewKeys(dialog: HTMLDialogElement): void {
  dialog.addEventListener('keydown', (event) => {
    if (event.key === 'o' || event.key === 'O') {
      event.preventDefault();
      dialog.close();
      return;
    }
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    const items = [...dialog.querySelectorAll<HTMLElement>('.overview-item')];
    const at = items.indexOf(document.activeElement as HTMLElement);
    const next = items[Math.min(items.length - 1, Math.max(0, at + (event.key === 'ArrowRight' ? 1 : -1)))];
    if (next) {
      event.preventDefault();
      next.focus();
    }
  });
  dialog.querySelector('[data-overview-close]')?.addEventListener('click', () => dialog.close());
}
