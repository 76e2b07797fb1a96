// The search page: loads Pagefind's search code (dist/pagefind/, written after the build by
// src/integrations/search-index.ts) on first use, from the site's own folder wherever it was
// copied (the manifest link names that folder from any page), and lists each matching page
// with its best sections. Pagefind runs WebAssembly, which this page's CSP allows alone
// ('wasm-unsafe-eval'; README, Security).
import { excerptParts, queryOf } from '../lib/search-results';

interface SubResult {
  title: string;
  url: string;
  excerpt: string;
}
interface ResultData {
  url: string;
  excerpt: string;
  meta: { title?: string };
  sub_results?: SubResult[];
}
interface Pagefind {
  options(options: { baseUrl: string }): Promise<void>;
  debouncedSearch(query: string, options?: object, ms?: number): Promise<{ results: { data(): Promise<ResultData> }[] } | null>;
}

const SECTIONS_PER_PAGE = 3;
const PAGES_SHOWN = 12;

function siteRoot(): URL {
  const manifest = document.querySelector<HTMLLinkElement>('link[rel="manifest"]');
  return new URL('./', manifest?.href ?? document.baseURI);
}

let loading: Promise<Pagefind> | null = null;
function loadPagefind(): Promise<Pagefind> {
  loading ??= (async () => {
    const root = siteRoot();
    const pagefind = (await import(/* @vite-ignore */ new URL('pagefind/pagefind.js', root).href)) as Pagefind;
    // Result URLs are written from the indexed folder's root: prefix them with this copy's folder.
    await pagefind.options({ baseUrl: root.pathname });
    return pagefind;
  })();
  return loading;
}

function excerpt(text: string): HTMLElement {
  const p = document.createElement('p');
  p.className = 'search-excerpt';
  for (const part of excerptParts(text)) {
    if (part.marked) {
      const mark = document.createElement('mark');
      mark.textContent = part.text;
      p.append(mark);
    } else p.append(part.text);
  }
  return p;
}

function link(text: string, href: string): HTMLAnchorElement {
  const a = document.createElement('a');
  a.href = href;
  a.textContent = text;
  return a;
}

function resultItem(data: ResultData): HTMLLIElement {
  const item = document.createElement('li');
  const heading = document.createElement('h2');
  heading.className = 'search-page-title';
  heading.append(link(data.meta.title ?? data.url, data.url));
  item.append(heading);
  const sections = (data.sub_results ?? []).filter((s) => s.url !== data.url).slice(0, SECTIONS_PER_PAGE);
  if (sections.length === 0) item.append(excerpt(data.excerpt));
  else {
    const list = document.createElement('ul');
    list.className = 'search-sections';
    for (const section of sections) {
      const li = document.createElement('li');
      li.append(link(section.title, section.url), excerpt(section.excerpt));
      list.append(li);
    }
    item.append(list);
  }
  return item;
}

export function wireSearch(form: HTMLFormElement): void {
  const input = form.querySelector<HTMLInputElement>('input[name="q"]');
  const status = document.querySelector<HTMLElement>('[data-search-status]');
  const list = document.querySelector<HTMLOListElement>('[data-search-results]');
  if (!input || !status || !list) return;
  let latest = 0;

  const run = async (query: string) => {
    const ticket = ++latest;
    const url = new URL(location.href);
    if (query) url.searchParams.set('q', query);
    else url.searchParams.delete('q');
    history.replaceState(history.state, '', url);
    if (!query) {
      list.replaceChildren();
      status.textContent = 'Type a word or two: a term, a symbol’s name, a question.';
      return;
    }
    status.textContent = 'Searching…';
    try {
      const pagefind = await loadPagefind();
      const found = await pagefind.debouncedSearch(query, {}, 150);
      if (!found || ticket !== latest) return;
      const data = await Promise.all(found.results.slice(0, PAGES_SHOWN).map((r) => r.data()));
      if (ticket !== latest) return;
      list.replaceChildren(...data.map(resultItem));
      const n = found.results.length;
      status.textContent = n === 0 ? `Nothing found for “${query}”. Try another word, or the glossary.` : `${n} ${n === 1 ? 'page' : 'pages'} found for “${query}”${n > PAGES_SHOWN ? `, the first ${PAGES_SHOWN} shown` : ''}.`;
    } catch {
      status.textContent = location.protocol === 'file:' ? 'Search needs the course to be sent by a web server (python3 -m http.server in its folder).' : 'The search index could not be loaded.';
    }
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run(input.value.trim());
  });
  input.addEventListener('input', () => void run(input.value.trim()));
  const asked = queryOf(location.search);
  input.value = asked;
  form.hidden = false;
  void run(asked);
  input.focus();
}
