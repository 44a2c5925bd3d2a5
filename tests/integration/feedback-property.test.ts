/**
 * Property tests: thousands of generated requests per route — valid, nearly valid and hostile — against
 * the real app and store. Whatever comes in: never a 5xx, errors are always problem details (or the HTML
 * error page a browser form post asked for), and nothing invalid is ever stored.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import fc from 'fast-check';
import { testApi, type TestApi } from '../helpers/api.ts';
import { createFeedbackSchema, LIMITS, PAGE_URL } from '../../domain/feedback/schema.ts';
import { charLength, hasForbiddenControl } from '../../domain/text.ts';
import { FEEDBACK_STATUSES } from '../../domain/feedback/status.ts';
import { FEEDBACK_KINDS } from '../../domain/feedback/kinds.ts';

const engines = Object.entries(inject('engines'));
const RUNS = 1000;
const REGIONS = ['chengguan', 'hexi', 'qingshi'];

const cjk = fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c));
const anyChar = fc.oneof(
  { weight: 6, arbitrary: cjk },
  { weight: 2, arbitrary: fc.constantFrom('a', 'Z', '7', ' ', '，', '。', '\n', '\t', '"', '<', '&', 'é', 'e\u0301', '😀', '\r\n') },
  { weight: 1, arbitrary: fc.constantFrom('\u0000', '\u0007', '\u001b', '\u007f', '\u202e', '\u0085') },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 2 }) },
);
const text = (min: number, max: number) => fc.array(anyChar, { minLength: min, maxLength: max }).map((a) => a.join(''));
const cleanText = (min: number, max: number) => fc.array(cjk, { minLength: min, maxLength: max }).map((a) => a.join(''));

/** Mostly-valid submissions with every optional part present or absent. */
const submission = fc.record(
  {
    kind: fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...FEEDBACK_KINDS) }, { weight: 1, arbitrary: fc.string({ maxLength: 12 }) }),
    itemId: fc.oneof({ weight: 5, arbitrary: fc.constant('DC-2026-014') }, { weight: 4, arbitrary: fc.constant('') }, { weight: 1, arbitrary: fc.string({ maxLength: 14 }) }),
    pageUrl: fc.oneof({ weight: 5, arbitrary: fc.constantFrom('/items/DC-2026-014/', 'https://ducha.example.cn/notices/') }, { weight: 4, arbitrary: fc.constant('') }, { weight: 1, arbitrary: fc.string({ maxLength: 20 }) }),
    region: fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...REGIONS) }, { weight: 4, arbitrary: fc.constant('') }, { weight: 1, arbitrary: fc.string({ maxLength: 10 }) }),
    title: fc.oneof({ weight: 8, arbitrary: cleanText(4, 50) }, { weight: 2, arbitrary: text(0, 60) }),
    content: fc.oneof({ weight: 8, arbitrary: cleanText(10, 300) }, { weight: 2, arbitrary: text(0, 2100) }),
    contact: fc.oneof(
      fc.constant(undefined),
      fc.record(
        {
          name: fc.oneof({ weight: 4, arbitrary: cleanText(1, 8) }, { weight: 1, arbitrary: text(0, 40) }),
          phone: fc.oneof({ weight: 4, arbitrary: fc.constantFrom('13800138000', '0000-81234567', '+86 139 0013 9000', '12345', '') }, { weight: 1, arbitrary: fc.string({ maxLength: 16 }) }),
          email: fc.oneof({ weight: 4, arbitrary: fc.constantFrom('a@example.cn', '', '') }, { weight: 1, arbitrary: fc.string({ maxLength: 20 }) }),
        },
        { requiredKeys: [] },
      ),
    ),
    privacyConsent: fc.oneof({ weight: 8, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constantFrom('yes', 1) }),
    allowPublish: fc.oneof({ weight: 9, arbitrary: fc.boolean() }, { weight: 1, arbitrary: fc.constant(null) }),
    website: fc.oneof({ weight: 9, arbitrary: fc.constant('') }, { weight: 1, arbitrary: fc.string({ maxLength: 10 }) }),
    extra: fc.oneof({ weight: 9, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.jsonValue() }),
  },
  { requiredKeys: ['kind', 'title', 'content'] },
);

