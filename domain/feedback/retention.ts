/**
 * How long things are kept (the privacy policy, content/pages/privacy.md, states the same figures; a test
 * checks they agree). DynamoDB's TTL deletes records after their `expiresAt` (seconds since the epoch).
 * Layer: domain/ — pure: imports only domain/ (and zod, js-yaml, node:crypto); no I/O, no Astro, Hono or AWS SDK.
 */
export const RETENTION = {
  /** Submissions, their events and replies: 3 years from submission. */
  submissionDays: 3 * 365,
  /** Contact details: 1 year from submission. */
  contactDays: 365,
  /** Rate-limit buckets keyed by the hashed client address: 24 hours. */
  rateLimitHours: 24,
  /** Idempotency records (the receipt of a submission, without its password): 24 hours. */
  idempotencyHours: 24,
  /** A used proof-of-work challenge is remembered until it would have expired anyway. */
  challengeMinutes: 10,
} as const;

export function expiresAt(from: Date, { days = 0, hours = 0, minutes = 0 }: { days?: number; hours?: number; minutes?: number }): number {
  return Math.floor(from.getTime() / 1000) + days * 86_400 + hours * 3_600 + minutes * 60;
}
