/**
 * The feedback API for integration tests: the real Hono app and stores on a real DynamoDB engine, fresh
 * tables per suite, a cheap proof of work, and the client address taken from a test header so rate limits
 * can be exercised per "client".
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { Logger } from '@aws-lambda-powertools/logger';
import { idempotencyStore } from '../../functions/store/idempotency.ts';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { Challenge } from 'altcha-lib';
import { solveAltcha } from '../../scripts/lib/altcha.ts';
import { createApp, type AppDeps, type Secrets } from '../../functions/http/app.ts';
import { DEFAULT_POW, type PowConfig } from '../../functions/http/pow.ts';
import { createDynamoClient, documentClient } from '../../functions/store/client.ts';
import { FeedbackStore } from '../../functions/store/feedback-store.ts';
import { GuardStore } from '../../functions/store/guard-store.ts';
import type { TableNames } from '../../functions/store/tables.ts';
import { ensureTables } from '../../functions/local/dynamodb.ts';
import { TEST_LOOKUP_POW, TEST_POW } from './pow.ts';
import { givenFacts } from '../../functions/http/site-facts.ts';
import type { SiteFacts } from '../../domain/api/site-facts.ts';
import { DEFAULT_LIMITS, type Limits } from '../../functions/http/limits.ts';

import type { FeedbackClock } from '../../domain/feedback/clock.ts';

export const SECRETS: Secrets = { altchaHmacKey: 'test-altcha-key', pepper: 'test-pepper' };

export interface TestApiOptions {
  readonly limits?: Partial<Limits>;
  readonly pow?: Partial<PowConfig>;
  /** The site's units, regions and items; without them any of the right form is taken. */
  readonly facts?: SiteFacts;
  readonly now?: () => Date;
  /** Wrap the document client, e.g. to inject faults. */
  readonly wrapDb?: (db: ReturnType<typeof documentClient>) => ReturnType<typeof documentClient>;
  readonly logger?: Logger;
  /** Every answer within this long (the pipeline's deadline). */
  readonly deadlineMs?: number;
  /** Options of the DynamoDB client (e.g. a short request timeout against a stalled store). */
  readonly client?: { readonly requestTimeoutMs?: number; readonly maxAttempts?: number };
  /** Do not create tables (an engine that does not answer). */
  readonly skipTables?: boolean;
  /** The calendar and time limits. @default the built-in ones */
  readonly feedbackClock?: FeedbackClock;
}

export async function testApi(endpoint: string, options: TestApiOptions = {}) {
  const client = createDynamoClient({ endpoint, maxAttempts: 1, ...options.client });
  const raw = documentClient(client);
  const db = options.wrapDb ? options.wrapDb(raw) : raw;
  const prefix = `t${randomBytes(4).toString('hex')}`;
  const tables: TableNames = { feedback: `${prefix}-feedback`, contacts: `${prefix}-contacts`, guard: `${prefix}-guard` };
  if (!options.skipTables) await ensureTables(client, tables);
  const pow = { ...DEFAULT_POW, ...TEST_POW, ...options.pow };
  const deps: AppDeps = {
    feedback: new FeedbackStore(db, tables),
    guard: new GuardStore(db, tables),
    idempotency: idempotencyStore(client, tables),
    secrets: async () => SECRETS,
    pow,
    lookupPow: TEST_LOOKUP_POW,
    limits: { ...DEFAULT_LIMITS, ...options.limits },
    ...(options.facts ? { site: givenFacts(options.facts) } : {}),
    ...(options.deadlineMs ? { deadlineMs: options.deadlineMs } : {}),
    logger: options.logger ?? new Logger({ serviceName: 'test', logLevel: 'ERROR' }),
    clientAddress: (c) => c.req.header('x-test-client') ?? '203.0.113.1',
    ...(options.now ? { now: options.now } : {}),
    ...(options.feedbackClock ? { clock: async () => options.feedbackClock! } : {}),
  };
  const app = createApp(deps);

  /** Every item of a table (tests only). */
  async function scan(table: keyof TableNames): Promise<Record<string, unknown>[]> {
    const items: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const out = await raw.send(new ScanCommand({ TableName: tables[table], ConsistentRead: true, ...(start ? { ExclusiveStartKey: start } : {}) }));
      items.push(...(out.Items ?? []));
      start = out.LastEvaluatedKey;
    } while (start);
    return items;
  }

  /** A solved challenge for the `altcha` field, fetched from the API as a browser would. */
  async function solved(clientAddress = '198.51.100.7'): Promise<string> {
    const res = await app.request('/api/challenge', { headers: { 'x-test-client': clientAddress } });
    if (res.status !== 200) throw new Error(`challenge: ${res.status}`);
    return solveAltcha((await res.json()) as Challenge);
  }

  function post(path: string, body: unknown, headers: Record<string, string> = {}) {
    return app.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  }

  return { app, deps, tables, client, db: raw, scan, solved, post, close: () => client.destroy() };
}

export type TestApi = Awaited<ReturnType<typeof testApi>>;

/** A valid submission body with a unique title. */
export function validSubmission(over: Record<string, unknown> = {}) {
  return {
    kind: 'suggestion',
    title: `建议 ${randomUUID().slice(0, 8)}`,
    content: '城关到河西的公交车早高峰太挤，建议增加班次。',
    ...over,
  };
}

export const newKey = () => randomUUID();

/**
 * A fault for `wrapDb`: the first command `matches` accepts while the fault is armed fails with a DynamoDB
 * error of that name (as the SDK throws it); every other command goes through.
 */
export function failOnce(name: string, message: string, matches: (command: unknown) => boolean, { armed = true } = {}) {
  let pending = armed;
  let fired = false;
  return {
    /** Whether the fault has happened (a test can check it was not missed). */
    get fired() {
      return fired;
    },
    arm: () => {
      pending = true;
    },
    wrapDb: (db: ReturnType<typeof documentClient>) => {
      const send = db.send.bind(db) as (command: unknown) => Promise<unknown>;
      db.send = (async (command: unknown) => {
        if (pending && matches(command)) {
          pending = false;
          fired = true;
          throw Object.assign(new Error(message), { name, $metadata: { httpStatusCode: 400 } });
        }
        return send(command);
      }) as typeof db.send;
      return db;
    },
  };
}
