/**
 * Build the static site programmatically, on both cores: `astro build` (pages, open data, feeds, sitemap) in
 * a child process, and beside it a worker that checks the content (clear Chinese messages, no stack trace)
 * and builds the search index from the same parsed content (content-worker.ts). When both are done the
 * index is linked into the site. A build that would not fit in memory stops first (build-memory.ts).
 * Caches (Astro's incremental pages, the search shards) live under `<cacheDir>` (default `.cache/build/<out>-<hash>/`).
 * Used by `npm run build`, `npm start`, the tests and the build benchmark.
 * Layer: scripts/ — may import any layer but tests/; only scripts/ and tests/ import it.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmdirSync, statSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { publishSearchIndex, type SearchIndexResult } from './search-index.ts';
import { assertEnoughMemory, availableBytes, countItems, guardMemory, type BuildMemoryError } from './build-memory.ts';
import { asOfDate } from '../../domain/dates.ts';
import { contentError as msg } from '../../domain/labels/zh-CN.ts';

export const root = path.resolve(import.meta.dirname, '../..');

export interface BuildOptions {
  /** Where the site goes. @default <root>/dist */
  outDir?: string;
  /** The editors' folder. @default DUCHA_CONTENT_DIR or <root>/content */
  contentDir?: string;
  /** "Today" for derived facts, YYYY-MM-DD. @default DUCHA_AS_OF or the China date now */
  asOf?: string;
  /** The build's caches: Astro's incremental pages (`astro/`) and the search shards (`search/`). @default <root>/.cache/build/<out folder>-<hash>/ */
  cacheDir?: string;
  /** Print Astro's progress. @default true */
  verbose?: boolean;
}

/**
 * The API's own pages (feedback receipts for browsers without JavaScript) cannot know the hashed name of
 * the site's stylesheet, so the build also publishes it at a fixed address, /styles.css.
 */
function publishStylesheet(outDir: string): void {
  const home = readFileSync(path.join(outDir, 'index.html'), 'utf8');
  const href = /<link rel="stylesheet" href="(\/_astro\/[^"]+\.css)"/.exec(home)?.[1];
  if (!href) throw new Error('built site has no stylesheet');
  copyFileSync(path.join(outDir, href), path.join(outDir, 'styles.css'));
}

/**
 * Astro keeps the pages it can reuse in the out folder (astro.config: the folder is not emptied), so what the
 * last build wrote and this one did not — the page of a deleted item, an old bundle — is removed here: every
 * file older than this build that is not one of the pages Astro's incremental manifest says it kept.
 */
function pruneStale(outDir: string, astroCacheDir: string, startedMs: number): number {
  const kept = new Set<string>();
  try {
    const manifest = JSON.parse(readFileSync(path.join(astroCacheDir, 'incremental-build.json'), 'utf8')) as {
      routes: Record<string, { paths: Record<string, { outputFile: string }> }>;
    };
    for (const route of Object.values(manifest.routes)) for (const p of Object.values(route.paths)) kept.add(p.outputFile);
  } catch {
    // No manifest: nothing was kept from an earlier build.
  }
  let removed = 0;
  const visit = (dir: string, rel: string): boolean => {
    let empty = true;
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const relPath = rel ? `${rel}/${e.name}` : e.name;
      const full = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (relPath === 'pagefind' || !visit(full, relPath)) empty = false;
        else rmdirSync(full);
      } else if (!kept.has(relPath) && statSync(full).mtimeMs < startedMs) {
        unlinkSync(full);
        removed += 1;
      } else empty = false;
    }
    return empty;
  };
  visit(outDir, '');
  return removed;
}

export class ContentError extends Error {
  readonly lines: string[];
  constructor(lines: string[]) {
    super(lines.join('\n'));
    this.name = 'ContentError';
    this.lines = lines;
  }
}

type WorkerMessage = { problems: string[] } | { index: SearchIndexResult };

/** The content worker: `problems` settles first, then `index` (built only when there are none). */
function startContentWorker(contentDir: string, cacheDir: string, asOf: string) {
  const worker = new Worker(new URL('./content-worker.ts', import.meta.url), { workerData: { contentDir, cacheDir, asOf } });
  const settle = <T,>(pick: (m: WorkerMessage) => T | undefined) => {
    const p = new Promise<T>((resolve, reject) => {
      worker.on('message', (m: WorkerMessage) => {
        const value = pick(m);
        if (value !== undefined) resolve(value);
      });
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`content worker stopped (exit ${code})`)));
    });
    p.catch(() => undefined);
    return p;
  };
  return {
    problems: settle((m) => ('problems' in m ? m.problems : undefined)),
    index: settle((m) => ('index' in m ? m.index : undefined)),
    astroDone: () => worker.postMessage('astro-done'),
    stop: () => worker.terminate(),
  };
}

