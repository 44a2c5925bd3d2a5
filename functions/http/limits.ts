/**
 * The public API's rate limits: token buckets in the guard table, per hashed client address — a client over
 * its own rate gets 429. Nothing here limits a tracking number: wrong passwords on one make its lookups ask
 * for a proof of work instead (domain/feedback/password.ts), so no one can lock its owner out.
 * Layer: functions/ — imports domain/ and functions/; never site/, infra/, scripts/ or tests/.
 */
import type { BucketPolicy } from '../store/guard-store.ts';

export interface Limits {
  readonly challenge: BucketPolicy;
  /** Submissions that passed the proof of work. */
  readonly submit: BucketPolicy;
  /** Plain form posts without JavaScript: accepted, under a stricter limit, marked unverified. */
  readonly submitUnverified: BucketPolicy;
  readonly lookup: BucketPolicy;
}

export const DEFAULT_LIMITS: Limits = {
  challenge: { capacity: 30, perSeconds: 600 },
  submit: { capacity: 10, perSeconds: 3_600 },
  submitUnverified: { capacity: 3, perSeconds: 3_600 },
  lookup: { capacity: 30, perSeconds: 600 },
};

/**
 * DUCHA_RATE_LIMIT_MULTIPLIER scales every bucket's capacity — for load benchmarks and local experiments
 * only (the deployed stack never sets it).
 */
export function limitsFromEnv(env: Record<string, string | undefined> = process.env, base: Limits = DEFAULT_LIMITS): Limits {
  const m = Number(env.DUCHA_RATE_LIMIT_MULTIPLIER);
  if (!Number.isFinite(m) || m <= 0 || m === 1) return base;
  const scale = (p: BucketPolicy): BucketPolicy => ({ ...p, capacity: Math.ceil(p.capacity * m) });
  return { ...base, challenge: scale(base.challenge), submit: scale(base.submit), submitUnverified: scale(base.submitUnverified), lookup: scale(base.lookup) };
}
