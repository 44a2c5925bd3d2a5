/**
 * A store that stops answering never holds a request: every route of both APIs answers 503 problem+json
 * with Retry-After, from the store client's bounded attempts (functions/store/client.ts) or, for a request
 * that is merely slow all along, from the pipeline's answer deadline. The stalled store is a real socket
 * that accepts connections and never replies, as a frozen DynamoDB does.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { feedbackError as msg } from '../../domain/labels/zh-CN.ts';
import { routePath } from '../../domain/api/routes.ts';
import { newKey, validSubmission } from '../helpers/api.ts';
import { staffTestApi, type StaffTestApi } from '../helpers/staff.ts';
import { SOME_PASSWORD } from '../helpers/passwords.ts';

type Json = Record<string, any>;

let stalled: net.Server;
const sockets = new Set<net.Socket>();
let endpoint = '';

beforeAll(async () => {
  stalled = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => stalled.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(stalled.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const s of sockets) s.destroy();
  await new Promise((resolve) => stalled.close(resolve));
});

function expectUnavailable(res: { status: number; type: string; retryAfter: string | null; json: Json }, what: string) {
  expect(res.status, what).toBe(503);
  expect(res.type, what).toMatch(/^application\/problem\+json/);
  expect(res.retryAfter, what).toMatch(/^\d+$/);
  expect(res.json.title, what).toBe(msg.unavailable);
}

describe('a store that stalls', () => {
  let s: StaffTestApi;
  beforeAll(async () => {
    // The production client: two bounded attempts (no test shortcut on the timeouts).
    s = await staffTestApi(endpoint, { skipTables: true, client: { maxAttempts: 2 } });
  });

  it('answers every public route with 503 and Retry-After, without hanging', async () => {
    const tracking = 'DC2612-7K3Q9M';
    const requests: [string, Response | Promise<Response>][] = [
      ['health', s.api.app.request(routePath('health'))],
      ['challenge', s.api.app.request(routePath('challenge'))],
      ['submit', s.api.post(routePath('submit'), validSubmission(), { 'idempotency-key': newKey() })],
      ['lookup', s.api.post(routePath('lookup'), { trackingNumber: tracking, password: SOME_PASSWORD })],
      ['rate', s.api.post(routePath('rate'), { trackingNumber: tracking, password: SOME_PASSWORD, rating: 'satisfied' })],
    ];
    for (const [what, pending] of requests) {
      const res = await pending;
      expectUnavailable({ status: res.status, type: res.headers.get('content-type') ?? '', retryAfter: res.headers.get('retry-after'), json: (await res.json()) as Json }, what);
    }
  });

  it('answers every staff route that reads the store with 503 and Retry-After, without hanging', async () => {
    const tracking = 'DC2612-7K3Q9M';
    const staff = (method: string, url: string, body?: unknown) =>
      s.staff.request(url, { method, headers: { authorization: `Bearer ${s.tokens.reviewer}`, ...(body ? { 'content-type': 'application/json' } : {}) }, ...(body ? { body: JSON.stringify(body) } : {}) });
    const requests: [string, Response | Promise<Response>][] = [
      ['queue', staff('GET', routePath('queue'))],
      ['submission', staff('GET', routePath('submission', { tracking }))],
      ['action', staff('POST', routePath('action', { tracking }), { action: 'accept', version: 1 })],
      ['export', staff('GET', routePath('export'))],
    ];
    for (const [what, pending] of requests) {
      const res = await pending;
      expectUnavailable({ status: res.status, type: res.headers.get('content-type') ?? '', retryAfter: res.headers.get('retry-after'), json: (await res.json()) as Json }, what);
    }
  });

  it('says in the health check that the store is what is down', async () => {
    const res = await s.api.app.request(routePath('health'));
    expect(res.status).toBe(503);
    expect(((await res.json()) as Json).detail).toMatch(/health check/);
  });
});

describe('a store that answers, but slowly', () => {
  it('answers within the deadline anyway: 503 with Retry-After once it has passed', async () => {
    const slow = (db: { send: (...a: never[]) => Promise<unknown> }) => {
      const send = db.send.bind(db);
      db.send = (async (...args: never[]) => {
        await new Promise((r) => setTimeout(r, 150));
        return send(...args);
      }) as typeof db.send;
      return db;
    };
    const s = await staffTestApi(inject('engines').dynalite!, { wrapDb: slow as never, deadlineMs: 300 });
    const res = await s.api.post(routePath('lookup'), { trackingNumber: 'DC2612-7K3Q9M', password: SOME_PASSWORD });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(((await res.json()) as Json).detail).toMatch(/300 ms/);
  });
});
