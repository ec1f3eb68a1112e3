import { HANT_EXCEPTIONS } from '../../i18n/hant-overrides.ts';
import type { ConvertText } from './convert-text.ts';

/**
 * The characters the converter would change on their own: a Simplified form with a different
 * Traditional one (发, 后, 里 …). Some are also right in Traditional in certain words (皇后, 公里);
 * those words are the reviewed exceptions.
 */
export function simplifiedOnlyCharacters(convert: ConvertText): ReadonlySet<string> {
  const found = new Set<string>();
  // The CJK Unified Ideographs block and Extension A hold every character OpenCC's tables convert.
  for (let code = 0x3400; code <= 0x9fff; code++) {
    const c = String.fromCodePoint(code);
    if (convert(c) !== c) found.add(c);
  }
  return found;
}

export interface SimplifiedLeft {
  character: string;
  /** A few characters either side, to read it in its sentence. */
  context: string;
}

/** Simplified-only characters left in a Traditional text, once the reviewed exception words are set aside. */
export function simplifiedLeft(text: string, simplifiedOnly: ReadonlySet<string>, exceptions = HANT_EXCEPTIONS): SimplifiedLeft[] {
  let checked = text;
  for (const { word } of exceptions) checked = checked.replaceAll(word, '　'.repeat(word.length));
  const left: SimplifiedLeft[] = [];
  for (const match of checked.matchAll(/\p{Script=Han}/gu)) {
    if (!simplifiedOnly.has(match[0])) continue;
    left.push({ character: match[0], context: text.slice(Math.max(0, match.index - 8), match.index + 9).replace(/\s+/g, ' ') });
  }
  return left;
}
