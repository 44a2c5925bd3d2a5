/**
 * Global setup of the `site` tests: build the sample content once (as of TEST_AS_OF) into .cache/ and serve
 * it with the same local server `npm start` uses. Tests read the URL and folder with inject().
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import type { Portal } from '../../functions/local/portal.ts';
import { startLocalPortal } from '../../scripts/lib/portal.ts';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import { TEST_POW } from './pow.ts';
import { limitsFromEnv } from '../../functions/http/limits.ts';
import { cacheDir, root, TEST_AS_OF } from './paths.ts';
import { fileLogger } from './server-log.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string;
    distDir: string;
    dynamoEndpoint: string;
    /** The portal's data folder (its development sign-in key: signDevToken(dataDir, …) makes staff tokens). */
    dataDir: string;
  }
}

let server: Portal | undefined;

export async function setup(project: TestProject): Promise<void> {
  const distDir = path.join(cacheDir, 'test-site', 'dist');
  rmSync(distDir, { recursive: true, force: true });
  execFileSync(process.execPath, [path.join(root, 'scripts/build.ts'), '--out', distDir], {
    cwd: root,
    env: { ...process.env, DUCHA_AS_OF: TEST_AS_OF, ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  // The whole portal, as npm start runs it, but with an in-memory DynamoDB and a cheap proof of work.
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ducha-site-data-'));
  server = await startLocalPortal({ distDir, dataDir, port: 0, inMemory: true, pow: TEST_POW,
    // Every browser test comes from 127.0.0.1: give the suite room (rate limits are tested in integration/).
    limits: limitsFromEnv({ DUCHA_RATE_LIMIT_MULTIPLIER: '100' }),
    // Its request log goes to a file (printed when a run fails), not into the test output.
    logger: fileLogger('ducha-portal') });
  project.provide('siteUrl', server.url);
  project.provide('distDir', distDir);
  project.provide('dynamoEndpoint', server.dynamoEndpoint);
  project.provide('dataDir', dataDir);
}

export async function teardown(): Promise<void> {
  await server?.close();
}
