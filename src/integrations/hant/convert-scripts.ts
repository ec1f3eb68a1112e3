import type { ConvertText } from './convert-text.ts';

/**
 * The built scripts (`_astro/`) the Traditional edition needs its own copy of: those holding text
 * the converter changes (UI words compiled into an island, a domain catalogue such as the names
 * of the eight steps), and every script that loads one of them, so a Traditional page never
 * reaches a Simplified one. The copies live in `<edition>/_astro/` under the same names; a copy
 * loads the scripts that need no copy from the shared `_astro/`, so the framework, the progress
 * store and the rest are one file (and one module instance) for both editions.
 */
export function convertScripts(scripts: ReadonlyMap<string, string>, convert: ConvertText, editionDir: string): Map<string, string> {
  const converted = new Map<string, string>();
  for (const [name, text] of scripts) {
    const out = convert(text);
    if (out !== text) converted.set(name, out);
  }
  // Whoever names a copied script is copied too, until nothing changes.
  for (let grew = true; grew;) {
    grew = false;
    for (const [name, text] of scripts) {
      if (converted.has(name) || ![...converted.keys()].some((other) => text.includes(other))) continue;
      converted.set(name, text);
      grew = true;
    }
  }
  const names = [...scripts.keys()];
  for (const [name, text] of converted) {
    converted.set(
      name,
      retarget(text, names, (other) => converted.has(other), editionDir),
    );
  }
  return converted;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** References to other scripts, as Vite writes them: `./x.js`, `/_astro/x.js`, `_astro/x.js` or a bare `x.js` in a string. */
function retarget(text: string, names: readonly string[], copied: (name: string) => boolean, editionDir: string): string {
  let out = text;
  for (const other of names) {
    if (!out.includes(other)) continue;
    const pattern = new RegExp(`(["'\`])(\\./|/_astro/|_astro/)?${escape(other)}`, 'g');
    out = out.replace(pattern, (_whole, quote: string, prefix: string | undefined) => {
      if (copied(other)) {
        // A sibling copy: relative names stay; names from the site root move into the edition.
        if (prefix === '/_astro/') return `${quote}/${editionDir}/_astro/${other}`;
        if (prefix === '_astro/') return `${quote}${editionDir}/_astro/${other}`;
        return `${quote}${prefix ?? ''}${other}`;
      }
      if (prefix === '/_astro/' || prefix === '_astro/') return `${quote}${prefix}${other}`;
      return `${quote}../../_astro/${other}`;
    });
  }
  return out;
}
