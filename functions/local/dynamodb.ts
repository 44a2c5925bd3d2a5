/**
 * The embedded DynamoDB: dynalite (pure Node) storing under .data/dynamodb, started on a free loopback port,
 * and the tables created from the shared definitions (functions/store/tables.ts). `ensureTables` also works
 * against DynamoDB Local or AWS (DUCHA_DYNAMODB_ENDPOINT).
 * Layer: functions/ — imports domain/ and functions/; never site/, infra/, scripts/ or tests/.
 */
import { Worker } from 'node:worker_threads';
import { mkdirSync } from 'node:fs';
import {
  CreateTableCommand,
  DescribeTableCommand,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { TABLES, type TableDefinition, type TableNames } from '../store/tables.ts';

export interface EmbeddedDynamo {
  readonly endpoint: string;
  close(): Promise<void>;
}

/**
 * Start dynalite on 127.0.0.1, in a worker thread: the API and the database then use a core each (measured
 * with npm run bench:api). `dir` keeps data on disk; omit it for an in-memory store (tests).
 */
export async function startDynalite(dir?: string): Promise<EmbeddedDynamo> {
  if (dir) mkdirSync(dir, { recursive: true });
  const worker = new Worker(new URL('./dynalite-worker.ts', import.meta.url), { workerData: { path: dir } });
  const port = await new Promise<number>((resolve, reject) => {
    worker.once('message', (m: { port: number }) => resolve(m.port));
    worker.once('error', reject);
  });
  // Do not keep the process alive for the database alone.
  worker.unref();
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
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
