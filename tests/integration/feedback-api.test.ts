/**
 * The feedback API end to end on a real DynamoDB engine — dynalite and AWS's DynamoDB Local — through the
 * Hono app: receipts, exactly-once storage, proof of work, rate limits, lookups, errors, failures.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { failOnce, newKey, SECRETS, testApi, validSubmission, type TestApi } from '../helpers/api.ts';
import { otherPassword, SOME_PASSWORD } from '../helpers/passwords.ts';
import { PASSWORD } from '../../domain/feedback/password.ts';
import { queryPassword } from '../../functions/http/receipt.ts';
import { feedbackError as msg, feedbackPage } from '../../domain/labels/zh-CN.ts';
import { startDynalite } from '../../functions/local/dynamodb.ts';
import { TRACKING_NUMBER } from '../../domain/feedback/tracking-number.ts';
import { statusLabel } from '../../domain/feedback/status.ts';

const engines = Object.entries(inject('engines'));

type Json = Record<string, unknown>;

describe.each(engines)('feedback API on %s', (_engine, endpoint) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await testApi(endpoint, { limits: { submit: { capacity: 1000, perSeconds: 60 }, lookup: { capacity: 1000, perSeconds: 60 } } });
  });
  afterAll(() => api.close());

  const metas = async () => (await api.scan('feedback')).filter((i) => i.sk === 'META');

  it('answers a verified submission with a receipt, stores it once, and looks it up', async () => {
    const body = validSubmission({ contact: { name: '张三', phone: '138 0013 8000', email: 'zhang@example.cn' }, privacyConsent: true, allowPublish: true });
    const key = newKey();
    const res = await api.post('/api/feedback', { ...body, altcha: await api.solved() }, { 'idempotency-key': key });
    expect(res.status).toBe(201);
    const receipt = (await res.json()) as Json;
    expect(receipt).toMatchObject({ status: 'received', statusLabel: statusLabel('received'), verified: true });
    expect(receipt.trackingNumber).toMatch(TRACKING_NUMBER);
    expect(receipt.password).toMatch(PASSWORD);
    expect(receipt.password).toBe(queryPassword(SECRETS.pepper, receipt.trackingNumber as string, key));

    // Stored: the submission without contact details; contacts apart; the password only as a hash.
    const meta = (await metas()).find((m) => m.trackingNumber === receipt.trackingNumber)!;
    expect(meta).toMatchObject({ title: body.title, status: 'received', hasContact: true, verified: true, allowPublish: true });
    expect(JSON.stringify(meta)).not.toMatch(/13800138000|zhang@example|张三|"password"/);
    expect(JSON.stringify(meta)).not.toContain(receipt.password as string);
    const contacts = await api.scan('contacts');
    expect(contacts.find((c) => c.pk === `SUB#${receipt.trackingNumber}`)).toMatchObject({ name: '张三', phone: '13800138000', email: 'zhang@example.cn' });

    const lookup = await api.post('/api/feedback/lookup', { trackingNumber: (receipt.trackingNumber as string).toLowerCase().replace('-', ' '), password: receipt.password });
    expect(lookup.status).toBe(200);
    const result = (await lookup.json()) as Json;
    expect(result).toMatchObject({ trackingNumber: receipt.trackingNumber, status: 'received', title: body.title, reply: null });
    expect(result.history).toEqual([{ at: receipt.createdAt, status: 'received', label: statusLabel('received') }]);
    expect(JSON.stringify(result)).not.toMatch(/13800138000|zhang@example|张三/);
  });

  it('stores a retried submission exactly once and returns the same receipt', async () => {
    const body = { ...validSubmission(), altcha: await api.solved() };
    const key = newKey();
    const answers = await Promise.all(Array.from({ length: 6 }, () => api.post('/api/feedback', body, { 'idempotency-key': key })));
    const ok = answers.filter((r) => r.status === 201);
    // Concurrent duplicates either get the receipt or "in progress, retry" — never a second submission.
    for (const r of answers) expect([201, 409]).toContain(r.status);
    expect(ok.length).toBeGreaterThan(0);
    const receipts = await Promise.all(ok.map((r) => r.json()));
    const retry = (await (await api.post('/api/feedback', body, { 'idempotency-key': key })).json()) as Json;
    for (const r of [...receipts, retry]) expect(r).toEqual(receipts[0]);
    expect((await metas()).filter((m) => m.title === body.title)).toHaveLength(1);
  });

  it('refuses the same key with a different body (409) and stores nothing new', async () => {
    const key = newKey();
    const first = await api.post('/api/feedback', validSubmission(), { 'idempotency-key': key, 'x-test-client': '192.0.2.10' });
    expect(first.status).toBe(201);
    const other = validSubmission();
    const second = await api.post('/api/feedback', other, { 'idempotency-key': key, 'x-test-client': '192.0.2.10' });
    expect(second.status).toBe(409);
    expect(second.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(((await second.json()) as Json).errors).toEqual([{ field: 'idempotencyKey', message: msg.conflict }]);
    expect((await metas()).filter((m) => m.title === other.title)).toHaveLength(0);
  });

  it('uses each proof-of-work challenge once and rejects tampered ones', async () => {
    const altcha = await api.solved();
    expect((await api.post('/api/feedback', { ...validSubmission(), altcha }, { 'idempotency-key': newKey() })).status).toBe(201);
    const reuse = await api.post('/api/feedback', { ...validSubmission(), altcha }, { 'idempotency-key': newKey() });
    expect(reuse.status).toBe(422);
    expect(((await reuse.json()) as Json).errors).toEqual([{ field: 'altcha', message: msg.challengeUsed }]);

    // The derived key is the proof of work; change one digit of it.
    const payload = JSON.parse(Buffer.from(await api.solved(), 'base64').toString());
    const k: string = payload.solution.derivedKey;
    payload.solution.derivedKey = (k[0] === '0' ? '1' : '0') + k.slice(1);
    const tampered = await api.post('/api/feedback', { ...validSubmission(), altcha: Buffer.from(JSON.stringify(payload)).toString('base64') }, { 'idempotency-key': newKey() });
    expect(((await tampered.json()) as Json).errors).toEqual([{ field: 'altcha', message: msg.challengeInvalid }]);
    const garbage = await api.post('/api/feedback', { ...validSubmission(), altcha: 'not-a-payload' }, { 'idempotency-key': newKey() });
    expect(garbage.status).toBe(422);
  });

  it('rejects an expired challenge', async () => {
    const past = await testApi(endpoint, { now: () => new Date(Date.now() - 11 * 60_000) });
    const altcha = await past.solved();
    const res = await api.post('/api/feedback', { ...validSubmission(), altcha }, { 'idempotency-key': newKey() });
    expect(((await res.json()) as Json).errors).toEqual([{ field: 'altcha', message: msg.challengeExpired }]);
    past.close();
  });

  it('rate limit: concurrent requests from one client get exactly the burst, then one token per interval', async () => {
    const policy = { capacity: 5, perSeconds: 60 }; // a token every 12 s, bursts of 5
    // Real time: a bucket stamped in the past would be expired, and DynamoDB Local's TTL deletes it mid-test.
    const t0 = new Date();
    const client = `c-${newKey()}`;
    const takeFor = (at: Date) => api.deps.guard.takeToken('test', client, policy, at);
    const first = await Promise.all(Array.from({ length: 12 }, () => takeFor(t0)));
    expect(first.filter((r) => r.allowed)).toHaveLength(5);
    const refused = first.filter((r) => !r.allowed);
    expect(refused).toHaveLength(7);
    for (const r of refused) expect(r.retryAfter).toBeGreaterThanOrEqual(1);
    // One interval later, one more token; not two.
    const later = new Date(t0.getTime() + 12_000);
    expect((await Promise.all([takeFor(later), takeFor(later)])).filter((r) => r.allowed)).toHaveLength(1);
    // Another client is not affected.
    expect((await api.deps.guard.takeToken('test', `other-${newKey()}`, policy, t0)).allowed).toBe(true);
  });

  it('accepts a plain form post without proof of work as unverified, under a stricter limit', async () => {
    const strict = await testApi(endpoint, { limits: { submitUnverified: { capacity: 3, perSeconds: 3600 } } });
    const form = (title: string) =>
      new URLSearchParams({ kind: 'clue', title, content: '青石镇中街的路灯坏了两个月没有人修。', 'contact.phone': '', privacyConsent: 'on' }).toString();
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const title = `路灯 ${i} ${newKey().slice(0, 6)}`;
      const res = await strict.app.request('/api/feedback', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html,application/xhtml+xml', 'x-test-client': '203.0.113.77' },
        body: form(title),
      });
      statuses.push(res.status);
      if (i === 0) {
        const html = await res.text();
        expect(res.headers.get('content-type')).toMatch(/^text\/html/);
        expect(html).toContain('<html lang="zh-CN">');
        expect(html).toMatch(/DC\d{4}-[0-9A-Z]{6}/);
        expect(html).toContain(feedbackPage.unverified);
      } else if (i === 3) {
        // Refused for now: the form comes back as typed, saying in Chinese how long to wait.
        expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
        const html = await res.text();
        expect(html).toContain(msg.rateLimited);
        expect(html).toContain(msg.waitFor(Number(res.headers.get('retry-after'))));
        expect(html).toContain(`value="${title}"`);
      }
    }
    expect(statuses).toEqual([201, 201, 201, 429]);
    expect((await strict.scan('feedback')).filter((m) => m.sk === 'META').every((m) => m.verified === false)).toBe(true);
    // The proof of work still gets through for the same client.
    expect((await strict.post('/api/feedback', { ...validSubmission(), altcha: await strict.solved() }, { 'x-test-client': '203.0.113.77' })).status).toBe(201);
    strict.close();
  });

  it('treats a double click of a plain form post as one submission', async () => {
    const body = new URLSearchParams({ kind: 'suggestion', title: `双击 ${newKey().slice(0, 6)}`, content: '建议在河西公园增设夜间照明设施。' }).toString();
    const send = () => api.app.request('/api/feedback', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-test-client': '203.0.113.9' }, body });
    const [a, b] = [await send(), await send()];
    expect(a.status).toBe(201);
    expect(await b.json()).toEqual(await a.json());
  });

  it('answers wrong passwords and unknown numbers alike', async () => {
    const res = await api.post('/api/feedback', validSubmission(), { 'idempotency-key': newKey(), 'x-test-client': '192.0.2.44' });
    const receipt = (await res.json()) as Json;
    const wrong = await api.post('/api/feedback/lookup', { trackingNumber: receipt.trackingNumber, password: otherPassword(receipt.password) });
    const unknown = await api.post('/api/feedback/lookup', { trackingNumber: 'DC2001-ZZZZZZ', password: otherPassword(receipt.password) });
    expect(wrong.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(await wrong.text()).toBe(await unknown.text());
  });

  it('rate-limits challenges per client', async () => {
    const limited = await testApi(endpoint, { limits: { challenge: { capacity: 2, perSeconds: 600 } } });
    const get = () => limited.app.request('/api/challenge', { headers: { 'x-test-client': '198.51.100.200' } });
    expect([(await get()).status, (await get()).status]).toEqual([200, 200]);
    const third = await get();
    expect(third.status).toBe(429);
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    // The problem says in Chinese how long to wait, from the same Retry-After.
    expect(((await third.json()) as Json).detail).toBe(msg.waitFor(Number(third.headers.get('retry-after'))));
    expect((await limited.app.request('/api/challenge', { headers: { 'x-test-client': '198.51.100.201' } })).status).toBe(200);
    limited.close();
  });

  it('normalises text to NFC and refuses control characters', async () => {
    const decomposed = '河西公园的长椅已经损坏，请尽快修理。Cafe\u0301';
    const res = await api.post('/api/feedback', validSubmission({ content: decomposed }), { 'idempotency-key': newKey() });
    const { trackingNumber } = (await res.json()) as Json;
    const meta = (await metas()).find((m) => m.trackingNumber === trackingNumber)!;
    expect(meta.content).toBe(decomposed.normalize('NFC'));
    const bad = await api.post('/api/feedback', validSubmission({ title: '标题\u0000测试' }), { 'idempotency-key': newKey() });
    expect(((await bad.json()) as Json).errors).toEqual([{ field: 'title', message: msg.control }]);
  });

  it('answers bad requests with problem details, never 5xx', async () => {
    const cases: [RequestInit & { path?: string }, number][] = [
      [{ body: '{"kind":', headers: { 'content-type': 'application/json' } }, 400],
      [{ body: 'x'.repeat(17_000), headers: { 'content-type': 'application/json' } }, 413],
      [{ body: 'hello', headers: { 'content-type': 'text/plain' } }, 415],
      [{ body: JSON.stringify(validSubmission({ website: 'http://spam' })), headers: { 'content-type': 'application/json' } }, 422],
      [{ body: JSON.stringify(validSubmission({ contact: { phone: '13800138000' } })), headers: { 'content-type': 'application/json' } }, 422],
      [{ body: JSON.stringify({ ...validSubmission(), unexpected: true }), headers: { 'content-type': 'application/json' } }, 422],
      [{ method: 'PUT', body: '{}', headers: { 'content-type': 'application/json' } }, 405],
      [{ path: '/api/nothing', method: 'GET' }, 404],
    ];
    for (const [init, status] of cases) {
      const res = await api.app.request(init.path ?? '/api/feedback', { method: 'POST', ...init });
      expect(res.status, JSON.stringify(init).slice(0, 80)).toBe(status);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      const problem = (await res.json()) as Json;
      expect(problem.status).toBe(status);
      expect(typeof problem.title).toBe('string');
    }
    const honeypot = await api.post('/api/feedback', validSubmission({ website: 'x' }));
    expect(((await honeypot.json()) as Json).errors).toEqual([{ field: 'website', message: msg.honeypot }]);
  });
});

describe.each(engines)('failures on %s', (_engine, endpoint) => {
  it('answers 503 with Retry-After when the database cannot be reached', async () => {
    // A database that goes away after the tables exist.
    const db = await startDynalite();
    const api = await testApi(db.endpoint);
    await db.close();
    for (const res of [
      await api.post('/api/feedback', validSubmission(), { 'idempotency-key': newKey() }),
      await api.post('/api/feedback/lookup', { trackingNumber: 'DC2611-ABCDEF', password: SOME_PASSWORD }),
      await api.app.request('/api/challenge'),
    ]) {
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('5');
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    }
    api.close();
  }, 30_000);

  it('answers 503 when a write fails half-way, leaves nothing visible, and the retry stores exactly one', async () => {
    const fault = failOnce('ProvisionedThroughputExceededException', 'Throughput exceeds the current capacity', (c) => c instanceof PutCommand && c.input.Item?.sk === 'META');
    const api = await testApi(endpoint, { wrapDb: fault.wrapDb });
    const body = validSubmission({ contact: { phone: '13900139000' }, privacyConsent: true });
    const key = newKey();
    const first = await api.post('/api/feedback', body, { 'idempotency-key': key });
    expect(first.status).toBe(503);
    expect(first.headers.get('retry-after')).toBe('5');
    expect(((await first.json()) as Json).title).toBe(msg.unavailable);
    // Nothing a citizen or staff member could see: no submission record.
    expect((await api.scan('feedback')).filter((i) => i.sk === 'META')).toHaveLength(0);

    const retry = await api.post('/api/feedback', body, { 'idempotency-key': key });
    expect(retry.status).toBe(201);
    const receipt = (await retry.json()) as Json;
    const items = await api.scan('feedback');
    expect(items.filter((i) => i.sk === 'META')).toHaveLength(1);
    expect(items.filter((i) => String(i.sk).startsWith('EVT#') && i.pk === `SUB#${receipt.trackingNumber}`)).toHaveLength(1);
    expect((await api.scan('contacts')).filter((c) => c.pk === `SUB#${receipt.trackingNumber}`)).toHaveLength(1);
    api.close();
  });

  it('never leaves contact details without their submission, even when nobody retries', async () => {
    const fault = failOnce('InternalServerError', 'Internal server error', (c) => c instanceof PutCommand && c.input.Item?.sk === 'META');
    const api = await testApi(endpoint, { wrapDb: fault.wrapDb });
    const res = await api.post('/api/feedback', validSubmission({ contact: { name: '周八', phone: '13900139001' }, privacyConsent: true }), { 'idempotency-key': newKey() });
    expect(res.status).toBe(503);
    expect(fault.fired).toBe(true);
    expect((await api.scan('feedback')).filter((i) => i.sk === 'META')).toHaveLength(0);
    expect(await api.scan('contacts')).toEqual([]);
    api.close();
  });

  it('stores the contact of a submission whose contact write failed, on the retry, with the same receipt', async () => {
    const fault = failOnce('InternalServerError', 'Internal server error', (c) => c instanceof PutCommand && Boolean(c.input.Item?.phone));
    const api = await testApi(endpoint, { wrapDb: fault.wrapDb });
    const body = validSubmission({ contact: { phone: '13900139002' }, privacyConsent: true });
    const key = newKey();
    expect((await api.post('/api/feedback', body, { 'idempotency-key': key })).status).toBe(503);
    const retry = await api.post('/api/feedback', body, { 'idempotency-key': key });
    expect(retry.status).toBe(201);
    const { trackingNumber } = (await retry.json()) as Json;
    expect((await api.scan('contacts')).map((c) => [c.pk, c.phone])).toEqual([[`SUB#${trackingNumber}`, '13900139002']]);
    expect((await api.scan('feedback')).filter((i) => i.sk === 'META').map((m) => m.trackingNumber)).toEqual([trackingNumber]);
    api.close();
  });
});
