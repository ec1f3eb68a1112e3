/**
 * Reviewed corrections to OpenCC's Simplified → Traditional (Taiwan) conversion, applied to its
 * output. Each one names the Simplified text, what the converter wrote, what a Traditional
 * reader expects, and why. Add one only after reading the converted page: a wrong character in a
 * lesson is found by reading, not by the build.
 */
export interface HantOverride {
  /** The Simplified source text where the converter goes wrong. */
  simplified: string;
  /** What OpenCC writes for it. */
  converted: string;
  /** The reviewed Traditional text. */
  traditional: string;
  reason: string;
}

export const HANT_OVERRIDES: readonly HantOverride[] = [];
