/**
 * What every Lambda entry point shares: clients, stores, secrets (read once per cold start from Secrets
 * Manager), Powertools logger and metrics, and the app built from them. Names come from the environment the
 * CDK stack sets: table names (DUCHA_TABLE_*), DUCHA_SECRET_ARN, DUCHA_REGION_IDS, DUCHA_POW_*.
 * Layer: functions/ — imports domain/ and functions/; never site/, infra/, scripts/ or tests/.
 */
import type { LambdaContext, LambdaEvent } from 'hono/aws-lambda';
import type { Context } from 'hono';
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { getSecret } from '@aws-lambda-powertools/parameters/secrets';
import { createApp, type Secrets } from '../http/app.ts';
import { DEFAULT_LIMITS } from '../http/limits.ts';
import { powFromEnv } from '../http/pow.ts';
import { createDynamoClient, documentClient } from '../store/client.ts';
import { FeedbackStore } from '../store/feedback-store.ts';
import { GuardStore } from '../store/guard-store.ts';
import { idempotencyStore } from '../store/idempotency.ts';
import { tableNamesFromEnv } from '../store/tables.ts';
import { regionNameLookup, unitNameLookup } from './site-units.ts';

type Bindings = { event: LambdaEvent; lambdaContext: LambdaContext };

// The service name comes from POWERTOOLS_SERVICE_NAME, which the stack sets per function (ducha-feedback,
// ducha-lookup): both functions run this module, so naming it here would file one under the other.
export const logger = new Logger();
export const metrics = new Metrics({ namespace: 'Ducha' });

let secrets: Promise<Secrets & { originVerify?: string }> | undefined;
/** Set once the secret has been read (every route reads the secret before it needs the client address). */
let originVerify: string | undefined;

/**
 * The secret is a JSON object {altchaHmacKey, pepper, originVerify}; fetched once per container, on the
 * first request rather than during module initialisation (npm run bench:api measures both).
 */
function loadSecrets() {
  secrets ??= (async () => {
    const arn = process.env.DUCHA_SECRET_ARN;
    if (!arn) throw new Error('DUCHA_SECRET_ARN is not set');
    const value = (await getSecret(arn, { transform: 'json', maxAge: 24 * 3_600 })) as Secrets & { originVerify?: string };
    if (!value?.altchaHmacKey || !value.pepper) throw new Error('secret lacks altchaHmacKey or pepper');
    originVerify = value.originVerify;
    return value;
  })().catch((error) => {
    secrets = undefined; // try again on the next request
    throw error;
  });
  return secrets;
}

/**
 * The viewer's address. Behind CloudFront, API Gateway sees CloudFront's address; CloudFront passes the
 * viewer's in CloudFront-Viewer-Address, which is trusted only when the request also carries the secret
 * origin header CloudFront adds (so a caller going to API Gateway directly cannot choose its address).
 */
function clientAddress(c: Context<{ Bindings: Bindings }>): string {
  const source = (c.env.event.requestContext as { http?: { sourceIp?: string } }).http?.sourceIp ?? 'unknown';
  const viewer = c.req.header('cloudfront-viewer-address');
  if (viewer && originVerify && c.req.header('x-ducha-origin') === originVerify) return viewer.replace(/:\d+$/, '');
  return source;
}

export function buildApp() {
  const client = createDynamoClient();
  const db = documentClient(client);
  const tables = tableNamesFromEnv(process.env, 'ducha');
  const app = createApp({
    feedback: new FeedbackStore(db, tables),
    guard: new GuardStore(db, tables),
    idempotency: idempotencyStore(client, tables),
    secrets: loadSecrets,
    pow: powFromEnv(),
    limits: DEFAULT_LIMITS,
    ...(process.env.DUCHA_REGION_IDS ? { regionIds: process.env.DUCHA_REGION_IDS.split(',') } : {}),
    ...(process.env.DUCHA_SITE_URL ? { unitName: unitNameLookup(process.env.DUCHA_SITE_URL), regionName: regionNameLookup(process.env.DUCHA_SITE_URL) } : {}),
    logger,
    metrics,
    clientAddress: (c) => clientAddress(c as unknown as Context<{ Bindings: Bindings }>),
    remainingTimeMs: (c) => (c.env as Bindings).lambdaContext.getRemainingTimeInMillis(),
  });
  return app;
}
