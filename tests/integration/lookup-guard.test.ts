/**
 * No one can silence a complaint: wrong passwords on a tracking number never lock it. After a few they make
 * its lookups ask for a proof of work — 428 with a challenge bound to that number — which its owner, who
 * holds the password, solves and gets in, and can rate the reply (不满意 reopens the case). 429 is only for a
 * client over its own rate. The levels are the test's cheap ones; their real arithmetic is
 * tests/unit/domain/password-arithmetic.test.ts.
 */
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { Challenge } from 'altcha-lib';
import { solveAltcha } from '../../scripts/lib/altcha.ts';
import { feedbackError as msg } from '../../domain/labels/zh-CN.ts';
import { LOOKUP_GUARD } from '../../domain/feedback/password.ts';
import { statusAfter } from '../../domain/feedback/status.ts';
import { staffTestApi, type StaffTestApi } from '../helpers/staff.ts';
import { otherPassword } from '../helpers/passwords.ts';

const engines = Object.entries(inject('engines'));
type Json = Record<string, any>;

/** A network address per request: the attacker has as many as they like. */
let addresses = 0;
const address = () => `198.18.${Math.floor(++addresses / 250) % 250}.${addresses % 250}`;

describe.each(engines)('the lookup of an attacked tracking number on %s', (_engine, endpoint) => {
  let s: StaffTestApi;
  let receipt: { trackingNumber: string; password: string };

  const lookup = (body: Record<string, unknown>, client = address()) => s.api.post('/api/feedback/lookup', body, { 'x-test-client': client });
  /** Ask; when asked for a proof, solve the challenge given and ask again (as the lookup page does). */
  async function withProof(path: string, body: Record<string, unknown>, client = address()) {
    let res = await s.api.post(path, body, { 'x-test-client': client });
    for (let round = 0; res.status === 428 && round < 3; round++) {
      const problem = (await res.json()) as Json;
      res = await s.api.post(path, { ...body, altcha: await solveAltcha(problem.challenge as Challenge) }, { 'x-test-client': client });
    }
    return res;
  }

  beforeAll(async () => {
    s = await staffTestApi(endpoint);
    receipt = await s.submit();
    // A reply the owner can rate.
    const t = receipt.trackingNumber;
    for (const [token, action] of [
      [s.tokens.reviewer, { action: 'accept' }],
      [s.tokens.reviewer, { action: 'assign', units: ['water'] }],
      [s.tokens.water, { action: 'draft', text: '经现场核实，积水点已完成排水管疏通。' }],
      [s.tokens.reviewer, { action: 'approve' }],
    ] as const) {
      const version = (await s.request('GET', `/api/staff/submissions/${t}`, s.tokens.admin)).json.submission.version;
      const res = await s.act(t, token, { ...action, version });
      if (res.status !== 200) throw new Error(`${action.action}: ${res.status}`);
    }
  });

  it('answers the first wrong passwords with 404, then asks for a proof of work (428) instead of refusing', async () => {
    const wrong = { trackingNumber: receipt.trackingNumber, password: otherPassword(receipt.password) };
    const statuses: number[] = [];
    for (let i = 0; i < LOOKUP_GUARD.freeAttempts + 2; i++) statuses.push((await lookup(wrong)).status);
    expect(statuses).toEqual([...Array<number>(LOOKUP_GUARD.freeAttempts).fill(404), 428, 428]);
    const res = await lookup(wrong);
    expect(res.status).toBe(428);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem = (await res.json()) as Json;
    expect(problem.type).toMatch(/\/proof-required$/);
    expect(problem.title).toBe(msg.proofRequired);
    expect(problem.challenge.parameters.data).toMatchObject({ purpose: 'lookup', trackingNumber: receipt.trackingNumber });
  });

  it('takes hundreds of wrong passwords from any number of addresses, each with its proof of work, without locking the number', async () => {
    const wrong = { trackingNumber: receipt.trackingNumber, password: otherPassword(receipt.password) };
    const statuses = new Map<number, number>();
    for (let i = 0; i < 200; i++) {
      const status = (await withProof('/api/feedback/lookup', wrong)).status;
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
    expect(Object.fromEntries(statuses)).toEqual({ 404: 200 });
    // By now the heavy proof is asked.
    const problem = (await (await lookup(wrong)).json()) as Json;
    expect(problem.challenge.parameters.data.level).toBe('heavy');
  });

  it('still answers its owner, after a proof of work', async () => {
    const right = { trackingNumber: receipt.trackingNumber, password: receipt.password };
    const first = await lookup(right);
    expect(first.status).toBe(428);
    const res = await withProof('/api/feedback/lookup', right);
    expect(res.status).toBe(200);
    expect(((await res.json()) as Json).trackingNumber).toBe(receipt.trackingNumber);
  });

  it('lets the owner rate the reply 不满意, which reopens the case', async () => {
    const res = await withProof('/api/feedback/satisfaction', { trackingNumber: receipt.trackingNumber, password: receipt.password, rating: 'dissatisfied' });
    expect(res.status).toBe(200);
    expect(((await res.json()) as Json).status).toBe(statusAfter('reopen', 'replied'));
  });

  it('accepts a proof only for the number it was given for, and only once', async () => {
    const other = await s.submit();
    for (const r of [other, receipt]) for (let i = 0; i < LOOKUP_GUARD.freeAttempts; i++) await lookup({ trackingNumber: r.trackingNumber, password: otherPassword(r.password) });
    const asked = (await (await lookup({ trackingNumber: receipt.trackingNumber, password: otherPassword(receipt.password) })).json()) as Json;
    const altcha = await solveAltcha(asked.challenge as Challenge);
    expect((await lookup({ trackingNumber: other.trackingNumber, password: other.password, altcha })).status).toBe(428);
    expect((await lookup({ trackingNumber: receipt.trackingNumber, password: otherPassword(receipt.password), altcha })).status).toBe(404);
    expect((await lookup({ trackingNumber: receipt.trackingNumber, password: receipt.password, altcha })).status).toBe(428);
  });

  it('answers 429 only to a client over its own rate, and that client only', async () => {
    const busy = '203.0.113.250';
    const body = { trackingNumber: 'DC2001-ZZZZZZ', password: otherPassword(receipt.password) };
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push((await lookup(body, busy)).status);
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.slice(0, -1)).not.toContain(429);
    expect((await withProof('/api/feedback/lookup', { trackingNumber: receipt.trackingNumber, password: receipt.password })).status).toBe(200);
  });
});
