/**
 * The search page's island: runs Pagefind in the browser over the index built with the site, shard by shard
 * (domain/search.ts): the newest shards by default, the others merged in only when the year choice needs them.
 * Reads and writes the query and filters in the address bar, so a search can be bookmarked and shared. A
 * query in traditional characters is searched in simplified ones (traditional.ts). Each result shows its
 * status, unit and deadline as labelled facts and the passage around the match (or the summary).
 * Loaded only by /search/.
 * Layer: site/ — imports domain/ and site/; never functions/, infra/, scripts/ or tests/.
 */
import { SEARCH_MANIFEST_URL, type SearchManifest } from '../../domain/search.ts';
import { hasTraditional, toSimplified } from './traditional.ts';

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
type Filters = Record<string, string | { any: string[] }>;
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  mergeIndex(path: string, o?: Record<string, unknown>): Promise<void>;
  search(q: string | null, o: { filters?: Filters }): Promise<{ results: PagefindResult[] } | null>;
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

/**
 * A Pagefind excerpt that starts in the page's title (the match was in the title, which leads the indexed text
 * and which Pagefind ends with a full stop) without that part of the title: what follows is the summary. A
 * passage from further in the page gets a leading ellipsis. Pagefind escapes the text and only adds <mark>;
 * the marks of what is kept stay balanced.
 */
export function withoutLeadingTitle(excerpt: string, title: string): string {
  const squashed = title.replace(/\s+/g, '');
  const tokens = excerpt.match(/<\/?mark>|&lt;|&gt;|&amp;|[\s\S]/gu) ?? [];
  let plain = '';
  let open = false;
  let cut = -1;
  let openAtCut = false;
  for (let i = 0; i < tokens.length && plain.length <= squashed.length; i++) {
    const t = tokens[i]!;
    if (t === '<mark>' || t === '</mark>') {
      open = t === '<mark>';
      continue;
    }
    if (/^[\s\u200b]$/u.test(t)) continue;
    if (t === '.' && squashed.endsWith(plain)) {
      cut = i;
      openAtCut = open;
    }
    plain += t === '&lt;' ? '<' : t === '&gt;' ? '>' : t === '&amp;' ? '&' : t;
  }
  // A passage from further in the page starts mid-sentence.
  if (cut < 0) return `…${excerpt}`;
  return (openAtCut ? '<mark>' : '') + tokens.slice(cut + 1).join('').replace(/^[\s\u200b]+/u, '');
}

const PAGE = 10;
const FILTER_KEYS = ['status', 'unit', 'category', 'region'] as const;

interface Engine {
  pf: Pagefind;
  manifest: SearchManifest;
  merged: Set<string>;
}

