/**
 * Every route of the API, once: the Hono apps register their handlers by these names (and a test checks
 * they register exactly these), the CDK app routes API Gateway to the right function from them, and the
 * site's islands call these paths. Path parameters are written `:name`. Plain data (what each route does is
 * its comment, not a string: the islands that call these paths carry this table).
 * Layer: domain/ — pure: imports only domain/ (and zod, js-yaml, node:crypto); no I/O, no Astro, Hono or AWS SDK.
 */

/** The Lambda function (and local app) that answers a route. */
export type ApiFunction = 'feedback' | 'lookup' | 'staff' | 'open311';
export type ApiMethod = 'GET' | 'POST';

export interface ApiRoute {
  readonly method: ApiMethod;
  readonly path: string;
  readonly fn: ApiFunction;
  /** Needs a signed-in staff member (a bearer token). */
  readonly staff?: true;
  /** A machine credential with the export scope may call it too (and nothing without this). */
  readonly machine?: true;
  /** Public answers CloudFront may cache this many seconds (the API sends `Cache-Control: public, max-age=…`). */
  readonly cacheSeconds?: number;
}

/**
 * Every API answer arrives within this long: a request still running then is answered 503 with Retry-After
 * (functions/http/pipeline.ts). The functions' Lambda timeout is longer (infra/constructs/api.ts), so the
 * citizen gets this problem+json rather than API Gateway's bare error.
 */
export const ANSWER_DEADLINE_MS = 8_000;

export const API_ROUTES = {
  /** liveness */
  health: { method: 'GET', path: '/api/health', fn: 'feedback' },
  /** a proof-of-work challenge (ALTCHA) */
  challenge: { method: 'GET', path: '/api/challenge', fn: 'feedback' },
  /** a suggestion, problem clue or item feedback → receipt */
  submit: { method: 'POST', path: '/api/feedback', fn: 'feedback' },
  /** status, public history and reply of one submission */
  lookup: { method: 'POST', path: '/api/feedback/lookup', fn: 'lookup' },
  /** the citizen's rating of the reply (满意 / 基本满意 / 不满意) */
  rate: { method: 'POST', path: '/api/feedback/satisfaction', fn: 'lookup' },
  /** Open311 GeoReport v2: the kinds of submission as services */
  open311Services: { method: 'GET', path: '/api/open311/v2/services.json', fn: 'open311', cacheSeconds: 300 },
  /** Open311 GeoReport v2: ledger rows as service requests (start_date, end_date, status, service_code, service_request_id) */
  open311Requests: { method: 'GET', path: '/api/open311/v2/requests.json', fn: 'open311', cacheSeconds: 300 },
  /** Open311 GeoReport v2: one service request, requests/{id}.json */
  open311Request: { method: 'GET', path: '/api/open311/v2/requests/:file', fn: 'open311', cacheSeconds: 300 },
  /** how the console signs in (no token needed) */
  staffConfig: { method: 'GET', path: '/api/staff-config', fn: 'staff' },
  /** the signed-in user and the units */
  me: { method: 'GET', path: '/api/staff/me', fn: 'staff', staff: true },
  /** one status's submissions (filters: kind, unit, from, to; cursor), and counts */
  queue: { method: 'GET', path: '/api/staff/queue', fn: 'staff', staff: true },
  /** one submission with its full history */
  submission: { method: 'GET', path: '/api/staff/submissions/:tracking', fn: 'staff', staff: true },
  /** one workflow action: an audit event, version-checked */
  action: { method: 'POST', path: '/api/staff/submissions/:tracking/actions', fn: 'staff', staff: true },
  /** approved replies the citizen allowed to publish, redacted */
  export: { method: 'GET', path: '/api/staff/export', fn: 'staff', staff: true, machine: true },
  /** one month's content-free ledger rows (?month=YYYY-MM), for npm run ledger:export */
  ledger: { method: 'GET', path: '/api/staff/ledger', fn: 'staff', staff: true, machine: true },
  /** 立项督办: turn accepted submissions into a draft of a new supervision item (an event on each, version-checked) */
  promote: { method: 'POST', path: '/api/staff/item-drafts', fn: 'staff', staff: true },
  /** the item drafts not yet exported, with the redacted texts their citizens allowed to publish (npm run drafts:export) */
  itemDrafts: { method: 'GET', path: '/api/staff/item-drafts', fn: 'staff', staff: true, machine: true },
  /** mark a draft's submissions as exported into an item id (the citizen's lookup shows it) */
  draftExported: { method: 'POST', path: '/api/staff/item-drafts/exported', fn: 'staff', staff: true, machine: true },
  /** 我的督查事项: the published items the unit leads or supports, with flags and its reports */
  myItems: { method: 'GET', path: '/api/staff/items', fn: 'staff', staff: true },
  /** progress reports in one status (?status=pending|returned|approved); a unit sees its own */
  reports: { method: 'GET', path: '/api/staff/reports', fn: 'staff', staff: true },
  /** a unit's new 进展报送 / 延期申请 / 办结申请 */
  newReport: { method: 'POST', path: '/api/staff/reports', fn: 'staff', staff: true },
  /** approve | return | resubmit one report: version-checked, one event each */
  reportAction: { method: 'POST', path: '/api/staff/reports/:id/actions', fn: 'staff', staff: true },
  /** approved reports in order of approval, for npm run progress:export */
  progressExport: { method: 'GET', path: '/api/staff/progress-export', fn: 'staff', staff: true, machine: true },
} as const satisfies Record<string, ApiRoute>;

export type RouteName = keyof typeof API_ROUTES;

/** The routes one function answers, in table order. */
export function routesOf(fn: ApiFunction): (ApiRoute & { readonly name: RouteName })[] {
  return (Object.entries(API_ROUTES) as [RouteName, ApiRoute][]).filter(([, r]) => r.fn === fn).map(([name, r]) => ({ ...r, name }));
}

/** A route's path with its parameters filled in (each encoded). */
export function routePath(name: RouteName, params: Readonly<Record<string, string>> = {}): string {
  return API_ROUTES[name].path.replace(/:([a-z]+)/gi, (_m, key: string) => encodeURIComponent(params[key] ?? ''));
}
