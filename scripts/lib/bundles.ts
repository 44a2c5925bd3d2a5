/**
 * Bundle each Lambda handler with the stack's esbuild options, with and without the AWS SDK, and measure
 * size and module initialisation time in a fresh Node process, in the environment Lambda gives it. The
 * AWS endpoints point at a local stand-in, so nothing can reach AWS (the handlers fetch their secret on the
 * first request, not at load; if one ever did at load, the stand-in answers and the cost shows in the figure).
 * Layer: scripts/ — may import any layer but tests/; only scripts/ and tests/ import it.
 */
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdirSync, statSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { ESBUILD_OPTIONS, HANDLERS, RUNTIME_MODULES, SDK_ALIASES, type HandlerName } from '../../functions/handlers/bundling.ts';

const root = path.resolve(import.meta.dirname, '../..');
// Inside the project, so the "runtime SDK" variant resolves @aws-sdk from node_modules like Lambda does from its runtime.
const outDir = path.join(root, '.cache', 'bench-bundles');

export interface BundleRow {
  handler: HandlerName;
  sdk: 'bundled SDK' | 'runtime SDK';
  bytes: number;
  initMs: number;
  runs: number;
}

export function bundle(handler: HandlerName, runtimeSdk: boolean, outfile: string): void {
  const o = ESBUILD_OPTIONS;
  execFileSync(path.join(root, 'node_modules/.bin/esbuild'), [
    HANDLERS[handler],
    `--bundle`,
    `--platform=${o.platform}`,
    `--target=${o.target}`,
    `--format=${o.format}`,
    ...(o.minify ? ['--minify'] : []),
    `--main-fields=${o.mainFields.join(',')}`,
    `--banner:js=${o.banner}`,
    ...(runtimeSdk ? RUNTIME_MODULES.map((m) => `--external:${m}`) : Object.entries(SDK_ALIASES).map(([from, to]) => `--alias:${from}=${to}`)),
    `--outfile=${outfile}`,
    '--log-level=error',
  ]);
}

const run = promisify(execFile);

export interface AwsStandIn {
  readonly endpoint: string;
  /** Every call received: its X-Amz-Target and headers (how it was signed). */
  readonly calls: { readonly target: string; readonly headers: IncomingHttpHeaders }[];
  close(): void;
}

const SECRET_ARN = 'arn:aws-cn:secretsmanager:cn-northwest-1:000000000000:secret:ducha';

/**
 * A local stand-in for the AWS endpoints the functions call: Secrets Manager answers with the functions'
 * secret, anything else (DynamoDB) with an empty success.
 */
export async function startAwsStandIn(): Promise<AwsStandIn> {
  const calls: { target: string; headers: IncomingHttpHeaders }[] = [];
  const secret = JSON.stringify({ altchaHmacKey: 'local', pepper: 'local' });
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const target = String(req.headers['x-amz-target'] ?? '');
      calls.push({ target, headers: req.headers });
      res.setHeader('content-type', 'application/x-amz-json-1.1');
      res.end(target.startsWith('secretsmanager.') ? JSON.stringify({ ARN: SECRET_ARN, Name: 'ducha', SecretString: secret, VersionId: 'v1' }) : '{}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return { endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, calls, close: () => server.close() };
}

/** The environment a function has in Lambda (role credentials in variables, the stack's settings), its AWS calls sent to `endpoint`. */
export function lambdaEnv(endpoint: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    AWS_REGION: 'cn-northwest-1',
    AWS_ACCESS_KEY_ID: 'AKIDLAMBDAEXAMPLE',
    AWS_SECRET_ACCESS_KEY: 'lambda-secret',
    AWS_SESSION_TOKEN: 'lambda-session-token',
    AWS_ENDPOINT_URL: endpoint,
    DUCHA_SECRET_ARN: SECRET_ARN,
    POWERTOOLS_LOG_LEVEL: 'ERROR',
    // The staff function's settings (as the CDK stack sets them; nothing is fetched at init).
    DUCHA_AUTH_ISSUER: 'https://cognito-idp.cn-northwest-1.amazonaws.com.cn/cn-northwest-1_bench',
    DUCHA_AUTH_AUDIENCE: 'bench-client',
    DUCHA_SITE_URL: 'https://ducha.example.cn',
  };
}

export async function measureBundles(runs = 7): Promise<BundleRow[]> {
  mkdirSync(outDir, { recursive: true });
  const aws = await startAwsStandIn();
  const env = lambdaEnv(aws.endpoint);
  const rows: BundleRow[] = [];
  for (const handler of Object.keys(HANDLERS) as HandlerName[]) {
    for (const runtimeSdk of [false, true]) {
      const file = path.join(outDir, `${handler}-${runtimeSdk ? 'runtime' : 'bundled'}.mjs`);
      bundle(handler, runtimeSdk, file);
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        // Asynchronously: the stand-in lives in this process and must be able to answer.
        const r = await run(
          process.execPath,
          ['--input-type=module', '-e', `const t = performance.now(); await import(${JSON.stringify(`file://${file}`)}); console.log(performance.now() - t); process.exit(0);`],
          { encoding: 'utf8', timeout: 30_000, env },
        );
        times.push(Number(r.stdout.trim().split('\n').at(-1)));
      }
      times.sort((a, b) => a - b);
      rows.push({ handler, sdk: runtimeSdk ? 'runtime SDK' : 'bundled SDK', bytes: statSync(file).size, initMs: times[Math.floor(runs / 2)]!, runs });
    }
  }
  aws.close();
  return rows;
}
