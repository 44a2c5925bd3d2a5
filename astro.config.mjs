// @ts-check
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import attachments from './site/integrations/attachments.ts';
import { careScriptHash } from './site/lib/care-script.ts';

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
  build: { format: 'directory', inlineStylesheets: 'never' },
  devToolbar: { enabled: false },
  prefetch: false,
  // No code blocks in content, and Shiki's inline styles would break the CSP.
  markdown: { syntaxHighlight: false },
  integrations: [
    sitemap({ filter: (page) => !PRIVATE_PATHS.some((p) => new URL(page).pathname.startsWith(p)) }),
    attachments(),
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
