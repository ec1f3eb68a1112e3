import { createHash } from 'node:crypto';
import { posix } from 'node:path';

/**
 * The built site uses root-relative URLs (`/lessons/x/`, `/_astro/y.js`), which break when an LMS
 * serves the package from somewhere like `/pluginfile.php/123/mod_scorm/content/1/`. For the
 * package copy, every such URL becomes relative to the file it is in, and every directory URL
 * names its `index.html` (LMS content servers rarely serve directory indexes). The website's own
 * build is left as it is.
 *
 * Astro writes attributes double-quoted; island props carry URLs as JSON strings inside an
 * attribute (`&quot;/lessons/x/&quot;`). Inline scripts are never rewritten, because the page's
 * Content-Security-Policy pins their hashes: one that holds a site URL stops the packaging with
 * an error instead. An inline style that holds one is rewritten and its hash in the policy
 * replaced.
 */

export interface SiteFiles {
  /** Whether the package has this file (a path relative to the package root, no leading slash). */
  has(path: string): boolean;
  /** The top-level names of the site (`lessons`, `_astro`, `index.html`, …): a URL under one of them is the site's. */
  topLevel: ReadonlySet<string>;
}

export interface Rewritten {
  text: string;
  /** Site URLs that point at no file of the package. */
  missing: string[];
}

