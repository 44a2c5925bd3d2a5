/**
 * The whole portal on one port, as `npm start` runs it: an embedded DynamoDB (dynalite under .data/, or the
 * engine DUCHA_DYNAMODB_ENDPOINT names), its tables, both APIs and the built site. The site's units and
 * regions come in from the caller (scripts/lib/portal.ts reads them from content/), as in AWS they come
 * from the published site and the stack.
 * Layer: functions/ — imports domain/ and functions/; never site/, infra/, scripts/ or tests/.
 */
import path from 'node:path';
import type { UnitInfo } from '../../domain/api/staff.ts';
import type { Limits } from '../http/limits.ts';
import type { PowConfig } from '../http/pow.ts';
import type { Logger } from '@aws-lambda-powertools/logger';
import { localApi, localStaffApi } from './api.ts';
import { ensureTables, startDynalite, type EmbeddedDynamo } from './dynamodb.ts';
import { localSecrets } from './secrets.ts';
import { startLocalServer, type LocalServer } from './server.ts';
import type { TableNames } from '../store/tables.ts';

export interface PortalOptions {
  readonly distDir: string;
  /** The site's units (assignment, names in lookups). */
  readonly units: readonly UnitInfo[];
  /** The site's regions (the only ones a submission may name; their names in a form sent back). */
  readonly regions: readonly { readonly id: string; readonly name: string }[];
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
}

export interface Portal extends LocalServer {
  readonly dynamoEndpoint: string;
  /** Where notifications to citizens are written locally. */
  readonly outboxDir: string;
  readonly tables: TableNames;
}

export async function startPortal(options: PortalOptions): Promise<Portal> {
  let dynalite: EmbeddedDynamo | undefined;
  const endpoint = options.endpoint ?? (process.env.DUCHA_DYNAMODB_ENDPOINT || undefined) ?? (dynalite = await startDynalite(options.inMemory ? undefined : path.join(options.dataDir, 'dynamodb'))).endpoint;
  const { units } = options;
  const { app, client, tables } = localApi({
    endpoint,
    secrets: localSecrets(options.dataDir),
    regions: options.regions,
    units,
    ...(options.tables ? { tables: options.tables } : {}),
    ...(options.pow ? { pow: options.pow } : {}),
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  await ensureTables(client, tables);
  const staff = await localStaffApi({
    endpoint,
    tables,
    dataDir: options.dataDir,
    units,
    siteUrl: `http://${options.hostname ?? '127.0.0.1'}:${options.port ?? 4321}`,
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  const server = await startLocalServer({
    distDir: options.distDir,
    api: app,
    staffApi: staff.app,
    ...(options.port !== undefined ? { port: options.port } : {}),
    ...(options.hostname ? { hostname: options.hostname } : {}),
  });
  return {
    url: server.url,
    dynamoEndpoint: endpoint,
    tables,
    outboxDir: staff.outboxDir,
    async close() {
      await server.close();
      client.destroy();
      staff.client.destroy();
      await dynalite?.close();
    },
  };
}
