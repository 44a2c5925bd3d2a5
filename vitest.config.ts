import { defineConfig } from 'vitest/config';

/**
 * Test kinds, named by folder: unit (pure code, no network), site (builds the sample site once and checks
 * its files and pages in Debian's Chromium), integration (the feedback API and store on dynalite and on
 * DynamoDB Local), infra (CDK template assertions and cdk-nag).
 */
export default defineConfig({
  test: {
    // Output of passing tests (CDK's bundling notes, browser noise) is not shown; a failing test's is. The
    // site tests' portal logs to .cache/logs/portal.log, whose end the second reporter prints after a failure.
    silent: 'passed-only',
    reporters: ['default', './tests/helpers/server-log.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'site',
          include: ['tests/site/**/*.test.ts'],
          globalSetup: ['tests/helpers/site-setup.ts'],
          testTimeout: 60_000,
          // A page's answer can take seconds on a loaded 2-core machine; expect.poll waits for it.
          expect: { poll: { timeout: 10_000 } },
          hookTimeout: 180_000,
          // Browser tests share one Chromium per file; two files at once suit the 2-core CI machine.
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          globalSetup: ['tests/helpers/integration-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: 'infra',
          include: ['tests/infra/**/*.test.ts'],
          // Each file synthesizes its stacks once (esbuild bundling, cdk-nag) in beforeAll.
          testTimeout: 30_000,
          hookTimeout: 120_000,
          maxWorkers: 2,
        },
      },
    ],
  },
});
