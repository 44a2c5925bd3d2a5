/**
 * The whole portal on one local port: the built site from dist/ and (from the feedback issue on) the API
 * under /api/, backed by an embedded DynamoDB.
 * Layer: functions/ — imports domain/ and functions/; never site/, infra/, scripts/ or tests/.
 */
import { serve, type ServerType } from '@hono/node-server';
import { Hono, type Hono as HonoApp } from 'hono';
import { compress } from 'hono/compress';
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
  /** The Open311 API (/api/open311/*), mounted before the public API. */
  readonly open311Api?: HonoApp<any>;
}

export interface LocalServer {
  readonly url: string;
  close(): Promise<void>;
}

export async function startLocalServer(options: LocalServerOptions): Promise<LocalServer> {
  const app = new Hono();
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