const SPLIT = /^([^?#]*)(.*)$/s;

/** Whether a root-relative URL points into the site (rather than being some other string that starts with "/"). */
export function isSiteUrl(url: string, site: SiteFiles, allowRoot = true): boolean {
  if (!url.startsWith('/') || url.startsWith('//')) return false;
  const path = SPLIT.exec(url)![1]!;
  if (path === '/') return allowRoot;
  const first = path.slice(1).split('/')[0] ?? '';
  return site.topLevel.has(first);
}

/** The package file a root-relative URL path means: a directory URL means its index.html. */
export function fileFor(path: string, site: SiteFiles): string {
  const p = path.replace(/^\//, '');
  if (p === '' || p.endsWith('/')) return `${p}index.html`;
  if (!posix.extname(p) && site.has(`${p}/index.html`)) return `${p}/index.html`;
  return p;
}

/** `url` (root-relative) as seen from the file `from` (a package path). */
export function relativeUrl(from: string, url: string, site: SiteFiles, missing: string[]): string {
  const [, path = '', rest = ''] = SPLIT.exec(url) ?? [];
  const target = fileFor(path, site);
  if (!site.has(target)) missing.push(`${from}: ${url}`);
  const relative = posix.relative(posix.dirname(from), target);
  return (relative === '' ? posix.basename(target) : relative) + rest;
}

/** A relative directory link (`map/`, `../`) with its index.html named. */
function withIndex(url: string): string {
  if (/^(?:[a-z][a-z0-9+.-]*:|#|\/)/i.test(url)) return url;
  const [, path = '', rest = ''] = SPLIT.exec(url) ?? [];
  return path.endsWith('/') || path === '.' || path === '..' ? `${path.replace(/\/?$/, '/')}index.html${rest}` : url;
}

const sha256 = (text: string): string => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

export function relativizeHtml(html: string, file: string, site: SiteFiles): Rewritten {
  const missing: string[] = [];
  const rel = (url: string) => relativeUrl(file, url, site, missing);
  const hashChanges: [string, string][] = [];

  // Attribute values that are site URLs; srcset lists several.
  const rewriteAttributes = (markup: string): string =>
    markup.replace(/(\s[a-zA-Z][\w:.-]*=")([^"]*)(")/g, (whole, before: string, value: string, after: string) => {
      const name = before.trim().slice(0, -2).toLowerCase();
      if (name === 'srcset') {
        const parts = value.split(',').map((part) => part.trim().replace(/^\S+/, (u) => (isSiteUrl(u, site) ? rel(u) : u)));
        return `${before}${parts.join(', ')}${after}`;
      }
      if (isSiteUrl(value, site)) return `${before}${rel(value)}${after}`;
      if (name === 'href') return `${before}${withIndex(value)}${after}`;
      // URLs inside JSON in an attribute (island props).
      if (value.includes('&quot;/')) {
        const inner = value.replace(/&quot;(\/(?!\/)[^&"]*)&quot;/g, (m, url: string) =>
          isSiteUrl(url, site, false) ? `&quot;${rel(url)}&quot;` : m,
        );
        return `${before}${inner}${after}`;
      }
      return whole;
    });

  // Inline scripts and styles apart from the markup, so the attribute rules never touch their text.
  const blocks: string[] = [];
  const keep = (block: string): string => {
    blocks.push(block);
    return `\u0000${blocks.length - 1}\u0000`;
  };
  let text = html.replace(/<(script|style)\b([^>]*)>([\s\S]*?)<\/\1>/gi, (_whole, tag: string, attrs: string, body: string) => {
    const open = `<${tag}${rewriteAttributes(attrs)}>`;
    if (tag.toLowerCase() === 'script') {
      const urls = /\bsrc=/.test(attrs)
        ? []
        : [...body.matchAll(/["'`(](\/(?!\/)[^"'`)\s]*)/g)].map((m) => m[1]!).filter((u) => isSiteUrl(u, site, false));
      if (urls.length > 0) {
        throw new Error(
          `${file}: an inline script holds site URLs (${urls.join(', ')}); it cannot be made relative without breaking its CSP hash`,
        );
      }
      return keep(`${open}${body}</${tag}>`);
    }
    const rewritten = body.replace(/url\(\s*(['"]?)(\/(?!\/)[^'")]*)\1\s*\)/g, (m, q: string, url: string) =>
      isSiteUrl(url, site) ? `url(${q}${rel(url)}${q})` : m,
    );
    if (rewritten !== body) hashChanges.push([sha256(body), sha256(rewritten)]);
    return keep(`${open}${rewritten}</${tag}>`);
  });
  text = rewriteAttributes(text);

  text = text.replace(/\u0000(\d+)\u0000/g, (_, i: string) => blocks[Number(i)]!);
  for (const [before, after] of hashChanges) text = text.replace(before, after);
  return { text, missing };
}

export function relativizeCss(css: string, file: string, site: SiteFiles): Rewritten {
  const missing: string[] = [];
  const text = css.replace(/url\(\s*(['"]?)(\/(?!\/)[^'")]*)\1\s*\)/g, (m, q: string, url: string) =>
    isSiteUrl(url, site) ? `url(${q}${relativeUrl(file, url, site, missing)}${q})` : m,
  );
  return { text, missing };
}

/**
 * The one URL shape bundled code may hold that the packager does rewrite: Vite's
 * `new URL("/_astro/x.js", import.meta.url)` for a worker or asset next to the chunk, which
 * resolves the same when made relative to the chunk's own file.
 */
export function relativizeScript(code: string, file: string, site: SiteFiles): Rewritten {
  const missing: string[] = [];
  const text = code.replace(/new URL\((["'`])(\/(?!\/)[^"'`\s]+)\1(?=\s*,[^)]*import\.meta\.url)/g, (m, q: string, url: string) => {
    if (!isSiteUrl(url, site, false)) return m;
    const relative = relativeUrl(file, url, site, missing);
    return `new URL(${q}${relative.startsWith('.') ? relative : `./${relative}`}${q}`;
  });
  return { text, missing };
}

/** Site URLs in string literals of a bundled script: the packager cannot rewrite code, so it refuses to ship it. */
export function siteUrlsInScript(code: string, site: SiteFiles): string[] {
  return [...code.matchAll(/["'`](\/(?!\/)[A-Za-z0-9_.~-][^"'`\s]*)["'`]/g)].map((m) => m[1]!).filter((u) => isSiteUrl(u, site, false));
}

/** Inserts `<script src>` for the package's frame script right after the Content-Security-Policy, so it runs before anything else. */
export function withFrameScript(html: string, file: string, frameScript = 'scorm/frame.js'): string {
  const src = posix.relative(posix.dirname(file), frameScript);
  const csp = /<meta http-equiv="content-security-policy" content="([^"]*)">/i.exec(html);
  if (!csp) throw new Error(`${file}: no Content-Security-Policy meta tag to place the frame script after`);
  if (!/script-src 'self'/.test(csp[1]!)) throw new Error(`${file}: the Content-Security-Policy does not allow scripts from 'self'`);
  const at = csp.index + csp[0].length;
  return `${html.slice(0, at)}<script src="${src}"></script>${html.slice(at)}`;
}
