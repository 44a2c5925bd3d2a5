/**
 * Contact details never reach the logs. The real local server (`npm start`, debug logging on) runs in a
 * child process; citizens send contact details through every path — accepted, retried, invalid, refused,
 * too large, HTML form posts — and afterwards nothing the server printed contains any of them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchAltcha } from '../../scripts/lib/altcha.ts';
import { spawnServer, type LocalServerProcess } from '../helpers/local-server.ts';

const NAME = '欧阳测试员';
const PHONE = '13912345678';
const LANDLINE = '0000-87654321';
const EMAIL = 'leak.check.7731@example.cn';
const SECRETS_IN_LOG = [NAME, PHONE, '139 1234 5678', LANDLINE, EMAIL, 'leak.check.7731'];

let server: LocalServerProcess;
let base = '';
const output = () => server.output();

beforeAll(async () => {
  server = await spawnServer({ env: { POWERTOOLS_LOG_LEVEL: 'DEBUG' } }).started;
  base = server.base;
}, 60_000);

afterAll(() => server?.stop());

const altcha = () => fetchAltcha(base);

const json = (body: unknown, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

describe('logs', () => {
  it('never contain contact details, whatever path a request takes', async () => {
    const contact = { name: NAME, phone: PHONE, email: EMAIL };
    const base_ = { kind: 'clue', title: '日志检查标题', content: '用于检查日志中不出现联系方式的测试内容。' };
    const statuses: number[] = [];
    const send = async (url: string, init: RequestInit) => {
      const res = await fetch(url, init);
      statuses.push(res.status);
      await res.arrayBuffer();
      return res;
    };
    const key = crypto.randomUUID();
    // Accepted (verified), then retried, then the same key with another body (409).
    const ok = await fetch(`${base}/api/feedback`, json({ ...base_, contact, privacyConsent: true, altcha: await altcha() }, { 'idempotency-key': key }));
    const receipt = (await ok.json()) as { trackingNumber: string; password: string };
    statuses.push(ok.status);
    await send(`${base}/api/feedback`, json({ ...base_, contact, privacyConsent: true }, { 'idempotency-key': key }));
    await send(`${base}/api/feedback`, json({ ...base_, title: '另一个标题内容', contact, privacyConsent: true }, { 'idempotency-key': key }));
    // Invalid in many ways, with the contact values inside the invalid fields.
    await send(`${base}/api/feedback`, json({ ...base_, contact: { name: NAME, phone: `${PHONE}0`, email: `${EMAIL}@` } }));
    await send(`${base}/api/feedback`, json({ ...base_, contact: { phone: LANDLINE } })); // no consent
    await send(`${base}/api/feedback`, json({ ...base_, title: PHONE, content: `${EMAIL}\u0000` }));
    await send(`${base}/api/feedback`, json({ ...base_, contact, privacyConsent: true, altcha: 'forged', unknownField: EMAIL }));
    await send(`${base}/api/feedback`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: `{"contact":{"phone":"${PHONE}"` });
    await send(`${base}/api/feedback`, json({ ...base_, content: `${EMAIL} ${'长'.repeat(6000)}` }));
    await send(`${base}/api/feedback`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: EMAIL });
    // A plain HTML form post with contact details (unverified path).
    await send(`${base}/api/feedback`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      body: new URLSearchParams({ ...base_, title: '表单提交日志检查', 'contact.name': NAME, 'contact.phone': '139 1234 5678', 'contact.email': EMAIL, privacyConsent: 'on' }).toString(),
    });
    // Lookups, right and wrong.
    await send(`${base}/api/feedback/lookup`, json({ trackingNumber: receipt.trackingNumber, password: receipt.password }));
    await send(`${base}/api/feedback/lookup`, json({ trackingNumber: receipt.trackingNumber, password: `${PHONE.slice(0, 11)}000` }));
    expect(statuses).toEqual([201, 201, 409, 422, 422, 422, 422, 400, 413, 415, 201, 200, 404]);

    // The server did log these requests (so silence is not why nothing leaked)…
    await expect.poll(() => output().split('\n').filter((l) => l.includes('"message":"request"')).length).toBeGreaterThanOrEqual(statuses.length);
    expect(output()).toContain(receipt.trackingNumber);
    // …and none of what it printed holds a contact detail.
    for (const secret of SECRETS_IN_LOG) expect(output(), secret).not.toContain(secret);
  }, 60_000);
});
