import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { writeHantEdition } from './write-edition.ts';

/**
 * After every build, writes the Traditional Chinese edition (`dist/zh-hant/`) from the built
 * Simplified pages: converted once, not per page render. Listed before the search index and the
 * offline worker, whose build hooks run after it and so index and precache the edition too.
 */
export function hantEdition(): AstroIntegration {
  return {
    name: 'service-classroom:hant',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const started = performance.now();
        const { pages, scripts, bytes } = writeHantEdition(fileURLToPath(dir));
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        logger.info(`zh-hant: ${pages} pages and ${scripts} scripts converted in ${seconds} s (${(bytes / 1024 / 1024).toFixed(1)} MB)`);
      },
    },
  };
}
