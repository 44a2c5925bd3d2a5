// @ts-check
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import react from '@astrojs/react';
import attachments from './site/integrations/attachments.ts';
import { careScriptHash } from './domain/care-script.ts';

/**
 * The staff console's island gets its own copies of the modules it shares with the citizens' islands (the
 * string dictionary, the schemas, zod): every import made from its modules resolves to `<file>?staff`.
 * Otherwise Rollup keeps every export any island uses in the one shared module, and the console's texts
 * and code would travel with the feedback form to every citizen's phone. React is the console's alone.
 */
function staffIsland() {
  const STAFF = /[\\/]site[\\/](?:components[\\/]staff[\\/]|scripts[\\/]staff-)|\?staff$/;
  const SHARED_RUNTIME = /[\\/]node_modules[\\/](?:react|react-dom|scheduler|astro|@astrojs)[\\/]/;
  return {
    name: 'ducha-staff-island',
    enforce: /** @type {const} */ ('pre'),
    /**
     * @this {{ resolve: (source: string, importer?: string, options?: object) => Promise<{ id: string; external?: boolean | string } | null> }}
     * @param {string} source @param {string | undefined} importer @param {object} options
     */
    async resolveId(source, importer, options) {
      if (!importer || !STAFF.test(importer) || source.includes('?')) return null;
      const resolved = await this.resolve(source, importer.replace(/\?staff$/, ''), { ...options, skipSelf: true });
      if (!resolved || resolved.external || !/\.(?:ts|tsx|js|mjs)$/.test(resolved.id) || SHARED_RUNTIME.test(resolved.id)) return null;
      return `${resolved.id}?staff`;
    },
  };
}

/** Pages that must never appear in the sitemap (staff console, receipts, 404). */
const PRIVATE_PATHS = ['/staff/', '/404/', '/feedback/status/'];

export default defineConfig({
  srcDir: './site',
  publicDir: './site/public',
  // npm run build sets these (scripts/lib/build-site.ts); the search index is added after Astro finishes.
  outDir: process.env.DUCHA_OUT_DIR ?? './dist',
  ...(process.env.DUCHA_CACHE_DIR ? { cacheDir: process.env.DUCHA_CACHE_DIR } : {}),
  // The public origin; set DUCHA_SITE_URL when deploying (feeds, sitemap and open data use absolute URLs).
  site: process.env.DUCHA_SITE_URL ?? 'http://localhost:4321',
  trailingSlash: 'ignore',
  // Several pages in flight at once: rendering waits on file writes, and with one at a time a 2-core machine
  // sat idle for a third of a 10,000-item build (npm run bench:build: page generation 48 s → 24 s).
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 8 },
  devToolbar: { enabled: false },
  // Pages whose getStaticPaths gives a cacheKey (site/lib/cache-key.ts) are kept from the last build when
  // neither their key nor their code changed; the out folder is not emptied first, and scripts/lib/build-site.ts
  // removes what this build no longer has.
  experimental: { incrementalBuild: true },
  vite: { plugins: [staffIsland()], build: { emptyOutDir: false } },
  prefetch: false,
  // No code blocks in content, and Shiki's inline styles would break the CSP.
  markdown: { syntaxHighlight: false },
  integrations: [
    sitemap({ filter: (page) => !PRIVATE_PATHS.some((p) => new URL(page).pathname.startsWith(p)) }),
    attachments(),
    // Only the staff console (/staff/) is a React island; content pages ship no JavaScript.
    react({ include: ['**/site/components/staff/**'] }),
  ],
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "worker-src 'self' blob:",
        "form-action 'self'",
        "base-uri 'self'",
        "object-src 'none'",
      ],
      // Pagefind compiles its WebAssembly search engine in the browser.
      scriptDirective: {
        resources: ["'self'", "'wasm-unsafe-eval'"],
        hashes: [careScriptHash()],
      },
    },
  },
});
