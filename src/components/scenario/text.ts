/** Looks up a UI string passed to the island and fills its `{name}` placeholders. */
export type Text = (key: string, values?: Record<string, string | number>) => string;

/**
 * The island receives only the `scenario.*` strings it needs (picked at build time), rather than
 * importing the whole dictionary, which would put every area's strings into its JavaScript.
 */
export function textFrom(strings: Record<string, string>): Text {
  return (key, values = {}) =>
    (strings[key] ?? key).replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
