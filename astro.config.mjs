// @ts-check
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import react from '@astrojs/react';
import attachments from './site/integrations/attachments.ts';
import safeMarkdown from './site/integrations/safe-markdown.ts';
import { careScriptHash } from './domain/care-script.ts';

/**
 * Islands that get their own copies of the modules they share with other islands (the string dictionary, the
 * schemas, zod): every import made from an island's modules resolves to `<file>?<island>`. Otherwise Rollup
 * keeps every export any island uses in the one shared chunk, and each page would download the others' texts
 * and code — the console's with the feedback form, the form's with the lookup page. Each page loads one
 * island, so the copies cost no one anything. React is the console's alone.
 */
const OWN_COPIES = [
  { suffix: 'staff', island: /[\\/]site[\\/](?:components[\\/]staff[\\/]|scripts[\\/]staff-)/ },
  { suffix: 'lookup', island: /[\\/]site[\\/]scripts[\\/]feedback-status\.ts$/ },
];
function ownCopies() {
  const SHARED_RUNTIME = /[\\/]node_modules[\\/](?:react|react-dom|scheduler|astro|@astrojs)[\\/]/;
  return {
    name: 'ducha-island-copies',
    enforce: /** @type {const} */ ('pre'),
    /**
     * @this {{ resolve: (source: string, importer?: string, options?: object) => Promise<{ id: string; external?: boolean | string } | null> }}
     * @param {string} source @param {string | undefined} importer @param {object} options
     */
    async resolveId(source, importer, options) {
      if (!importer || source.includes('?')) return null;
      const copy = OWN_COPIES.find((c) => c.island.test(importer) || importer.endsWith(`?${c.suffix}`));
      if (!copy) return null;
      const resolved = await this.resolve(source, importer.replace(/\?\w+$/, ''), { ...options, skipSelf: true });
      if (!resolved || resolved.external || !/\.(?:ts|tsx|js|mjs)$/.test(resolved.id) || SHARED_RUNTIME.test(resolved.id)) return null;
      return `${resolved.id}?${copy.suffix}`;
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
  vite: { plugins: [ownCopies()], build: { emptyOutDir: false } },
  prefetch: false,
  // No code blocks in content, and Shiki's inline styles would break the CSP.
  markdown: { syntaxHighlight: false },
  integrations: [
    // Editors' Markdown through an allowlist (raw HTML parsed, then sanitized).
    safeMarkdown(),
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
