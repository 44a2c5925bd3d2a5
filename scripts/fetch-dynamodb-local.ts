/**
 * Fetch AWS's DynamoDB Local engine for the integration tests: it ships as a jar inside the npm package
 * amplify-dynamodb-simulator, which we `npm pack` (no install, no dependency) and unpack into
 * .cache/dynamodb-local/. Idempotent; prints the folder. Run by .ci/run and by the test setup when missing.
 * Layer: scripts/ — may import any layer but tests/; only scripts/ and tests/ import it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';

export const SIMULATOR_PACKAGE = 'amplify-dynamodb-simulator@2.9.30';
export const DYNAMODB_LOCAL_DIR = path.resolve(import.meta.dirname, '../.cache/dynamodb-local');

export function fetchDynamoDbLocal(): string {
  if (existsSync(path.join(DYNAMODB_LOCAL_DIR, 'DynamoDBLocal.jar'))) return DYNAMODB_LOCAL_DIR;
  // A fresh clone has no .cache/ yet.
  mkdirSync(path.dirname(DYNAMODB_LOCAL_DIR), { recursive: true });
  const work = mkdtempSync(path.join(path.dirname(DYNAMODB_LOCAL_DIR), 'ddb-'));
  try {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const tgz = execFileSync(npm, ['pack', SIMULATOR_PACKAGE, '--pack-destination', work, '--silent'], { encoding: 'utf8' }).trim().split('\n').at(-1)!;
    execFileSync('tar', ['xzf', path.join(work, tgz), '-C', work, 'package/emulator']);
    rmSync(DYNAMODB_LOCAL_DIR, { recursive: true, force: true });
    renameSync(path.join(work, 'package/emulator'), DYNAMODB_LOCAL_DIR);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return DYNAMODB_LOCAL_DIR;
}

if (import.meta.main) console.log(fetchDynamoDbLocal());
