/**
 * The ledger as Open311 GeoReport v2, on both DynamoDB engines: every field of every answer is one the
 * specification defines, of the type it defines; the filters the issue names; one request by id; errors
 * in Open311's own shape; content-free (no description) and a clue's unit only once replied; cached 5 min.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { API_ROUTES, routePath } from '../../domain/api/routes.ts';
import { FEEDBACK_KINDS, kindLabel } from '../../domain/feedback/kinds.ts';
import { statusLabel } from '../../domain/feedback/status.ts';
import { createOpen311App } from '../../functions/http/open311-app.ts';
import { FeedbackStore } from '../../functions/store/feedback-store.ts';
import { feedbackClock } from '../../domain/feedback/clock-setup.ts';
import { staffTestApi, UNITS, type StaffTestApi } from '../helpers/staff.ts';

const engines = Object.entries(inject('engines'));

/** GeoReport v2's fields (wiki.open311.org/GeoReport_v2) and their types: the answers may carry only these. */
type FieldType = 'string' | 'boolean' | 'number' | 'datetime' | ((v: unknown) => boolean);
const W3C_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;
const SERVICE_FIELDS: Record<string, FieldType> = {
  service_code: 'string', service_name: 'string', description: 'string', metadata: 'boolean',
  type: (v) => v === 'realtime' || v === 'batch' || v === 'blackbox', keywords: 'string', group: 'string',
};
const REQUEST_FIELDS: Record<string, FieldType> = {
  service_request_id: 'string', status: (v) => v === 'open' || v === 'closed', status_notes: 'string', service_name: 'string', service_code: 'string',
  description: 'string', agency_responsible: 'string', service_notice: 'string', requested_datetime: 'datetime', updated_datetime: 'datetime',
  expected_datetime: 'datetime', address: 'string', address_id: 'string', zipcode: 'string', lat: 'number', long: 'number', media_url: 'string',
};
const REQUIRED_REQUEST = ['service_request_id', 'status', 'service_code', 'requested_datetime'];

function conforms(object: Record<string, unknown>, spec: Record<string, FieldType>) {
  for (const [k, v] of Object.entries(object)) {
    const type = spec[k];
    expect(type, `field ${k} is not in GeoReport v2`).toBeDefined();
    if (typeof type === 'function') expect(type(v), `${k}: ${String(v)}`).toBe(true);
    else if (type === 'datetime') expect(v, k).toMatch(W3C_DATETIME);
    else expect(typeof v, k).toBe(type);
  }
}

describe.each(engines)('Open311 GeoReport v2 on %s', (_engine, endpoint) => {
  let s: StaffTestApi;
  let app: ReturnType<typeof createOpen311App>;
  const get = async (url: string) => {
    const res = await app.request(url);
    return { status: res.status, cache: res.headers.get('cache-control'), json: (await res.json()) as any };
  };
  let open: string;
  let replied: string;
  let clue: string;
  beforeAll(async () => {
    s = await staffTestApi(endpoint, { clock: { now: new Date('2026-11-02T02:00:00Z') }, limits: { submit: { capacity: 10_000, perSeconds: 60 }, submitUnverified: { capacity: 10_000, perSeconds: 60 } } });
    app = createOpen311App({ feedback: new FeedbackStore(s.api.db, s.api.tables), unitName: (id) => UNITS.find((u) => u.id === id)?.name, clock: async () => feedbackClock(), logger: new Logger({ logLevel: 'SILENT' }), now: () => s.clock.now });
    const act = async (t: string, action: string, body: Record<string, unknown> = {}) => {
      const version = (await s.request('GET', `/api/staff/submissions/${t}`, s.tokens.admin)).json.submission.version;
      expect((await s.act(t, s.tokens.admin, { action, version, ...body })).status).toBe(200);
    };
    open = (await s.submit()).trackingNumber;
    replied = (await s.submit()).trackingNumber;
    clue = (await s.submit({ kind: 'clue' })).trackingNumber;
    for (const t of [replied, clue]) {
      await act(t, 'accept');
      await act(t, 'assign', { units: ['water'] });
    }
    await act(replied, 'draft', { text: '经现场核实，积水点已完成排水管疏通。', unit: 'water' });
    await act(replied, 'approve');
  });

  it('lists the kinds of submission as services, as the specification defines them', async () => {
    const res = await get(routePath('open311Services'));
    expect(res.json.map((x: { service_code: string }) => x.service_code)).toEqual([...FEEDBACK_KINDS]);
    for (const service of res.json) conforms(service, SERVICE_FIELDS);
  });

  it('answers requests with only GeoReport v2 fields of the right types, and never a description', async () => {
    const res = await get(routePath('open311Requests'));
    expect(res.json.length).toBe(3);
    for (const r of res.json) {
      conforms(r, REQUEST_FIELDS);
      for (const k of REQUIRED_REQUEST) expect(r, k).toHaveProperty(k);
      expect(r).not.toHaveProperty('description');
    }
    const one = res.json.find((r: { service_request_id: string }) => r.service_request_id === replied);
    expect(one).toMatchObject({ status: 'closed', status_notes: statusLabel('replied'), service_name: kindLabel('suggestion'), agency_responsible: UNITS[0]!.name });
  });

  it("keeps a clue's unit out until it is replied to", async () => {
    const [r] = (await get(routePath('open311Request', { file: `${clue}.json` }))).json;
    expect(r.service_code).toBe('clue');
    expect(r).not.toHaveProperty('agency_responsible');
  });

  it('filters by status, service code and dates', async () => {
    const ids = async (q: string) => ((await get(`${routePath('open311Requests')}?${q}`)).json as { service_request_id: string }[]).map((r) => r.service_request_id).sort();
    expect(await ids('status=closed')).toEqual([replied]);
    expect(await ids('status=open')).toEqual([open, clue].sort());
    expect(await ids('service_code=clue')).toEqual([clue]);
    expect(await ids('start_date=2026-11-03T00:00:00%2B08:00&end_date=2026-11-30T00:00:00%2B08:00')).toEqual([]);
    expect(await ids(`service_request_id=${open},${clue}`)).toEqual([open, clue].sort());
  });

  it('answers one request by id as a list of one, and an unknown one with an Open311 error', async () => {
    expect((await get(routePath('open311Request', { file: `${open}.json` }))).json).toHaveLength(1);
    const missing = await get(routePath('open311Request', { file: 'DC2611-ZZZZZZ.json' }));
    expect(missing.status).toBe(404);
    expect(missing.json).toEqual([{ code: 404, description: expect.any(String) }]);
  });

  it('refuses a bad filter with code 400 errors', async () => {
    const res = await get(`${routePath('open311Requests')}?status=done&start_date=yesterday`);
    expect(res.status).toBe(400);
    expect(res.json.length).toBe(2);
    for (const e of res.json) expect(e).toEqual({ code: 400, description: expect.any(String) });
  });

  it('lets the CDN keep answers for 5 minutes, errors not at all', async () => {
    expect((await get(routePath('open311Requests'))).cache).toBe(`public, max-age=${API_ROUTES.open311Requests.cacheSeconds}`);
    expect(API_ROUTES.open311Requests.cacheSeconds).toBe(300);
    expect((await get(`${routePath('open311Requests')}?status=done`)).cache).toBe('no-store');
  });
});
