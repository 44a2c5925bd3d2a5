/**
 * The route table (domain/api/routes.ts) is the one list of the API's routes: the apps register exactly
 * its routes, API Gateway routes them to the function the table names, and every path answers a wrong
 * method with 405 and `Allow`, with the same headers on every answer, errors included.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Logger } from '@aws-lambda-powertools/logger';
import { describe, expect, it } from 'vitest';
import { API_ROUTES, routesOf, type ApiFunction } from '../../../domain/api/routes.ts';
import { API_FUNCTIONS, apiGatewayPath } from '../../../infra/constructs/api-functions.ts';
import { createOpen311App, type Open311AppDeps } from '../../../functions/http/open311-app.ts';
import { createApp, type AppDeps } from '../../../functions/http/app.ts';
import { DEFAULT_LIMITS } from '../../../functions/http/limits.ts';
import { DEFAULT_POW } from '../../../functions/http/pow.ts';
import { createStaffApp, type StaffAppDeps } from '../../../functions/http/staff-app.ts';
import { API_HEADERS } from '../../../functions/http/pipeline.ts';
import { root } from '../../helpers/paths.ts';

const logger = new Logger({ serviceName: 'test', logLevel: 'SILENT' });
// Building the apps touches no store; these routes are never answered with data here.
const publicApp = createApp({ logger, limits: DEFAULT_LIMITS, pow: DEFAULT_POW, clientAddress: () => '203.0.113.1', secrets: async () => ({ pepper: 'p', altchaHmacKey: 'k' }) } as unknown as AppDeps);
const staffApp = createStaffApp({ logger, consoleConfig: { mode: 'dev' }, lookupUrl: 'http://localhost/feedback/status/', verify: async () => { throw new Error('no'); } } as unknown as StaffAppDeps);

const open311App = createOpen311App({ logger } as unknown as Open311AppDeps);

/** The (method, path) pairs an app answers with a handler of its own (not middleware, not the 405s). */
function registered(app: typeof publicApp | typeof staffApp | typeof open311App): string[] {
  return [...new Set(app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`))].sort();
}
const table = (...fns: ApiFunction[]) => fns.flatMap((fn) => routesOf(fn)).map((r) => `${r.method} ${r.path}`).sort();

describe('the route table', () => {
  it('is exactly what each app registers', () => {
    expect(registered(publicApp)).toEqual(table('feedback', 'lookup'));
    expect(registered(staffApp)).toEqual(table('staff'));
    expect(registered(open311App)).toEqual(table('open311'));
  });

  it('is what the apps’ own documentation lists (their header comments)', () => {
    const documented = (file: string) =>
      [...readFileSync(path.join(root, file), 'utf8').split('*/')[0]!.matchAll(/^ \*\s+(GET|POST)\s+(\/api\/[^\s?]+)/gm)].map((m) => `${m[1]} ${m[2]}`).sort();
    expect(documented('functions/http/app.ts')).toEqual(table('feedback', 'lookup'));
    expect(documented('functions/http/staff-app.ts')).toEqual(table('staff'));
    expect(documented('functions/http/open311-app.ts')).toEqual(table('open311'));
  });

  it('is what API Gateway routes to each public function, and the staff routes all sit under the staff proxy', () => {
    for (const fn of API_FUNCTIONS.filter((f) => f.handler !== 'staff')) {
      expect(fn.routes.map((r) => `${r.method} ${r.path}`).sort()).toEqual(table(fn.handler as ApiFunction).map(apiGatewayPath));
    }
    for (const r of routesOf('staff')) expect(r.path === API_ROUTES.staffConfig.path || r.path.startsWith('/api/staff/'), r.path).toBe(true);
  });

  it('answers every other method on a known path with 405, Allow and the API headers', async () => {
    for (const r of routesOf('feedback').concat(routesOf('lookup'))) {
      const res = await publicApp.request(r.path.replace(':tracking', 'DC2611-7K3Q9M'), { method: r.method === 'GET' ? 'DELETE' : 'GET' });
      expect(res.status, `${r.path}`).toBe(405);
      expect(res.headers.get('allow')).toBe(r.method);
      for (const [k, v] of Object.entries(API_HEADERS)) expect(res.headers.get(k)).toBe(v);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    }
    const res = await staffApp.request(API_ROUTES.staffConfig.path, { method: 'POST' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET');
  });

  it('gives staff errors the same headers as every other answer', async () => {
    const res = await staffApp.request(API_ROUTES.me.path);
    expect(res.status).toBe(401);
    for (const [k, v] of Object.entries(API_HEADERS)) expect(res.headers.get(k)).toBe(v);
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
  });
});
