import { EDITIONS } from '../../i18n/editions.ts';
import type { ConvertText } from './convert-text.ts';

/**
 * A built page in the Traditional edition: what a reader sees or hears (text, `alt`, `title`,
 * `aria-label`, `placeholder`, meta `content`, the strings in island props) is converted; what
 * the machine reads is not — URLs (rewritten to stay in the edition instead), ids and the
 * fragments that point at them (heading ids are Chinese: converting one side and not the other
 * would break every in-page link), class names, inline scripts and styles (their CSP hashes are
 * pinned in the page).
 */
export interface HantPage {
  convert: ConvertText;
  /** The same URL in the Traditional edition (a root-relative URL; anything else is returned unchanged). */
  url: (url: string) => string;
}

/** Attributes that name or point at something rather than say something. */
const MACHINE_ATTRIBUTES = new Set([
  'id',
  'class',
  'style',
  'href',
  'src',
  'srcset',
  'action',
  'for',
  'name',
  'headers',
  'lang',
  'hreflang',
  'rel',
  'type',
  'aria-controls',
  'aria-labelledby',
  'aria-describedby',
  'aria-owns',
  'aria-activedescendant',
  'component-url',
  'renderer-url',
  'before-hydration-url',
  'integrity',
]);

/** A JSON string inside an attribute, as Astro writes island props (`&quot;…&quot;`). */
const QUOTED_IN_ATTRIBUTE = /&quot;((?:(?!&quot;)[^"])*)&quot;/g;

// A lone "/" inside props is data (a separator), not the home page.
const looksLikeUrl = (value: string): boolean => value !== '/' && /^(?:\/(?!\/)|#|\.\.?\/)/.test(value);

function attributeValue(name: string, value: string, page: HantPage): string {
  if (value.startsWith('/') && !value.startsWith('//')) return page.url(value);
  if (MACHINE_ATTRIBUTES.has(name)) return value;
  if (!value.includes('&quot;')) return page.convert(value);
  // JSON (island props, data-* strings): each string is either a URL or words.
  return value.replace(QUOTED_IN_ATTRIBUTE, (_whole, inner: string) => {
    const converted = looksLikeUrl(inner) ? (inner.startsWith('/') ? page.url(inner) : inner) : page.convert(inner);
    return `&quot;${converted}&quot;`;
  });
}

function convertTag(tag: string, page: HantPage): string {
  const nameMatch = /^<([a-zA-Z][\w-]*)/.exec(tag);
  const element = nameMatch?.[1]?.toLowerCase() ?? '';
  // An edition alternate (the script switch, `<link rel="alternate">`) already points where it means.
  const alternate = /\shreflang="/.test(tag);
  let out = tag.replace(/(\s)([a-zA-Z][\w:.-]*)="([^"]*)"/g, (whole, space: string, name: string, value: string) => {
    const lower = name.toLowerCase();
    if (alternate && lower === 'href') return whole;
    if (element === 'html' && lower === 'lang') return `${space}lang="${EDITIONS.hant.lang}"`;
    return `${space}${name}="${attributeValue(lower, value, page)}"`;
  });
  if (element === 'a' && out.includes('data-script-switch')) {
    // The switch marks the edition the reader is in.
    out = out.replace(/\saria-current="page"/, '');
    if (out.includes(`hreflang="${EDITIONS.hant.lang}"`)) out = out.replace(/^<a\b/, '<a aria-current="page"');
  }
  return out;
}

/** Markup tokens: comments, script and style elements whole, tags, and the text between them. */
const TOKENS = /(<!--[\s\S]*?-->|<(script|style)\b[^>]*>[\s\S]*?<\/\2>|<[a-zA-Z!/][^>]*>)/g;

export function convertHtml(html: string, page: HantPage): string {
  return html
    .split(TOKENS)
    .map((part, i) => {
      if (part === undefined || part === '') return '';
      // split() puts the tag name of a script/style match in the next slot: drop it.
      if (i % 3 === 2) return '';
      if (i % 3 === 0) return page.convert(part);
      if (part.startsWith('<!--')) return part;
      const block = /^<(script|style)\b[^>]*>/i.exec(part);
      if (block) return convertTag(block[0], page) + part.slice(block[0].length);
      return convertTag(part, page);
    })
    .join('');
}
