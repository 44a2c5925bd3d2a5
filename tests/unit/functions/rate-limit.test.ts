import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { spendToken } from '../../../functions/store/guard-store.ts';

describe('token bucket (GCRA)', () => {
  const policy = { capacity: 3, perSeconds: 3600 };

  it('allows a burst of `capacity`, then refuses with the wait until the next token', () => {
    let tat: number | undefined;
    const results = [];
    for (let i = 0; i < 4; i++) {
      const step = spendToken(tat, policy, 0);
      results.push(step.result);
      tat = step.tat;
    }
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, false]);
    expect(results[3]!.retryAfter).toBe(1200); // one token per 1200 s
    expect(spendToken(tat, policy, 1_200_000).result.allowed).toBe(true);
    expect(spendToken(tat, policy, 1_199_000).result.allowed).toBe(false);
  });

  it('never lets more through than the capacity plus what refilled, over any sequence of requests', () => {
    fc.assert(
      fc.property(
        fc.record({ capacity: fc.integer({ min: 1, max: 20 }), perSeconds: fc.integer({ min: 1, max: 3600 }) }),
        fc.array(fc.integer({ min: 0, max: 120_000 }), { minLength: 1, maxLength: 200 }),
        (p, gaps) => {
          let tat: number | undefined;
          let t = 0;
          let allowed = 0;
          for (const gap of gaps) {
            t += gap;
            const { result, tat: next } = spendToken(tat, p, t);
            tat = next;
            if (result.allowed) allowed += 1;
            else expect(result.retryAfter).toBeGreaterThanOrEqual(1);
          }
          expect(allowed).toBeLessThanOrEqual(p.capacity + Math.floor(((t - (gaps[0] ?? 0)) / 1000) * (p.capacity / p.perSeconds) + 1e-9));
        },
      ),
      { numRuns: 1000 },
    );
  });
});
