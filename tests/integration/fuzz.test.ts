/**
 * A bounded, seeded fuzz of every public and staff endpoint (fast-check; in-process app.request against
 * dynalite): valid, nearly valid and hostile requests — malformed and oversized bodies, Unicode tricks
 * (controls, bidi overrides, zero-width and filler characters), the injection corpus in every text field,
 * forged and expired tokens, wrong versions, crafted cursors. Whatever comes in: never a 5xx, errors are
 * problem details (or the HTML page a plain form asked for), nothing stored breaks the schema or the text
 * rule, and no text that breaks the rule reaches a page (the citizen's lookup, the API's HTML pages, the
 * staff detail, the export). The figures are printed at the end (requests, 5xx, invalid stored).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import fc from 'fast-check';
import { routePath, type RouteName } from '../../domain/api/routes.ts';
import { LIMITS } from '../../domain/feedback/schema.ts';
import { FEEDBACK_KINDS } from '../../domain/feedback/kinds.ts';
import { FEEDBACK_STATUSES, STAFF_ACTIONS } from '../../domain/feedback/status.ts';
import { RATINGS } from '../../domain/feedback/rating.ts';
import { REVEAL_REASONS } from '../../domain/feedback/events.ts';
import { textProblem } from '../../domain/text.ts';
import { lookupPage } from '../../functions/http/html.ts';
import type { LookupResult } from '../../domain/api/feedback.ts';
import { FACTS, staffTestApi, type StaffTestApi } from '../helpers/staff.ts';
import { otherPassword } from '../helpers/passwords.ts';
import { ALL_PAYLOADS, MARKER } from '../helpers/payloads.ts';

const SEED = 20_261_209;
const endpoint = inject('engines').dynalite!;
type Json = Record<string, any>;

/** What the fuzz counted: its figures. */
const figures = { requests: 0, serverErrors: 0, invalidStored: 0, byRoute: {} as Record<string, number>, byStatus: {} as Record<number, number> };

const cjk = fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c));
const tricky = fc.constantFrom('\u0000', '\u001b', '\u0085', '\u202e', '\u2066', '\u2028', '\ud800', '\u200b', '\u3164', '\ufeff', '\u2800', 'e\u0301', '😀', '𠀀', '\r\n', '\t', '"', '<', '&', "'");
const piece = fc.oneof({ weight: 8, arbitrary: cjk }, { weight: 2, arbitrary: tricky }, { weight: 1, arbitrary: fc.constantFrom(...ALL_PAYLOADS) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 3 }) });
/** Text of `min`–`max` pieces: mostly Chinese, sometimes hostile. */
const text = (min: number, max: number) => fc.array(piece, { minLength: min, maxLength: max }).map((a) => a.join(''));
const clean = (min: number, max: number) => fc.array(cjk, { minLength: min, maxLength: max }).map((a) => a.join(''));
const maybe = <T>(a: fc.Arbitrary<T>) => fc.oneof({ weight: 3, arbitrary: a }, { weight: 1, arbitrary: fc.constant(undefined) });
const junk = fc.oneof(fc.jsonValue(), fc.string({ maxLength: 40 }), fc.constant(null));

const submission = fc.record(
  {
    kind: fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...FEEDBACK_KINDS) }, { weight: 1, arbitrary: fc.string({ maxLength: 12 }) }),
    itemId: fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...FACTS.items.map((i) => i.id), 'dc-2026-014', '', '') }, { weight: 1, arbitrary: fc.constantFrom('DC-2026-999', `DC-2026-${'9'.repeat(60)}`) }, { weight: 1, arbitrary: fc.string({ maxLength: 14 }) }),
    region: fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...FACTS.regions.map((r) => r.id), '') }, { weight: 1, arbitrary: fc.constant('atlantis') }, { weight: 1, arbitrary: fc.string({ maxLength: 10 }) }),
    title: fc.oneof({ weight: 8, arbitrary: clean(4, 50) }, { weight: 2, arbitrary: text(0, 20) }),
    content: fc.oneof({ weight: 8, arbitrary: clean(10, 200) }, { weight: 2, arbitrary: text(0, 60) }),
    contact: maybe(fc.record({ name: maybe(fc.oneof(clean(1, 8), text(0, 8))), phone: maybe(fc.constantFrom('13800138000', '0000-81234567', '+86 139 0013 9000', '12345', '')), email: maybe(fc.constantFrom('a@example.cn', 'x@', '')) }, { requiredKeys: [] })),
    privacyConsent: fc.oneof({ weight: 8, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: junk }),
    allowPublish: fc.oneof({ weight: 9, arbitrary: fc.boolean() }, { weight: 1, arbitrary: junk }),
    website: fc.oneof({ weight: 9, arbitrary: fc.constant('') }, { weight: 1, arbitrary: fc.string({ maxLength: 10 }) }),
    extra: fc.oneof({ weight: 9, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: junk }),
  },
  { requiredKeys: ['kind', 'title', 'content'] },
);

