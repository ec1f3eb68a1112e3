import type { Element, ElementContent, Root } from 'hast';

/**
 * The class a table carries to be shown as cards on a phone (see `.stack-on-phone` in
 * src/styles/global.css): each body row a card, each cell under its column's name.
 */
export const STACK_ON_PHONE = 'stack-on-phone';

const isElement = (node: unknown, tag?: string): node is Element =>
  (node as Element | undefined)?.type === 'element' && (tag === undefined || (node as Element).tagName === tag);

const textOf = (node: ElementContent): string =>
  node.type === 'text' ? node.value : node.type === 'element' ? node.children.map(textOf).join('') : '';

const rowsOf = (section: Element): Element[] => section.children.filter((n): n is Element => isElement(n, 'tr'));

const cellsOf = (row: Element): Element[] => row.children.filter((n): n is Element => isElement(n, 'td') || isElement(n, 'th'));

/**
 * Gives every body cell of a lesson table its column's header as `data-label`, and the table the
 * class that stacks it on a phone. A Markdown table has one header row and no merged cells, so
 * the n-th cell of a row is under the n-th header. Tables without a header row are left alone:
 * with no column names, a card would have no labels to show.
 */
export function labelTable(table: Element): void {
  const head = table.children.find((n): n is Element => isElement(n, 'thead'));
  const headers = head ? rowsOf(head)[0] : undefined;
  if (!headers) return;
  const names = cellsOf(headers).map((cell) => textOf(cell).trim());
  for (const body of table.children.filter((n): n is Element => isElement(n, 'tbody'))) {
    for (const row of rowsOf(body)) {
      cellsOf(row).forEach((cell, i) => {
        const name = names[i];
        if (name) cell.properties = { ...cell.properties, dataLabel: name };
      });
    }
  }
  const classes: unknown = table.properties['className'];
  const list: string[] = Array.isArray(classes) ? classes.map(String) : typeof classes === 'string' ? classes.split(' ') : [];
  table.properties = { ...table.properties, className: [...new Set([...list, STACK_ON_PHONE])] };
}

/** Rehype plugin: every table in a lesson reads on a 360 px phone, without any lesson asking for it. */
export function rehypeTableLabels() {
  return (tree: Root): void => {
    // Into every node with children, not only elements: a table may sit inside a component
    // (an MDX JSX node), such as a <Case>.
    const walk = (node: { children?: unknown[] }): void => {
      for (const child of node.children ?? []) {
        if (isElement(child, 'table')) labelTable(child);
        else walk(child as { children?: unknown[] });
      }
    };
    walk(tree);
  };
}
