/**
 * The CDK app: `npm run synth` (offline, no credentials, no Docker) and `npx cdk deploy`.
 * Context: -c stage=prod -c region=cn-northwest-1 -c domain=… -c certificateArn=… | -c iamCertificateId=…
 * -c waf=true -c alarmEmail=… -c sitePath=dist. docs/deploy.md explains each.
 * Layer: infra/ — imports domain/ and infra/; of functions/ only handlers/bundling.ts and store/tables.ts.
 */
import path from 'node:path';
import { App } from 'aws-cdk-lib';
import { ConfigError, CONTEXT_KEYS, readConfig, type ContextKey } from './config.ts';
import { buildApp } from './build-app.ts';

const root = path.resolve(import.meta.dirname, '..');
const app = new App();
try {
  const context = Object.fromEntries(CONTEXT_KEYS.map((key) => [key, app.node.tryGetContext(key)])) as Partial<Record<ContextKey, unknown>>;
  buildApp(app, readConfig(context, root), { account: process.env.CDK_DEFAULT_ACCOUNT });
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(`\n${error.zh}\n${error.en}\n`);
    process.exit(1);
  }
  throw error;
}
