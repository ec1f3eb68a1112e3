import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { writeSearchIndex } from './search-index.ts';

/**
 * After every build, indexes the pages marked `data-pagefind-body` (lessons, glossary) with
 * Pagefind into `dist/pagefind/`. It runs before the offline worker is written, so search is
 * precached with the pages and works offline too.
 */
export function searchIndex(): AstroIntegration {
  return {
    name: 'service-classroom:search',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const { pages } = await writeSearchIndex(fileURLToPath(dir));
        logger.info(`pagefind indexed ${pages} pages`);
      },
    },
  };
}
