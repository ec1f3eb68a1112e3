import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { EDITIONS, HANT_DIR } from '../../i18n/editions.ts';
import { convertHtml, type HantPage } from './convert-html.ts';
import { convertScripts } from './convert-scripts.ts';
import { hantConverter, type ConvertText } from './convert-text.ts';

/** JSON the pages or workers fetch and show (the catalogue HR re-scores against, the web app manifest). */
const SHOWN_JSON = /\.(?:json|webmanifest)$/;

export interface EditionBuild {
  pages: number;
  scripts: number;
  /** Bytes written for the edition. */
  bytes: number;
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort();
}

/** Strings in parsed JSON: URLs moved into the edition, words converted; keys and numbers kept. */
function convertJson(value: unknown, page: HantPage): unknown {
  if (typeof value === 'string') return value.startsWith('/') ? page.url(value) : page.convert(value);
  if (Array.isArray(value)) return value.map((v) => convertJson(v, page));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, k === 'lang' && v === EDITIONS.hans.lang ? EDITIONS.hant.lang : convertJson(v, page)]),
    );
  }
  return value;
}

/**
 * Writes the Traditional edition of a built site into `<dist>/zh-hant/`: every page, the scripts
 * that carry words, and the JSON they fetch, converted by one converter. Run once after the build,
 * before the search index and the service worker are written, so both see the edition.
 */
export function writeHantEdition(distDir: string, convert: ConvertText = hantConverter()): EditionBuild {
  const out = join(distDir, HANT_DIR);
  rmSync(out, { recursive: true, force: true });
  const files = listFiles(distDir);
  const pages = files.filter((f) => f.endsWith('.html'));
  const scriptNames = files.filter((f) => f.startsWith('_astro/') && /\.m?js$/.test(f));
  const scripts = convertScripts(
    new Map(scriptNames.map((f) => [f.slice('_astro/'.length), readFileSync(join(distDir, f), 'utf8')])),
    convert,
    HANT_DIR,
  );
  const json = files.filter((f) => SHOWN_JSON.test(f) && !f.startsWith('pagefind/'));

  // The edition's own worker (`zh-hant/sw.js`) is written after this step, by the offline integration.
  const inEdition = new Set([...pages, ...json, ...[...scripts.keys()].map((name) => `_astro/${name}`), 'sw.js']);
  const url = (value: string): string => {
    if (!value.startsWith('/') || value.startsWith('//') || value.startsWith(`/${HANT_DIR}/`)) return value;
    const [, path = '', rest = ''] = /^([^?#]*)(.*)$/s.exec(value) ?? [];
    const file = path.endsWith('/') ? `${path.slice(1)}index.html` : path.slice(1);
    return inEdition.has(file) ? `/${HANT_DIR}${path}${rest}` : value;
  };
  const page: HantPage = { convert, url };

  let bytes = 0;
  const write = (path: string, text: string) => {
    const target = join(out, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
    bytes += Buffer.byteLength(text);
  };
  for (const path of pages) write(path, convertHtml(readFileSync(join(distDir, path), 'utf8'), page));
  for (const [name, text] of scripts) write(`_astro/${name}`, text);
  for (const path of json) write(path, JSON.stringify(convertJson(JSON.parse(readFileSync(join(distDir, path), 'utf8')), page)));
  return { pages: pages.length, scripts: scripts.size, bytes };
}
