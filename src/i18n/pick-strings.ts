import type { Strings } from './island-strings.ts';
import { zhCN } from './zh-CN.ts';

/** The UI strings whose keys start with one of `prefixes`, to pass to an island (build time only). */
export function pickStrings(...prefixes: string[]): Strings {
  return Object.fromEntries(Object.entries(zhCN).filter(([key]) => prefixes.some((p) => key.startsWith(p))));
}
