import { textFrom } from '../../i18n/island-strings.ts';

/** The part of Pagefind's browser API the results page uses (`pagefind/pagefind.js`, written after the build). */
interface Pagefind {
  search(query: string): Promise<{ results: { data(): Promise<PageHit> }[] }>;
}
interface Section {
  title: string;
  url: string;
  excerpt: string;
  locations: number[];
}
interface PageHit {
  url: string;
  meta: { title?: string };
  excerpt: string;
  sub_results?: Section[];
}

const status = document.querySelector<HTMLElement>('[data-search-status]')!;
const list = document.querySelector<HTMLOListElement>('[data-search-results]')!;
const input = document.querySelector<HTMLInputElement>('#search-query')!;
const text = textFrom(JSON.parse(status.dataset['strings'] ?? '{}') as Record<string, string>);

/** Pagefind's excerpt marks the matched words with `<mark>`; only those marks become elements, the rest stays text. */
function excerpt(html: string): HTMLParagraphElement {
  const p = document.createElement('p');
  const parsed = new DOMParser().parseFromString(html, 'text/html').body;
  for (const node of parsed.childNodes) {
    if (node.nodeName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      p.append(mark);
    } else p.append(node.textContent ?? '');
  }
  return p;
}

/** The section of a page that mentions the query most: a result opens there, not at the top of a long lesson. */
function bestSection(hit: PageHit): Section | undefined {
  const sections = (hit.sub_results ?? []).filter((s) => s.locations.length > 0);
  return sections.sort((a, b) => b.locations.length - a.locations.length)[0];
}

function resultItem(hit: PageHit): HTMLLIElement {
  const item = document.createElement('li');
  const section = bestSection(hit);
  const link = document.createElement('a');
  const page = hit.meta.title ?? hit.url;
  link.href = section?.url ?? hit.url;
  link.textContent = section && section.title !== page ? `${page} › ${section.title}` : page;
  item.append(link, excerpt(section?.excerpt ?? hit.excerpt));
  const others = (hit.sub_results ?? []).filter((s) => s !== section && s.locations.length > 0).length;
  if (others > 0) {
    const more = document.createElement('p');
    more.className = 'muted';
    more.textContent = text('search.more', { n: others });
    item.append(more);
  }
  return item;
}

async function search(query: string): Promise<void> {
  if (query === '') {
    status.textContent = text('search.empty');
    return;
  }
  status.textContent = text('search.searching');
  try {
    // The page names the index (under the site's base): both scripts' editions share one index,
    // in which Pagefind keeps each language apart by the page's `lang`.
    const index = new URL(status.dataset['pagefind'] ?? '../pagefind/pagefind.js', location.href).href;
    const pagefind = (await import(/* @vite-ignore */ index)) as Pagefind;
    const { results } = await pagefind.search(query);
    const hits = await Promise.all(results.slice(0, 20).map((r) => r.data()));
    list.replaceChildren(...hits.map(resultItem));
    status.textContent = hits.length === 0 ? text('search.none', { query }) : text('search.count', { query, n: results.length });
  } catch (error) {
    status.textContent = text('search.unavailable', { reason: error instanceof Error ? error.message : String(error) });
  }
}

const query = (new URLSearchParams(location.search).get('q') ?? '').trim();
input.value = query;
void search(query);
