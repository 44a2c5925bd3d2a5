/**
 * Text hygiene for everything citizens type: NFC, one kind of line break, trimmed, counted in characters.
 * Layer: domain/ — pure: imports only domain/ (and zod, js-yaml, node:crypto); no I/O, no Astro, Hono or AWS SDK.
 */

/** NFC-normalise, turn CRLF/CR (what browsers send for textarea line breaks) into LF, trim. */
export function normalizeText(s: string): string {
  return s.normalize('NFC').replace(/\r\n?/g, '\n').trim();
}

/**
 * Control characters other than newline and tab (Unicode category Cc), plus the bidirectional override and
 * isolate marks that can make text display differently from what it says. Refused, never silently removed,
 * so what is stored is exactly what the citizen sent.
 */
const FORBIDDEN = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/u;

export function hasForbiddenControl(s: string): boolean {
  return FORBIDDEN.test(s);
}

/** Length in characters as people count them (code points, so 𠀀 is one). */
export function charLength(s: string): number {
  let n = 0;
  for (const _ of s) n += 1;
  return n;
}
