/** Lowest and highest customer mood: 0 is beside themselves with anger, 10 is delighted. */
export const MOOD_MIN = 0;
export const MOOD_MAX = 10;

/**
 * Mood in words, so the meter never relies on its colour or length alone. Bands are inclusive
 * upper bounds; the words themselves live in the UI strings under `scenario.mood.<band>`.
 */
export const MOOD_BANDS = [
  { band: 'furious', upTo: 1 },
  { band: 'angry', upTo: 3 },
  { band: 'unhappy', upTo: 5 },
  { band: 'calming', upTo: 7 },
  { band: 'satisfied', upTo: 9 },
  { band: 'delighted', upTo: 10 },
] as const;

export type MoodBand = (typeof MOOD_BANDS)[number]['band'];

export function moodBand(mood: number): MoodBand {
  return (MOOD_BANDS.find((b) => mood <= b.upTo) ?? MOOD_BANDS[MOOD_BANDS.length - 1]!).band;
}

export const clampMood = (mood: number): number => Math.min(MOOD_MAX, Math.max(MOOD_MIN, Math.round(mood)));
