/**
 * `npm run bench:build -- --items 10000 [--submissions 100000]` — generate that many synthetic items (and
 * ledger rows of citizens' submissions, through the real clock) in a temp folder, build the site and search
 * index from cold, and print wall time, items/s, peak RSS of the whole build (Node and the Pagefind
 * process), output size, index size, and the bytes a first search transfers in Chromium.
 * Targets (2-core machine): 10,000 items ≤ 60 s, peak RSS ≤ 2 GB, first search ≤ 300 KB; with 100,000 ledger
 * rows the build stays within 1.5× of its time without them and within the same memory budget.
 * Layer: scripts/ — may import any layer but tests/; only scripts/ and tests/ import it.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { SYNTHETIC_AS_OF, writeSyntheticContent } from './lib/synthetic.ts';
import { syntheticLedger } from './lib/synthetic-ledger.ts';
import { writeLedger } from './lib/ledger-files.ts';
import { readUnitNames } from '../site/lib/content-source.ts';
import { feedbackClock } from '../domain/feedback/clock-setup.ts';
import { childrenCpuSeconds, folderSize, kb, mb, watchPeakRss } from './lib/measure.ts';
import { startLocalServer } from '../functions/local/server.ts';
import { launchBrowser } from './lib/browser.ts';

const root = path.resolve(import.meta.dirname, '..');
let items: number;
let submissions: number;
let keep = false;
try {
  const { values } = parseArgs({ options: { items: { type: 'string', default: '1000' }, submissions: { type: 'string', default: '0' }, keep: { type: 'boolean' } }, strict: true });
  items = Number(values.items);
  submissions = Number(values.submissions);
  keep = values.keep ?? false;
  if (!Number.isInteger(items) || items < 1 || items > 100_000) throw new Error(`--items 必须是 1–100000 之间的整数，收到 “${values.items}”`);
  if (!Number.isInteger(submissions) || submissions < 0 || submissions > 500_000) throw new Error(`--submissions 必须是 0–500000 之间的整数，收到 “${values.submissions}”`);
} catch (error) {
  console.error(`参数错误：${error instanceof Error ? error.message : String(error)}。用法：npm run bench:build -- --items 10000 [--submissions 100000] [--keep]`);
  process.exit(2);
}

const work = mkdtempSync(path.join(os.tmpdir(), 'ducha-bench-'));
const genStart = performance.now();
const contentDir = writeSyntheticContent(work, items);
if (submissions > 0) {
  // Two years of submissions up to the benchmark's "today", through the real calendar and default limits.
  const units = readUnitNames(contentDir).map((u) => u.id);
  const rows = syntheticLedger({ count: submissions, units, from: '2024-12-01', asOf: '2026-11-26', clock: feedbackClock() });
  writeLedger(path.join(contentDir, 'ledger'), rows, '2026-11-26', units);
}
const genMs = performance.now() - genStart;
const outDir = path.join(work, 'dist');

const cpuBefore = childrenCpuSeconds();
const started = performance.now();
const child = spawn(process.execPath, [path.join(root, 'scripts/build.ts'), '--content', contentDir, '--out', outDir, '--cache', path.join(work, 'astro-cache')], {
  cwd: root,
  env: { ...process.env, DUCHA_AS_OF: SYNTHETIC_AS_OF, ASTRO_TELEMETRY_DISABLED: '1' },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const rss = watchPeakRss(child.pid!);
const code: number = await new Promise((resolve) => child.on('exit', (c) => resolve(c ?? 1)));
const peak = rss.stop();
const wallMs = performance.now() - started;
const cpuSeconds = childrenCpuSeconds() - cpuBefore;
if (code !== 0) {
  console.error(`构建失败（退出码 ${code}），临时目录：${work}`);
  process.exit(1);
}

const output = folderSize(outDir);
const index = folderSize(path.join(outDir, 'pagefind'));

// The first search, as a visitor on a fresh browser does it: open /search/, type, wait for results.
const server = await startLocalServer({ distDir: outDir, port: 0 });
const browser = await launchBrowser();
const page = await browser.newPage();
let pageBytes = 0;
let searchBytes = 0;
let searching = false;
page.on('requestfinished', async (request) => {
  const sizes = await request.sizes().catch(() => null);
  const bytes = sizes ? sizes.responseBodySize + sizes.responseHeadersSize : 0;
  if (searching) searchBytes += bytes;
  else pageBytes += bytes;
});
await page.goto(`${server.url}/search/`, { waitUntil: 'networkidle' });
searching = true;
await page.fill('#q', '改造');
await page.press('#q', 'Enter');
await page.waitForFunction(() => /找到|没有找到/.test(document.getElementById('search-status')?.textContent ?? ''));
await page.waitForLoadState('networkidle');
const resultCount = await page.locator('#search-results > li').count();
await browser.close();
await server.close();
if (!keep) rmSync(work, { recursive: true, force: true });

const rows: [string, string][] = [
  ['items', String(items)],
  ['ledger rows (submissions)', String(submissions)],
  ['content generation', `${(genMs / 1000).toFixed(1)} s (not counted)`],
  ['build + index wall time', `${(wallMs / 1000).toFixed(1)} s`],
  ['items per second', (items / (wallMs / 1000)).toFixed(0)],
  ['CPU time (user + sys, build tree)', `${cpuSeconds.toFixed(1)} s (steadier than wall time on a shared machine)`],
  ['peak RSS (build tree)', mb(peak)],
  ['output size', `${mb(output.bytes)} in ${output.files} files`],
  ['search index size', `${mb(index.bytes)} in ${index.files} files`],
  ['search page (HTML, CSS, script)', kb(pageBytes)],
  ['first search transfer', `${kb(searchBytes)} (query “改造”, ${resultCount} results shown)`],
];
console.log(`\nbench:build — ${new Date().toISOString()}  node ${process.version}, ${os.cpus().length} cores`);
for (const [k, v] of rows) console.log(`  ${k.padEnd(34)} ${v}`);
if (keep) console.log(`  kept: ${work}`);
