/** The built site's pages. */
import { readdirSync } from 'node:fs';
import path from 'node:path';

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
