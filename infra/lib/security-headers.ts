/**
 * The security headers CloudFront adds to every response, as plain data (both distributions attach the
 * response headers policies built from them in constructs/site-headers.ts).
 *
 * The CSP matches what the built site needs. Each page already carries Astro's per-page
 * `<meta http-equiv="content-security-policy">` with the hashes of its inline scripts and styles, and a
 * browser enforces the header CSP and the meta CSP together (a resource must pass both). So the header must
 * allow the union of every page's hashes; it is computed at synth time from the built HTML.
 * Layer: infra/ — imports domain/ and infra/; of functions/ only handlers/bundling.ts and store/tables.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** CloudFront's limit on the length of a Content-Security-Policy value in a response headers policy. */
export const CSP_MAX_LENGTH = 1783;

export interface InlineHashes {
  readonly scripts: readonly string[];
  readonly styles: readonly string[];
}

const META = /<meta\s+http-equiv=["']?content-security-policy["']?\s+content=(?:"([^"]*)"|'([^']*)')/gi;
const HASH = /'(sha(?:256|384|512)-[A-Za-z0-9+/=]+)'/g;

function* htmlFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* htmlFiles(full);
    else if (entry.name.endsWith('.html')) yield full;
  }
}

/** The union of script and style hashes in the CSP meta tags of every HTML file under `siteDir`, sorted. */
export function inlineHashes(siteDir: string): InlineHashes {
  const scripts = new Set<string>();
  const styles = new Set<string>();
  for (const file of htmlFiles(siteDir)) {
    const html = readFileSync(file, 'utf8');
    for (const meta of html.matchAll(META)) {
      const policy = (meta[1] ?? meta[2] ?? '').replaceAll('&#39;', "'").replaceAll('&quot;', '"');
      for (const directive of policy.split(';')) {
        const [name, ...values] = directive.trim().split(/\s+/);
        const target = name === 'script-src' ? scripts : name === 'style-src' ? styles : undefined;
        if (!target) continue;
        for (const hash of values.join(' ').matchAll(HASH)) target.add(hash[1]!);
      }
    }
  }
  return { scripts: [...scripts].sort(), styles: [...styles].sort() };
}

/**
 * The site's Content-Security-Policy header value.
 * @param connectSources origins besides the site that pages may fetch from (the staff sign-in's token endpoint)
 */
export function contentSecurityPolicy(hashes: InlineHashes, connectSources: readonly string[] = []): string {
  const quoted = (list: readonly string[]) => list.map((h) => `'${h}'`);
  return [
    "default-src 'self'",
    // Pagefind compiles its WebAssembly search engine in the browser.
    ['script-src', "'self'", "'wasm-unsafe-eval'", ...quoted(hashes.scripts)].join(' '),
    ['style-src', "'self'", ...quoted(hashes.styles)].join(' '),
    "img-src 'self' data:",
    ["connect-src", "'self'", ...connectSources].join(' '),
    // Pagefind's search worker and the feedback form's proof-of-work workers are files on the site.
    "worker-src 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join('; ');
}

/** HSTS: two years, subdomains included (the site is HTTPS only). */
export const HSTS_MAX_AGE_SECONDS = 63_072_000;

/** Powerful features the portal never uses. */
export const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'autoplay=()',
  'camera=()',
  'display-capture=()',
  'geolocation=()',
  'gyroscope=()',
  'magnetometer=()',
  'microphone=()',
  'payment=()',
  'usb=()',
  'interest-cohort=()',
].join(', ');

/**
 * A CloudFront Function (viewer request) that maps clean URLs to the files Astro writes
 * (`build.format: 'directory'`): `/items/x/` and `/items/x` → `/items/x/index.html`. Paths with an extension
 * are left alone. The S3 REST origin (private, behind OAC/OAI) has no index documents of its own.
 * Global regions only: CloudFront China has no CloudFront Functions (constructs/site-index-copies.ts).
 */
export const INDEX_REWRITE_CODE = [
  'function handler(event) {',
  '  var r = event.request;',
  "  if (r.uri.endsWith('/')) r.uri += 'index.html';",
  "  else if (r.uri.lastIndexOf('.') <= r.uri.lastIndexOf('/')) r.uri += '/index.html';",
  '  return r;',
  '}',
].join('\n');
