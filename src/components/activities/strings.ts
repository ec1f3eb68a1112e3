export { format, type Strings } from '../../i18n/island-strings.ts';

/** A score for people: at most two decimals, no trailing zeros (0.2857 → "0.29", 1.5 → "1.5"). */
export const decimal = (x: number): string => String(Math.round(x * 100) / 100);
