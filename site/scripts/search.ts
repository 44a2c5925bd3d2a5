/**
 * The search page's island: runs Pagefind in the browser over the index built with the site. Reads and
 * writes the query and filters in the address bar, so a search can be bookmarked and shared.
 * Loaded only by /search/.
 */

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
}
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(q: string | null, o: { filters?: Record<string, string> }): Promise<{ results: { data(): Promise<PagefindResultData> }[] } | null>;
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
    (pagefind ??= import(/* @vite-ignore */ `${'/pagefind/'}pagefind.js`).then(async (pf: Pagefind) => {
      await pf.options({ excerptLength: 40 });
      await pf.init();
      return pf;
    }));

  let shown: { data(): Promise<PagefindResultData> }[] = [];
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
      const res = await pf.search(q || null, { filters });
      if (mine !== run) return;
      shown = res?.results ?? [];
      list.replaceChildren();
      statusEl.textContent = shown.length ? (t.results ?? '').replace('{n}', String(shown.length)) : (t.none ?? '');
      await render(0);
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
  const parts = r.meta.status
    ? [r.meta.status, r.meta.unit && `${t.unit}：${r.meta.unit}`, r.meta.deadline && `${t.deadline}：${r.meta.deadline}`]
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
