/**
 * Builds the Pagefind search index after `astro build`, over the pages that carry `data-pagefind-body`
 * (items, notices, published replies). The npm package runs Pagefind's Extended build, which segments
 * Chinese; pages declare `<html lang="zh-CN">`.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** Only these pages are searchable; listing and facet pages would only add noise. */
export const SEARCHABLE_GLOB = '{items/DC-*,notices/*,replies/*}/index.html';

export default function pagefind(): AstroIntegration {
  return {
    name: 'ducha-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const { createIndex, close } = await import('pagefind');
        const outDir = fileURLToPath(dir);
        const started = performance.now();
        const { index, errors } = await createIndex({});
        if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
        const added = await index.addDirectory({ path: outDir, glob: SEARCHABLE_GLOB });
        if (added.errors.length) throw new Error(`Pagefind: ${added.errors.join('; ')}`);
        const written = await index.writeFiles({ outputPath: path.join(outDir, 'pagefind') });
        if (written.errors.length) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
        await close();
        logger.info(`indexed ${added.page_count} pages in ${Math.round(performance.now() - started)} ms`);
      },
    },
  };
}
