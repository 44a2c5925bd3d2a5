/**
 * The DynamoDB tables, as plain data. The CDK stack (infra/) and the local bootstrap (functions/local/) both
 * build their tables from these definitions; nothing else describes them.
 *
 * - feedback: single-table design. A submission is `pk = SUB#<tracking>`: its record (`sk = META`) and its
 *   append-only events (`sk = EVT#000001` …). GSI `queue` lists submissions by status and date for staff;
 *   GSI `due` lists them by status and running deadline (the queue's order, the daily reminder).
 * - feedback also holds units' progress reports: `pk = REPORT#<id>`, `sk = META`, listed by status in the
 *   `queue` index under `REPORTS#<status>`.
 * - contacts: contact details, `pk = SUB#<tracking>`. The public functions may write here, never read.
 * - guard: short-lived records that protect the API: rate-limit buckets, used proof-of-work challenges,
 *   lookup attempt counts and idempotency records (Powertools).
 * Every record carries `expiresAt` (epoch seconds); TTL deletes it.
 * Layer: functions/ — imports domain/ and functions/; never site/, infra/, scripts/ or tests/.
 */
export type AttributeType = 'S' | 'N';

export interface KeyDefinition {
  readonly name: string;
  readonly type: AttributeType;
}

export interface IndexDefinition {
  readonly indexName: string;
  readonly partitionKey: KeyDefinition;
  readonly sortKey?: KeyDefinition;
}

export interface TableDefinition {
  /** Construct id in CDK and the suffix of the local table name. */
  readonly id: 'Feedback' | 'Contacts' | 'Guard';
  /** Environment variable that carries the table name to the functions. */
  readonly envVar: string;
  readonly partitionKey: KeyDefinition;
  readonly sortKey?: KeyDefinition;
  readonly globalIndexes: readonly IndexDefinition[];
  /** The TTL attribute. */
  readonly ttlAttribute: string;
}

const S = (name: string): KeyDefinition => ({ name, type: 'S' });

export const TABLES = {
  feedback: {
    id: 'Feedback',
    envVar: 'DUCHA_TABLE_FEEDBACK',
    partitionKey: S('pk'),
    sortKey: S('sk'),
    globalIndexes: [
      { indexName: 'queue', partitionKey: S('queuePk'), sortKey: S('queueSk') },
      // The same statuses, soonest deadline first (the staff queue's order; records without one sort last).
      { indexName: 'due', partitionKey: S('queuePk'), sortKey: S('dueSk') },
    ],
    ttlAttribute: 'expiresAt',
  },
  contacts: {
    id: 'Contacts',
    envVar: 'DUCHA_TABLE_CONTACTS',
    partitionKey: S('pk'),
    globalIndexes: [],
    ttlAttribute: 'expiresAt',
  },
  guard: {
    id: 'Guard',
    envVar: 'DUCHA_TABLE_GUARD',
    partitionKey: S('pk'),
    globalIndexes: [],
    ttlAttribute: 'expiresAt',
  },
} as const satisfies Record<string, TableDefinition>;

export type TableKey = keyof typeof TABLES;

/** Key prefixes, one place. */
export const KEY = {
  submission: (tracking: string) => `SUB#${tracking}`,
  meta: 'META',
  event: (seq: number) => `EVT#${String(seq).padStart(6, '0')}`,
  eventPrefix: 'EVT#',
  queue: (status: string) => `STATUS#${status}`,
  queueSort: (createdAt: string, tracking: string) => `${createdAt}#${tracking}`,
  /** Soonest deadline first; without a running deadline after every date. */
  dueSort: (deadline: string | undefined, createdAt: string, tracking: string) => `${deadline ?? '9999-12-31'}#${createdAt}#${tracking}`,
  /** A unit's progress report on an item (domain/items/report.ts): one record, `sk = META`. */
  report: (id: string) => `REPORT#${id}`,
  /** The queue index's partition of the reports in one status. */
  reportQueue: (status: string) => `REPORTS#${status}`,
  rateLimit: (scope: string, client: string) => `RL#${scope}#${client}`,
  challenge: (signature: string) => `ALTCHA#${signature}`,
  lookupAttempts: (tracking: string) => `LOOKUP#${tracking}`,
  idempotency: 'IDEM',
  /** Read (never written) by the health check. */
  health: 'HEALTH',
} as const;

/** Table names as the functions see them: from their environment, or the local defaults. */
export interface TableNames {
  readonly feedback: string;
  readonly contacts: string;
  readonly guard: string;
}

export function tableNamesFromEnv(env: Record<string, string | undefined> = process.env, prefix = 'ducha-local'): TableNames {
  return {
    feedback: env[TABLES.feedback.envVar] ?? `${prefix}-feedback`,
    contacts: env[TABLES.contacts.envVar] ?? `${prefix}-contacts`,
    guard: env[TABLES.guard.envVar] ?? `${prefix}-guard`,
  };
}
