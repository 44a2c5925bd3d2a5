/**
 * The whole portal on one local port: the built site from dist/ and the API under /api/, backed by an
 * embedded DynamoDB. Every answer carries the same security headers CloudFront adds in AWS, from their one
 * definition (domain/security-headers.ts), with the CSP computed from the built pages as the CDK app does:
 * the local portal cannot be framed either.
 * Layer: functions/ — imports domain/ and functions/; never site/, infra/, scripts/ or tests/.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { Hono, type Hono as HonoApp } from 'hono';
import { compress } from 'hono/compress';
import { contentSecurityPolicy, mergeHashes, pageHashes, securityHeaders } from '../../domain/security-headers.ts';
import { staticSite } from './static-site.ts';

export interface LocalServerOptions {
  /** The built site. */
  readonly distDir: string;
  /** @default 4321 */
  readonly port?: number;
  /** @default 127.0.0.1 */
  readonly hostname?: string;
  /** The API, mounted before the static site (its routes all start with /api/). */
  readonly api?: HonoApp<any>;
  /** The staff API (/api/staff-config, /api/staff/*), mounted before the public API. */
  readonly staffApi?: HonoApp<any>;
  /** Origins pages may fetch from besides the site (the CSP's connect-src; none locally). */
  readonly connectSources?: readonly string[];
  /** The Open311 API (/api/open311/*), mounted before the public API. */
  readonly open311Api?: HonoApp<any>;
}

/** The site's security headers for the pages under `distDir` (none built yet: no inline hashes). */
export function siteHeaders(distDir: string, connectSources: readonly string[] = []): Readonly<Record<string, string>> {
  let pages: string[] = [];
  try {
    pages = readdirSync(distDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'));
  } catch {
    pages = [];
  }
  return securityHeaders(contentSecurityPolicy(mergeHashes(pages.map((f) => pageHashes(readFileSync(path.join(distDir, f), 'utf8')))), connectSources));
}

export interface LocalServer {
  readonly url: string;
  close(): Promise<void>;
}

export async function startLocalServer(options: LocalServerOptions): Promise<LocalServer> {
  const app = new Hono();
  const headers = siteHeaders(options.distDir, options.connectSources);
  app.use('*', async (c, next) => {
    await next();
    // The API's own HTML answers keep their stricter CSP (as CloudFront's API policy leaves it).
    const keepCsp = c.req.path.startsWith('/api/') && c.res.headers.has('Content-Security-Policy');
    for (const [name, value] of Object.entries(headers)) if (!(keepCsp && name === 'Content-Security-Policy')) c.res.headers.set(name, value);
  });
  // Compress pages, not the API's small JSON answers (measured: gzip was a tenth of the API's CPU).
  if (options.staffApi) app.route('/', options.staffApi);
  if (options.open311Api) app.route('/', options.open311Api);
  if (options.api) app.route('/', options.api);
  app.use('*', compress());
  app.route('/', staticSite(options.distDir));
  const hostname = options.hostname ?? '127.0.0.1';
  const server: ServerType = await new Promise((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: options.port ?? 4321, hostname }, () => resolve(s));
    s.once('error', reject);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    url: `http://${hostname === '0.0.0.0' ? 'localhost' : hostname}:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
