/**
 * Turns the rendered lessons into slides. Class-mode activities render `.slideshow-slide`s already
 * shaped as frame + notes; a plain `## ` section of a lesson is brought into that shape here,
 * its speaker notes lifted out of what the audience sees.
 */
export interface Slide {
  el: HTMLElement;
  /** Scales its content to the screen (a size container). */
  frame: HTMLElement;
  /** Speaker notes; empty when the slide has none. */
  notes: HTMLElement;
  /** The slide's heading, for the overview and for screen readers. */
  title: string;
}

const div = (className: string) => {
  const el = document.createElement('div');
  el.className = className;
  return el;
};

/** Every slide in the stage, in order: a section that holds `.slideshow-slide`s is not one itself. */
export function collectSlides(stage: HTMLElement): HTMLElement[] {
  return [...stage.querySelectorAll<HTMLElement>('.slideshow-slide, .lesson-section')].filter(
    (el) => el.classList.contains('slideshow-slide') || !el.querySelector('.slideshow-slide'),
  );
}

export function setUpSlide(el: HTMLElement, index: number): Slide {
  let frame = el.querySelector<HTMLElement>(':scope > .slide-frame');
  if (!frame) {
    frame = div('slide-frame');
    const body = div('slide-body');
    body.append(...el.childNodes);
    frame.append(body);
    el.append(frame);
  }
  let notes = el.querySelector<HTMLElement>(':scope > .slide-notes');
  const loose = frame.querySelectorAll('.speaker-notes');
  if (!notes) {
    notes = div('slide-notes');
    el.append(notes);
  }
  notes.append(...loose);
  el.classList.add('slideshow-slide');
  el.dataset['slideIndex'] = String(index);
  return { el, frame, notes, title: slideTitle(frame) };
}

function slideTitle(frame: HTMLElement): string {
  const heading = frame.querySelector('h1, h2, h3') ?? frame.querySelector('blockquote, p:not(.slide-tag)');
  const text = (heading?.textContent ?? '').replace(/\s+/g, ' ').trim();
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

/** A copy of a slide's frame to look at, not to use: no ids, nothing focusable, hidden from screen readers. */
export function previewOf(frame: HTMLElement): HTMLElement {
  const copy = frame.cloneNode(true) as HTMLElement;
  for (const el of [copy, ...copy.querySelectorAll('[id]')]) el.removeAttribute('id');
  copy.inert = true;
  copy.setAttribute('aria-hidden', 'true');
  return copy;
}
