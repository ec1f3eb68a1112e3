/**
 * A lesson's MDX body cut at its `## ` headings, the way the slides plugin cuts the rendered
 * lesson, so the content checks can speak about one section (one slide in class) at a time.
 */
export interface BodySection {
  /** The heading's text; undefined for whatever stands before the first heading. */
  heading: string | undefined;
  /** The section's source, heading line included. */
  text: string;
}

export function bodySections(body: string): BodySection[] {
  const sections: BodySection[] = [{ heading: undefined, text: '' }];
  let fenced = false;
  for (const line of body.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const heading = fenced ? undefined : /^## +(.+?)\s*$/.exec(line)?.[1];
    if (heading !== undefined) sections.push({ heading, text: '' });
    const current = sections.at(-1)!;
    current.text += `${line}\n`;
  }
  return sections;
}

/** The text of each `<Notes>` block in a piece of MDX, in order. */
export const notesIn = (text: string): string[] => [...text.matchAll(/<Notes\b[^>]*>([\s\S]*?)<\/Notes>/g)].map(([, inner]) => inner ?? '');
