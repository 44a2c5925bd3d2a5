/**
 * The memory a build may use and the memory it will need, so that a build too large for its machine stops
 * before it starts — or, should the estimate be wrong, as soon as the build tree passes the limit — with a
 * Chinese message naming the size and what to do, instead of swapping or being killed by the kernel midway.
 * The estimate is a base plus a share per item, measured with `npm run bench:build` (2-core machine, 2026-12).
 * Layer: scripts/ — may import any layer but tests/; only scripts/ and tests/ import it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildError } from '../../domain/labels/zh-CN.ts';
import { treeRss } from './measure.ts';

const MB = 1024 * 1024;
/** Peak RSS of the whole build tree: Astro's process, the content worker and one Pagefind shard. */
export const BASE_MB = 1000;
export const PER_ITEM_MB = 0.03;

export class BuildMemoryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BuildMemoryError';
  }
}

const gb = (bytes: number) => (bytes / 1024 / MB).toFixed(1);

/** The items under `<content>/items/` (file count only, no parsing). */
export function countItems(contentDir: string): number {
  const dir = path.join(contentDir, 'items');
  if (!existsSync(dir)) return 0;
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.md')).length;
}

export function neededBytes(items: number): number {
  return (BASE_MB + PER_ITEM_MB * items) * MB;
}

/** DUCHA_BUILD_MEMORY_MB, else the smaller of the cgroup's limit and what the kernel says is available. */
export function availableBytes(env: Record<string, string | undefined> = process.env): number {
  const set = Number(env.DUCHA_BUILD_MEMORY_MB);
  if (Number.isFinite(set) && set > 0) return set * MB;
  let available = os.freemem();
  try {
    const kb = /MemAvailable:\s+(\d+) kB/.exec(readFileSync('/proc/meminfo', 'utf8'))?.[1];
    if (kb) available = Number(kb) * 1024;
  } catch {
    // Not Linux: os.freemem() it is.
  }
  try {
    const limit = readFileSync('/sys/fs/cgroup/memory.max', 'utf8').trim();
    if (/^\d+$/.test(limit)) available = Math.min(available, Number(limit));
  } catch {
    // No cgroup v2 limit.
  }
  return available;
}

/** Throws BuildMemoryError when the estimate for `items` exceeds `available`. */
export function assertEnoughMemory(items: number, available: number): void {
  const need = neededBytes(items);
  if (need > available) throw new BuildMemoryError(buildError.tooLarge(items, gb(need), gb(available)));
}

/** Watch the RSS of this process and its children; `onExceeded` is called once when it passes `limit`. */
export function guardMemory(items: number, limit: number, onExceeded: (error: BuildMemoryError) => void): { stop(): void; peak(): number } {
  let peak = 0;
  let fired = false;
  const timer = setInterval(() => {
    const rss = treeRss(process.pid);
    peak = Math.max(peak, rss);
    if (rss > limit && !fired) {
      fired = true;
      onExceeded(new BuildMemoryError(buildError.exceeded(items, gb(rss), gb(limit))));
    }
  }, 250);
  timer.unref();
  return { stop: () => clearInterval(timer), peak: () => peak };
}
