/**
 * Small measuring helpers for the benchmarks (Linux /proc based).
 * Layer: scripts/ — may import any layer but tests/; only scripts/ and tests/ import it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** Resident set size of a process and all its descendants, in bytes (0 once it has exited). */
export function treeRss(pid: number): number {
  let total = 0;
  const visit = (p: number) => {
    try {
      const status = readFileSync(`/proc/${p}/status`, 'utf8');
      total += Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
      for (const task of readdirSync(`/proc/${p}/task`)) {
        const children = readFileSync(`/proc/${p}/task/${task}/children`, 'utf8').trim();
        for (const c of children ? children.split(/\s+/) : []) visit(Number(c));
      }
    } catch {
      // The process ended between reads.
    }
  };
  visit(pid);
  return total;
}

/** Sample `treeRss(pid)` every `ms` until stopped; returns the peak seen. */
export function watchPeakRss(pid: number, ms = 50): { stop(): number } {
  let peak = 0;
  const timer = setInterval(() => {
    peak = Math.max(peak, treeRss(pid));
  }, ms);
  return {
    stop() {
      clearInterval(timer);
      return peak;
    },
  };
}

/**
 * CPU seconds (user + system) of this process's children that have ended and been waited for, with all
 * their own descendants (Linux: cutime + cstime of /proc/self/stat, in clock ticks of 1/100 s). Unlike wall
 * time it hardly moves when other work shares the machine, so before/after a child's run it is the child
 * tree's CPU cost.
 */
export function childrenCpuSeconds(): number {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
  // After "pid (comm) ", field 3 (state) is index 0: cutime is field 16, cstime field 17.
  return (Number(fields[13]) + Number(fields[14])) / 100;
}

/** Total size of the files under a folder, and their count. */
export function folderSize(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    bytes += statSync(path.join(e.parentPath, e.name)).size;
    files += 1;
  }
  return { bytes, files };
}

export const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
export const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
