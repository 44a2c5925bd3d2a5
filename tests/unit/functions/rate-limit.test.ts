import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { spendToken } from '../../../functions/store/guard-store.ts';

describe('token bucket', () => {
  const policy = { capacity: 3, perSeconds: 3600 };

  it('allows a burst of `capacity`, then refuses with the wait until the next token', () => {
    let bucket: { tokens: number; updatedAt: number } | undefined;
    const results = [];
    for (let i = 0; i < 4; i++) {
      const { result, next } = spendToken(bucket, policy, 0);
      results.push(result);
      bucket = next;
    }
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, false]);
    expect(results[3]!.retryAfter).toBe(1200); // one token per 1200 s
    expect(spendToken(bucket, policy, 1_200_000).result.allowed).toBe(true);
  });

  it('never lets more through than the capacity plus what refilled, over any sequence of requests', () => {
    fc.assert(
      fc.property(
        fc.record({ capacity: fc.integer({ min: 1, max: 20 }), perSeconds: fc.integer({ min: 1, max: 3600 }) }),
        fc.array(fc.integer({ min: 0, max: 120_000 }), { minLength: 1, maxLength: 200 }),
        (p, gaps) => {
          let bucket: { tokens: number; updatedAt: number } | undefined;
          let t = 0;
          let allowed = 0;
          for (const gap of gaps) {
            t += gap;
            const { result, next } = spendToken(bucket, p, t);
            bucket = next;
            if (result.allowed) allowed += 1;
            else expect(result.retryAfter).toBeGreaterThanOrEqual(1);
          }
          expect(allowed).toBeLessThanOrEqual(p.capacity + Math.floor(((t / 1000) * p.capacity) / p.perSeconds));
        },
      ),
      { numRuns: 1000 },
    );
  });
});
