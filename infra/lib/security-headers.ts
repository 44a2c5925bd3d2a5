/**
 * What CloudFront needs of the security headers besides their one definition (domain/security-headers.ts):
 * the union of the built pages' inline hashes, read from the built site at synth time, and the length limit
 * of a CSP in a response headers policy.
 * Layer: infra/ — imports domain/ and infra/; of functions/ only handlers/bundling.ts and store/tables.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { mergeHashes, pageHashes, type InlineHashes } from '../../domain/security-headers.ts';

/** CloudFront's limit on the length of a Content-Security-Policy value in a response headers policy. */
export const CSP_MAX_LENGTH = 1783;

/** The union of script and style hashes in the CSP meta tags of every HTML file under `siteDir`, sorted. */
export function inlineHashes(siteDir: string): InlineHashes {
  const pages = readdirSync(siteDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'));
  return mergeHashes(pages.map((file) => pageHashes(readFileSync(path.join(siteDir, file), 'utf8'))));
}

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
