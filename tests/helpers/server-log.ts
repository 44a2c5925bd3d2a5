/**
 * The site tests' portal logs to a file, not to the test output (.cache/logs/portal.log); the reporter
 * below prints its end when a test run fails, where it helps.
 */
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Console } from 'node:console';
import path from 'node:path';
import { Logger } from '@aws-lambda-powertools/logger';
import type { Reporter, TestRunEndReason } from 'vitest/node';
import { cacheDir } from './paths.ts';

export const SERVER_LOG = path.join(cacheDir, 'logs', 'portal.log');

/** A Powertools logger whose lines go to SERVER_LOG (emptied here). */
export function fileLogger(serviceName: string): Logger {
  mkdirSync(path.dirname(SERVER_LOG), { recursive: true });
  writeFileSync(SERVER_LOG, '');
  const out = createWriteStream(SERVER_LOG, { flags: 'a' });
  const logger = new Logger({ serviceName });
  // Powertools writes to its own Console on process.stdout and offers no other destination; point it here.
  (logger as unknown as { console: Console }).console = new Console({ stdout: out, stderr: out });
  return logger;
}

/** Prints the end of the portal's log after a failed run. */
export default class ServerLogReporter implements Reporter {
  onTestRunEnd(_modules: unknown, _errors: unknown, reason: TestRunEndReason): void {
    if (reason !== 'failed' || !existsSync(SERVER_LOG)) return;
    const lines = readFileSync(SERVER_LOG, 'utf8').trimEnd().split('\n');
    if (lines.length && lines[0]) process.stdout.write(`\nThe site tests' portal log, last ${Math.min(40, lines.length)} lines (all of it: ${path.relative(process.cwd(), SERVER_LOG)}):\n${lines.slice(-40).join('\n')}\n`);
  }
}
