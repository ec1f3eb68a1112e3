import * as OpenCC from 'opencc-js';
import { HANT_OVERRIDES, type HantOverride } from '../../i18n/hant-overrides.ts';

export type ConvertText = (text: string) => string;

/**
 * The one Simplified → Traditional converter of the build: OpenCC's `cn` → `tw` (characters and
 * Taiwan-standard variant forms, no regional vocabulary; see README "Traditional Chinese
 * edition"), then the reviewed overrides. Built once per build: OpenCC's dictionaries take a
 * moment to load and the converter is then pure.
 */
export function hantConverter(overrides: readonly HantOverride[] = HANT_OVERRIDES): ConvertText {
  const opencc = OpenCC.Converter({ from: 'cn', to: 'tw' });
  const fix = overrides.length > 0 ? OpenCC.CustomConverter(overrides.map((o) => [o.converted, o.traditional] as const)) : undefined;
  // The same strings recur on hundreds of pages (the header, UI strings, a lesson on its page, its
  // slides and its module's slides): each distinct one is converted once.
  const done = new Map<string, string>();
  return (text) => {
    // Text without a Han character (URLs, ids, numbers, code) is returned as it is, and fast.
    if (!HAN.test(text)) return text;
    let converted = done.get(text);
    if (converted === undefined) {
      converted = fix ? fix(opencc(text)) : opencc(text);
      done.set(text, converted);
    }
    return converted;
  };
}

const HAN = /\p{Script=Han}/u;
