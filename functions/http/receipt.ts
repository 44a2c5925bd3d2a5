/**
 * Tracking numbers and query passwords, drawn with the server's secret pepper (the format is
 * domain/feedback/tracking-number.ts).
 *
 * A tracking number is `DC` + the China year and month + `-` + six Crockford base32 characters, e.g.
 * `DC2611-7K3Q9M`. The six characters come from an HMAC (with the server's secret pepper) of the
 * submission's idempotency key, so they are neither sequential nor guessable from other numbers, and a retry
 * of the same submission always lands on the same number — which is what makes storing it exactly once safe
 * even if a first attempt died half-way. `attempt` moves to the next candidate on the (rare) clash with
 * another submission's number.
 *
 * The password — PASSWORD_DIGITS digits, long enough for the threat model of domain/feedback/password.ts — is
 * derived the same way, so a retried request returns the same receipt without the password ever being
 * stored; the database keeps only a salted hash of it.
 * Layer: functions/ — imports domain/ and functions/; never site/, infra/, scripts/ or tests/.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { PASSWORD_DIGITS } from '../../domain/feedback/password.ts';
import { CROCKFORD, yymm } from '../../domain/feedback/tracking-number.ts';

function hmac(pepper: string, ...parts: string[]): Buffer {
  return createHmac('sha256', pepper).update(parts.join('\u0000')).digest();
}

export function trackingNumber(pepper: string, idempotencyKey: string, chinaDate: string, attempt = 0): string {
  const bytes = hmac(pepper, 'tracking', idempotencyKey, String(attempt));
  let code = '';
  for (let i = 0; i < 6; i++) code += CROCKFORD[bytes[i]! & 31];
  return `DC${yymm(chinaDate)}-${code}`;
}

/** The query password: digits only (formatPassword prints it in groups). 64 random bits modulo 10^14: bias below 10^-5. */
export function queryPassword(pepper: string, trackingNumber: string, idempotencyKey: string): string {
  const n = hmac(pepper, 'password', trackingNumber, idempotencyKey).readBigUInt64BE(0) % 10n ** BigInt(PASSWORD_DIGITS);
  return String(n).padStart(PASSWORD_DIGITS, '0');
}

export function newSalt(): string {
  return randomBytes(16).toString('base64url');
}

/** Salted, peppered hash of a password as stored. */
export function hashPassword(pepper: string, salt: string, password: string): string {
  return hmac(pepper, 'password-hash', salt, password).toString('base64url');
}

export function passwordMatches(pepper: string, salt: string, password: string, stored: string): boolean {
  const a = Buffer.from(hashPassword(pepper, salt, password));
  const b = Buffer.from(stored);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A one-way, keyed fingerprint of a client address, for rate limits (never stored with submissions). */
export function clientFingerprint(pepper: string, address: string): string {
  return hmac(pepper, 'client', address).subarray(0, 12).toString('base64url');
}
