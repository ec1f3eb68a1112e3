/**
 * The address learners type (or scan) to open a class activity on their own phones: the page's
 * path on the server the projector is showing the course from. Worked out in the browser, because
 * one build is served from a trainer's laptop on the room's network, an intranet host or a CDN,
 * and only the running page knows which.
 */

/**
 * The full address of `path` (a site path such as `/quizzes/personality-types/`, base included)
 * on `origin` (`location.origin`), or `undefined` when the page is not served over HTTP(S) — a
 * course opened from files has origin `"null"` and no address a phone could reach.
 */
export function joinUrl(origin: string, path: string): string | undefined {
  let base: URL;
  try {
    base = new URL(origin);
  } catch {
    return undefined;
  }
  if (base.protocol !== 'http:' && base.protocol !== 'https:') return undefined;
  if (!path.startsWith('/') || path.startsWith('//')) return undefined;
  return new URL(path, base.origin).href;
}
