/** `template` with its `{name}` placeholders filled from `values`; unknown placeholders stay visible. */
export const fill = (template: string, values: Record<string, string | number> = {}): string =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
