/**
 * The feedback API wired for running on this machine: the same Hono app as in Lambda, with dynalite (or
 * whatever DUCHA_DYNAMODB_ENDPOINT names), local secrets, the site's regions, and the socket's address as
 * the client address.
 */
import { getConnInfo } from '@hono/node-server/conninfo';
import { Logger } from '@aws-lambda-powertools/logger';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import { createApp, limitsFromEnv, type Limits, type Secrets } from '../http/app.ts';
import { powFromEnv, type PowConfig } from '../http/pow.ts';
import { createDynamoClient, documentClient } from '../store/client.ts';
import { FeedbackStore } from '../store/feedback-store.ts';
import { GuardStore } from '../store/guard-store.ts';
import { tableNamesFromEnv, type TableNames } from '../store/tables.ts';

export interface LocalApiOptions {
  readonly endpoint: string;
  readonly secrets: Secrets;
  readonly tables?: TableNames;
  readonly regionIds?: readonly string[];
  readonly pow?: Partial<PowConfig>;
  readonly limits?: Partial<Limits>;
  readonly logger?: Logger;
  readonly now?: () => Date;
}

export function localApi(options: LocalApiOptions) {
  const client = createDynamoClient({ endpoint: options.endpoint });
  const db = documentClient(client);
  const tables = options.tables ?? tableNamesFromEnv();
  const logger = options.logger ?? new Logger({ serviceName: 'ducha-feedback' });
  const app = createApp({
    feedback: new FeedbackStore(db, tables),
    guard: new GuardStore(db, tables),
    idempotency: new DynamoDBPersistenceLayer({ tableName: tables.guard, keyAttr: 'pk', expiryAttr: 'expiresAt', awsSdkV3Client: client }),
    secrets: async () => options.secrets,
    pow: { ...powFromEnv(), ...options.pow },
    limits: { ...limitsFromEnv(), ...options.limits },
    ...(options.regionIds ? { regionIds: options.regionIds } : {}),
    logger,
    // No CloudWatch here: metrics are published by the Lambda handlers only.
    clientAddress: (c) => getConnInfo(c).remote.address ?? 'unknown',
    ...(options.now ? { now: options.now } : {}),
  });
  return { app, client, tables };
}
