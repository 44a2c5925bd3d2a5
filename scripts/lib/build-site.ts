/**
 * Build the static site programmatically: validate content (clear Chinese messages, no stack trace) while
 * `astro build` starts (pages, open data, feeds, sitemap), then the Pagefind index once Astro has exited.
 * Used by `npm run build`, `npm start`, the tests and the build benchmark.
 * Layer: scripts/ — may import any layer but tests/; only scripts/ and tests/ import it.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { indexSite } from './search-index.ts';
import { contentError as msg } from '../../domain/labels/zh-CN.ts';

export const root = path.resolve(import.meta.dirname, '../..');

export interface BuildOptions {
  /** Where the site goes. @default <root>/dist */
  outDir?: string;
  /** The editors' folder. @default DUCHA_CONTENT_DIR or <root>/content */
  contentDir?: string;
  /** "Today" for derived facts, YYYY-MM-DD. @default DUCHA_AS_OF or the China date now */
  asOf?: string;
  /** Astro's cache folder (content data store). @default node_modules/.astro */
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

export class ContentError extends Error {
  readonly lines: string[];
  constructor(lines: string[]) {
    super(lines.join('\n'));
    this.name = 'ContentError';
    this.lines = lines;
  }
}

/** Every content problem, formatted (file, field, rule in Chinese); read in a worker (see validate-worker.ts). */
function validate(contentDir: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./validate-worker.ts', import.meta.url), { workerData: { contentDir } });
    let problems: string[] | undefined;
    worker.once('message', (lines: string[]) => (problems = lines));
    worker.once('error', reject);
    worker.once('exit', (code) => (problems ? resolve(problems) : reject(new Error(`content check stopped (exit ${code})`))));
  });
}

/** Validate and build. Throws ContentError (with one line per problem) when content is invalid. */
export async function buildSite(options: BuildOptions = {}): Promise<{ outDir: string }> {
  const outDir = path.resolve(options.outDir ?? path.join(root, 'dist'));
  const contentDir = path.resolve(options.contentDir ?? process.env.DUCHA_CONTENT_DIR ?? path.join(root, 'content'));
  // The site reads DUCHA_CONTENT_DIR and DUCHA_AS_OF while building (site/lib/paths.ts, domain/dates.ts).
  if (options.asOf) process.env.DUCHA_AS_OF = options.asOf;

  // Astro builds in its own process; the search index is built after it exits (lower peak memory).
  const env = {
    ...process.env,
    DUCHA_CONTENT_DIR: contentDir,
    DUCHA_OUT_DIR: outDir,
    ...(options.cacheDir ? { DUCHA_CACHE_DIR: path.resolve(options.cacheDir) } : {}),
    ASTRO_TELEMETRY_DISABLED: '1',
    // Always a production bundle (React's production build), even when started from a test runner that
    // sets NODE_ENV=test.
    NODE_ENV: 'production',
  };
  const astro = path.join(root, 'node_modules/astro/bin/astro.mjs');
  const args = [astro, 'build', ...(options.verbose === false ? ['--silent'] : [])];
  // Astro starts while the content is checked (its start-up and the check overlap on a second core). Its
  // output is held back until the check passes; on a problem it is stopped — Astro's loaders refuse bad
  // content before anything is written — and only the check's Chinese messages are shown.
  const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0)));
  });
  let holding = true;
  const held: [NodeJS.WriteStream, Buffer][] = [];
  const relay = (to: NodeJS.WriteStream) => (chunk: Buffer) => (holding ? held.push([to, chunk]) : to.write(chunk));
  child.stdout.on('data', relay(process.stdout));
  child.stderr.on('data', relay(process.stderr));
  let problems: string[];
  try {
    problems = await validate(contentDir);
  } catch (error) {
    child.kill();
    await exited.catch(() => undefined);
    throw error;
  }
  if (problems.length) {
    child.kill();
    await exited.catch(() => undefined);
    throw new ContentError([...problems, msg.summary(problems.length)]);
  }
  holding = false;
  for (const [to, chunk] of held.splice(0)) to.write(chunk);
  const code = await exited;
  if (code !== 0) throw new Error(`astro build 失败（退出码 ${code}）`);
  publishStylesheet(outDir);
  const indexed = await indexSite(outDir);
  if (options.verbose !== false) console.log(`[search] 已为 ${indexed.pages} 个页面建立搜索索引（${indexed.ms} ms）`);
  return { outDir };
}
