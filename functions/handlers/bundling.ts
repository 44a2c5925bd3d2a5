/**
 * How the Lambda functions are bundled — plain data, read by the CDK stack (NodejsFunction bundling) and by
 * `npm run bench:api` (which measures exactly these bundles). One place, so what is measured is what ships.
 * Layer: functions/ — imports domain/ and functions/; never site/, infra/, scripts/ or tests/.
 */
import path from 'node:path';

const here = import.meta.dirname;

/** Lambda entry points by function. */
export const HANDLERS = {
  feedback: path.join(here, 'feedback.ts'),
  lookup: path.join(here, 'lookup.ts'),
  staff: path.join(here, 'staff.ts'),
  open311: path.join(here, 'open311.ts'),
  reminder: path.join(here, 'reminder.ts'),
} as const;

export type HandlerName = keyof typeof HANDLERS;

/**
 * Bundle the AWS SDK v3 (pinned by package-lock.json) rather than use the copy in the Lambda runtime.
 * Measured with `npm run bench:api` on the 2-core dev machine (medians; this machine's noise is ±20 ms):
 * runtime SDK ≈ 185 KB and 230–280 ms of module initialisation (Node resolves and compiles hundreds of SDK
 * files from disk); bundled with the whole credential chain 533 KB (over the 500 KB budget), 215–245 ms;
 * bundled with the environment-only credentials Lambda needs (SDK_ALIASES) ≈ 400 KB, 185–200 ms. The last
 * wins on both counts; SDK fixes arrive with dependency updates and a redeploy, like every other library.
 * Set to true to leave the SDK to the runtime instead.
 */
export const USE_RUNTIME_SDK = false;

/** Packages replaced in bundles that include the SDK (esbuild `alias`): see lambda-credentials.ts. */
export const SDK_ALIASES: Readonly<Record<string, string>> = {
  '@aws-sdk/credential-provider-node': path.join(here, 'lambda-credentials.ts'),
};

/** Modules the runtime provides (left out of the bundle when USE_RUNTIME_SDK). */
export const RUNTIME_MODULES = ['@aws-sdk/*', '@smithy/*'] as const;

/** ESM bundles need a CommonJS `require` for the SDK's and dependencies' dynamic requires. */
export const ESM_REQUIRE_BANNER = "import { createRequire as __ducha_cr } from 'module'; const require = __ducha_cr(import.meta.url);";

/** esbuild options shared by the CDK bundling and the benchmark. */
export const ESBUILD_OPTIONS = {
  bundle: true,
  platform: 'node',
  target: 'node24',
  format: 'esm',
  minify: true,
  sourcemap: false,
  mainFields: ['module', 'main'],
  banner: ESM_REQUIRE_BANNER,
} as const;
