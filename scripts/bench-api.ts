/**
 * `npm run bench:api [-- --requests 2000 --concurrency 32 --retry 0.1]`
 *
 * 1. Load: the real local server (`npm start`, embedded dynalite) in a child process; N submissions at
 *    the given concurrency, proof-of-work challenges fetched and solved beforehand at a low cost, and a
 *    share of them sent again with the same idempotency key and body. Prints req/s, p50/p95/p99 latency,
 *    accepted vs stored, duplicates. Rate limits are scaled up (DUCHA_RATE_LIMIT_MULTIPLIER) since every
 *    request comes from one address. Targets: ≥ 300 req/s, p99 ≤ 100 ms, stored == accepted, 0 duplicates.
 * 2. Lambda bundles: each handler bundled by the same esbuild options the CDK stack uses, with the AWS SDK
 *    bundled and with the runtime's SDK; minified size and module initialisation time in Node (a local
 *    stand-in answers the one Secrets Manager call). Targets: ≤ 500 KB, init ≤ 150 ms.
 * 3. Proof-of-work cost: how long the default challenge takes to solve here, single-threaded, and the
 *    derivations per second of one core here — the figure the lookup's threat model assumes of an attacker's
 *    core (domain/feedback/password.ts THREAT_MODEL; docs/security.md).
 * Layer: scripts/ — may import any layer but tests/; only scripts/ and tests/ import it.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { randomUUID } from 'node:crypto';
import { DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { solveChallenge } from 'altcha-lib';
import { deriveKey as pbkdf2Key } from 'altcha-lib/algorithms/pbkdf2';
import { DEFAULT_LOOKUP_POW, DEFAULT_POW, newChallenge } from '../functions/http/pow.ts';
import { THREAT_MODEL } from '../domain/feedback/password.ts';
import { fetchAltcha } from './lib/altcha.ts';
import { percentile } from './lib/measure.ts';
import { measureBundles } from './lib/bundles.ts';

const root = path.resolve(import.meta.dirname, '..');

let opts: { requests: number; concurrency: number; retry: number; skipBundles: boolean; profile: boolean };
try {
  const { values } = parseArgs({
    options: { requests: { type: 'string', default: '2000' }, concurrency: { type: 'string', default: '32' }, retry: { type: 'string', default: '0.1' }, 'skip-bundles': { type: 'boolean' }, profile: { type: 'boolean' } },
    strict: true,
  });
  opts = { requests: Number(values.requests), concurrency: Number(values.concurrency), retry: Number(values.retry), skipBundles: values['skip-bundles'] ?? false, profile: values.profile ?? false };
  if (!Number.isInteger(opts.requests) || opts.requests < 1) throw new Error(`--requests 必须是正整数，收到 “${values.requests}”`);
  if (!Number.isInteger(opts.concurrency) || opts.concurrency < 1 || opts.concurrency > 1000) throw new Error(`--concurrency 必须是 1–1000 的整数，收到 “${values.concurrency}”`);
  if (!(opts.retry >= 0 && opts.retry <= 1)) throw new Error(`--retry 必须是 0–1 之间的比例，收到 “${values.retry}”`);
} catch (error) {
  console.error(`参数错误：${error instanceof Error ? error.message : String(error)}。用法：npm run bench:api -- [--requests 2000] [--concurrency 32] [--retry 0.1] [--skip-bundles] [--profile]`);
  process.exit(2);
}

// ---- 1. load -------------------------------------------------------------------------------------
const data = mkdtempSync(path.join(os.tmpdir(), 'ducha-bench-api-'));
// --profile: write a V8 CPU profile of the server to .cache/profile/ (open it in Chrome DevTools).
const profileArgs = opts.profile ? ['--cpu-prof', `--cpu-prof-dir=${path.join(root, '.cache/profile')}`] : [];
const server = spawn(process.execPath, [...profileArgs, path.join(root, 'scripts/start.ts'), '--no-build', '--port', '0', '--data', data, '--dist', data], {
  cwd: root,
  env: { ...process.env, POWERTOOLS_LOG_LEVEL: 'WARN', DUCHA_POW_ALGORITHM: 'SHA-256', DUCHA_POW_COUNTER_MAX: '50', DUCHA_RATE_LIMIT_MULTIPLIER: '100000', DUCHA_DYNAMODB_ENDPOINT: '' },
  stdio: ['ignore', 'pipe', 'inherit'],
});
let out = '';
server.stdout!.on('data', (d: Buffer) => (out += d.toString()));
const started = Date.now();
while (!/DynamoDB：\S+/.test(out)) {
  if (server.exitCode !== null || Date.now() - started > 30_000) throw new Error(`server did not start: ${out}`);
  await new Promise((r) => setTimeout(r, 50));
}
const base = /http:\/\/127\.0\.0\.1:\d+/.exec(out)![0];
const dynamo = /DynamoDB：(\S+)/.exec(out)![1]!;

const solved = () => fetchAltcha(base);

const prepStart = performance.now();
const jobs: { key: string; body: string }[] = [];
for (let i = 0; i < opts.requests; i++) {
  jobs.push({
    key: randomUUID(),
    body: JSON.stringify({ kind: i % 3 === 0 ? 'clue' : 'suggestion', title: `基准测试留言 ${i}`, content: `这是第 ${i} 条用于压力测试的留言内容，请忽略。`, ...(i % 4 === 0 ? { contact: { phone: '13800138000' }, privacyConsent: true } : {}), altcha: await solved() }),
  });
}
const retries = jobs.filter((_, i) => i % Math.round(1 / Math.max(opts.retry, 1e-9)) === 0).slice(0, Math.round(opts.requests * opts.retry));
const prepMs = performance.now() - prepStart;

const queue = [...jobs.map((j) => ({ ...j, retry: false })), ...retries.map((j) => ({ ...j, retry: true }))];
// Retries go out after their first attempt: interleave them into the second half of the run.
const latencies: number[] = [];
const accepted = new Set<string>();
let retryMismatch = 0;
let failures = 0;
const receiptsByKey = new Map<string, string>();
const statusCounts = new Map<number, number>();
let cursor = 0;
const loadStart = performance.now();
await Promise.all(
  Array.from({ length: opts.concurrency }, async () => {
    while (cursor < queue.length) {
      const job = queue[cursor++]!;
      const t = performance.now();
      const res = await fetch(`${base}/api/feedback`, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': job.key }, body: job.body });
      const json = (await res.json()) as { trackingNumber?: string };
      latencies.push(performance.now() - t);
      statusCounts.set(res.status, (statusCounts.get(res.status) ?? 0) + 1);
      if (res.status !== 201 || !json.trackingNumber) {
        failures += 1;
        continue;
      }
      accepted.add(json.trackingNumber);
      const prev = receiptsByKey.get(job.key);
      if (prev && prev !== json.trackingNumber) retryMismatch += 1;
      receiptsByKey.set(job.key, json.trackingNumber);
    }
  }),
);
const loadMs = performance.now() - loadStart;

const ddb = new DynamoDBClient({ endpoint: dynamo, region: 'cn-northwest-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
let stored = 0;
const titles = new Map<string, number>();
let start: Record<string, never> | undefined;
do {
  const page = await ddb.send(new ScanCommand({ TableName: 'ducha-local-feedback', ExclusiveStartKey: start, FilterExpression: 'sk = :m', ExpressionAttributeValues: { ':m': { S: 'META' } } }));
  for (const item of page.Items ?? []) {
    stored += 1;
    const title = item.title?.S ?? '';
    titles.set(title, (titles.get(title) ?? 0) + 1);
  }
  start = page.LastEvaluatedKey as never;
} while (start);
ddb.destroy();
server.kill('SIGTERM');
await new Promise((r) => server.once('exit', r));
rmSync(data, { recursive: true, force: true });

const sorted = [...latencies].sort((a, b) => a - b);
const duplicates = [...titles.values()].reduce((n, c) => n + (c - 1), 0);
const ms = (n: number) => `${n.toFixed(1)} ms`;
console.log(`\nbench:api — ${new Date().toISOString()}  node ${process.version}, ${os.cpus().length} cores, local server + embedded dynalite`);
console.log(`  challenges fetched and solved       ${opts.requests} in ${(prepMs / 1000).toFixed(1)} s (not timed)`);
console.log(`  requests                            ${queue.length} (${opts.requests} submissions + ${retries.length} retries with the same key), concurrency ${opts.concurrency}`);
console.log(`  throughput                          ${(queue.length / (loadMs / 1000)).toFixed(0)} req/s`);
console.log(`  latency p50 / p95 / p99 / max       ${ms(percentile(sorted, 50))} / ${ms(percentile(sorted, 95))} / ${ms(percentile(sorted, 99))} / ${ms(sorted.at(-1)!)}`);
console.log(`  statuses                            ${[...statusCounts].map(([s, n]) => `${s}×${n}`).join(', ')}`);
console.log(`  accepted (unique receipts)          ${accepted.size}`);
console.log(`  stored submissions                  ${stored}`);
console.log(`  duplicates stored                   ${duplicates}`);
console.log(`  retries answered with another receipt ${retryMismatch}; failed requests ${failures}`);

// ---- 2. bundles ----------------------------------------------------------------------------------
if (!opts.skipBundles) {
  console.log('\n  Lambda bundles (esbuild, minified, as the CDK stack builds them)');
  for (const row of await measureBundles()) {
    console.log(`  ${row.handler.padEnd(10)} ${row.sdk.padEnd(12)} ${(row.bytes / 1024).toFixed(0).padStart(5)} KB   init ${ms(row.initMs)} (median of ${row.runs})`);
  }
}

// ---- 3. proof-of-work cost -------------------------------------------------------------------------
const runs = 5;
const times: number[] = [];
for (let i = 0; i < runs; i++) {
  const challenge = await newChallenge(DEFAULT_POW, 'bench-key');
  const t = performance.now();
  await solveChallenge({ challenge, deriveKey: pbkdf2Key });
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
console.log(`\n  default proof of work (${DEFAULT_POW.algorithm}, cost ${DEFAULT_POW.cost}, counter ${DEFAULT_POW.counterMin}–${DEFAULT_POW.counterMax}): median solve ${ms(times[2]!)} here, single thread`);
const heavy = { ...DEFAULT_POW, counterMin: DEFAULT_LOOKUP_POW.heavy, counterMax: DEFAULT_LOOKUP_POW.heavy };
const h = await newChallenge(heavy, 'bench-key');
const ht = performance.now();
await solveChallenge({ challenge: h, deriveKey: pbkdf2Key });
const rate = DEFAULT_LOOKUP_POW.heavy / ((performance.now() - ht) / 1000);
console.log(`  one core here: ${rate.toFixed(0)} derivations/s (the threat model assumes ${THREAT_MODEL.attackerCoreRate} for an attacker's core, ${THREAT_MODEL.phoneRate} for a mid-range phone)`);
console.log(`  lookup proofs: light ≤ ${DEFAULT_LOOKUP_POW.light}, heavy ≤ ${DEFAULT_LOOKUP_POW.heavy} derivations → ${(DEFAULT_LOOKUP_POW.heavy / rate).toFixed(1)} s worst here, ${((DEFAULT_LOOKUP_POW.light + DEFAULT_LOOKUP_POW.heavy) / THREAT_MODEL.phoneRate).toFixed(0)} s worst (light then heavy) on the assumed phone`);
