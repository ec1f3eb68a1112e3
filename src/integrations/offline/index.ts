import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { writeServiceWorker } from './service-worker.ts';

/** After every build, writes the service worker that makes the course work offline once visited. */
export function offlineSupport(): AstroIntegration {
  return {
    name: 'service-classroom:offline',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const { count, size } = await writeServiceWorker(fileURLToPath(dir));
        logger.info(`sw.js precaches ${count} files, ${(size / 1024 / 1024).toFixed(1)} MB`);
      },
    },
  };
}
