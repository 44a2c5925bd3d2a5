/**
 * Writing HTML as text, safely: every value a person typed goes through `escapeHtml` before it is put in
 * markup (in text or in a quoted attribute). Used by the forms both the site and the API render
 * (domain/feedback/form-html.ts) and by the API's own pages.
 * Layer: domain/ — pure: imports only domain/ (and zod, js-yaml, node:crypto); no I/O, no Astro, Hono or AWS SDK.
 */

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** ` name="value"` pairs for the attributes that are set; `true` writes the bare name, false/undefined nothing. */
export function attrs(values: Readonly<Record<string, string | boolean | undefined>>): string {
  return Object.entries(values)
    .filter(([, v]) => v !== undefined && v !== false)
    .map(([k, v]) => (v === true ? ` ${k}` : ` ${k}="${escapeHtml(v as string)}"`))
    .join('');
}
