/**
 * The token bucket (GCRA) as the guard store keeps it — its real conditional updates, on both engines:
 * a burst of `capacity`, then one token per interval, and never more than the capacity plus what refilled,
 * whatever the sequence of requests.
 */
import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDynamoClient, documentClient } from '../../functions/store/client.ts';
import { GuardStore } from '../../functions/store/guard-store.ts';
import { ensureTables } from '../../functions/local/dynamodb.ts';
import type { TableNames } from '../../functions/store/tables.ts';

const engines = Object.entries(inject('engines'));

describe.each(engines)('token bucket on %s', (_engine, endpoint) => {
  const client = createDynamoClient({ endpoint, maxAttempts: 1 });
  const prefix = `rl${randomBytes(4).toString('hex')}`;
  const tables: TableNames = { feedback: `${prefix}-feedback`, contacts: `${prefix}-contacts`, guard: `${prefix}-guard` };
  const guard = new GuardStore(documentClient(client), tables);
  let n = 0;
  const bucket = () => `client-${(n += 1)}`;
  // Buckets are stamped from now: one stamped in the past would be expired, and DynamoDB Local's TTL sweep
  // would delete it in the middle of a sequence.
  const start = Date.now();
  beforeAll(() => ensureTables(client, tables));
  afterAll(() => client.destroy());

  it('allows a burst of `capacity`, then refuses with the wait until the next token', async () => {
    const policy = { capacity: 3, perSeconds: 3600 };
    const c = bucket();
    const at = (ms: number) => guard.takeToken('unit', c, policy, new Date(start + ms));
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await at(0));
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, false]);
    expect(results[3]!.retryAfter).toBe(policy.perSeconds / policy.capacity);
    expect((await at(1_199_000)).allowed).toBe(false);
    expect((await at(1_200_000)).allowed).toBe(true);
  });

  it('never lets more through than the capacity plus what refilled, over any sequence of requests', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({ capacity: fc.integer({ min: 1, max: 20 }), perSeconds: fc.integer({ min: 1, max: 3600 }) }),
        fc.array(fc.integer({ min: 0, max: 120_000 }), { minLength: 1, maxLength: 40 }),
        async (p, gaps) => {
          const c = bucket();
          let t = 0;
          let allowed = 0;
          for (const gap of gaps) {
            t += gap;
            const result = await guard.takeToken('prop', c, p, new Date(start + t));
            if (result.allowed) allowed += 1;
            else expect(result.retryAfter).toBeGreaterThanOrEqual(1);
          }
          expect(allowed).toBeLessThanOrEqual(p.capacity + Math.floor(((t - (gaps[0] ?? 0)) / 1000) * (p.capacity / p.perSeconds) + 1e-9));
        },
      ),
      { numRuns: 40, seed: 20261202 },
    );
  }, 120_000);
});
