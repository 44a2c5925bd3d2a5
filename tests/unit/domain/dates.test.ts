/** China time for receipts and feedback history: Asia/Shanghai whatever the machine's zone. */
import { describe, expect, it } from 'vitest';
import { chinaDate, chinaDateTime } from '../../../domain/dates.ts';

describe('chinaDateTime', () => {
  it('shows an instant in China time, across the UTC date line', () => {
    expect(chinaDateTime('2026-11-26T16:30:00.000Z')).toBe('2026-11-27 00:30');
    expect(chinaDateTime('2026-01-01T00:05:00Z')).toBe('2026-01-01 08:05');
  });

  it('agrees with chinaDate on the date part', () => {
    for (let h = 0; h < 48; h += 5) {
      const at = new Date(Date.UTC(2026, 5, 30, h, 59));
      expect(chinaDateTime(at.toISOString()).slice(0, 10)).toBe(chinaDate(at));
    }
  });

  it('leaves text that is not an instant as it is', () => {
    expect(chinaDateTime('not a date')).toBe('not a date');
  });
});
