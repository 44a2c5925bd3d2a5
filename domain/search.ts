/**
 * How the search index is cut into shards and what the default search covers. The index is built per shard
 * (scripts/lib/search-index.ts), each shard a Pagefind index of its own under /pagefind/<id>/, described by
 * the manifest /pagefind/shards.json; the search island (site/scripts/search.ts) loads the shards the chosen
 * years need and merges them in the browser, and the search page names the same default years. A shard holds
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
 * Pages the default search covers: the newest years that fit (at least the newest one). Every page of the
 * covered years costs about 6 bytes of the metadata each visitor downloads before the first result.
 */
export const DEFAULT_SCOPE_PAGES = 8000;

export interface SearchShard {
  /** `2026`, `2026-q3` or `2026-m07`; also the folder under /pagefind/. */
  readonly id: string;
  readonly year: string;
  readonly pages: number;
}

export interface SearchManifest {
  /** Newest first. */
  readonly shards: SearchShard[];
  /** The years the default search covers, newest first. */
  readonly scope: string[];
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
  return { shardOf, manifest: { shards, scope: defaultScope(years.map((y) => [y, byYear.get(y)!.length])), years } };
}

/** The newest years whose pages fit DEFAULT_SCOPE_PAGES together; at least the newest year. */
export function defaultScope(pagesPerYear: readonly (readonly [string, number])[]): string[] {
  const newest = [...pagesPerYear].sort(([a], [b]) => b.localeCompare(a));
  const scope: string[] = [];
  let pages = 0;
  for (const [year, n] of newest) {
    if (scope.length > 0 && pages + n > DEFAULT_SCOPE_PAGES) break;
    scope.push(year);
    pages += n;
  }
  return scope;
}
