import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { checkContent } from './check-content.ts';
import { courseRoot } from './content-root.ts';
import { formatProblems } from './problem.ts';
import { readContent } from './read-content.ts';

/**
 * Checks all authored content before Astro builds, so a broken lesson or activity stops the build
 * with a message naming the file, the field and the problem, instead of a stack trace.
 */
export function contentChecks(): AstroIntegration {
  return {
    name: 'service-classroom:content-checks',
    hooks: {
      'astro:config:setup': ({ config, command }) => {
        if (command === 'preview') return;
        const root = courseRoot(fileURLToPath(config.root));
        const read = readContent(root);
        const problems = [...read.problems, ...checkContent(read.content).problems];
        if (problems.length > 0) throw new Error(formatProblems(problems));
      },
    },
  };
}
