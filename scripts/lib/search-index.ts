/**
 * The Pagefind search index over a built site. It runs after Astro has finished and exited (see
 * build-site.ts), so the two never hold memory at the same time: a 10,000-item build peaks at the larger
 * of the two instead of their sum (npm run bench:build). The npm package runs Pagefind's Extended build,
 * which segments Chinese; pages declare lang="zh-CN". What a page contributes is marked in its template
 * with data-pagefind-* attributes.
 * Layer: scripts/ — may import any layer but tests/; only scripts/ and tests/ import it.
 */
import path from 'node:path';

/** Only these pages are searchable: items, notices and published replies (not lists or facets). */
export const SEARCHABLE_GLOB = '{items/DC-*,notices/*,replies/*}/index.html';

export async function indexSite(outDir: string): Promise<{ pages: number; ms: number }> {
  const { createIndex, close } = await import('pagefind');
  const started = performance.now();
  try {
    const { index, errors } = await createIndex({});
    if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: outDir, glob: SEARCHABLE_GLOB });
    if (added.errors.length) throw new Error(`Pagefind: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: path.join(outDir, 'pagefind') });
    if (written.errors.length) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
    return { pages: added.page_count, ms: Math.round(performance.now() - started) };
  } finally {
    await close();
  }
}
