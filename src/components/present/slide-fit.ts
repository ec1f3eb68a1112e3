/**
 * Slides size their type from the screen (container query units), so most fit as they are. A
 * slide with more text than the screen holds is shrunk until it fits, down to half size, rather
 * than cut off at the bottom of a projector.
 */
const MIN_FIT = 0.5;

export function fitFrame(frame: HTMLElement, property = '--fit'): number {
  const body = frame.querySelector<HTMLElement>(':scope > .slide-body');
  frame.style.setProperty(property, '1');
  // Portrait screens scroll instead (see slideshow.css).
  if (!body || frame.clientHeight === 0 || frame.clientHeight > frame.clientWidth) return 1;
  const overflows = () => body.scrollHeight > body.clientHeight + 1 || body.scrollWidth > body.clientWidth + 1;
  if (!overflows()) return 1;
  let fits = MIN_FIT;
  let fails = 1;
  for (let i = 0; i < 7; i++) {
    const mid = (fits + fails) / 2;
    frame.style.setProperty(property, String(mid));
    if (overflows()) fails = mid;
    else fits = mid;
  }
  frame.style.setProperty(property, String(fits));
  return fits;
}
