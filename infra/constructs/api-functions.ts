/**
 * What each API function is: its entry point, its routes (and which need a signed-in staff member) and
 * exactly which DynamoDB actions it may call on which table. Plain data, apart from construction (api.ts),
 * so the least-privilege boundaries read at a glance: the public functions write contacts or nothing, and
 * the staff function is the only one that may read them (GetItem, for the audited reveal action).
 */
import type { TableKey } from '../../functions/store/tables.ts';
import type { HandlerName } from '../../functions/handlers/bundling.ts';

/** DynamoDB actions a function may be granted; never `*`, never Scan. */
export type DataAction = 'GetItem' | 'PutItem' | 'UpdateItem' | 'DeleteItem' | 'Query' | 'ConditionCheckItem';

export const READ_ACTIONS: readonly DataAction[] = ['GetItem', 'Query', 'ConditionCheckItem'];

export interface RouteSpec {
  /** `ANY` routes every method to the function (which answers 405 itself). */
  readonly method: 'GET' | 'POST' | 'ANY';
  /** A path of the feedback API, always under /api/ (CloudFront routes /api/* to the API). */
  readonly path: `/api/${string}`;
  /**
   * `staff`: API Gateway's JWT authorizer lets only requests with a valid staff ID token through (the
   * function verifies the token again). Otherwise the route is public.
   * @default - public
   */
  readonly auth?: 'staff';
  /**
   * Why a public route needs no sign-in (the acknowledgement of cdk-nag's APIG4).
   * @default - a citizen-facing route
   */
  readonly publicBecause?: string;
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

/**
 * The lookup function: a citizen follows a submission with its tracking number and password, and rates the
 * reply (which appends an event and updates the submission record, both conditional writes). No contacts.
 */
export const LOOKUP_FUNCTION: FunctionSpec = {
  id: 'Lookup',
  handler: 'lookup',
  description: 'Ducha feedback lookup: POST /api/feedback/lookup, POST /api/feedback/satisfaction',
  serviceName: 'ducha-lookup',
  routes: [
    { method: 'POST', path: '/api/feedback/lookup' },
    { method: 'POST', path: '/api/feedback/satisfaction' },
  ],
  tableAccess: {
    feedback: ['GetItem', 'Query', 'PutItem', 'UpdateItem'],
    guard: GUARD,
  },
};

/**
 * The staff function: the supervision office's and the units' workflow. Reads the queue index, appends audit
 * events and updates submissions (never deletes), and is the only function that may read a contact record —
 * GetItem only, no Query, so one submission's contact at a time through the audited reveal action.
 */
export const STAFF_FUNCTION: FunctionSpec = {
  id: 'Staff',
  handler: 'staff',
  description: 'Ducha staff console API: GET /api/staff-config, /api/staff/* (signed-in staff only)',
  serviceName: 'ducha-staff',
  routes: [
    {
      method: 'GET',
      path: '/api/staff-config',
      publicBecause: 'GET /api/staff-config returns only the public sign-in settings (sign-in page URLs, public client id) the console needs before anyone has signed in.',
    },
    { method: 'ANY', path: '/api/staff/{proxy+}', auth: 'staff' },
  ],
  tableAccess: {
    feedback: ['GetItem', 'Query', 'PutItem', 'UpdateItem'],
    contacts: ['GetItem'],
  },
  indexAccess: { feedback: ['queue'] },
};

/** The functions of the public API, in route order. */
export const PUBLIC_API_FUNCTIONS: readonly FunctionSpec[] = [FEEDBACK_FUNCTION, LOOKUP_FUNCTION];

/** Every function of the API. */
export const API_FUNCTIONS: readonly FunctionSpec[] = [...PUBLIC_API_FUNCTIONS, STAFF_FUNCTION];
