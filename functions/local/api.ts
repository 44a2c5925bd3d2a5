/**
 * The APIs wired for running on this machine (public, Open311, staff): the same Hono apps as in Lambda, with
 * dynalite (or whatever DUCHA_DYNAMODB_ENDPOINT names), local secrets, the site's facts as given (units,
 * regions, items) and its clock (calendar, time limits), the
 * socket's address as the client address, tokens from the development issuer (npm run staff:token) and
 * notifications written to .data/outbox/.
 * Layer: functions/ — imports domain/ and functions/; never site/, infra/, scripts/ or tests/.
 */
import path from 'node:path';
import { getConnInfo } from '@hono/node-server/conninfo';
import { Logger } from '@aws-lambda-powertools/logger';
import type { SiteFacts } from '../../domain/api/site-facts.ts';
import { absolute, urls } from '../../domain/urls.ts';
import { createApp, type AppDeps, type Secrets } from '../http/app.ts';
import { limitsFromEnv, type Limits } from '../http/limits.ts';
import { powFromEnv, type PowConfig } from '../http/pow.ts';
import { givenFacts } from '../http/site-facts.ts';
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
import type { FeedbackClock } from '../../domain/feedback/clock.ts';
import { feedbackClock } from '../../domain/feedback/clock-setup.ts';
import { createOpen311App } from '../http/open311-app.ts';

export interface LocalApiOptions {
  readonly endpoint: string;
  readonly secrets: Secrets;
  readonly tables?: TableNames;
  /** The site's units, regions and items (scripts/lib/portal.ts reads them from content/). */
  readonly facts: SiteFacts;
  readonly pow?: Partial<PowConfig>;
  readonly limits?: Partial<Limits>;
  readonly logger?: Logger;
  readonly now?: () => Date;
  /** Whether the store answers (the embedded one's supervisor knows more than a read can tell). */
  readonly storeHealth?: AppDeps['storeHealth'];
  /** The calendar and time limits. @default the built-in limits */
  readonly clock?: FeedbackClock;
}

export function localApi(options: LocalApiOptions) {
  const client = createDynamoClient({ endpoint: options.endpoint });
  const db = documentClient(client);
  const tables = options.tables ?? tableNamesFromEnv();
  const guard = new GuardStore(db, tables);
  const app = createApp({
    feedback: new FeedbackStore(db, tables),
    guard,
    idempotency: idempotencyStore(client, tables),
    secrets: async () => options.secrets,
    pow: { ...powFromEnv(), ...options.pow },
    limits: { ...limitsFromEnv(), ...options.limits },
    site: givenFacts(options.facts),
    storeHealth: async () => {
      await options.storeHealth?.();
      await guard.ping();
    },
    logger: options.logger ?? new Logger({ serviceName: 'ducha-feedback' }),
    // No CloudWatch here: metrics are published by the Lambda handlers only.
    clientAddress: (c) => getConnInfo(c).remote.address ?? 'unknown',
    ...(options.now ? { now: options.now } : {}),
    ...(options.clock ? { clock: async () => options.clock! } : {}),
  });
  const clock = options.clock ?? feedbackClock();
  const open311 = createOpen311App({
    feedback: new FeedbackStore(db, tables),
    unitName: unitDirectory(options.facts.units).find,
    clock: async () => clock,
    logger: options.logger ?? new Logger({ serviceName: 'ducha-open311' }),
    ...(options.now ? { now: options.now } : {}),
  });
  return { app, open311, client, tables };
}

export interface LocalStaffOptions {
  readonly endpoint: string;
  readonly tables: TableNames;
  readonly dataDir: string;
  readonly facts: SiteFacts;
  /** The portal's own address, for links in notifications. */
  readonly siteUrl: string;
  readonly logger?: Logger;
  readonly now?: () => Date;
  readonly clock?: FeedbackClock;
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
    site: givenFacts(options.facts),
    notifier: outboxNotifier(outboxDir),
    lookupUrl: absolute(urls.feedbackStatus, options.siteUrl),
    consoleConfig: { mode: 'dev' },
    logger: options.logger ?? new Logger({ serviceName: 'ducha-staff' }),
    ...(options.now ? { now: options.now } : {}),
    ...(options.clock ? { clock: async () => options.clock! } : {}),
  });
  return { app, client, outboxDir };
}
