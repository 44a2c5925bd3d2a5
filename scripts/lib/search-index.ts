/**
 * The Pagefind search index, built from the content model (search-records.ts) while Astro renders the pages,
 * one shard at a time (domain/search.ts): each shard is its own Pagefind index, written into the search cache
 * (`<cache>/search/<shard>/`) with a `shard.json` naming the hash of its input and of every file it wrote. A
 * rebuild reuses a shard whose input is unchanged and whose files still match their hashes, and re-indexes
 * only the others — a corrupt or stale shard is rebuilt, never served. `publishSearchIndex` then links the
 * shards into the site's /pagefind/ with the manifest the search island reads. One Pagefind process indexes
 * one shard and ends, so its memory is bounded by the largest shard, not the site.
 * Layer: scripts/ — may import any layer but tests/; only scripts/ and tests/ import it.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { shardPlan, type SearchManifest } from '../../domain/search.ts';
import type { Content } from '../../site/lib/content-source.ts';
import { searchSources, type SearchRecord, type SearchSource } from './search-records.ts';

/** Bump when the records or the way they are indexed change: every cached shard is then rebuilt. */
const RECORDS_VERSION = '2';
const SHARD_FILE = 'shard.json';
/** What the island needs of Pagefind's bundle; its UI kits are left out of each shard. */
const KEEP = /^(pagefind\.js|pagefind-worker\.js|pagefind-entry\.json|pagefind\..+\.pf_meta|wasm\..+\.pagefind|index|filter|fragment)$/;

/** What is known of each file a shard wrote: its hash, and the stat data to tell cheaply that it is untouched. */
interface FileRecord {
  sha256: string;
  size: number;
  mtimeMs: number;
}

interface ShardFile {
  key: string;
  pages: number;
  files: Record<string, FileRecord>;
}

export interface SearchIndexResult {
  manifest: SearchManifest;
  /** Shard ids re-indexed in this build (the others came from the cache). */
  built: string[];
  pages: number;
  ms: number;
}

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

const record = (file: string): FileRecord => {
  const st = statSync(file);
  return { sha256: sha256(readFileSync(file)), size: st.size, mtimeMs: st.mtimeMs };
};

/**
 * A cached shard is used only when its key matches and every file it lists is there with its hash. As git
 * does for its index, a file whose size and modification time are those recorded is taken to still have its
 * recorded hash; any other is hashed again (a rewritten or truncated file never passes).
 */
export function cachedShardIsValid(dir: string, key: string): boolean {
  try {
    const meta = JSON.parse(readFileSync(path.join(dir, SHARD_FILE), 'utf8')) as ShardFile;
    if (meta.key !== key) return false;
    const listed = Object.keys(meta.files).sort();
    const present = filesUnder(dir).filter((f) => f !== SHARD_FILE);
    if (listed.length !== present.length || listed.some((f, i) => f !== present[i])) return false;
    return listed.every((f) => {
      const want = meta.files[f]!;
      const file = path.join(dir, f);
      const st = statSync(file);
      if (st.size !== want.size) return false;
      return st.mtimeMs === want.mtimeMs || sha256(readFileSync(file)) === want.sha256;
    });
  } catch {
    return false;
  }
}

const PAGEFIND_PACKAGE = path.join(import.meta.dirname, '../../node_modules/pagefind/package.json');

function pagefindVersion(): string {
  return (JSON.parse(readFileSync(PAGEFIND_PACKAGE, 'utf8')) as { version: string }).version;
}

/** The Pagefind binary the `pagefind` package installed for this platform (as its own Node API finds it). */
function pagefindBinary(): string {
  const fromPackage = createRequire(PAGEFIND_PACKAGE);
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const exe = platform === 'windows' ? 'pagefind_extended.exe' : 'pagefind_extended';
  return fromPackage.resolve(`@pagefind/${platform}-${process.arch}/bin/${exe}`);
}

/**
 * Index one shard: its records are written as pages into a scratch folder and indexed by Pagefind's own
 * command line, which reads and parses the pages on every core (its Node API takes one record at a time and
 * took twice as long for the same shard: npm run bench:build). Run from the scratch folder, so that no
 * pagefind.yml of the project's is read.
 */