type Body = { type: string; body: string };
const bodies: fc.Arbitrary<Body> = fc.oneof(
  { weight: 6, arbitrary: submission.map((s) => ({ type: 'application/json', body: JSON.stringify(s) })) },
  {
    weight: 2,
    arbitrary: submission.map((s) => {
      const form = new URLSearchParams();
      for (const [k, v] of Object.entries(s)) {
        if (v === undefined || v === null) continue;
        if (k === 'contact' && typeof v === 'object') for (const [ck, cv] of Object.entries(v)) form.append(`contact.${ck}`, String(cv));
        else form.append(k, typeof v === 'boolean' ? (v ? 'on' : '') : typeof v === 'object' ? JSON.stringify(v) : String(v));
      }
      return { type: 'application/x-www-form-urlencoded', body: form.toString() };
    }),
  },
  { weight: 1, arbitrary: fc.jsonValue().map((v) => ({ type: 'application/json', body: JSON.stringify(v) ?? 'null' })) },
  { weight: 1, arbitrary: fc.string({ maxLength: 200 }).map((b) => ({ type: 'application/json', body: b })) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('text/plain', '', 'application/xml', 'multipart/form-data', 'application/json; charset=gbk'), fc.string({ maxLength: 50 })).map(([type, body]) => ({ type, body })) },
  { weight: 1, arbitrary: fc.integer({ min: 16 * 1024 - 10, max: 20 * 1024 }).map((n) => ({ type: 'application/json', body: `{"title":"${'长'.repeat(n / 3)}"}` })) },
);

const headers = fc.record({
  key: fc.oneof({ weight: 6, arbitrary: fc.uuid() }, { weight: 2, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.string({ maxLength: 120 }) }, { weight: 1, arbitrary: fc.constant('"quoted-key-123"') }),
  accept: fc.constantFrom('application/json', 'text/html,application/xhtml+xml', '*/*', undefined),
  client: fc.ipV4(),
});

function checkResponse(res: Response, body: string, accept: string | undefined, method: string) {
  expect(res.status, body.slice(0, 200)).toBeLessThan(500);
  if (res.status >= 400) {
    const type = res.headers.get('content-type') ?? '';
    if (/text\/html/.test(accept ?? '') && method === 'POST' && res.status !== 405) expect(type).toMatch(/^text\/html/);
    else expect(type).toMatch(/^application\/problem\+json/);
  }
}

