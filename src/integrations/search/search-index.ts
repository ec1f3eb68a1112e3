import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';

/** Pagefind's own ready-made interfaces: the course draws its own results page, so they are not shipped. */
const UNUSED = /^pagefind-(?:ui|modular-ui|component-ui|highlight)\.(?:js|css)$/;

/**
 * Builds the full-text index of a built site. Pagefind reads each page's `lang` (zh-CN) and
 * segments Chinese into words, so two-character queries such as 投诉 find the pages that use them.
 */
export async function writeSearchIndex(distDir: string): Promise<{ pages: number }> {
  const { index, errors } = await pagefind.createIndex({
    // What a learner looks up is the teaching: not navigation, activities or the page furniture.
    excludeSelectors: ['.breadcrumb', '.present-links', '.lesson-footer', '.lesson-activity', '[data-lesson-completion]', '.toc'],
  });
  if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
  try {
    const added = await index.addDirectory({ path: distDir });
    if (added.errors.length > 0) throw new Error(`pagefind: ${added.errors.join('; ')}`);
    const outputPath = join(distDir, 'pagefind');
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw new Error(`pagefind: ${written.errors.join('; ')}`);
    for (const name of readdirSync(outputPath)) if (UNUSED.test(name)) rmSync(join(outputPath, name));
    return { pages: added.page_count };
  } finally {
    await pagefind.close();
  }
}
