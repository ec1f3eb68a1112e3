import type { UiKey } from '../../i18n/zh-CN.ts';

/**
 * UI strings travel to islands as props (see pick-strings.ts), a handful at a time, rather than
 * by importing the whole locale table into the client bundle, which every area of the course adds to.
 */
export type Strings = Record<string, string>;

/** `strings[key]` with `{name}` placeholders filled; the key itself if missing, so a gap is visible. */
export function format(strings: Strings, key: UiKey, values: Record<string, string | number> = {}): string {
  return (strings[key] ?? key).replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** A score for people: at most two decimals, no trailing zeros (0.2857 → "0.29", 1.5 → "1.5"). */
export const decimal = (x: number): string => String(Math.round(x * 100) / 100);
