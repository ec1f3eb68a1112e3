/**
 * The slide number lives in the URL hash (`#5` is the fifth slide) so that a reload, a bookmark
 * or a link sent to a colleague opens the same slide. Numbers are 1-based, as the audience reads them.
 */

/** The slide index (from 0) a hash names, or undefined when it names none. */
export function slideFromHash(hash: string, slideCount: number): number | undefined {
  const match = /^#\/?(\d{1,4})$/.exec(hash);
  if (!match?.[1]) return undefined;
  const number = Number.parseInt(match[1], 10);
  return number >= 1 && number <= slideCount ? number - 1 : undefined;
}

/** The hash for slide `index` (from 0). */
export function hashForSlide(index: number): string {
  return `#${index + 1}`;
}
