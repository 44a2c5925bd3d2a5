/** The built site's pages. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { SearchManifest } from '../../domain/search.ts';

/** Every HTML page under `dist` (paths relative to it), leaving out the search index and the bundles. */
export function htmlFiles(dist: string, dir = dist, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== 'pagefind' && e.name !== '_astro') htmlFiles(dist, p, out);
    } else if (e.name.endsWith('.html')) out.push(path.relative(dist, p));
  }
  return out;
}

/** The URLs the built search index (every shard under /pagefind/) returns as results. */
export function indexedUrls(dist: string): string[] {
  const manifest = JSON.parse(readFileSync(path.join(dist, 'pagefind', 'shards.json'), 'utf8')) as SearchManifest;
  return manifest.shards.flatMap(({ id }) => {
    const dir = path.join(dist, 'pagefind', id, 'fragment');
    // Each fragment is gzip: a 12-byte signature, then the page's JSON.
    return readdirSync(dir).map((f) => (JSON.parse(gunzipSync(readFileSync(path.join(dir, f))).subarray(12).toString('utf8')) as { url: string }).url);
  });
}

/** A module script and every chunk it imports statically, transitively (paths under dist/). */
function moduleGraph(dist: string, entry: string, seen = new Set<string>()): Set<string> {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  const code = readFileSync(path.join(dist, entry), 'utf8');
  for (const m of code.matchAll(/(?:from|import)\s*["'](\.\/[^"']+\.js)["']/g)) moduleGraph(dist, path.posix.join(path.posix.dirname(entry), m[1]!), seen);
  return seen;
}

/** The island of a page: its module scripts with their static imports, and the workers they start. */
export function pageIsland(dist: string, page: string): { modules: string[]; workers: string[] } {
  const html = readFileSync(path.join(dist, page), 'utf8');
  const entries = [...html.matchAll(/<script type="module" src="\/([^"]+)"/g)].map((m) => m[1]!);
  const modules = [...new Set(entries.flatMap((e) => [...moduleGraph(dist, e)]))];
  const read = (f: string) => readFileSync(path.join(dist, f), 'utf8');
  const workers = [...new Set(modules.flatMap((m) => [...read(m).matchAll(/["'`/]([\w.-]*worker[\w.-]*\.js)["'`]/g)].map((w) => `_astro/${w[1]!}`)))];
  return { modules, workers };
}
