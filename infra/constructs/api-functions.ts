/**
 * What each API function is: its entry point, its routes (and which need a signed-in staff member) and
 * exactly which DynamoDB actions it may call on which table. Plain data, apart from construction (api.ts),
 * so the least-privilege boundaries read at a glance: the public functions write contacts or nothing, and
 * the staff function is the only one that may read them (GetItem: for the audited reveal, the approval
 * notification and the redacted export).
 * Layer: infra/ — imports domain/ and infra/; of functions/ only handlers/bundling.ts and store/tables.ts.
 */
import { API_ROUTES, routesOf, type ApiFunction } from '../../domain/api/routes.ts';
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

/** A public function's routes, straight from the API's route table (domain/api/routes.ts). */
const routesFor = (fn: ApiFunction): RouteSpec[] => routesOf(fn).map((r) => ({ method: r.method, path: apiGatewayPath(r.path) }));

/** A route table path as API Gateway writes it: `:name` parameters become `{name}`. */
export const apiGatewayPath = (path: string) => path.replace(/:([a-z]+)/gi, '{$1}') as `/api/${string}`;
const listed = (fn: ApiFunction) => routesOf(fn).map((r) => `${r.method} ${r.path}`).join(', ');

/** The public feedback function: health, proof-of-work challenges, submissions. Writes contacts, never reads them. */
export const FEEDBACK_FUNCTION: FunctionSpec = {
  id: 'Feedback',
  handler: 'feedback',
  description: `Ducha public feedback API: ${listed('feedback')}`,
  serviceName: 'ducha-feedback',
  routes: routesFor('feedback'),
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
  description: `Ducha feedback lookup: ${listed('lookup')}`,
  serviceName: 'ducha-lookup',
  routes: routesFor('lookup'),
  tableAccess: {
    feedback: ['GetItem', 'Query', 'PutItem', 'UpdateItem'],
    guard: GUARD,
  },
};

/**
 * The staff function: the supervision office's and the units' workflow. Reads the queue index, appends audit
 * events and updates submissions (never deletes), and is the only function that may read a contact record —
 * GetItem only, no Query, so one submission's contact at a time (the reveal, the approval notification, the
 * export's redaction of the citizen's name).
 */
export const STAFF_FUNCTION: FunctionSpec = {
  id: 'Staff',
  handler: 'staff',
  description: 'Ducha staff console API: GET /api/staff-config, /api/staff/* (signed-in staff only)',
  serviceName: 'ducha-staff',
  routes: [
    {
      method: API_ROUTES.staffConfig.method,
      path: API_ROUTES.staffConfig.path,
      publicBecause: 'GET /api/staff-config returns only the public sign-in settings (sign-in page URLs, public client id) the console needs before anyone has signed in.',
    },
    // Every signed-in route (API_ROUTES with `staff: true`) is under /api/staff/; the function routes them.
    { method: 'ANY', path: '/api/staff/{proxy+}', auth: 'staff' },
  ],
  tableAccess: {
    feedback: ['GetItem', 'Query', 'PutItem', 'UpdateItem'],
    contacts: ['GetItem'],
  },
  indexAccess: { feedback: ['queue', 'due'] },
};

/**
 * The Open311 function: the ledger, read only, as GeoReport v2. Reads submission records (GetItem) and the
 * queue index (Query); writes nothing, never touches contacts.
 */
export const OPEN311_FUNCTION: FunctionSpec = {
  id: 'Open311',
  handler: 'open311',
  description: `Ducha Open311 GeoReport v2 (read only): ${listed('open311')}`,
  serviceName: 'ducha-open311',
  routes: routesFor('open311'),
  tableAccess: { feedback: ['GetItem', 'Query'] },
  indexAccess: { feedback: ['queue'] },
};

/**
 * The daily reminder (no routes: EventBridge invokes it, infra/constructs/reminders.ts). Reads the open
 * submissions through the queue and deadline indexes only — no table read, no write, no contacts.
 */
export const REMINDER_FUNCTION: FunctionSpec = {
  id: 'Reminder',
  handler: 'reminder',
  description: 'Ducha daily reminder (催办) to units and reviewers',
  serviceName: 'ducha-reminder',
  routes: [],
  tableAccess: { feedback: [] },
  indexAccess: { feedback: ['queue', 'due'] },
};

/** The functions of the public API, in route order. */
export const PUBLIC_API_FUNCTIONS: readonly FunctionSpec[] = [FEEDBACK_FUNCTION, LOOKUP_FUNCTION, OPEN311_FUNCTION];

/** Every function of the API. */
export const API_FUNCTIONS: readonly FunctionSpec[] = [...PUBLIC_API_FUNCTIONS, STAFF_FUNCTION];