describe.each(engines)('generated requests on %s', (_engine, endpoint) => {
  let api: TestApi;
  const receipts: { trackingNumber: string; password: string }[] = [];
  beforeAll(async () => {
    api = await testApi(endpoint, {
      regionIds: REGIONS,
      limits: { submit: { capacity: 1e6, perSeconds: 1 }, submitUnverified: { capacity: 1e6, perSeconds: 1 }, lookup: { capacity: 1e6, perSeconds: 1 }, challenge: { capacity: 1e6, perSeconds: 1 } },
    });
  });
  afterAll(() => api.close());

  it(`POST /api/feedback: ${RUNS} requests, never a 5xx, always problem details`, async () => {
    let created = 0;
    await fc.assert(
      fc.asyncProperty(bodies, headers, async (b, h) => {
        const res = await api.app.request('/api/feedback', {
          method: 'POST',
          headers: {
            ...(b.type ? { 'content-type': b.type } : {}),
            ...(h.key !== undefined ? { 'idempotency-key': h.key } : {}),
            ...(h.accept ? { accept: h.accept } : {}),
            'x-test-client': h.client,
          },
          body: b.body,
        });
        checkResponse(res, b.body, h.accept, 'POST');
        if (res.status === 201) {
          created += 1;
          if (!/text\/html/.test(h.accept ?? '')) receipts.push((await res.json()) as { trackingNumber: string; password: string });
        }
        if (!res.bodyUsed) await res.arrayBuffer();
      }),
      { numRuns: RUNS },
    );
    // A fair share of the generated requests were valid and went all the way to storage.
    expect(created).toBeGreaterThan(RUNS / 10);
  }, 300_000);

  it('stored nothing invalid', async () => {
    const schema = createFeedbackSchema({ regionIds: REGIONS });
    const metas = (await api.scan('feedback')).filter((i) => i.sk === 'META');
    expect(metas.length).toBeGreaterThan(RUNS / 10);
    for (const m of metas) {
      const title = String(m.title);
      const content = String(m.content);
      expect(FEEDBACK_KINDS).toContain(m.kind);
      expect(FEEDBACK_STATUSES).toContain(m.status);
      expect(charLength(title)).toBeGreaterThanOrEqual(LIMITS.titleMin);
      expect(charLength(title)).toBeLessThanOrEqual(LIMITS.titleMax);
      expect(charLength(content)).toBeGreaterThanOrEqual(LIMITS.contentMin);
      expect(charLength(content)).toBeLessThanOrEqual(LIMITS.contentMax);
      for (const t of [title, content]) {
        expect(hasForbiddenControl(t)).toBe(false);
        expect(t).toBe(t.normalize('NFC').trim());
        expect(t).not.toContain('\r');
      }
      if (m.region !== undefined) expect(REGIONS).toContain(m.region);
      if (m.kind === 'item_feedback') expect(m.itemId).toMatch(/^DC-\d{4}-\d{3,}$/);
      if (m.kind === 'correction') expect(m.pageUrl).toMatch(PAGE_URL);
      // What is stored would itself pass the schema again.
      const again = schema.safeParse({ kind: m.kind, title, content, ...(m.itemId ? { itemId: m.itemId } : {}), ...(m.pageUrl ? { pageUrl: m.pageUrl } : {}), ...(m.region ? { region: m.region } : {}) });
      expect(again.success).toBe(true);
      expect(m).not.toHaveProperty('contact');
      expect(m).not.toHaveProperty('phone');
      expect(m).not.toHaveProperty('email');
    }
    // Each contact record belongs to a stored submission or to none (a failed attempt, expiring by TTL).
    for (const c of await api.scan('contacts')) {
      if (c.phone !== undefined) expect(String(c.phone)).toMatch(/^(?:1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(?:-\d{1,6})?)$/);
    }
  });

  it(`POST /api/feedback/lookup: ${RUNS} requests, never a 5xx, never contact details`, async () => {
    let found = 0;
    expect(receipts.length).toBeGreaterThan(10);
    const lookupBody = fc.oneof(
      // Real receipts, with the right password or a wrong one.
      fc.tuple(fc.constantFrom(...receipts), fc.boolean()).map(([r, right]) =>
        JSON.stringify({ trackingNumber: r.trackingNumber, password: right ? r.password : String((Number(r.password) + 1) % 1e6).padStart(6, '0') }),
      ),
      fc.record({ trackingNumber: fc.oneof(fc.stringMatching(/^DC\d{4}-[0-9A-Z]{6}$/), fc.string({ maxLength: 20 })), password: fc.oneof(fc.stringMatching(/^\d{6}$/), fc.string({ maxLength: 8 })) }, { requiredKeys: [] }).map((v) => JSON.stringify(v)),
      fc.jsonValue().map((v) => JSON.stringify(v) ?? 'null'),
      fc.string({ maxLength: 100 }),
    );
    await fc.assert(
      fc.asyncProperty(lookupBody, headers, fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded'), async (body, h, type) => {
        const res = await api.app.request('/api/feedback/lookup', {
          method: 'POST',
          headers: { 'content-type': type, ...(h.accept ? { accept: h.accept } : {}), 'x-test-client': h.client },
          body,
        });
        checkResponse(res, body, h.accept, 'POST');
        if (res.status === 200) {
          found += 1;
          const text = await res.text();
          for (const leak of ['13800138000', '0000-81234567', '13900139000', 'a@example.cn', 'phone', 'email']) expect(text).not.toContain(leak);
        } else await res.arrayBuffer();
      }),
      { numRuns: RUNS },
    );
    expect(found).toBeGreaterThan(0);
  }, 300_000);

  it(`GET /api/challenge and other methods and paths: ${RUNS} requests, never a 5xx`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'),
        fc.oneof(fc.constantFrom('/api/challenge', '/api/health', '/api/feedback', '/api/feedback/lookup'), fc.webPath().map((p) => `/api${p}`)),
        headers,
        async (method, path, h) => {
          const res = await api.app.request(path, { method, headers: { 'x-test-client': h.client, ...(h.accept ? { accept: h.accept } : {}) } });
          expect(res.status, `${method} ${path}`).toBeLessThan(500);
          if (res.status >= 400 && method !== 'HEAD') {
            const type = res.headers.get('content-type') ?? '';
            if (!(/text\/html/.test(h.accept ?? '') && method === 'POST' && res.status !== 405)) expect(type).toMatch(/^application\/problem\+json/);
          }
          await res.arrayBuffer();
        },
      ),
      { numRuns: RUNS },
    );
  }, 300_000);
});
