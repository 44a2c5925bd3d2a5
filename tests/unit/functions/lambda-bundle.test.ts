/**
 * The Lambda bundles as the CDK stack builds them (functions/handlers/bundling.ts): within the size budget,
 * with the environment-only credentials that stand in for the SDK's whole provider chain.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import { promisify } from 'node:util';
import path from 'node:path';
import { defaultProvider } from '../../../functions/handlers/lambda-credentials.ts';
import { HANDLERS, USE_RUNTIME_SDK, type HandlerName } from '../../../functions/handlers/bundling.ts';
import { bundle, lambdaEnv, startAwsStandIn } from '../../../scripts/lib/bundles.ts';
import { API_ROUTES, routesOf, type ApiFunction } from '../../../domain/api/routes.ts';
import { API_FUNCTIONS } from '../../../infra/constructs/api-functions.ts';

const KEYS = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN'] as const;
const saved = Object.fromEntries(KEYS.map((k) => [k, process.env[k]]));
afterEach(() => {
  for (const k of KEYS) if (saved[k] === undefined) delete process.env[k];
  else process.env[k] = saved[k];
});

describe('Lambda credentials', () => {
  it('come from the environment Lambda sets', async () => {
    Object.assign(process.env, { AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'secret', AWS_SESSION_TOKEN: 'token' });
    const credentials = await defaultProvider()();
    expect(credentials).toMatchObject({ accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret', sessionToken: 'token' });
  });

  it('fail clearly when the environment has none, instead of trying other sources', async () => {
    for (const k of KEYS) delete process.env[k];
    await expect(defaultProvider()()).rejects.toThrow(/AWS_ACCESS_KEY_ID|credentials/i);
  });
});

// Each handler bundled once (as the stack ships it), for both suites below.
const dir = mkdtempSync(path.join(os.tmpdir(), 'ducha-bundle-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
function bundled(handler: HandlerName): string {
  const file = path.join(dir, `${handler}.mjs`);
  if (!existsSync(file)) bundle(handler, false, file);
  return file;
}

/**
 * Minified size budgets, KB. The citizens' functions keep 500 KB (their cold start is the citizen's wait).
 * The staff function checks a unit's report with the content schema itself (domain/content/item.ts, zod's
 * classic API: about 45 KB more than zod/mini) rather than a second copy of the item rules, so it has 600.
 */
const BUDGET_KB: Record<HandlerName, number> = { feedback: 500, lookup: 500, open311: 500, reminder: 500, staff: 600 };

describe.runIf(!USE_RUNTIME_SDK)('Lambda bundles (SDK included)', () => {
  for (const handler of Object.keys(HANDLERS) as HandlerName[]) {
    it(`${handler}: ≤ ${BUDGET_KB[handler]} KB minified, without the STS and SSO clients of the full credential chain`, () => {
      const file = bundled(handler);
      const code = readFileSync(file, 'utf8');
      expect(statSync(file).size).toBeLessThanOrEqual(BUDGET_KB[handler] * 1024);
      expect(code).toContain('DynamoDB_20120810');
      expect(code).not.toContain('AWSSecurityTokenServiceV20110615');
      expect(code).not.toContain('SWBPortalService');
    }, 60_000);
  }
});

/** An API Gateway HTTP API (payload v2) event for `method path`. */
function apiEvent(method: string, path: string, body?: string) {
  return {
    version: '2.0', routeKey: '$default', rawPath: path, rawQueryString: '', isBase64Encoded: false,
    headers: { host: 'ducha.example.cn', accept: 'application/json', ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body } : {}),
    requestContext: { http: { method, path, sourceIp: '203.0.113.9', protocol: 'HTTP/1.1', userAgent: 'test' }, domainName: 'ducha.example.cn', requestId: 'r1', stage: '$default', routeKey: '$default', accountId: '000000000000', apiId: 'api', time: '', timeEpoch: Date.now() },
  };
}

/** Run a bundled handler once on `event` in a fresh Node process with Lambda's environment (plus `env`). */
async function invoke(handler: HandlerName, event: object, endpoint: string, env: NodeJS.ProcessEnv = {}) {
  const script = `const { handler } = await import(${JSON.stringify(`file://${bundled(handler)}`)});
    const res = await handler(${JSON.stringify(event)}, { getRemainingTimeInMillis: () => 10000, functionName: ${JSON.stringify(handler)}, awsRequestId: 'r1' });
    console.log(JSON.stringify(res)); process.exit(0);`;
  const fullEnv = { ...lambdaEnv(endpoint), ...env };
  const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], { env: fullEnv, timeout: 30_000 });
  const lines = stdout.trim().split('\n');
  return { res: JSON.parse(lines.at(-1)!) as { statusCode: number; body: string }, logs: lines.slice(0, -1).flatMap((l) => { try { return [JSON.parse(l) as Record<string, unknown>]; } catch { return []; } }), env: fullEnv };
}

/**
 * The bundled feedback function, run as Lambda runs it: credentials only in the environment, AWS endpoints
 * answered by a stand-in that records how each call was signed.
 */
describe.runIf(!USE_RUNTIME_SDK)('the bundled feedback function in a Lambda-like environment', () => {
  it('answers GET /api/challenge, signing its AWS calls with the environment credentials', async () => {
    const aws = await startAwsStandIn();
    try {
      const { res, env } = await invoke('feedback', apiEvent('GET', API_ROUTES.challenge.path), aws.endpoint);
      expect(res.statusCode).toBe(200);
      expect(JSON.parse(res.body)).toMatchObject({ parameters: expect.any(Object), signature: expect.any(String) });
      // Secrets Manager for the secret, then DynamoDB for the rate limit's conditional update.
      expect(aws.calls.map((c) => c.target)).toEqual(['secretsmanager.GetSecretValue', 'DynamoDB_20120810.UpdateItem']);
      for (const c of aws.calls) {
        expect(String(c.headers.authorization)).toContain(`Credential=${env.AWS_ACCESS_KEY_ID}/`);
        expect(c.headers['x-amz-security-token']).toBe(env.AWS_SESSION_TOKEN);
      }
    } finally {
      aws.close();
    }
  }, 60_000);
});

/** Each function files its logs under its own service (POWERTOOLS_SERVICE_NAME, as the stack sets it). */
describe.runIf(!USE_RUNTIME_SDK)('the bundled functions’ logs', () => {
  for (const spec of API_FUNCTIONS) {
    it(`${spec.handler}: log lines name the service ${spec.serviceName}`, async () => {
      const aws = await startAwsStandIn();
      try {
        const route = routesOf(spec.handler as ApiFunction)[0]!;
        const { logs } = await invoke(spec.handler, apiEvent(route.method, route.path), aws.endpoint, { POWERTOOLS_SERVICE_NAME: spec.serviceName, POWERTOOLS_LOG_LEVEL: 'INFO' });
        const request = logs.filter((l) => typeof l.message === 'string' && /request$/.test(l.message));
        expect(request.length, JSON.stringify(logs)).toBeGreaterThan(0);
        for (const l of request) expect(l.service).toBe(spec.serviceName);
      } finally {
        aws.close();
      }
    }, 60_000);
  }
});
