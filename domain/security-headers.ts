/**
 * The security headers every response of the portal carries, defined once: CloudFront's response headers
 * policies (infra/constructs/site-headers.ts) and the local server (functions/local/server.ts) both send
 * `securityHeaders(…)`, and tests/infra/security-headers.test.ts compares the two.
 *
 * The CSP matches what the built site needs. Each page already carries Astro's per-page
 * `<meta http-equiv="content-security-policy">` with the hashes of its inline scripts and styles, and a
 * browser enforces the header CSP and the meta CSP together (a resource must pass both). So the header must
 * allow the union of every page's hashes (`pageHashes` of each page, merged).
 * Layer: domain/ — pure: imports only domain/ (and zod, js-yaml, node:crypto); no I/O, no Astro, Hono or AWS SDK.
 */

export interface InlineHashes {
  readonly scripts: readonly string[];
  readonly styles: readonly string[];
}

const META = /<meta\s+http-equiv=["']?content-security-policy["']?\s+content=(?:"([^"]*)"|'([^']*)')/gi;
const HASH = /'(sha(?:256|384|512)-[A-Za-z0-9+/=]+)'/g;

/** The script and style hashes of one page's CSP meta tags. */
export function pageHashes(html: string): InlineHashes {
  const scripts = new Set<string>();
  const styles = new Set<string>();
  for (const meta of html.matchAll(META)) {
    const policy = (meta[1] ?? meta[2] ?? '').replaceAll('&#39;', "'").replaceAll('&quot;', '"');
    for (const directive of policy.split(';')) {
      const [name, ...values] = directive.trim().split(/\s+/);
      const target = name === 'script-src' ? scripts : name === 'style-src' ? styles : undefined;
      if (!target) continue;
      for (const hash of values.join(' ').matchAll(HASH)) target.add(hash[1]!);
    }
  }
  return { scripts: [...scripts], styles: [...styles] };
}

/** The union of several pages' hashes, sorted. */
export function mergeHashes(pages: Iterable<InlineHashes>): InlineHashes {
  const scripts = new Set<string>();
  const styles = new Set<string>();
  for (const p of pages) {
    for (const h of p.scripts) scripts.add(h);
    for (const h of p.styles) styles.add(h);
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
    ['connect-src', "'self'", ...connectSources].join(' '),
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

/** Where links may send the address of the page they are on. */
export const REFERRER_POLICY = 'strict-origin-when-cross-origin';

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
 * The headers of every response, by name, with the site's CSP. The API's HTML answers keep their own
 * stricter CSP (the CloudFront API policy does not override it; nor does the local server).
 */
export function securityHeaders(csp: string): Readonly<Record<string, string>> {
  return {
    'Content-Security-Policy': csp,
    'Strict-Transport-Security': `max-age=${HSTS_MAX_AGE_SECONDS}; includeSubDomains`,
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': REFERRER_POLICY,
    'Permissions-Policy': PERMISSIONS_POLICY,
  };
}