type Body = { type: string; body: string };
const asForm = (s: Record<string, unknown>): Body => {
  const form = new URLSearchParams();
  for (const [k, v] of Object.entries(s)) {
    if (v === undefined || v === null) continue;
    if (k === 'contact' && typeof v === 'object') for (const [ck, cv] of Object.entries(v)) form.append(`contact.${ck}`, String(cv));
    else form.append(k, typeof v === 'boolean' ? (v ? 'on' : '') : typeof v === 'object' ? JSON.stringify(v) : String(v));
  }
  return { type: 'application/x-www-form-urlencoded', body: form.toString() };
};
/** A body for `valid`: as JSON, as a form, or broken in the ways bodies break. */
const bodyOf = (valid: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<Body> =>
  fc.oneof(
    { weight: 6, arbitrary: valid.map((v) => ({ type: 'application/json', body: JSON.stringify(v) })) },
    { weight: 2, arbitrary: valid.map(asForm) },
    { weight: 1, arbitrary: fc.jsonValue().map((v) => ({ type: 'application/json', body: JSON.stringify(v) ?? 'null' })) },
    { weight: 1, arbitrary: fc.string({ maxLength: 120 }).map((b) => ({ type: 'application/json', body: b })) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom('text/plain', '', 'application/xml', 'multipart/form-data', 'application/json; charset=gbk'), fc.string({ maxLength: 50 })).map(([type, body]) => ({ type, body })) },
    { weight: 1, arbitrary: fc.integer({ min: LIMITS.bodyBytes - 10, max: LIMITS.bodyBytes + 4_000 }).map((n) => ({ type: 'application/json', body: `{"title":"${'长'.repeat(Math.floor(n / 3))}"}` })) },
  );
const accept = fc.constantFrom('application/json', 'text/html,application/xhtml+xml', '*/*', undefined);

/** Every answer: never a 5xx; a failure is problem+json, or the HTML page a plain form post asked for. */
async function checked(route: string, res: Response, wantsHtml: boolean, isPost: boolean): Promise<Response> {
  figures.requests += 1;
  figures.byRoute[route] = (figures.byRoute[route] ?? 0) + 1;
  figures.byStatus[res.status] = (figures.byStatus[res.status] ?? 0) + 1;
  if (res.status >= 500) figures.serverErrors += 1;
  expect(res.status, route).toBeLessThan(500);
  if (res.status >= 400 && res.status !== 405) {
    const type = res.headers.get('content-type') ?? '';
    expect(type, route).toMatch(wantsHtml && isPost ? /^(text\/html|application\/problem\+json)/ : /^application\/problem\+json/);
  }
  return res;
}

/** A text that reached a page or the console breaks nothing: it passes the one rule and carries no live markup. */
function expectReadable(value: unknown, min: number, max: number, what: string) {
  if (typeof value !== 'string') return;
  const problem = textProblem(value, min, max);
  if (problem) figures.invalidStored += 1;
  expect(problem, `${what}: ${JSON.stringify(value).slice(0, 80)}`).toBeUndefined();
}

