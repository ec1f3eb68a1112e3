/**
 * The course's two scripts. The Simplified edition is the one Astro renders; the Traditional one
 * is a converted copy of the built site under `/zh-hant/` (src/integrations/hant/), so every
 * page exists in both with the same path after the prefix, and the switch between them is a
 * plain link.
 */
export const HANT_DIR = 'zh-hant';

export const EDITIONS = {
  hans: { lang: 'zh-CN', label: '简', name: '简体中文' },
  hant: { lang: 'zh-Hant', label: '繁', name: '繁體中文' },
} as const;

export type Script = keyof typeof EDITIONS;

/** The same page in each edition, from a Simplified path under `base` (the site's BASE_URL). */
export function editionPaths(base: string, path: string): Record<Script, string> {
  const rest = path.startsWith(base) ? path.slice(base.length) : path.replace(/^\//, '');
  return { hans: `${base}${rest}`, hant: `${base}${HANT_DIR}/${rest}` };
}
