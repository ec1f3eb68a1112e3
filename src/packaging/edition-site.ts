import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { HANT_DIR, type Script } from '../i18n/editions.ts';

/**
 * An LMS package holds one script. The built site holds both: the Simplified pages at the root
 * and the Traditional edition under `zh-hant/`, with its own copies of the scripts that carry
 * words. This lays out one edition as a site of its own, in a temporary folder the packager
 * reads like `dist/`: for Traditional, the edition's files replace the Simplified ones at the
 * same paths and its links lose the `/zh-hant` prefix. Either way the script switch and the
 * edition alternates go (they point at the other edition, which the package does not hold).
 */
export function editionSite(dist: string, script: Script): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `service-classroom-${script}-`));
  cpSync(dist, dir, { recursive: true, filter: (src) => relative(dist, src).split(/[\\/]/)[0] !== HANT_DIR });
  if (script === 'hant') cpSync(join(dist, HANT_DIR), dir, { recursive: true, force: true });
  for (const path of listFiles(dir)) {
    const file = join(dir, path);
    if (path.endsWith('.html'))
      writeFileSync(file, withoutSwitch(script === 'hant' ? unprefixed(readFileSync(file, 'utf8')) : readFileSync(file, 'utf8')));
    else if (script === 'hant' && /\.(?:m?js|json|webmanifest)$/.test(path)) writeFileSync(file, unprefixed(readFileSync(file, 'utf8')));
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A Traditional file moved to the root: its edition links become root links, its script copies siblings again. */
export function unprefixed(text: string): string {
  return text.replaceAll(`/${HANT_DIR}/`, '/').replaceAll('../../_astro/', './');
}

/** A page without the 简/繁 switch and the `hreflang` alternates. */
export function withoutSwitch(html: string): string {
  return html
    .replace(/<nav class="script-switch"[^>]*>[\s\S]*?<\/nav>/, '')
    .replace(/<link rel="alternate" hreflang="[^"]*" href="[^"]*">/g, '');
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split('\\').join('/'));
}