describe('the fuzz of every endpoint', () => {
  let s: StaffTestApi;
  const receipts: { trackingNumber: string; password: string }[] = [];
  const versions = new Map<string, number>();

  beforeAll(async () => {
    const lots = { capacity: 1e6, perSeconds: 1 };
    s = await staffTestApi(endpoint, { limits: { submit: lots, submitUnverified: lots, lookup: lots, challenge: lots } });
  });
  afterAll(() => {
    console.log(`fuzz (seed ${SEED}): ${figures.requests} requests, ${figures.serverErrors} answered 5xx, ${figures.invalidStored} invalid stored; by route ${JSON.stringify(figures.byRoute)}; by status ${JSON.stringify(figures.byStatus)}`);
  });

  const post = (path: string, b: Body, h: { accept?: string | undefined; client: string; key?: string | undefined }) =>
    s.api.app.request(path, { method: 'POST', headers: { ...(b.type ? { 'content-type': b.type } : {}), ...(h.accept ? { accept: h.accept } : {}), ...(h.key ? { 'idempotency-key': h.key } : {}), 'x-test-client': h.client }, body: b.body });

  it('POST submit: 700 generated requests', async () => {
    await fc.assert(
      fc.asyncProperty(bodyOf(submission as fc.Arbitrary<Record<string, unknown>>), accept, fc.oneof(fc.uuid(), fc.constant(undefined), fc.string({ maxLength: 120 })), fc.ipV4(), async (b, acc, key, client) => {
        const res = await checked('submit', await post(routePath('submit'), b, { accept: acc, client, key }), /text\/html/.test(acc ?? ''), true);
        if (res.status === 201 && !/text\/html/.test(acc ?? '')) receipts.push((await res.json()) as { trackingNumber: string; password: string });
        else await res.arrayBuffer();
      }),
      { numRuns: 700, seed: SEED },
    );
    // A fair share went all the way to storage.
    expect(receipts.length).toBeGreaterThan(30);
  }, 300_000);

  it('POST lookup and rate: 600 generated requests', async () => {
    const credentials = fc.oneof(
      fc.tuple(fc.constantFrom(...receipts), fc.boolean()).map(([r, right]) => ({ trackingNumber: r.trackingNumber, password: right ? r.password : otherPassword(r.password) })),
      fc.record({ trackingNumber: fc.oneof(fc.stringMatching(/^DC\d{4}-[0-9A-Z]{6}$/), fc.string({ maxLength: 20 })), password: fc.oneof(fc.stringMatching(/^\d{14}$/), fc.string({ maxLength: 16 })) }, { requiredKeys: [] }),
    );
    const lookup = fc.record({ creds: credentials, altcha: maybe(fc.string({ maxLength: 60 })) }).map(({ creds, altcha }) => ({ ...creds, ...(altcha ? { altcha } : {}) }));
    const rating = fc.record({ creds: credentials, rating: fc.oneof(fc.constantFrom(...RATINGS), fc.string({ maxLength: 8 })), comment: maybe(text(0, 30)) }).map(({ creds, ...r }) => ({ ...creds, ...r }));
    const route = fc.oneof(fc.tuple(fc.constant<RouteName>('lookup'), bodyOf(lookup as fc.Arbitrary<Record<string, unknown>>)), fc.tuple(fc.constant<RouteName>('rate'), bodyOf(rating as fc.Arbitrary<Record<string, unknown>>)));
    await fc.assert(
      fc.asyncProperty(route, accept, fc.ipV4(), async ([name, b], acc, client) => {
        const res = await checked(name, await post(routePath(name), b, { accept: acc, client }), /text\/html/.test(acc ?? ''), true);
        if (res.status === 200) {
          const body = await res.text();
          for (const leak of ['13800138000', '0000-81234567', '13900139000', 'a@example.cn', '"phone"', '"email"']) expect(body).not.toContain(leak);
        } else await res.arrayBuffer();
      }),
      { numRuns: 600, seed: SEED },
    );
  }, 300_000);

  it('every method on every public path and junk paths: 200 generated requests', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'),
        fc.oneof(fc.constantFrom(...(['health', 'challenge', 'submit', 'lookup', 'rate'] as const).map((r) => routePath(r))), fc.webPath().map((p) => `/api${p}`)),
        fc.ipV4(),
        async (method, path, client) => {
          const res = await s.api.app.request(path, { method, headers: { 'x-test-client': client } });
          await checked(`${method} public`, res, false, false);
          await res.arrayBuffer();
        },
      ),
      { numRuns: 200, seed: SEED },
    );
  }, 300_000);

  it('the staff API: 1,200 generated requests with every kind of token', async () => {
    const forged = `${s.tokens.reviewer.slice(0, -6)}AAAAAA`;
    const token = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(s.tokens.reviewer, s.tokens.admin, s.tokens.water, s.tokens.urban) }, { weight: 1, arbitrary: fc.constantFrom(forged, 'not-a-jwt', '', undefined) });
    const tracking = fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...receipts.map((r) => r.trackingNumber)) }, { weight: 1, arbitrary: fc.string({ maxLength: 16 }) }, { weight: 1, arbitrary: fc.constant('DC2001-ZZZZZZ') });
    const cursor = fc.oneof(fc.base64String({ maxLength: 40 }), fc.jsonValue().map((v) => Buffer.from(JSON.stringify(v) ?? 'null').toString('base64url')), fc.string({ maxLength: 30 }));
    const query = fc.record({ status: maybe(fc.oneof(fc.constantFrom(...FEEDBACK_STATUSES), fc.string({ maxLength: 8 }))), kind: maybe(fc.string({ maxLength: 8 })), unit: maybe(fc.constantFrom('water', 'urban', 'X!', '')), from: maybe(fc.constantFrom('2026-01-01', '2026-99-99', '0000-00-00', 'yesterday')), to: maybe(fc.constantFrom('2026-12-31', '2026-02-30', '')), cursor: maybe(cursor), limit: maybe(fc.constant('5')) }, { requiredKeys: [] });
    const action = fc.record({
      action: fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...STAFF_ACTIONS) }, { weight: 1, arbitrary: fc.string({ maxLength: 8 }) }),
      version: fc.oneof({ weight: 8, arbitrary: fc.constant('real') }, { weight: 2, arbitrary: fc.oneof(fc.integer({ min: -2, max: 40 }), junk) }),
      reason: maybe(fc.oneof(clean(4, 20), text(0, 20))),
      reasonCategory: maybe(fc.oneof(fc.constantFrom(...REVEAL_REASONS), fc.string({ maxLength: 8 }))),
      note: maybe(fc.oneof(clean(4, 20), text(0, 20))),
      text: maybe(fc.oneof(clean(10, 60), text(0, 40))),
      unit: maybe(fc.constantFrom('water', 'urban', 'nowhere', '')),
      units: maybe(fc.oneof(fc.constantFrom(['water'], ['urban', 'water'], ['nowhere'], []), junk)),
    }, { requiredKeys: ['action', 'version'] });
    const request = fc.oneof(
      { weight: 2, arbitrary: query.map((q) => ({ route: 'queue', method: 'GET', url: `${routePath('queue')}?${new URLSearchParams(Object.entries(q).filter(([, v]) => v !== undefined) as [string, string][])}` })) },
      { weight: 1, arbitrary: tracking.map((t) => ({ route: 'submission', method: 'GET', url: routePath('submission', { tracking: t }) })) },
      { weight: 5, arbitrary: fc.tuple(tracking, action).map(([t, a]) => ({ route: 'action', method: 'POST', url: routePath('action', { tracking: t }), tracking: t, body: a })) },
      { weight: 1, arbitrary: fc.constantFrom('me', 'staffConfig', 'export').map((r) => ({ route: r, method: 'GET', url: routePath(r as RouteName) })) },
      { weight: 1, arbitrary: fc.tuple(fc.constantFrom('PUT', 'DELETE', 'POST'), fc.webPath()).map(([m, p]) => ({ route: 'junk', method: m, url: `/api/staff${p}` })) },
    );
    await fc.assert(
      fc.asyncProperty(request, token, async (r, tok) => {
        const tracking = 'tracking' in r ? r.tracking : '';
        const body = 'body' in r && r.body ? { ...r.body, version: r.body.version === 'real' ? (versions.get(tracking) ?? 1) : r.body.version } : undefined;
        const res = await s.staff.request(r.url, { method: r.method, headers: { ...(tok !== undefined ? { authorization: `Bearer ${tok}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) }, ...(body ? { body: JSON.stringify(body) } : {}) });
        await checked(r.route, res, false, false);
        if (res.status === 200 && r.route === 'action') versions.set(tracking, ((await res.json()) as Json).submission.version);
        else await res.arrayBuffer();
      }),
      { numRuns: 1_200, seed: SEED },
    );
  }, 300_000);

  it('stored nothing that breaks the schema or the text rule', async () => {
    const metas = (await s.api.scan('feedback')).filter((i) => i.sk === 'META');
    expect(metas.length).toBeGreaterThanOrEqual(receipts.length);
    const itemIds = new Set(FACTS.items.map((i) => i.id));
    const regionIds = new Set(FACTS.regions.map((r) => r.id));
    for (const m of metas) {
      expect(FEEDBACK_KINDS).toContain(m.kind);
      expect(FEEDBACK_STATUSES).toContain(m.status);
      expectReadable(m.title, LIMITS.titleMin, LIMITS.titleMax, 'title');
      expectReadable(m.content, LIMITS.contentMin, LIMITS.contentMax, 'content');
      if (m.itemId !== undefined) expect(itemIds.has(m.itemId as string), String(m.itemId)).toBe(true);
      if (m.region !== undefined) expect(regionIds.has(m.region as string), String(m.region)).toBe(true);
      if (m.draft) expectReadable((m.draft as Json).text, 10, 4000, 'draft');
      if (m.reply) expectReadable((m.reply as Json).text, 10, 4000, 'reply');
      if (m.rating) expectReadable((m.rating as Json).comment, 0, LIMITS.commentMax, 'rating comment');
      for (const leak of ['contact', 'phone', 'email']) expect(m).not.toHaveProperty(leak);
    }
    for (const e of (await s.api.scan('feedback')).filter((i) => String(i.sk).startsWith('EVT#'))) expectReadable(e.note, 0, 4000, `${String(e.action)} note`);
    // Every contact belongs to a stored submission.
    const stored = new Set(metas.map((m) => m.pk));
    for (const c of await s.api.scan('contacts')) expect(stored.has(c.pk), String(c.pk)).toBe(true);
    expect(figures.invalidStored).toBe(0);
  });

  it('lets no text that breaks the rule reach a page: the lookup, its HTML page, the staff detail and the export', async () => {
    for (const r of receipts.slice(0, 60)) {
      const res = await s.api.post(routePath('lookup'), r, { 'x-test-client': '203.0.113.99' });
      if (res.status !== 200) {
        await res.arrayBuffer();
        continue;
      }
      const view = (await res.json()) as LookupResult;
      expectReadable(view.title, LIMITS.titleMin, LIMITS.titleMax, 'lookup title');
      for (const h of view.history) expectReadable(h.note, 0, 4000, 'lookup note');
      if (view.reply) expectReadable(view.reply.text, 10, 4000, 'lookup reply');
      // The API's own HTML page for it carries every text escaped, none of it as markup.
      const html = lookupPage(view, r.password);
      expect(html).not.toContain(`<script>window.${MARKER}`);
      expect(html).not.toMatch(/<(iframe|form action="https|meta http-equiv="refresh|img src=x)/);
      const detail = (await s.request('GET', routePath('submission', { tracking: r.trackingNumber }), s.tokens.admin)).json;
      for (const e of detail.events as Json[]) expectReadable(e.note, 0, 4000, 'staff note');
    }
    const exported = (await s.request('GET', routePath('export'), s.tokens.reviewer)).json.replies as Json[];
    for (const r of exported) {
      expectReadable(r.question, 1, LIMITS.contentMax + 200, 'export question');
      expectReadable(r.reply, 10, 4000, 'export reply');
    }
    expect(figures.invalidStored).toBe(0);
    expect(figures.serverErrors).toBe(0);
  });
});
