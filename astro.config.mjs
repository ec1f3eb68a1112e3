// @ts-check
import { unified } from '@astrojs/markdown-remark';
import mdx from '@astrojs/mdx';
import svelte from '@astrojs/svelte';
import { defineConfig } from 'astro/config';
import { loadEnv } from 'vite';
import { lrsConfigFrom } from './src/lms/xapi/lrs-config.ts';
import { contentChecks } from './src/integrations/content/index.ts';
import { hantEdition } from './src/integrations/hant/index.ts';
import { offlineSupport } from './src/integrations/offline/index.ts';
import { searchIndex } from './src/integrations/search/index.ts';
import { rehypeLessonSections } from './src/integrations/slides/rehype-lesson-sections.ts';
import { rehypeTableLabels } from './src/integrations/tables/rehype-table-labels.ts';

// The LRS the course sends xAPI statements to, if the build has one: the only origin besides the
// site's own that its pages may connect to. Read as the pages read it (`.env` files, then the environment).
const lrs = lrsConfigFrom({ ...loadEnv('production', process.cwd(), 'PUBLIC_LRS_'), ...process.env });

export default defineConfig({
  site: 'http://localhost:4321',
  // Directory URLs (`/lessons/x/`) that also work from a file system or an LMS folder.
  trailingSlash: 'always',
  build: { format: 'directory' },
  devToolbar: { enabled: false },
  // A course built from another content root (COURSE_ROOT: the bench's generated course) keeps its
  // content-layer cache apart, so the project's own build never starts from its entries.
  ...(process.env.COURSE_ROOT ? { cacheDir: `${process.env.COURSE_ROOT}/.astro-cache` } : {}),

  // Whether the pages send to an LRS, as a constant the bundler can see: without one, the sender's
  // scripts are dead code and leave nothing in the build for the offline worker to precache.
  // Workers as ES modules, so the HR worker loads the LRS client only when HR reads an LRS.
  vite: { define: { __LRS_CONFIGURED__: JSON.stringify(Boolean(lrs)) }, worker: { format: 'es' } },
  // No `disclose-version` module: one request and 80 bytes less on every page with an island.
  integrations: [
    contentChecks(),
    mdx(),
    svelte({ compilerOptions: { discloseVersion: false } }),
    // Order matters: the Traditional edition is written first, so search and the worker include it.
    // SCRIPT_EDITIONS=hans builds the Simplified pages alone (the bench, to measure what the edition adds).
    ...(process.env.SCRIPT_EDITIONS === 'hans' ? [] : [hantEdition()]),
    searchIndex(),
    offlineSupport(),
  ],
  // Lessons need rehype passes (sections as slides, tables that stack on a phone), so Markdown goes
  // through unified.
  markdown: { processor: unified({ rehypePlugins: [rehypeLessonSections, rehypeTableLabels] }), syntaxHighlight: false },
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        lrs ? `connect-src 'self' ${lrs.origin}` : "connect-src 'self'",
        "font-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
    },
  },
});