export function startSearch(): void {
  const form = document.getElementById('search') as HTMLFormElement | null;
  const statusEl = document.getElementById('search-status');
  const list = document.getElementById('search-results');
  const more = document.getElementById('search-more') as HTMLButtonElement | null;
  const allYears = document.getElementById('search-all-years') as HTMLButtonElement | null;
  if (!form || !statusEl || !list || !more || !allYears) return;
  const t = JSON.parse(form.dataset.messages ?? '{}') as Record<string, string>;
  const input = form.elements.namedItem('q') as HTMLInputElement;
  const select = (k: string) => form.elements.namedItem(k) as HTMLSelectElement;
  const yearSelect = select('year');

  // Restore the query from the address bar (also what the header search box submits).
  const params = new URLSearchParams(location.search);
  input.value = params.get('q') ?? '';
  for (const k of [...FILTER_KEYS, 'year']) {
    const v = params.get(k);
    if (v && [...select(k).options].some((o) => o.value === v)) select(k).value = v;
  }

  let engine: Promise<Engine> | undefined;
  const load = () =>
    (engine ??= (async () => {
      const manifest = (await (await fetch(SEARCH_MANIFEST_URL)).json()) as SearchManifest;
      const primary = manifest.shards[0];
      if (!primary) throw new Error('empty search index');
      // A URL computed at run time, so the bundler leaves this import to the browser (Pagefind is built
      // beside the site and is not part of the bundle). The newest shard's bundle is the primary index.
      const pf = (await import(/* @vite-ignore */ new URL(`/pagefind/${primary.id}/pagefind.js`, location.href).href)) as Pagefind;
      // On the main thread: a worker would cost a second script of 12 KB before the first result.
      await pf.options({ excerptLength: 40, noWorker: true });
      await pf.init();
      return { pf, manifest, merged: new Set([primary.id]) };
    })());

  /** Merge the `wanted` shards not yet loaded; the filter that keeps out the other shards already merged. */
  const prepare = async (wanted: readonly string[]): Promise<{ pf: Pagefind; shardFilter: Filters }> => {
    const e = await load();
    const missing = wanted.filter((id) => !e.merged.has(id));
    for (const id of missing) e.merged.add(id);
    await Promise.all(missing.map((id) => e.pf.mergeIndex(`/pagefind/${id}/`)));
    const outside = [...e.merged].some((id) => !wanted.includes(id));
    return { pf: e.pf, shardFilter: outside ? { shard: { any: [...wanted] } } : {} };
  };

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
    const typed = input.value.trim();
    const filters: Filters = {};
    for (const k of FILTER_KEYS) if (select(k).value) filters[k] = select(k).value;
    const url = new URL(location.href);
    url.search = new URLSearchParams({ ...(typed ? { q: typed } : {}), ...(filters as Record<string, string>), ...(yearSelect.value ? { year: yearSelect.value } : {}) }).toString();
    history.replaceState(null, '', url);
    allYears.hidden = true;
    if (!typed && Object.keys(filters).length === 0 && !yearSelect.value) {
      list.replaceChildren();
      statusEl.textContent = '';
      more.hidden = true;
      return;
    }
    statusEl.textContent = t.loading ?? '';
    try {
      const { manifest } = await load();
      const scoped = yearSelect.value === '';
      const all = manifest.shards.map((s) => s.id);
      const wanted = yearSelect.value === 'all' ? all : scoped ? manifest.scope : manifest.shards.filter((s) => s.year === yearSelect.value).map((s) => s.id);
      const [{ pf, shardFilter }, q] = await Promise.all([prepare(wanted), typed && hasTraditional(typed) ? toSimplified(typed) : typed]);
      const options = { filters: { ...filters, ...shardFilter } };
      const phrase = q ? phraseQuery(q) : null;
      const [res, exact] = await Promise.all([pf.search(q || null, options), phrase ? pf.search(phrase, options) : null]);
      if (mine !== run) return;
      shown = preferPhrase(res?.results ?? [], exact?.results ?? null);
      list.replaceChildren();
      await render(0);
      if (mine !== run) return;
      const limited = scoped && manifest.since !== null;
      const note = (limited ? (t.scoped ?? '') : '') + (q !== typed ? ' ' + (t.converted ?? '').replace('{q}', q) : '');
      // Announced once the first results are on the page.
      statusEl.textContent = (shown.length ? (t.results ?? '').replace('{n}', String(shown.length)) : (t.none ?? '')) + note;
      allYears.hidden = !limited;
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
  for (const k of [...FILTER_KEYS, 'year']) select(k).addEventListener('change', () => void search());
  allYears.addEventListener('click', () => {
    yearSelect.value = 'all';
    void search();
  });
  more.addEventListener('click', () => void render(offset));
  if (input.value || [...FILTER_KEYS, 'year'].some((k) => select(k).value)) void search();
}

/** One result: the title, its facts as labelled parts (status, unit, deadline; or section, unit, date), the excerpt. */
function resultItem(r: PagefindResultData, t: Record<string, string>): HTMLLIElement {
  const li = document.createElement('li');
  const h = document.createElement('h2');
  const a = document.createElement('a');
  a.href = r.url;
  a.textContent = r.meta.title ?? r.url;
  h.append(a);
  const facts = document.createElement('dl');
  facts.className = 'meta result-facts';
  // Items carry a status, published replies a section (回复公开), notices neither.
  const parts: [string | undefined, string | undefined][] = r.meta.status
    ? [[t.status, r.meta.status], [t.unit, r.meta.unit], [t.deadline, r.meta.deadline]]
    : r.meta.section
      ? [[t.section, r.meta.section], [t.replyUnit, r.meta.unit], [t.repliedOn, r.meta.date]]
      : [[t.section, t.notice], [t.date, r.meta.date]];
  for (const [label, value] of parts) {
    if (!value) continue;
    const group = document.createElement('div');
    const dt = document.createElement('dt');
    const dd = document.createElement('dd');
    dt.textContent = label ?? '';
    dd.textContent = value;
    group.append(dt, dd);
    facts.append(group);
  }
  const ex = document.createElement('p');
  ex.className = 'excerpt';
  // Pagefind escapes page text and only adds <mark> around matches.
  ex.innerHTML = withoutLeadingTitle(r.excerpt, r.meta.title ?? '');
  li.append(h, facts, ex);
  return li;
}
