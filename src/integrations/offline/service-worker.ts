import { generateSW } from 'workbox-build';

/**
 * What a learner's browser keeps for working offline: every page and file of the self-paced
 * course (lessons, activities, role-plays, /me/, glossary) and the code they load. Trainer slides
 * (`present/`, the heaviest half of the site) and the HR page, with the catalogue only its worker
 * fetches (`catalogue.json`), are used at a desk with a network, so they are left out; the LMS
 * packages never carry a service worker at all.
 */
export const OFFLINE_IGNORED = ['present/**', 'hr/**', 'catalogue.json', 'sw.js'];

/**
 * Files of the website alone, which the LMS packages leave out (a path, or a folder ending in `/`):
 * the service worker, and the search index, whose results are site URLs an LMS does not serve.
 */
export const SITE_ONLY_FILES: readonly string[] = ['sw.js', 'pagefind/'];

export const isSiteOnly = (path: string): boolean =>
  SITE_ONLY_FILES.some((only) => (only.endsWith('/') ? path.startsWith(only) : path === only));

export interface OfflineBuild {
  /** Files precached. */
  count: number;
  /** Their total size in bytes. */
  size: number;
}

/**
 * Writes `sw.js` into a built site. The worker precaches the site at install and serves it
 * cache-first; a new build gives a new precache list, which the browser notices on the next visit
 * and installs beside the running one. The new worker waits until the learner accepts the update
 * (the page posts `SKIP_WAITING`), so a tab never runs half of one version and half of another.
 */
export async function writeServiceWorker(distDir: string): Promise<OfflineBuild> {
  const { count, size, warnings } = await generateSW({
    globDirectory: distDir,
    // Pagefind's index files (`pf_*`) and its WebAssembly (`.pagefind`) make search work offline too.
    globPatterns: ['**/*.{html,js,css,json,svg,png,webmanifest,pagefind,pf_meta,pf_index,pf_fragment}'],
    globIgnores: OFFLINE_IGNORED,
    swDest: `${distDir}/sw.js`,
    // Vite's files carry a content hash in their names: their URL is their revision.
    dontCacheBustURLsMatching: /\/_astro\//,
    directoryIndex: 'index.html',
    // A static page is the same whatever its query (`/search/?q=投诉` is `/search/`): its script reads the query.
    ignoreURLParametersMatching: [/.*/],
    cleanupOutdatedCaches: true,
    skipWaiting: false,
    clientsClaim: false,
    inlineWorkboxRuntime: true,
    sourcemap: false,
    mode: 'production',
    maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
  });
  if (warnings.length > 0) throw new Error(`service worker: ${warnings.join('; ')}`);
  return { count, size };
}
