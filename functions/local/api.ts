/**
 * The two APIs wired for running on this machine: the same Hono apps as in Lambda, with dynalite (or
 * whatever DUCHA_DYNAMODB_ENDPOINT names), local secrets, the site's regions and units as given, the
 * socket's address as the client address, tokens from the development issuer (npm run staff:token) and
 * notifications written to .data/outbox/.
 * Layer: functions/ — imports domain/ and functions/; never site/, infra/, scripts/ or tests/.
 */
import path from 'node:path';
import { getConnInfo } from '@hono/node-server/conninfo';
import { Logger } from '@aws-lambda-powertools/logger';
import type { UnitInfo } from '../../domain/api/staff.ts';
import { absolute, urls } from '../../domain/urls.ts';
import { createApp, type Secrets } from '../http/app.ts';
import { limitsFromEnv, type Limits } from '../http/limits.ts';
import { powFromEnv, type PowConfig } from '../http/pow.ts';
import { createStaffApp } from '../http/staff-app.ts';
import { createVerifier } from '../staff/auth.ts';
import { outboxNotifier } from '../staff/notify.ts';
import { createDynamoClient, documentClient } from '../store/client.ts';
import { ContactStore, FeedbackStore } from '../store/feedback-store.ts';
import { GuardStore } from '../store/guard-store.ts';
import { idempotencyStore } from '../store/idempotency.ts';
import { tableNamesFromEnv, type TableNames } from '../store/tables.ts';
import { devVerifierOptions } from './dev-auth.ts';
import { unitDirectory } from '../../domain/units.ts';

export interface LocalApiOptions {
  readonly endpoint: string;
  readonly secrets: Secrets;
  readonly tables?: TableNames;
  /** The site's regions (ids accepted in submissions, names for the form sent back without JavaScript). */
  readonly regions?: readonly { readonly id: string; readonly name: string }[];
  readonly pow?: Partial<PowConfig>;
  readonly limits?: Partial<Limits>;
  readonly logger?: Logger;
  readonly now?: () => Date;
  /** Unit names, for replies shown in lookups. */
  readonly units?: readonly UnitInfo[];
}

export function localApi(options: LocalApiOptions) {
  const client = createDynamoClient({ endpoint: options.endpoint });
  const db = documentClient(client);
  const tables = options.tables ?? tableNamesFromEnv();
  const units = unitDirectory(options.units ?? []);
  const app = createApp({
    feedback: new FeedbackStore(db, tables),
    guard: new GuardStore(db, tables),
    idempotency: idempotencyStore(client, tables),
    secrets: async () => options.secrets,
    pow: { ...powFromEnv(), ...options.pow },
    limits: { ...limitsFromEnv(), ...options.limits },
    ...(options.regions ? { regionIds: options.regions.map((r) => r.id), regionName: (id: string) => options.regions!.find((r) => r.id === id)?.name } : {}),
    unitName: units.find,
    logger: options.logger ?? new Logger({ serviceName: 'ducha-feedback' }),
    // No CloudWatch here: metrics are published by the Lambda handlers only.
    clientAddress: (c) => getConnInfo(c).remote.address ?? 'unknown',
    ...(options.now ? { now: options.now } : {}),
  });
  return { app, client, tables };
}

export interface LocalStaffOptions {
  readonly endpoint: string;
  readonly tables: TableNames;
  readonly dataDir: string;
  readonly units: readonly UnitInfo[];
  /** The portal's own address, for links in notifications. */
  readonly siteUrl: string;
  readonly logger?: Logger;
  readonly now?: () => Date;
}

/** The staff API locally: tokens from the development issuer (npm run staff:token), notifications to .data/outbox/. */
export async function localStaffApi(options: LocalStaffOptions) {
  const client = createDynamoClient({ endpoint: options.endpoint });
  const db = documentClient(client);
  const outboxDir = path.join(options.dataDir, 'outbox');
  const app = createStaffApp({
    feedback: new FeedbackStore(db, options.tables),
    contacts: new ContactStore(db, options.tables),
    verify: createVerifier(await devVerifierOptions(options.dataDir)),
    units: async () => options.units,
    notifier: outboxNotifier(outboxDir),
    lookupUrl: absolute(urls.feedbackStatus, options.siteUrl),
    consoleConfig: { mode: 'dev' },
    logger: options.logger ?? new Logger({ serviceName: 'ducha-staff' }),
    ...(options.now ? { now: options.now } : {}),
  });
  return { app, client, outboxDir };
}
