/**
 * The tracking number's format (受理编号): `DC` + the China year and month + `-` + six Crockford base32
 * characters, e.g. `DC2611-7K3Q9M`, and how what people type is read. (How the six characters are drawn,
 * with the server's secret, is functions/http/receipt.ts.)
 * Layer: domain/ — pure: imports only domain/ (and zod, js-yaml, node:crypto); no I/O, no Astro, Hono or AWS SDK.
 */

/** Crockford base32 (no I, L, O, U), as used in tracking numbers. */
export const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const TRACKING_NUMBER = /^DC\d{4}-[0-9A-HJKMNP-TV-Z]{6}$/;

/** `2611` for November 2026 (a China date `YYYY-MM-DD`). */
export function yymm(chinaDate: string): string {
  return chinaDate.slice(2, 4) + chinaDate.slice(5, 7);
}

/** Accept what people type: lower case, spaces, a missing dash, O for 0 and I/L for 1. */
export function normalizeTrackingNumber(input: string): string {
  const s = input.normalize('NFKC').toUpperCase().replace(/[\s_-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  // The DC prefix survives the O→0 and I→1 mapping above only if written DC; accept D C typed with digits.
  const m = /^DC(\d{4})([0-9A-Z]{6})$/.exec(s);
  return m ? `DC${m[1]}-${m[2]}` : s;
}
