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
  // Text without a Han character (URLs, ids, numbers, code) is returned as it is, and fast.
  return (text) => (HAN.test(text) ? (fix ? fix(opencc(text)) : opencc(text)) : text);
}

const HAN = /\p{Script=Han}/u;
