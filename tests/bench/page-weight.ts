import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

/** What a built page makes the browser download, found by reading `dist/` (no browser, no timing). */
export interface PageWeight {
  page: string;
  html: { raw: number; gzip: number };
  /** `gzip` sums each file compressed on its own; `gzipTogether` compresses them as one script. */
  js: { raw: number; gzip: number; gzipTogether: number; files: string[] };
  css: { raw: number; gzip: number; files: string[] };
  islands: number;
  /** Distinct island components: several islands of one component load its code once. */
  islandKinds: number;
}

const gz = (buffer: Buffer) => gzipSync(buffer, { level: 9 }).length;

/** Every built HTML page under `dist`, as URL paths (`/lessons/x/`). */
export function builtPages(dist: string): string[] {
  const pages: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.html')) {
        const rel = posix.normalize(path.slice(dist.length).split('\\').join('/'));
        pages.push(rel.endsWith('/index.html') ? rel.slice(0, -'index.html'.length) : rel);
      }
    }
  };
  walk(dist);
  return pages.sort();
}

const fileFor = (dist: string, page: string) => join(dist, page.endsWith('/') ? `${page}index.html` : page);

const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]+)"`).exec(tag)?.[1];

/** JS modules a page loads: module scripts, modulepreloads, island components and renderers, and everything they import. */
function jsEntries(html: string): string[] {
  const urls = new Set<string>();
  for (const [tag] of html.matchAll(/<script\b[^>]*>/g)) {
    const src = attr(tag, 'src');
    if (src) urls.add(src);
  }
  for (const [tag] of html.matchAll(/<link\b[^>]*rel="modulepreload"[^>]*>/g)) {
    const href = attr(tag, 'href');
    if (href) urls.add(href);
  }
  for (const [tag] of html.matchAll(/<astro-island\b[^>]*>/g)) {
    for (const name of ['component-url', 'renderer-url']) {
      const url = attr(tag, name);
      if (url) urls.add(url.replace(/&amp;/g, '&'));
    }
  }
  // Inline module scripts import chunks too.
  for (const [, body] of html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)) {
    for (const [, spec] of (body ?? '').matchAll(/(?:import|from)\s*\(?\s*["']([^"']+\.js)["']/g)) if (spec) urls.add(spec);
  }
  return [...urls];
}

function followImports(dist: string, entry: string, seen: Set<string>): void {
  if (seen.has(entry)) return;
  const path = join(dist, entry);
  if (!existsSync(path)) return;
  seen.add(entry);
  const code = readFileSync(path, 'utf8');
  // Static and dynamic imports, and scripts a module starts by URL: `new Worker(new URL('w.js', import.meta.url))`.
  const specs = [
    ...code.matchAll(/(?:import|from)\s*\(?\s*["'`]([^"'`]+\.js)["'`]/g),
    ...code.matchAll(/new URL\(\s*["'`]([^"'`]+\.js)["'`]\s*,[^)]*import\.meta\.url/g),
  ];
  for (const [, spec] of specs) {
    if (!spec || /^[a-z]+:/.test(spec)) continue;
    const next = spec.startsWith('/') ? spec : posix.join(posix.dirname(entry), spec);
    followImports(dist, next, seen);
  }
}

export function pageWeight(dist: string, page: string): PageWeight {
  const htmlBuffer = readFileSync(fileFor(dist, page));
  const html = htmlBuffer.toString('utf8');
  const js = new Set<string>();
  for (const url of jsEntries(html)) followImports(dist, url.startsWith('/') ? url : posix.join(page, url), js);
  const css = [...html.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*>/g)].map(([tag]) => attr(tag, 'href')).filter((h): h is string => !!h);
  const sum = (files: Iterable<string>) => {
    let raw = 0;
    let gzip = 0;
    for (const f of files) {
      const buffer = readFileSync(join(dist, f));
      raw += buffer.length;
      gzip += gz(buffer);
    }
    return { raw, gzip };
  };
  const jsFiles = [...js].sort();
  // Inline scripts count too: Astro inlines its island loader, and it is JavaScript the page runs.
  const inline = [...html.matchAll(/<script\b(?![^>]*\bsrc=)(?![^>]*type="application\/(?:ld\+)?json")[^>]*>([\s\S]*?)<\/script>/g)]
    .map(([, body]) => Buffer.from(body ?? ''))
    .filter((b) => b.toString().trim() !== '');
  const bodies = [...jsFiles.map((f) => readFileSync(join(dist, f))), ...inline];
  const together = gz(Buffer.concat(bodies));
  return {
    page,
    html: { raw: htmlBuffer.length, gzip: gz(htmlBuffer) },
    js: {
      raw: bodies.reduce((n, b) => n + b.length, 0),
      gzip: bodies.reduce((n, b) => n + gz(b), 0),
      gzipTogether: bodies.length ? together : 0,
      files: [...jsFiles, ...inline.map((_, i) => `inline#${i}`)],
    },
    css: { ...sum(css), files: css },
    islands: (html.match(/<astro-island\b/g) ?? []).length,
    islandKinds: new Set([...html.matchAll(/<astro-island\b[^>]*>/g)].map(([tag]) => attr(tag, 'component-url'))).size,
  };
}
