/**
 * The embedded DynamoDB: dynalite (pure Node) storing under .data/dynamodb, started on a free loopback port,
 * and the tables created from the shared definitions (functions/store/tables.ts). `ensureTables` also works
 * against DynamoDB Local or AWS (DUCHA_DYNAMODB_ENDPOINT).
 *
 * Supervised: dynalite's worker dies on a write error (a read-only or full data directory). The cause is
 * logged, `health()` reports it (the API's /api/health answers 503 with it), and the worker is started again
 * on the same port — once the directory can be written again, with growing pauses while it cannot. A data
 * directory that cannot be written at all stops the start with a message naming it, in Chinese and English.
 * Layer: functions/ — imports domain/ and functions/; never site/, infra/, scripts/ or tests/.
 */
import { Worker } from 'node:worker_threads';
import { accessSync, constants, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Logger } from '@aws-lambda-powertools/logger';
import {
  CreateTableCommand,
  DescribeTableCommand,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { localPortal } from '../../domain/labels/zh-CN.ts';
import { TABLES, type TableDefinition, type TableNames } from '../store/tables.ts';

export type StoreHealth = { readonly ok: true } | { readonly ok: false; readonly reason: string };

export interface EmbeddedDynamo {
  readonly endpoint: string;
  /** Whether the worker is running; when not, why it stopped. */
  health(): StoreHealth;
  close(): Promise<void>;
}

/** The data directory cannot be written: what to do, for the person running `npm start`. */
export class DataDirError extends Error {
  readonly zh: string;
  /** In a line: the directory and the system's error. */
  readonly reason: string;
  constructor(dir: string, cause: string) {
    const zh = localPortal.dataDirNotWritable(dir, cause);
    super(`${zh}\nCannot write to the data directory ${dir} (${cause}). The embedded database needs a writable data directory: check the permissions of the directory and the files in it (e.g. chmod -R u+w ${dir}), or choose another one with npm start -- --data <writable directory>.`);
    this.name = 'DataDirError';
    this.zh = zh;
    this.reason = `cannot write ${dir}: ${cause}`;
  }
}

/** Throw DataDirError unless `dir` (created if missing) and every file in it can be written. */
export function checkWritable(dir: string): void {
  // `EACCES: permission denied, open '…/.write-check-1'` → `EACCES: permission denied`.
  const fail = (where: string, error: unknown) => new DataDirError(where, (error as Error).message.split(',')[0]!);
  try {
    mkdirSync(dir, { recursive: true });
    const probe = path.join(dir, `.write-check-${process.pid}`);
    writeFileSync(probe, '');
    rmSync(probe);
  } catch (error) {
    throw fail(dir, error);
  }
  for (const f of readdirSync(dir)) {
    try {
      accessSync(path.join(dir, f), constants.W_OK);
    } catch (error) {
      throw fail(path.join(dir, f), error);
    }
  }
}

export interface DynaliteOptions {
  /** Where the worker's failures and recoveries are logged. */
  readonly logger?: Logger;
  /** The first pause before a restart; it doubles up to 30 s while the cause lasts. @default 500 ms */
  readonly restartDelayMs?: number;
}

/**
 * Start dynalite on 127.0.0.1, in a worker thread: the API and the database then use a core each (measured
 * with npm run bench:api). `dir` keeps data on disk; omit it for an in-memory store (tests).
 */
export async function startDynalite(dir?: string, options: DynaliteOptions = {}): Promise<EmbeddedDynamo> {
  const logger = options.logger ?? new Logger({ serviceName: 'ducha-local-store' });
  if (dir) checkWritable(dir);
  let worker: Worker;
  let alive = false;
  /** Past the first start: from then on a dead worker is restarted (a failed first start is an error). */
  let started = false;
  let state: StoreHealth = { ok: true };
  let closing = false;
  let delay = options.restartDelayMs ?? 500;
  let timer: ReturnType<typeof setTimeout> | undefined;

  /** A worker listening on `port` (0: any); resolves with the port, rejects if it dies first. */
  function launch(port: number): Promise<number> {
    const w = new Worker(new URL('./dynalite-worker.ts', import.meta.url), { workerData: { path: dir, port } });
    worker = w;
    alive = true;
    let failure = '';
    w.on('error', (error) => (failure = error.message));
    w.on('exit', (code) => {
      alive = false;
      if (closing || w !== worker || !started) return;
      stopped(failure || `exit code ${code}`);
    });
    // Do not keep the process alive for the database alone.
    w.unref();
    return new Promise<number>((resolve, reject) => {
      w.once('message', (m: { port: number }) => resolve(m.port));
      w.once('exit', () => reject(new Error(failure || 'embedded DynamoDB did not start')));
    });
  }

  function stopped(reason: string): void {
    if (state.ok) logger.error(localPortal.storeDown(reason), { store: 'dynalite', dir, reason });
    state = { ok: false, reason };
    timer = setTimeout(restart, delay);
    timer.unref();
    delay = Math.min(delay * 2, 30_000);
  }

  function restart(): void {
    if (closing) return;
    try {
      if (dir) checkWritable(dir);
    } catch (error) {
      stopped(error instanceof DataDirError ? error.reason : (error as Error).message);
      return;
    }
    launch(port).then(
      () => {
        state = { ok: true };
        delay = options.restartDelayMs ?? 500;
        logger.info(localPortal.storeRecovered, { store: 'dynalite', dir });
      },
      () => undefined, // its exit handler has scheduled the next try
    );
  }

  const port = await launch(0);
  started = true;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    health: () => state,
    close: () =>
      new Promise((resolve) => {
        closing = true;
        if (timer) clearTimeout(timer);
        if (!alive) return resolve();
        worker.once('exit', () => resolve());
        worker.postMessage('close');
      }),
  };
}

