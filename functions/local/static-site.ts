/**
 * Serves the built site (dist/) the way the CDN does in AWS: directory URLs answer with their index.html,
 * hashed assets are cached for a year, HTML briefly, and anything missing gets the site's 404 page.
 * Layer: functions/ — imports domain/ and functions/; never site/, infra/, scripts/ or tests/.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Hono } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';

export function staticSite(distDir: string): Hono {
  const app = new Hono();
  const notFoundPage = path.join(distDir, '404.html');
  app.use(
    '*',
    serveStatic({
      root: distDir,
      allowPercentInPath: true,
      onFound: (file, c) => {
        c.header('Cache-Control', file.includes(`${path.sep}_astro${path.sep}`) ? 'public, max-age=31536000, immutable' : 'public, max-age=60');
        // Pagefind's index files are binary chunks; say so explicitly.
        if (file.endsWith('.pf_meta') || file.endsWith('.pf_index') || file.endsWith('.pf_fragment') || file.endsWith('.pagefind')) {
          c.header('Content-Type', 'application/octet-stream');
        }
      },
    }),
  );
  app.all('*', (c) => {
    if (!existsSync(notFoundPage)) return c.text('Not found', 404);
    return c.html(readFileSync(notFoundPage, 'utf8'), 404);
  });
  return app;
}
