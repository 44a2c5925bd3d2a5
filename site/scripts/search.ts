/**
 * The search page's island: runs Pagefind in the browser over the index built with the site. Reads and
 * writes the query and filters in the address bar, so a search can be bookmarked and shared.
 * Loaded only by /search/.
 * Layer: site/ — imports domain/ and site/; never functions/, infra/, scripts/ or tests/.
 */

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
}
interface PagefindResult {
  id: string;
  data(): Promise<PagefindResultData>;
}
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(q: string | null, o: { filters?: Record<string, string> }): Promise<{ results: PagefindResult[] } | null>;
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/**
 * Chinese has no spaces, so the browser's segmenter splits an unknown word like 公交 into 公|交, and a plain
 * Pagefind query then matches any page with a word starting 公 and another starting 交. When the query is
 * one run of text with Chinese in it, we also search it as an exact phrase: if the phrase is found, only
 * those pages are shown, in the ranked order of the plain search (which weighs titles above body text).
 */
export function phraseQuery(q: string): string | null {
  return CJK.test(q) && !/["\s]/.test(q) ? `"${q}"` : null;
}

export function preferPhrase<R extends { id: string }>(ranked: readonly R[], phrase: readonly R[] | null): R[] {
  if (!phrase || phrase.length === 0) return [...ranked];
  const exact = new Set(phrase.map((r) => r.id));
  const ordered = ranked.filter((r) => exact.has(r.id));
  const seen = new Set(ordered.map((r) => r.id));
  return [...ordered, ...phrase.filter((r) => !seen.has(r.id))];
}

const PAGE = 10;
const FILTER_KEYS = ['status', 'unit', 'category', 'region', 'year'] as const;

export function startSearch(): void {
  const form = document.getElementById('search') as HTMLFormElement | null;
  const statusEl = document.getElementById('search-status');
  const list = document.getElementById('search-results');
  const more = document.getElementById('search-more') as HTMLButtonElement | null;
  if (!form || !statusEl || !list || !more) return;
  const t = JSON.parse(form.dataset.messages ?? '{}') as Record<string, string>;
  const input = form.elements.namedItem('q') as HTMLInputElement;
  const select = (k: string) => form.elements.namedItem(k) as HTMLSelectElement;

  // Restore the query from the address bar (also what the header search box submits).
  const params = new URLSearchParams(location.search);
  input.value = params.get('q') ?? '';
  for (const k of FILTER_KEYS) {
    const v = params.get(k);
    if (v && [...select(k).options].some((o) => o.value === v)) select(k).value = v;
  }

  let pagefind: Promise<Pagefind> | undefined;
  const load = () =>
    // A URL computed at run time, so the bundler leaves this import to the browser (Pagefind is built after
    // the site and is not part of the bundle).
    (pagefind ??= import(/* @vite-ignore */ new URL('/pagefind/pagefind.js', location.href).href).then(async (pf: Pagefind) => {
      await pf.options({ excerptLength: 40 });
      await pf.init();
      return pf;
    }));

  let shown: PagefindResult[] = [];
  let offset = 0;
  let run = 0;

  const render = async (from: number) => {
    const mine = run;
    const slice = await Promise.all(shown.slice(from, from + PAGE).map((r) => r.data()));
    if (mine !== run) return;
    for (const r of slice) list.append(resultItem(r, t));
    offset = from + slice.length;
    more.hidden = offset >= shown.length;
  };

  const search = async () => {
    const mine = ++run;
    const q = input.value.trim();
    const filters: Record<string, string> = {};
    for (const k of FILTER_KEYS) if (select(k).value) filters[k] = select(k).value;
    const url = new URL(location.href);
    url.search = new URLSearchParams({ ...(q ? { q } : {}), ...filters }).toString();
    history.replaceState(null, '', url);
    if (!q && Object.keys(filters).length === 0) {
      list.replaceChildren();
      statusEl.textContent = '';
      more.hidden = true;
      return;
    }
    statusEl.textContent = t.loading ?? '';
    try {
      const pf = await load();
      const phrase = q ? phraseQuery(q) : null;
      const [res, exact] = await Promise.all([pf.search(q || null, { filters }), phrase ? pf.search(phrase, { filters }) : null]);
      if (mine !== run) return;
      shown = preferPhrase(res?.results ?? [], exact?.results ?? null);
      list.replaceChildren();
      await render(0);
      if (mine !== run) return;
      // Announced once the first results are on the page.
      statusEl.textContent = shown.length ? (t.results ?? '').replace('{n}', String(shown.length)) : (t.none ?? '');
    } catch {
      if (mine === run) statusEl.textContent = t.error ?? '';
    }
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void search();
  });
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void search(), 300);
  });
  for (const k of FILTER_KEYS) select(k).addEventListener('change', () => void search());
  more.addEventListener('click', () => void render(offset));
  if (input.value || FILTER_KEYS.some((k) => select(k).value)) void search();
}

function resultItem(r: PagefindResultData, t: Record<string, string>): HTMLLIElement {
  const li = document.createElement('li');
  const h = document.createElement('h2');
  const a = document.createElement('a');
  a.href = r.url;
  a.textContent = r.meta.title ?? r.url;
  h.append(a);
  const meta = document.createElement('p');
  meta.className = 'meta';
  // Items carry a status, published replies a section (回复公开), notices neither.
  const parts = r.meta.status
    ? [r.meta.status, r.meta.unit && `${t.unit}：${r.meta.unit}`, r.meta.deadline && `${t.deadline}：${r.meta.deadline}`]
    : r.meta.section
      ? [r.meta.section, r.meta.unit && `${t.replyUnit}：${r.meta.unit}`, r.meta.date]
      : [t.notice, r.meta.date];
  for (const p of parts) {
    if (!p) continue;
    const s = document.createElement('span');
    s.textContent = p;
    meta.append(s);
  }
  const ex = document.createElement('p');
  // Pagefind escapes page text and only adds <mark> around matches.
  ex.innerHTML = r.excerpt;
  li.append(h, meta, ex);
  return li;
}
