/**
 * What each API function is: its entry point, its routes and exactly which DynamoDB actions it may call on
 * which table. Plain data, apart from construction (api.ts), so the least-privilege boundaries read at a
 * glance and a later function (the staff console, the only reader of contacts) is one more entry.
 */
import type { TableKey } from '../../functions/store/tables.ts';
import type { HandlerName } from '../../functions/handlers/bundling.ts';

/** DynamoDB actions a function may be granted; never `*`, never Scan. */
export type DataAction = 'GetItem' | 'PutItem' | 'UpdateItem' | 'DeleteItem' | 'Query' | 'ConditionCheckItem';

export const READ_ACTIONS: readonly DataAction[] = ['GetItem', 'Query', 'ConditionCheckItem'];

export interface RouteSpec {
  readonly method: 'GET' | 'POST';
  /** A path of the feedback API, always under /api/ (CloudFront routes /api/* to the API). */
  readonly path: `/api/${string}`;
}

export interface FunctionSpec {
  /** Construct id, also in the function's name and its log group. */
  readonly id: string;
  /** Which Lambda entry point (functions/handlers/bundling.ts). */
  readonly handler: HandlerName;
  readonly description: string;
  /** POWERTOOLS_SERVICE_NAME. */
  readonly serviceName: string;
  readonly routes: readonly RouteSpec[];
  /** DynamoDB actions per table, on the table itself. A table not listed is out of reach. */
  readonly tableAccess: Readonly<Partial<Record<TableKey, readonly DataAction[]>>>;
  /**
   * Global secondary indexes the function may Query, per table.
   * @default - none
   */
  readonly indexAccess?: Readonly<Partial<Record<TableKey, readonly string[]>>>;
  /**
   * Memory in MB (CPU scales with it; PBKDF2 proof-of-work checks and password hashing are CPU bound).
   * @default 512
   */
  readonly memorySize?: number;
}

const GUARD: readonly DataAction[] = ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem'];

/** The public feedback function: health, proof-of-work challenges, submissions. Writes contacts, never reads them. */
export const FEEDBACK_FUNCTION: FunctionSpec = {
  id: 'Feedback',
  handler: 'feedback',
  description: 'Ducha public feedback API: GET /api/health, GET /api/challenge, POST /api/feedback',
  serviceName: 'ducha-feedback',
  routes: [
    { method: 'GET', path: '/api/health' },
    { method: 'GET', path: '/api/challenge' },
    { method: 'POST', path: '/api/feedback' },
  ],
  tableAccess: {
    // It reads META before writing (a retry of the same submission is answered, not stored twice).
    feedback: ['GetItem', 'PutItem', 'Query'],
    contacts: ['PutItem'],
    guard: GUARD,
  },
};

/** The lookup function: a citizen follows a submission with its tracking number and password. No contacts at all. */
export const LOOKUP_FUNCTION: FunctionSpec = {
  id: 'Lookup',
  handler: 'lookup',
  description: 'Ducha feedback lookup: POST /api/feedback/lookup',
  serviceName: 'ducha-lookup',
  routes: [{ method: 'POST', path: '/api/feedback/lookup' }],
  tableAccess: {
    feedback: ['GetItem', 'Query'],
    guard: GUARD,
  },
};

/** The functions of the public API, in route order. */
export const PUBLIC_API_FUNCTIONS: readonly FunctionSpec[] = [FEEDBACK_FUNCTION, LOOKUP_FUNCTION];
