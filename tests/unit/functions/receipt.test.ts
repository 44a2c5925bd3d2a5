import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { clientFingerprint, hashPassword, newSalt, passwordMatches, queryPassword, trackingNumber } from '../../../functions/http/receipt.ts';
import { normalizeTrackingNumber, TRACKING_NUMBER, yymm } from '../../../domain/feedback/tracking-number.ts';
import { PASSWORD, PASSWORD_DIGITS } from '../../../domain/feedback/password.ts';

const PEPPER = 'unit-test-pepper';

describe('tracking numbers', () => {
  it('read DC + China year and month + six Crockford characters', () => {
    expect(yymm('2026-11-26')).toBe('2611');
    const n = trackingNumber(PEPPER, 'key-1', '2026-11-26');
    expect(n).toMatch(/^DC2611-[0-9A-HJKMNP-TV-Z]{6}$/);
    fc.assert(fc.property(fc.string({ minLength: 8 }), (key) => {
      expect(trackingNumber(PEPPER, key, '2026-01-05')).toMatch(TRACKING_NUMBER);
    }));
  });

  it('are the same for a retry of the same submission and differ for the next attempt', () => {
    expect(trackingNumber(PEPPER, 'key-1', '2026-11-26')).toBe(trackingNumber(PEPPER, 'key-1', '2026-11-26'));
    expect(trackingNumber(PEPPER, 'key-1', '2026-11-26', 1)).not.toBe(trackingNumber(PEPPER, 'key-1', '2026-11-26', 0));
  });

  it('are not sequential and not guessable without the pepper', () => {
    const a = trackingNumber(PEPPER, 'key-1', '2026-11-26');
    const b = trackingNumber(PEPPER, 'key-2', '2026-11-26');
    expect(a.slice(7)).not.toBe(b.slice(7));
    expect(trackingNumber('other-pepper', 'key-1', '2026-11-26')).not.toBe(a);
    // Every character position uses the whole alphabet evenly: no structure to guess from.
    const counts = Array.from({ length: 6 }, () => new Map<string, number>());
    for (let i = 0; i < 32_000; i++) {
      const code = trackingNumber(PEPPER, `k${i}`, '2026-11-26').slice(7);
      [...code].forEach((c, p) => counts[p]!.set(c, (counts[p]!.get(c) ?? 0) + 1));
    }
    for (const m of counts) {
      expect(m.size).toBe(32);
      for (const n of m.values()) expect(n).toBeGreaterThan(800); // expected 1000 each
    }
  });

  it('survive the way people retype them', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 8 }), (key) => {
        const n = trackingNumber(PEPPER, key, '2026-11-26');
        expect(normalizeTrackingNumber(n.toLowerCase().replace('-', ' '))).toBe(n);
      }),
    );
  });
});

describe('query passwords', () => {
  it('are PASSWORD_DIGITS digits, repeatable for a retry, different between submissions', () => {
    const p = queryPassword(PEPPER, 'DC2611-7K3Q9M', 'key-1');
    expect(p).toMatch(PASSWORD);
    expect(p).toHaveLength(PASSWORD_DIGITS);
    expect(queryPassword(PEPPER, 'DC2611-7K3Q9M', 'key-1')).toBe(p);
    const many = new Set(Array.from({ length: 2000 }, (_, i) => queryPassword(PEPPER, 'DC2611-7K3Q9M', `key-${i}`)));
    expect(many.size).toBeGreaterThan(1990);
  });

  it('are stored only as a salted, peppered hash that verifies the right password only', () => {
    const salt = newSalt();
    const hash = hashPassword(PEPPER, salt, '123456');
    expect(hash).not.toContain('123456');
    expect(passwordMatches(PEPPER, salt, '123456', hash)).toBe(true);
    expect(passwordMatches(PEPPER, salt, '123457', hash)).toBe(false);
    expect(passwordMatches(PEPPER, newSalt(), '123456', hash)).toBe(false);
    expect(hashPassword(PEPPER, newSalt(), '123456')).not.toBe(hash);
    expect(passwordMatches(PEPPER, salt, '123456', 'not-a-hash')).toBe(false);
  });
});

describe('client fingerprints', () => {
  it('are keyed one-way hashes of the address', () => {
    const f = clientFingerprint(PEPPER, '203.0.113.5');
    expect(f).not.toContain('203');
    expect(clientFingerprint(PEPPER, '203.0.113.5')).toBe(f);
    expect(clientFingerprint(PEPPER, '203.0.113.6')).not.toBe(f);
  });
});
