/**
 * How the search index is cut into shards and what the default search covers. The index is built per shard
 * (scripts/lib/search-index.ts), each shard a Pagefind index of its own under /pagefind/<id>/, described by
 * the manifest /pagefind/shards.json; the search island (site/scripts/search.ts) loads the shards the chosen
 * years need and merges them in the browser, and the search page names the same default range. A shard holds
 * the searchable pages (items, notices, published replies) of one year, or of one quarter or month of a busy
 * year, so that a shard stays small enough to index in bounded memory, and a changed page re-indexes only
 * its own shard.
 * Layer: domain/ — pure: imports only domain/ (and zod, js-yaml, node:crypto); no I/O, no Astro, Hono or AWS SDK.
 */

/** Where the manifest is published. */
export const SEARCH_MANIFEST_URL = '/pagefind/shards.json';
/** Pages above which a year is cut into quarters (and a quarter into months): Pagefind holds ~0.17 MB a page while writing. */
export const SHARD_PAGES = 4000;
/**
 * Pages the default search covers: the newest shards that fit (at least the newest one). Every page it covers
 * costs about 7 bytes of metadata, and a common word a few more in its index chunk, that each visitor
 * downloads before the first result: 5,000 pages keep a first search near 120 KB at 10,000 items and under
 * 150 KB at 100,000 (npm run bench:build).
 */
export const DEFAULT_SCOPE_PAGES = 5000;

export interface SearchShard {
  /** `2026`, `2026-q3` or `2026-m07`; also the folder under /pagefind/. */
  readonly id: string;
  readonly year: string;
  readonly pages: number;
}

export interface SearchManifest {
  /** Newest first. */
  readonly shards: SearchShard[];
  /** The shards the default search covers, newest first. */
  readonly scope: string[];
  /** The month (YYYY-MM) the default search starts at; null when it covers every shard. */
  readonly since: string | null;
  /** Every year with searchable pages, newest first. */
  readonly years: string[];
}

function countBy(dates: readonly string[], key: (d: string) => string): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const d of dates) {
    const k = key(d);
    const list = m.get(k);
    if (list) list.push(d);
    else m.set(k, [d]);
  }
  return m;
}
const quarterOf = (d: string) => `${d.slice(0, 4)}-q${Math.floor((Number(d.slice(5, 7)) - 1) / 3) + 1}`;
const monthOf = (d: string) => `${d.slice(0, 4)}-m${d.slice(5, 7)}`;

/** One year's shards and their page counts: the year whole, or its quarters, or a busy quarter's months. */
export function shardsOfYear(year: string, dates: readonly string[]): Map<string, number> {
  if (dates.length <= SHARD_PAGES) return new Map([[year, dates.length]]);
  const out = new Map<string, number>();
  for (const [q, ds] of countBy(dates, quarterOf)) {
    if (ds.length <= SHARD_PAGES) out.set(q, ds.length);
    else for (const [m, ms] of countBy(ds, monthOf)) out.set(m, ms.length);
  }
  return out;
}

/** The shards of a site whose searchable pages carry these dates (YYYY-MM-DD), and which one a date falls in. */
export function shardPlan(dates: readonly string[]): { shardOf: (date: string) => string; manifest: SearchManifest } {
  const byYear = countBy(dates, (d) => d.slice(0, 4));
  const years = [...byYear.keys()].sort().reverse();
  const split = new Map(years.map((y) => [y, shardsOfYear(y, byYear.get(y)!)]));
  const shards: SearchShard[] = years.flatMap((year) =>
    [...split.get(year)!].sort(([a], [b]) => b.localeCompare(a)).map(([id, pages]) => ({ id, year, pages })),
  );
  const shardOf = (date: string) => {
    const ids = split.get(date.slice(0, 4));
    if (!ids) throw new Error(`no search shard for ${date}`);
    return [date.slice(0, 4), monthOf(date), quarterOf(date)].find((id) => ids.has(id))!;
  };
  const scope = defaultScope(shards);
  const oldest = scope.at(-1)!;
  const since = scope.length === shards.length ? null : firstMonth(oldest);
  return { shardOf, manifest: { shards, scope, since, years } };
}

/** The first month (YYYY-MM) of a shard: `2026` → 2026-01, `2026-q3` → 2026-07, `2026-m07` → 2026-07. */
export function firstMonth(shard: string): string {
  const [year, part] = shard.split('-');
  if (!part) return `${year}-01`;
  const month = part.startsWith('q') ? (Number(part.slice(1)) - 1) * 3 + 1 : Number(part.slice(1));
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** The newest shards (the list is newest first) whose pages fit DEFAULT_SCOPE_PAGES together; at least one. */
export function defaultScope(shards: readonly Pick<SearchShard, 'id' | 'pages'>[]): string[] {
  const scope: string[] = [];
  let pages = 0;
  for (const { id, pages: n } of shards) {
    if (scope.length > 0 && pages + n > DEFAULT_SCOPE_PAGES) break;
    scope.push(id);
    pages += n;
  }
  return scope;
}
