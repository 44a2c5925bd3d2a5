/**
 * `npm run bench:build -- --items 10000 [--submissions 100000] [--rebuild] [--keep]` — generate that many
 * synthetic items (and ledger rows of citizens' submissions, through the real clock) in a temp folder, build the site and search index from cold, and print wall and CPU time, items/s, peak RSS of the
 * whole build (Node, its worker and the Pagefind process), output size, index size, and the bytes a first
 * search transfers in Chromium on a phone-sized page: in the default years, in all years, and for a query in
 * traditional characters. `--rebuild` then changes one item (the usual editor's merge) and builds again with
 * the same caches, and prints that time too.
 * Targets (2-core machine): 100,000 items with peak RSS ≤ 4 GB; cold build ≤ the Hugo + Pagefind reference
 * (../shared/reference/hugo-pagefind/); a one-item rebuild ≤ 30 % of the cold build; first search ≤ 150 KB at
 * 10,000 items and ≤ 200 KB at 100,000; with 100,000 ledger rows the build stays within 1.5× of its time without
 * them and within the same memory budget.
 * Layer: scripts/ — may import any layer but tests/; only scripts/ and tests/ import it.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { editOneItem, SYNTHETIC_AS_OF, writeSyntheticContent } from './lib/synthetic.ts';
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
let rebuild = false;
try {
  const { values } = parseArgs({ options: { items: { type: 'string', default: '1000' }, submissions: { type: 'string', default: '0' }, keep: { type: 'boolean' }, rebuild: { type: 'boolean' } }, strict: true });
  items = Number(values.items);
  submissions = Number(values.submissions);
  keep = values.keep ?? false;
  rebuild = values.rebuild ?? false;
  if (!Number.isInteger(items) || items < 1 || items > 100_000) throw new Error(`--items 必须是 1–100000 之间的整数，收到 “${values.items}”`);
  if (!Number.isInteger(submissions) || submissions < 0 || submissions > 500_000) throw new Error(`--submissions 必须是 0–500000 之间的整数，收到 “${values.submissions}”`);
} catch (error) {
  console.error(`参数错误：${error instanceof Error ? error.message : String(error)}。用法：npm run bench:build -- --items 10000 [--submissions 100000] [--rebuild] [--keep]`);
  process.exit(2);
}

const work = mkdtempSync(path.join(os.tmpdir(), 'ducha-bench-'));
const genStart = performance.now();
const contentDir = writeSyntheticContent(work, items);
if (submissions > 0) {
  // Two years of submissions up to the benchmark's "today", through the real calendar and default limits.
  const units = readUnitNames(contentDir).map((u) => u.id);
  const rows = syntheticLedger({ count: submissions, units, from: '2024-12-01', asOf: SYNTHETIC_AS_OF, clock: feedbackClock() });
  writeLedger(path.join(contentDir, 'ledger'), rows, SYNTHETIC_AS_OF, units);
}
const genMs = performance.now() - genStart;
const outDir = path.join(work, 'dist');

/** One build of the content into outDir with the bench's caches: wall ms, CPU s, peak RSS, the build's last line. */
async function build(): Promise<{ wallMs: number; cpu: number; peak: number; log: string }> {
  const cpu0 = childrenCpuSeconds();
  const started = performance.now();
  const child = spawn(process.execPath, [path.join(root, 'scripts/build.ts'), '--content', contentDir, '--out', outDir, '--cache', path.join(work, 'cache')], {
    cwd: root,
    env: { ...process.env, DUCHA_AS_OF: SYNTHETIC_AS_OF, ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let log = '';
  child.stdout.on('data', (d: Buffer) => (log = (log + d.toString()).slice(-2000)));
  const rss = watchPeakRss(child.pid!);
  const code: number = await new Promise((resolve) => child.on('exit', (c) => resolve(c ?? 1)));
  const peak = rss.stop();
  const wallMs = performance.now() - started;
  if (code !== 0) {
    console.error(`构建失败（退出码 ${code}），临时目录：${work}`);
    process.exit(1);
  }
  return { wallMs, cpu: childrenCpuSeconds() - cpu0, peak, log: log.trim().split('\n').filter((l) => l.startsWith('[search]')).at(-1) ?? '' };
}

const cold = await build();
const output = folderSize(outDir);
const index = folderSize(path.join(outDir, 'pagefind'));

// First searches, as a visitor on a fresh phone browser does them: open /search/, type, wait for results.
const server = await startLocalServer({ distDir: outDir, port: 0 });
const browser = await launchBrowser();
async function firstSearch(query: string, allYears = false): Promise<{ page: number; search: number; results: number }> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
  const page = await context.newPage();
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
  if (allYears && (await page.locator('select[name=year] option[value=all]').count())) {
    await page.selectOption('select[name=year]', 'all');
  }
  await page.fill('#q', query);
  await page.press('#q', 'Enter');
  await page.waitForFunction(() => /找到|没有找到/.test(document.getElementById('search-status')?.textContent ?? ''));
  await page.waitForLoadState('networkidle');
  const results = await page.locator('#search-results > li').count();
  await context.close();
  return { page: pageBytes, search: searchBytes, results };
}
const recent = await firstSearch('改造');
const all = await firstSearch('改造', true);
const traditional = await firstSearch('養老');
await browser.close();
await server.close();

const again = rebuild ? (editOneItem(contentDir), await build()) : undefined;
if (!keep) rmSync(work, { recursive: true, force: true });

const manifest = JSON.parse(readFileSync(path.join(import.meta.dirname, '..', 'package.json'), 'utf8')) as { version: string };
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const rows: [string, string][] = [
  ['items', String(items)],
  ['ledger rows (submissions)', String(submissions)],
  ['content generation', `${s(genMs)} (not counted)`],
  ['build + index wall time', `${s(cold.wallMs)} (CPU ${cold.cpu.toFixed(1)} s)`],
  ['items per second', (items / (cold.wallMs / 1000)).toFixed(0)],
  ['peak RSS (build tree)', mb(cold.peak)],
  ['search index', cold.log],
  ['output size', `${mb(output.bytes)} in ${output.files} files`],
  ['search index size', `${mb(index.bytes)} in ${index.files} files`],
  ['search page (HTML, CSS, script)', kb(recent.page)],
  ['first search transfer', `${kb(recent.search)} (query “改造”, default years, ${recent.results} results shown)`],
  ['first search, all years', `${kb(all.search)} (query “改造”, ${all.results} results shown)`],
  ['first search, traditional query', `${kb(traditional.search)} (query “養老”, ${traditional.results} results shown)`],
  ...(again
    ? ([
        ['rebuild after one changed item', `${s(again.wallMs)} = ${((100 * again.wallMs) / cold.wallMs).toFixed(0)} % of cold (CPU ${again.cpu.toFixed(1)} s, peak ${mb(again.peak)})`],
        ['rebuild search index', again.log],
      ] as [string, string][])
    : []),
];
console.log(`\nbench:build — ${new Date().toISOString()}  ducha ${manifest.version}, node ${process.version}, ${os.cpus().length} cores, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
for (const [k, v] of rows) console.log(`  ${k.padEnd(34)} ${v}`);
if (keep) console.log(`  kept: ${work}`);
