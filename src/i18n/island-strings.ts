import { fill } from './fill.ts';
import type { UiKey } from './zh-CN.ts';

/**
 * UI strings travel to islands as props (picked at build time by `pick-strings.ts`), a handful at
 * a time, rather than by importing the whole locale table into the client bundle, which every
 * area of the course adds to.
 */
export type Strings = Record<string, string>;

/** Looks up a string passed to an island and fills its placeholders; the key itself if missing, so a gap is visible. */
export type Text = (key: string, values?: Record<string, string | number>) => string;

export const format = (strings: Strings, key: UiKey, values: Record<string, string | number> = {}): string =>
  fill(strings[key] ?? key, values);

export const textFrom =
  (strings: Strings): Text =>
  (key, values = {}) =>
    fill(strings[key] ?? key, values);
