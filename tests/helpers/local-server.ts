/**
 * The real local server (`npm start --no-build`) in a child process, for tests that need what it prints or
 * its own process: a data folder of its own, the site folder given (or the data folder), a cheap proof of
 * work. `unprivileged` runs it as nobody when the tests run as root — file permissions (a read-only data
 * folder) bind every user but root.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { vi } from 'vitest';
import { root } from './paths.ts';

/** The user the server runs as when the tests are root (`nobody`). */
export const NOBODY = { uid: 65_534, gid: 65_534 };
export const isRoot = () => process.getuid?.() === 0;

/** A new folder the server's user may write. */
export function serverDir(prefix: string, unprivileged = false): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  if (unprivileged) ownForServer(dir);
  return dir;
}

/** Give `dir` and everything in it to the unprivileged server's user (when the tests are root). */
export function ownForServer(dir: string): void {
  if (isRoot()) execFileSync('chown', ['-R', `${NOBODY.uid}:${NOBODY.gid}`, dir]);
}

export interface LocalServerProcess {
  readonly base: string;
  readonly dynamoEndpoint: string;
  readonly dataDir: string;
  readonly child: ChildProcess;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
  stop(): Promise<void>;
}

export interface SpawnOptions {
  readonly dataDir?: string;
  readonly distDir?: string;
  readonly env?: Record<string, string>;
  readonly unprivileged?: boolean;
}

/** Start `scripts/start.ts` and resolve once it has printed its address; the child, if it exits first. */
export function spawnServer(options: SpawnOptions = {}): { child: ChildProcess; output: () => string; started: Promise<LocalServerProcess> } {
  const dataDir = options.dataDir ?? serverDir('ducha-server-', options.unprivileged);
  const args = [path.join(root, 'scripts/start.ts'), '--no-build', '--port', '0', '--data', dataDir, '--dist', options.distDir ?? dataDir];
  const [command, argv] = options.unprivileged && isRoot() ? ['setpriv', [`--reuid=${NOBODY.uid}`, `--regid=${NOBODY.gid}`, '--clear-groups', process.execPath, ...args]] : [process.execPath, args];
  const child = spawn(command, argv as string[], {
    cwd: root,
    env: { ...process.env, DUCHA_POW_ALGORITHM: 'SHA-256', DUCHA_POW_COUNTER_MAX: '30', DUCHA_DYNAMODB_ENDPOINT: '', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const output = () => out;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  };
  const exited = new Promise<never>((_resolve, reject) => child.once('exit', (code) => reject(new Error(`server exited (${code}):\n${out}`))));
  const started = Promise.race([
    vi.waitFor(
      () => {
        if (!/DynamoDB：\S+/.test(out)) throw new Error(`server did not start:\n${out}`);
      },
      { timeout: 30_000, interval: 100 },
    ),
    exited,
  ]).then(() => ({ base: /http:\/\/127\.0\.0\.1:\d+/.exec(out)![0], dynamoEndpoint: /DynamoDB：(\S+)/.exec(out)![1]!, dataDir, child, output, stop }));
  exited.catch(() => undefined);
  return { child, output, started };
}
