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
