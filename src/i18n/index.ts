import { fill } from './fill.ts';
import { zhCN, type UiKey } from './zh-CN.ts';

export type { UiKey };

/** Every locale supplies every key; adding a locale is adding one file and one line here. */
const locales = { 'zh-CN': zhCN } satisfies Record<string, Record<UiKey, string>>;
export type Locale = keyof typeof locales;
export const defaultLocale: Locale = 'zh-CN';

/** The UI string for `key`, with `{name}` placeholders filled from `values`. */
export function t(key: UiKey, values: Record<string, string | number> = {}, locale: Locale = defaultLocale): string {
  return fill(locales[locale][key], values);
}
