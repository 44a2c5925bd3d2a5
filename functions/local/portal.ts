/**
 * The whole portal on one port, as `npm start` runs it: an embedded DynamoDB (dynalite under .data/, or the
 * engine DUCHA_DYNAMODB_ENDPOINT names), its tables, both APIs and the built site. The site's facts (units,
 * regions, items) come in from the caller (scripts/lib/portal.ts builds them from content/), as in AWS the
 * functions read them from the published site. /api/health reports the embedded store's state.
 * Layer: functions/ — imports domain/ and functions/; never site/, infra/, scripts/ or tests/.
 */
import { givenFacts, publishedFacts } from '../http/site-facts.ts';
import { ReportStore } from '../store/report-store.ts';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Logger } from '@aws-lambda-powertools/logger';
import type { SiteFacts } from '../../domain/api/site-facts.ts';
import { feedbackClock } from '../../domain/feedback/clock-setup.ts';
import type { Reminder } from '../../domain/feedback/reminders.ts';
import { unitDirectory } from '../../domain/units.ts';
import { everyDayAtNine, outboxReminderChannel, sendDailyReminders } from '../staff/reminders.ts';
import { createDynamoClient, documentClient } from '../store/client.ts';
import { FeedbackStore } from '../store/feedback-store.ts';
import type { UnitInfo } from '../../domain/api/staff.ts';
import type { Limits } from '../http/limits.ts';
import type { PowConfig } from '../http/pow.ts';
import { localApi, localStaffApi } from './api.ts';
import { checkWritable, ensureTables, startDynalite, type EmbeddedDynamo } from './dynamodb.ts';
import { localSecrets } from './secrets.ts';
import { startLocalServer, type LocalServer } from './server.ts';
import type { TableNames } from '../store/tables.ts';
import { StoreUnavailableError } from '../store/errors.ts';
import type { FeedbackClock } from '../../domain/feedback/clock.ts';

export interface PortalOptions {
  readonly distDir: string;
  /** The site's units (assignment, names in lookups), regions and items (the only ones a submission may name). */
  readonly facts: SiteFacts;
  /** Data (dynalite files, secrets). @default <project>/.data */
  readonly dataDir: string;
  readonly port?: number;
  readonly hostname?: string;
  /** Use this DynamoDB instead of starting dynalite (DUCHA_DYNAMODB_ENDPOINT). */
  readonly endpoint?: string;
  /** Keep dynalite in memory instead of on disk (tests). @default false */
  readonly inMemory?: boolean;
  readonly tables?: TableNames;
  readonly pow?: Partial<PowConfig>;
  readonly limits?: Partial<Limits>;
  readonly logger?: Logger;
  readonly now?: () => Date;
  /** The calendar and time limits (content/calendar.yaml, content/settings/feedback.yaml). @default the built-in limits */
  readonly clock?: FeedbackClock;
}

export interface Portal extends LocalServer {
  readonly dynamoEndpoint: string;
  /** Where notifications to citizens are written locally. */
  readonly outboxDir: string;
  readonly tables: TableNames;
  /** Send today's reminders now (the schedule does it every day at 09:00 China time), into outbox/reminders/. */
  sendReminders(): Promise<Reminder[]>;
}

/** While a portal runs on a data folder, its DynamoDB endpoint is in this file (npm run reminders:send reads it). */
export const ENDPOINT_FILE = 'dynamodb-endpoint';

/** The daily reminder on this machine: the local tables, the outbox as its channel. */
export function localReminders(options: { endpoint: string; tables: TableNames; outboxDir: string; units: readonly UnitInfo[]; clock?: FeedbackClock; siteUrl: string; logger?: Logger; now?: () => Date; facts?: SiteFacts }) {
  const client = createDynamoClient({ endpoint: options.endpoint });
  const names = unitDirectory(options.units);
  const clock = options.clock ?? feedbackClock();
  const feedback = new FeedbackStore(documentClient(client), options.tables);
  // The items for the units' digests: as given (npm start), else as the running portal publishes them.
  const facts = options.facts ? givenFacts(options.facts) : publishedFacts(options.siteUrl);
  const run = {
    feedback,
    items: async () => (await facts()).items.values(),
    reports: new ReportStore(feedback.db, feedback.tables),
    clock: async () => clock,
    unitName: (id: string) => names.find(id) ?? id,
    consoleUrl: `${options.siteUrl}/staff/`,
    channel: outboxReminderChannel(path.join(options.outboxDir, 'reminders'), options.now),
    logger: options.logger ?? new Logger({ serviceName: 'ducha-reminder' }),
    ...(options.now ? { now: options.now } : {}),
  };
  return { send: () => sendDailyReminders(run), run, client };
}

export async function startPortal(options: PortalOptions): Promise<Portal> {
  // Secrets, the sign-in key and (unless in memory) the database live here: it must be writable.
  checkWritable(options.dataDir);
  let dynalite: EmbeddedDynamo | undefined;
  const endpoint =
    options.endpoint ??
    (process.env.DUCHA_DYNAMODB_ENDPOINT || undefined) ??
    (dynalite = await startDynalite(options.inMemory ? undefined : path.join(options.dataDir, 'dynamodb'), options.logger ? { logger: options.logger } : {})).endpoint;
  const { facts } = options;
  const units = facts.units;
  const { app, open311, client, tables } = localApi({
    endpoint,
    secrets: localSecrets(options.dataDir),
    facts,
    storeHealth: async () => {
      const health = dynalite?.health();
      if (health && !health.ok) throw new StoreUnavailableError(`embedded DynamoDB stopped: ${health.reason}`);
    },
    ...(options.tables ? { tables: options.tables } : {}),
    ...(options.pow ? { pow: options.pow } : {}),
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.now ? { now: options.now } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
  });
  await ensureTables(client, tables);
  const staff = await localStaffApi({
    endpoint,
    tables,
    dataDir: options.dataDir,
    facts,
    siteUrl: `http://${options.hostname ?? '127.0.0.1'}:${options.port ?? 4321}`,
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.now ? { now: options.now } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
  });
  const siteUrl = `http://${options.hostname ?? '127.0.0.1'}:${options.port ?? 4321}`;
  const reminders = localReminders({ endpoint, tables, outboxDir: staff.outboxDir, units, ...(options.clock ? { clock: options.clock } : {}), siteUrl, facts, ...(options.logger ? { logger: options.logger } : {}), ...(options.now ? { now: options.now } : {}) });
  const schedule = everyDayAtNine(reminders.send, reminders.run.logger);
  const endpointFile = path.join(options.dataDir, ENDPOINT_FILE);
  if (!options.inMemory) {
    mkdirSync(options.dataDir, { recursive: true });
    writeFileSync(endpointFile, endpoint);
  }
  const server = await startLocalServer({
    distDir: options.distDir,
    api: app,
    staffApi: staff.app,
    open311Api: open311,
    ...(options.port !== undefined ? { port: options.port } : {}),
    ...(options.hostname ? { hostname: options.hostname } : {}),
  });
  return {
    url: server.url,
    dynamoEndpoint: endpoint,
    tables,
    outboxDir: staff.outboxDir,
    sendReminders: reminders.send,
    async close() {
      schedule.stop();
      rmSync(endpointFile, { force: true });
      reminders.client.destroy();
      await server.close();
      client.destroy();
      staff.client.destroy();
      await dynalite?.close();
    },
  };
}