async function writeShard(records: SearchRecord[], dir: string, key: string): Promise<void> {
  const tmp = `${dir}.tmp`;
  const site = `${dir}.pages`;
  rmSync(tmp, { recursive: true, force: true });
  rmSync(site, { recursive: true, force: true });
  try {
    // Written one after another: on two cores, parallel writes cost more in waking threads than they save.
    for (const r of records) {
      const file = path.join(site, ...r.url.split('/').filter(Boolean), 'index.html');
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, r.html);
    }
    const output = await new Promise<string>((resolve, reject) => {
      const child = spawn(pagefindBinary(), ['--site', '.', '--output-path', tmp, '--quiet'], { cwd: site, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-4000)));
      child.stderr.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-4000)));
      child.once('error', reject);
      child.once('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`Pagefind（退出码 ${code}）：${out.trim()}`))));
    });
    const indexed = JSON.parse(readFileSync(path.join(tmp, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    const pages = Object.values(indexed.languages).reduce((n, l) => n + l.page_count, 0);
    if (pages !== records.length) throw new Error(`Pagefind indexed ${pages} of ${records.length} pages: ${output.trim()}`);
    for (const name of readdirSync(tmp)) if (!KEEP.test(name)) rmSync(path.join(tmp, name), { recursive: true });
    const files = Object.fromEntries(filesUnder(tmp).map((f) => [f, record(path.join(tmp, f))]));
    writeFileSync(path.join(tmp, SHARD_FILE), JSON.stringify({ key, pages: records.length, files } satisfies ShardFile));
    rmSync(dir, { recursive: true, force: true });
    renameSync(tmp, dir);
  } finally {
    rmSync(site, { recursive: true, force: true });
    rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * Build (or reuse) every shard of the site's search index under `<cacheDir>/search/`: one at a time until
 * `roomForTwo` settles (build-site.ts: when Astro has exited and given its core and memory back), then two.
 */
export async function buildSearchIndex(content: Content, today: string, cacheDir: string, roomForTwo: Promise<void> = Promise.resolve()): Promise<SearchIndexResult> {
  const started = performance.now();
  const root = path.join(cacheDir, 'search');
  mkdirSync(root, { recursive: true });
  const sources = searchSources(content, today);
  const { shardOf, manifest } = shardPlan(sources.map((s) => s.date));
  const byShard = new Map<string, SearchSource[]>(manifest.shards.map((s) => [s.id, []]));
  for (const s of sources) byShard.get(shardOf(s.date))!.push(s);
  const version = `${RECORDS_VERSION}/${pagefindVersion()}`;
  const built: string[] = [];
  // One shard at a time while Astro keeps a core busy (Pagefind's command line takes the other), two once
  // it is done; memory stays bounded by the shards being written (each holds ~0.17 MB a page).
  const queue = [...byShard];
  const next = async (): Promise<void> => {
    const job = queue.shift();
    if (!job) return;
    const [id, shardSources] = job;
    // Records are built one shard at a time, and let go once it is written.
    const list = shardSources.map((s) => s.record(id));
    const key = sha256(`${version}\n${list.map((r) => `${r.url}\n${r.html}`).join('\n')}`);
    const dir = path.join(root, id);
    if (!cachedShardIsValid(dir, key)) {
      await writeShard(list, dir, key);
      built.push(id);
    }
    return next();
  };
  await Promise.all([next(), roomForTwo.then(next)]);
  built.sort().reverse();
  // Shards of years that no longer have pages are dropped from the cache.
  for (const name of readdirSync(root)) if (!byShard.has(name) && name !== 'shards.json') rmSync(path.join(root, name), { recursive: true, force: true });
  writeFileSync(path.join(root, 'shards.json'), JSON.stringify(manifest));
  return { manifest, built, pages: sources.length, ms: Math.round(performance.now() - started) };
}

/**
 * Link (or copy, across file systems) the cached shards and the manifest into `<outDir>/pagefind/`. A shard
 * already linked there from this cache (its entry file is the cached one) is left as it is; other shards
 * are replaced, and folders of shards the manifest no longer names are removed.
 */
export function publishSearchIndex(cacheDir: string, outDir: string): SearchManifest {
  const root = path.join(cacheDir, 'search');
  const manifest = JSON.parse(readFileSync(path.join(root, 'shards.json'), 'utf8')) as SearchManifest;
  const target = path.join(outDir, 'pagefind');
  mkdirSync(target, { recursive: true });
  const ids = new Set(manifest.shards.map((s) => s.id));
  for (const name of readdirSync(target)) if (!ids.has(name)) rmSync(path.join(target, name), { recursive: true, force: true });
  for (const { id } of manifest.shards) {
    const from = path.join(root, id);
    const to = path.join(target, id);
    const entry = 'pagefind-entry.json';
    if (existsSync(path.join(to, entry)) && statSync(path.join(to, entry)).ino === statSync(path.join(from, entry)).ino) continue;
    rmSync(to, { recursive: true, force: true });
    for (const f of filesUnder(from)) {
      if (f === SHARD_FILE) continue;
      const file = path.join(to, f);
      mkdirSync(path.dirname(file), { recursive: true });
      try {
        linkSync(path.join(from, f), file);
      } catch {
        copyFileSync(path.join(from, f), file);
      }
    }
  }
  writeFileSync(path.join(target, 'shards.json'), JSON.stringify(manifest));
  return manifest;
}