/** Validate and build. Throws ContentError (one line per problem) when content is invalid, BuildMemoryError when it cannot fit. */
export async function buildSite(options: BuildOptions = {}): Promise<{ outDir: string; index: SearchIndexResult }> {
  const outDir = path.resolve(options.outDir ?? path.join(root, 'dist'));
  const contentDir = path.resolve(options.contentDir ?? process.env.DUCHA_CONTENT_DIR ?? path.join(root, 'content'));
  // One cache per out folder: Astro keeps reusable pages in the out folder itself, so two out folders (the
  // site and the tests' copy) must not share a manifest.
  const cacheDir = path.resolve(options.cacheDir ?? path.join(root, '.cache', 'build', `${path.basename(outDir)}-${createHash('sha1').update(outDir).digest('hex').slice(0, 8)}`));
  // The site reads DUCHA_CONTENT_DIR and DUCHA_AS_OF while building (site/lib/paths.ts, domain/dates.ts).
  if (options.asOf) process.env.DUCHA_AS_OF = options.asOf;
  const asOf = asOfDate();
  const startedMs = Date.now();
  const items = countItems(contentDir);
  const memory = availableBytes();
  assertEnoughMemory(items, memory);

  const env = {
    ...process.env,
    DUCHA_CONTENT_DIR: contentDir,
    DUCHA_OUT_DIR: outDir,
    DUCHA_CACHE_DIR: path.join(cacheDir, 'astro'),
    DUCHA_AS_OF: asOf,
    ASTRO_TELEMETRY_DISABLED: '1',
    // Always a production bundle (React's production build), even when started from a test runner that
    // sets NODE_ENV=test.
    NODE_ENV: 'production',
    // One libuv thread for Astro's file writes: with the default four, two cores spent more time waking
    // threads (futex) than writing — a 10,000-item build took 67 s (56 s user, 37 s system); with one, 47 s
    // (47 s user, 12 s system), the page rendering overlapping the writes all the same (npm run bench:build).
    UV_THREADPOOL_SIZE: '1',
  };
  const astro = path.join(root, 'node_modules/astro/bin/astro.mjs');
  const args = [astro, 'build', '--root', root, ...(options.verbose === false ? ['--silent'] : [])];
  // Astro starts while the content is checked. Its output is held back until the check passes; on a problem
  // it is stopped — Astro refuses bad content before anything is written — and only the check's Chinese
  // messages are shown.
  // Astro writes the server-side half of a static build to <cwd>/.astro/.prerender/ when the out folder is not
  // under the working directory. Two builds of one checkout at once (the tests, a bench beside npm start) would
  // share and break it, so each out folder gets a working directory of its own inside the project (where the
  // prerendered chunks still find node_modules/).
  const cwd = path.join(root, '.cache', 'astro-cwd', createHash('sha1').update(outDir).digest('hex').slice(0, 12));
  mkdirSync(cwd, { recursive: true });
  const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0)));
  });
  let holding = true;
  const held: [NodeJS.WriteStream, Buffer][] = [];
  const relay = (to: NodeJS.WriteStream) => (chunk: Buffer) => (holding ? held.push([to, chunk]) : to.write(chunk));
  child.stdout.on('data', relay(process.stdout));
  child.stderr.on('data', relay(process.stderr));
  const worker = startContentWorker(contentDir, cacheDir, asOf);
  void exited.then(() => worker.astroDone(), () => undefined);
  let overMemory: BuildMemoryError | undefined;
  const stopAll = async () => {
    child.kill();
    await worker.stop();
    await exited.catch(() => undefined);
  };
  const guard = guardMemory(items, memory, (error) => {
    overMemory = error;
    void stopAll();
  });
  try {
    let problems: string[];
    try {
      problems = await worker.problems;
    } catch (error) {
      await stopAll();
      throw overMemory ?? error;
    }
    if (problems.length) {
      await stopAll();
      throw new ContentError([...problems, msg.summary(problems.length)]);
    }
    holding = false;
    for (const [to, chunk] of held.splice(0)) to.write(chunk);
    const [code, index] = await Promise.all([exited, worker.index]).catch(async (e) => {
      await stopAll();
      throw overMemory ?? e;
    });
    if (overMemory) throw overMemory;
    if (code !== 0) throw new Error(`astro build 失败（退出码 ${code}）`);
    await worker.stop();
    pruneStale(outDir, env.DUCHA_CACHE_DIR, startedMs);
    publishStylesheet(outDir);
    publishSearchIndex(cacheDir, outDir);
    if (options.verbose !== false) {
      const reused = index.manifest.shards.length - index.built.length;
      console.log(`[search] 已为 ${index.pages} 个页面建立搜索索引：${index.manifest.shards.length} 个分片，重建 ${index.built.length} 个，沿用缓存 ${reused} 个（${index.ms} ms）`);
    }
    return { outDir, index };
  } finally {
    guard.stop();
  }
}
