/** The strings the slideshow controller needs at run time; the page renders them into `data-labels`. */
export interface SlideshowLabels {
  slide: string;
  slideOf: string;
  counter: string;
  overviewItem: string;
  reveal: string;
  hideAnswer: string;
  answerShown: string;
  pauseTalk: string;
  resumeTalk: string;
  onPace: string;
  ahead: string;
  behind: string;
  planned: string;
  noNotes: string;
  jump: string;
  /** Role-plays: the customer's mood in words, e.g. "不满（4/10）", from the band words below. */
  moodValue: string;
  moods: Record<string, string>;
  moodChange: string;
  stepsProgress: string;
  score: string;
}

/** Fills `{name}` placeholders, as `t()` does on the server. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