function createInput(def: TableDefinition, name: string) {
  const keys = [def.partitionKey, ...(def.sortKey ? [def.sortKey] : [])];
  const attributes = new Map<string, 'S' | 'N'>();
  for (const k of [...keys, ...def.globalIndexes.flatMap((i) => [i.partitionKey, ...(i.sortKey ? [i.sortKey] : [])])]) attributes.set(k.name, k.type);
  return {
    TableName: name,
    BillingMode: 'PAY_PER_REQUEST' as const,
    AttributeDefinitions: [...attributes].map(([AttributeName, AttributeType]) => ({ AttributeName, AttributeType })),
    KeySchema: [
      { AttributeName: def.partitionKey.name, KeyType: 'HASH' as const },
      ...(def.sortKey ? [{ AttributeName: def.sortKey.name, KeyType: 'RANGE' as const }] : []),
    ],
    ...(def.globalIndexes.length
      ? {
          GlobalSecondaryIndexes: def.globalIndexes.map((i) => ({
            IndexName: i.indexName,
            KeySchema: [
              { AttributeName: i.partitionKey.name, KeyType: 'HASH' as const },
              ...(i.sortKey ? [{ AttributeName: i.sortKey.name, KeyType: 'RANGE' as const }] : []),
            ],
            Projection: { ProjectionType: 'ALL' as const },
          })),
        }
      : {}),
  };
}

/** A table made by an earlier version (its data kept under .data/) gets the indexes added since. */
async function addMissingIndexes(client: DynamoDBClient, def: TableDefinition, name: string, present: ReadonlySet<string | undefined>): Promise<void> {
  const input = createInput(def, name);
  for (const index of input.GlobalSecondaryIndexes ?? []) {
    if (present.has(index.IndexName)) continue;
    await client.send(new UpdateTableCommand({ TableName: name, AttributeDefinitions: input.AttributeDefinitions, GlobalSecondaryIndexUpdates: [{ Create: index }] }));
  }
}

/** Create any missing table (idempotent) and enable TTL where the engine supports it. */
export async function ensureTables(client: DynamoDBClient, names: TableNames): Promise<void> {
  for (const key of Object.keys(TABLES) as (keyof typeof TABLES)[]) {
    const def = TABLES[key];
    const name = names[key];
    try {
      const { Table } = await client.send(new DescribeTableCommand({ TableName: name }));
      await addMissingIndexes(client, def, name, new Set((Table?.GlobalSecondaryIndexes ?? []).map((i) => i.IndexName)));
      continue;
    } catch (error) {
      if ((error as Error).name !== 'ResourceNotFoundException') throw error;
    }
    try {
      await client.send(new CreateTableCommand(createInput(def, name)));
    } catch (error) {
      if ((error as Error).name !== 'ResourceInUseException') throw error;
    }
    await waitUntilTableExists({ client, maxWaitTime: 60, minDelay: 1, maxDelay: 2 }, { TableName: name });
    try {
      await client.send(new UpdateTimeToLiveCommand({ TableName: name, TimeToLiveSpecification: { AttributeName: def.ttlAttribute, Enabled: true } }));
    } catch {
      // dynalite has no TTL; DynamoDB Local and AWS do. Expiry there is a retention measure, not logic.
    }
  }
}
