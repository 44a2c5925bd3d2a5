/**
 * Global setup of the `site` tests: build the sample content once (as of TEST_AS_OF) into .cache/ and serve
 * it with the same local server `npm start` uses. Tests read the URL and folder with inject().
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startLocalServer, type LocalServer } from '../../functions/local/server.ts';
import { cacheDir, root, TEST_AS_OF } from './paths.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string;
    distDir: string;
  }
}

let server: LocalServer | undefined;

export async function setup(project: TestProject): Promise<void> {
  const distDir = path.join(cacheDir, 'test-site', 'dist');
  rmSync(distDir, { recursive: true, force: true });
  execFileSync(process.execPath, [path.join(root, 'scripts/build.ts'), '--out', distDir], {
    cwd: root,
    env: { ...process.env, DUCHA_AS_OF: TEST_AS_OF, ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  server = await startLocalServer({ distDir, port: 0 });
  project.provide('siteUrl', server.url);
  project.provide('distDir', distDir);
}

export async function teardown(): Promise<void> {
  await server?.close();
}
