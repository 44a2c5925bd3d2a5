/**
 * The ledger, read only, as Open311 GeoReport v2 on the shared pipeline (pipeline.ts), so Open311 tools
 * can read what the office counted. The routes are domain/api/routes.ts's `open311` ones:
 *
 *   GET  /api/open311/v2/services.json          the kinds of submission as services
 *   GET  /api/open311/v2/requests.json          service requests (start_date, end_date, status, service_code,
 *                                               service_request_id; the last 90 days by default, at most 1000)
 *   GET  /api/open311/v2/requests/:file         one request, as requests/{id}.json
 *
 * Answers are the domain's (domain/feedback/open311.ts): content-free, with Open311's error bodies; the CDN
 * keeps them 5 minutes (the route table's cacheSeconds). Runs in Lambda (handlers/open311.ts) and locally.
 * Layer: functions/ — imports domain/ and functions/; never site/, infra/, scripts/ or tests/.
 */
import type { Context } from 'hono';
import type { Logger } from '@aws-lambda-powertools/logger';
import type { FeedbackClock } from '../../domain/feedback/clock.ts';
import { OPEN311_LIMITS, open311QuerySchema, open311Request, open311Services, parseOpen311Query, type Open311Error, type Open311Request } from '../../domain/feedback/open311.ts';
import { normalizeTrackingNumber, TRACKING_NUMBER } from '../../domain/feedback/tracking-number.ts';
import { open311 as msg } from '../../domain/labels/zh-CN.ts';
import type { FeedbackStore } from '../store/feedback-store.ts';
import { createApi, validate, type PipelineEnv } from './pipeline.ts';

export interface Open311AppDeps {
  readonly feedback: FeedbackStore;
  /** The name of a unit (the site's units). */
  readonly unitName: (id: string) => string | undefined;
  readonly clock: () => Promise<FeedbackClock>;
  readonly logger: Logger;
  readonly now?: () => Date;
}

const errors = (c: Context, status: 400 | 404, list: Open311Error[]) => c.json(list, status);

export function createOpen311App(deps: Open311AppDeps) {
  const now = deps.now ?? (() => new Date());
  const api = createApi<PipelineEnv>({ fn: 'open311', logger: deps.logger, logMessage: 'open311 request', scope: '/api/open311/*', notFound: '/api/open311/*' });

  api.on('open311Services', (c) => c.json(open311Services()));

  api.on('open311Requests', validate('query', open311QuerySchema), async (c) => {
    const parsed = parseOpen311Query(c.req.valid('query'), now());
    if (!parsed.ok) return errors(c, 400, parsed.errors);
    const { query } = parsed;
    const { calendar } = await deps.clock();
    const out: Open311Request[] = [];
    if (query.ids) {
      for (const id of query.ids.slice(0, OPEN311_LIMITS.maxResults)) {
        const r = await deps.feedback.meta(normalizeTrackingNumber(id));
        if (r) out.push(open311Request(r, deps.unitName, calendar));
      }
      return c.json(out);
    }
    for (const status of query.statuses) {
      for (const kind of query.kinds) {
        let cursor: string | undefined;
        do {
          const page = await deps.feedback.queue({ status, kind, from: query.from, to: query.to, limit: OPEN311_LIMITS.maxResults, ...(cursor ? { cursor } : {}) });
          out.push(...page.items.map((r) => open311Request(r, deps.unitName, calendar)));
          cursor = out.length < OPEN311_LIMITS.maxResults ? page.cursor : undefined;
        } while (cursor);
      }
    }
    // Newest first, as a list of recent requests reads.
    out.sort((a, b) => b.requested_datetime.localeCompare(a.requested_datetime) || a.service_request_id.localeCompare(b.service_request_id));
    return c.json(out.slice(0, OPEN311_LIMITS.maxResults));
  });

  api.on('open311Request', async (c) => {
    const file = c.req.param('file') ?? '';
    const id = normalizeTrackingNumber(file.replace(/\.json$/i, ''));
    if (!file.toLowerCase().endsWith('.json') || !TRACKING_NUMBER.test(id)) return errors(c, 404, [{ code: 404, description: msg.badId }]);
    const r = await deps.feedback.meta(id);
    if (!r) return errors(c, 404, [{ code: 404, description: msg.notFound }]);
    return c.json([open311Request(r, deps.unitName, (await deps.clock()).calendar)]);
  });

  return api.done();
}
