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

/**
 * What a section says after its first embedded activity, other than more activities: the slides
 * plugin gives every activity a slide of its own, so this text would become a slide with no
 * heading and no notes. Returns its first words, or undefined when there is none.
 */
export function textAfterActivity(text: string, activities: ReadonlySet<string>): string | undefined {
  const embed = new RegExp(`<(?:${[...activities].join('|')})\\b[^>]*/>`, 'g');
  const first = embed.exec(text);
  if (!first) return undefined;
  const rest = text.slice(first.index + first[0].length).replace(embed, '').trim();
  if (!rest) return undefined;
  const words = rest.replace(/\s+/g, ' ');
  return words.length > 20 ? `${words.slice(0, 20)}…` : words;
}
