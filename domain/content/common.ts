/**
 * Building blocks shared by the content schemas: China dates, code lists that also accept their Chinese
 * label, ids, and the error map that turns zod issues into one Chinese sentence per field.
 * Layer: domain/ — pure: imports only domain/ (and zod, js-yaml, node:crypto); no I/O, no Astro, Hono or AWS SDK.
 */
import * as z from 'zod';
import { contentError as msg } from '../labels/zh-CN.ts';
import { hasForbiddenControl } from '../text.ts';

/**
 * Type-level error of a field: "缺少此字段" when the field is absent, otherwise `message`. (A schema's own
 * error overrides the error map, so absence has to be handled here too.)
 */
export const need = (message: string) => (issue: { input?: unknown }) =>
  issue.input === undefined || issue.input === null ? msg.missing : message;

/** A calendar date `YYYY-MM-DD` that really exists (no 2026-02-30). Dates are China dates. */
export const isoDate = z
  .string({ error: need(msg.date) })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: msg.date, abort: true })
  .refine((s) => {
    const [y, m, d] = s.split('-').map(Number) as [number, number, number];
    const t = new Date(Date.UTC(y, m - 1, d));
    return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
  }, { error: msg.date });

/** Lower-case id used in URLs and references: `water`, `chengguan-subdistrict`. */
export const slug = z
  .string({ error: need(msg.notText) })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: msg.slug });

/** Non-empty, trimmed text with an upper bound, under the one text rule (no control or bidi characters). */
export const text = (max: number) =>
  z
    .string({ error: need(msg.notText) })
    .trim()
    .min(1, { error: msg.required })
    .max(max, { error: msg.maxLength(max) })
    .refine((s) => !hasForbiddenControl(s), { error: msg.control });

/**
 * A fixed list of codes, e.g. `status: in_progress`. Editors may also write the Chinese label
 * (`status: 办理中`); it is read as its code. The error lists both forms.
 */
export function codeList<T extends Record<string, string>>(labels: T) {
  const codes = Object.keys(labels) as [keyof T & string, ...(keyof T & string)[]];
  const byLabel = new Map(Object.entries(labels).map(([code, label]) => [label, code]));
  const allowed = codes.map((c) => `${c}（${labels[c]}）`).join('、');
  return z.preprocess(
    (v) => (typeof v === 'string' ? (byLabel.get(v.trim()) ?? v.trim()) : v),
    z.enum(codes, { error: need(msg.oneOf(allowed)) }),
  );
}

/** Chinese fallback for issues a schema did not word itself (missing field, wrong type, unknown key). */
export const contentErrorMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null) return msg.missing;
      if (issue.expected === 'string') return msg.notText;
      if (issue.expected === 'number' || issue.expected === 'int') return msg.notNumber;
      if (issue.expected === 'array') return msg.notList;
      if (issue.expected === 'object') return msg.notObject;
      return undefined;
    case 'unrecognized_keys':
      return msg.unknownField(issue.keys.join('、'));
    case 'too_small':
      if (issue.origin === 'string') return msg.minLength(Number(issue.minimum));
      return undefined;
    case 'too_big':
      if (issue.origin === 'string') return msg.maxLength(Number(issue.maximum));
      return undefined;
    default:
      return undefined;
  }
};

/** `extensions[0].newDeadline` from zod's path array. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

/** One problem in one content file, as shown to editors. */
export interface ContentProblem {
  /** Path relative to the project root, e.g. `content/items/2026/DC-2026-014.md`. */
  readonly file: string;
  /** Field path, e.g. `deadline` or `updates[2].unit`; empty for whole-file problems. */
  readonly field: string;
  readonly message: string;
  /** The line in the file (counted from 1, front matter included), when the problem is at one line. */
  readonly line?: number;
}

/** `file: field message`, or `file:line: message` (editors jump to the line from there). */
export function formatProblem(p: ContentProblem): string {
  const where = p.line ? `${p.file}:${p.line}` : p.file;
  return p.field ? `${where}: ${p.field} ${p.message}` : `${where}: ${p.message}`;
}

/**
 * The fields of `data` that pass their own schema in an object schema, each list keeping the entries that
 * pass (the others `undefined`, so positions stay right). A file with problems still gets the checks that
 * need only these — cross-field rules, references, dates — so one pass reports everything.
 */
export function validFields(schema: z.ZodObject, data: unknown): Record<string, unknown> {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return {};
  const raw = data as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(schema.shape) as [string, z.ZodType][]) {
    const result = field.safeParse(raw[key], { error: contentErrorMap });
    if (result.success) {
      if (result.data !== undefined) out[key] = result.data;
      continue;
    }
    const list = field instanceof z.ZodDefault ? field.unwrap() : field;
    if (list instanceof z.ZodArray && Array.isArray(raw[key])) {
      out[key] = (raw[key] as unknown[]).map((v) => {
        const entry = (list.element as z.ZodType).safeParse(v);
        return entry.success ? entry.data : undefined;
      });
    }
  }
  return out;
}

/** Run a schema over one file's data and turn every issue into a ContentProblem. */
export function check<S extends z.ZodType>(
  schema: S,
  data: unknown,
  file: string,
): { ok: true; data: z.output<S> } | { ok: false; problems: ContentProblem[] } {
  const result = schema.safeParse(data, { error: contentErrorMap });
  if (result.success) return { ok: true, data: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((i) => ({ file, field: formatPath(i.path), message: i.message })),
  };
}
