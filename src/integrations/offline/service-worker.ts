import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { generateSW } from 'workbox-build';
import { HANT_DIR } from '../../i18n/editions.ts';

/**
 * What a learner's browser keeps for working offline: every page and file of the self-paced
 * course (lessons, activities, role-plays, /me/, glossary) and the code they load. Trainer slides
 * (`present/`, the heaviest half of the site) and the HR page, with the catalogue only its worker
 * fetches (`catalogue.json`), are used at a desk with a network, so they are left out; the LMS
 * packages never carry a service worker at all.
 */
export const OFFLINE_IGNORED = ['present/**', 'hr/**', 'catalogue.json', 'sw.js'];
/** The HR page's own code (its island, its worker, the LRS reader that worker loads), left out with it. */
const HR_CODE = ['**/_astro/HrDashboard.*', '**/_astro/hr-worker-*', '**/_astro/read-lrs-*'];

/**
 * Files of the website alone, which the LMS packages leave out (a path, or a folder ending in `/`):
 * the service worker, the search index, whose results are site URLs an LMS does not serve, and
 * the Traditional edition's folder (a package holds one script: `npm run package -- --script=hant`).
 */
export const SITE_ONLY_FILES: readonly string[] = ['sw.js', 'pagefind/', `${HANT_DIR}/`];

export const isSiteOnly = (path: string): boolean =>
  SITE_ONLY_FILES.some((only) => (only.endsWith('/') ? path.startsWith(only) : path === only));

export interface OfflineBuild {
  /** Files precached. */
  count: number;
  /** Their total size in bytes. */
  size: number;
}

/**
 * One worker per script edition (`/sw.js`, `/zh-hant/sw.js`): a learner's browser keeps the
 * edition it reads (its pages, its search index language, its own script copies) plus the shared
 * code, not both. The edition's worker has the narrower scope, so it is the one that controls the
 * Traditional pages; a learner who switches gets the other edition's worker on the first visit.
 */
const FILES = '{html,js,css,json,svg,png,webmanifest,pagefind,pf_meta,pf_index,pf_fragment}';
/** Pagefind's files of one language (`pagefind.zh-cn_….pf_meta`, `index/zh-hant_…`); the rest of it is shared. */
const SEARCH_OF = (lang: string) => [`pagefind/*.${lang}_*`, `pagefind/*/${lang}_*`];
const EDITION_WORKERS: readonly EditionWorker[] = [
  { swDest: 'sw.js', urlPrefix: '', globPatterns: [`**/*.${FILES}`], globIgnores: [`${HANT_DIR}/**`, ...HR_CODE, ...SEARCH_OF('zh-hant')] },
  {
    swDest: `${HANT_DIR}/sw.js`,
    urlPrefix: '../',
    globPatterns: [`${HANT_DIR}/**/*.${FILES}`, `_astro/**/*.${FILES}`, `pagefind/**/*.${FILES}`, `icons/**/*.${FILES}`, '*.svg'],
    globIgnores: [...OFFLINE_IGNORED.map((p) => `${HANT_DIR}/${p}`), ...HR_CODE, ...SEARCH_OF('zh-cn')],
  },
];

/**
 * Writes `sw.js` into a built site (and `zh-hant/sw.js` for the Traditional edition). A worker
 * precaches its edition at install and serves it cache-first; a new build gives a new precache
 * list, which the browser notices on the next visit and installs beside the running one. The new
 * worker waits until the learner accepts the update (the page posts `SKIP_WAITING`), so a tab
 * never runs half of one version and half of another.
 */
export async function writeServiceWorker(distDir: string): Promise<OfflineBuild> {
  const written = { count: 0, size: 0 };
  for (const edition of EDITION_WORKERS) {
    // A build without the Traditional edition (SCRIPT_EDITIONS=hans) has no folder for its worker.
    if (edition.urlPrefix && !existsSync(join(distDir, HANT_DIR, 'index.html'))) continue;
    const { count, size } = await writeEditionWorker(distDir, edition);
    written.count += count;
    written.size += size;
  }
  return written;
}

interface EditionWorker {
  swDest: string;
  /** What the worker's URLs are relative to its own: the Traditional worker names files from the site root. */
  urlPrefix: string;
  globPatterns: string[];
  globIgnores: string[];
}

async function writeEditionWorker(distDir: string, edition: EditionWorker): Promise<OfflineBuild> {
  const { count, size, warnings } = await generateSW({
    globDirectory: distDir,
    // Pagefind's index files (`pf_*`) and its WebAssembly (`.pagefind`) make search work offline too.
    globPatterns: edition.globPatterns,
    globIgnores: [...OFFLINE_IGNORED, ...edition.globIgnores],
    swDest: `${distDir}/${edition.swDest}`,
    ...(edition.urlPrefix ? { modifyURLPrefix: { '': edition.urlPrefix } } : {}),
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
