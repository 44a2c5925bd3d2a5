/**
 * How the Lambda functions are bundled — plain data, read by the CDK stack (NodejsFunction bundling) and by
 * `npm run bench:api` (which measures exactly these bundles). One place, so what is measured is what ships.
 */
import path from 'node:path';

const here = import.meta.dirname;

/** Lambda entry points by function. */
export const HANDLERS = {
  feedback: path.join(here, 'feedback.ts'),
  lookup: path.join(here, 'lookup.ts'),
  staff: path.join(here, 'staff.ts'),
} as const;

export type HandlerName = keyof typeof HANDLERS;

/**
 * Leave the AWS SDK v3 to the Lambda runtime (Node.js 24 ships it) instead of bundling it. Measured with
 * `npm run bench:api` on the 2-core dev machine: runtime SDK 172 KB, module init ≈ 245 ms; bundled SDK
 * 519 KB (over the 500 KB budget), init ≈ 200 ms. The bundled copy initialises ~50 ms faster (one file to
 * parse instead of many), but triples the size and freezes the SDK's security fixes at build time; the
 * runtime's copy wins. Set to false to bundle a pinned SDK instead.
 */
export const USE_RUNTIME_SDK = true;

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
