/**
 * The feedback contract: what a citizen may send to POST /api/feedback, POST /api/feedback/lookup and
 * POST /api/feedback/satisfaction. The API validates with these schemas, and the site's forms validate with
 * the very same ones before sending, so a citizen sees the same message in the browser as the API would give.
 * Messages come from the one dictionary (domain/labels/zh-CN.ts).
 * Layer: domain/ — pure: imports only domain/ (and zod, js-yaml, node:crypto); no I/O, no Astro, Hono or AWS SDK.
 */
import * as z from 'zod/mini';
import { feedbackError as msg } from '../labels/zh-CN.ts';
import { humanText } from '../text.ts';
import { FEEDBACK_KINDS } from './kinds.ts';
import { RATINGS } from './rating.ts';
import { normalizePassword, PASSWORD } from './password.ts';
import { normalizeTrackingNumber, TRACKING_NUMBER } from './tracking-number.ts';

// zod/mini: the same validation as the classic API with a functional style that bundles small — this
// module ships to the browser in the feedback form and to Lambda (npm run bench:api prints the sizes).

export const LIMITS = {
  titleMin: 4,
  titleMax: 50,
  contentMin: 10,
  contentMax: 2000,
  nameMax: 30,
  emailMax: 100,
  /** A rating's comment. */
  commentMax: 500,
  /** Request bodies over this are refused with 413. */
  bodyBytes: 16 * 1024,
} as const;

/** Mainland mobile (11 digits) or a landline with area code, optional extension. */
export const PHONE = /^(?:1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(?:-\d{1,6})?)$/;
/** A supervision item's number, as the content schema writes it, within a length a real one has. */
export const ITEM_ID = /^DC-\d{4}-\d{3,8}$/;
export const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,100}$/;
/** A page of the site: its path (`/items/DC-2026-014/`) or its full http(s) address, no spaces. */
export const PAGE_URL = /^(?:\/(?!\/)|https?:\/\/)[^\s<>"]{0,300}$/;

/** Absent, null and empty strings all mean "not given" for optional fields. */
const blankToUndefined = (v: unknown) => (v === null || (typeof v === 'string' && v.trim() === '') ? undefined : v);

/** An optional field: blank or absent is `undefined`, anything else must pass `schema`. */
function optional<T extends z.ZodMiniType>(schema: T): z.ZodMiniType<z.output<T> | undefined, unknown> {
  return z.pipe(z.transform(blankToUndefined) as z.ZodMiniType<unknown, unknown>, z.optional(schema) as z.ZodMiniType) as never;
}

const typeError = (message: string) => (issue: { input?: unknown }) => (issue.input === undefined ? msg.required : message);

const phone = z.pipe(
  z.string({ error: msg.phone }),
  z.transform((s: string) => s.normalize('NFKC').replace(/[\s()]/g, '').replace(/^(?:\+86|0086)-?/, '')),
).check(z.refine((s) => PHONE.test(s), { error: msg.phone }));

const email = z.pipe(
  z.string({ error: msg.email }),
  z.pipe(z.transform((s: string) => s.normalize('NFKC').trim()), z.email({ error: msg.email }).check(z.maxLength(LIMITS.emailMax, { error: msg.maxChars(LIMITS.emailMax) }))),
);

/** The solved proof of work (ALTCHA, base64 JSON) a submission carries, and a lookup when it is asked for one. */
const altcha = optional(z.string({ error: msg.challengeInvalid }).check(z.maxLength(4096, { error: msg.challengeInvalid })));

const flag = z._default(z.boolean({ error: msg.boolean }), false);

/** The error of an object schema: names the keys it does not know, `fallback` for anything else. */
export const unknownKeys = (fallback: string = msg.invalid) => (i: { code?: string; keys?: string[] }) =>
  i.code === 'unrecognized_keys' ? msg.unknownField((i.keys ?? []).join('、')) : fallback;

export interface FeedbackSchemaOptions {
  /** Region ids of the site (its published facts); when given, `region` must be one of them. */
  readonly regionIds?: Iterable<string>;
  /** Ids of the published items; when given, `itemId` must be one of them. */
  readonly itemIds?: Iterable<string>;
}

/** POST /api/feedback body (JSON shape; form posts are mapped to it by `fromFormFields`). */
export function createFeedbackSchema(options: FeedbackSchemaOptions = {}) {
  const regions = options.regionIds ? new Set(options.regionIds) : null;
  const items = options.itemIds ? new Set(options.itemIds) : null;
  const object = z
    .strictObject(
      {
        kind: z.enum(FEEDBACK_KINDS, { error: msg.kind }),
        itemId: optional(
          z
            .pipe(
              z.string({ error: msg.itemIdFormat }).check(z.maxLength(40, { error: msg.itemIdFormat })),
              z.transform((s: string) => s.normalize('NFKC').trim().toUpperCase()),
            )
            .check(z.regex(ITEM_ID, { error: msg.itemIdFormat }), z.refine((id) => !items || items.has(id), { error: msg.itemIdUnknown })),
        ),
        /** `correction`: the address of the page with the error (我要纠错 fills it in). */
        pageUrl: optional(z.pipe(z.string({ error: msg.pageUrl }), z.transform((s: string) => s.trim())).check(z.maxLength(500, { error: msg.pageUrl }), z.regex(PAGE_URL, { error: msg.pageUrl }))),
        region: optional(z.string({ error: msg.region }).check(z.maxLength(64, { error: msg.region }), z.refine((r) => !regions || regions.has(r), { error: msg.region }))),
        title: humanText(LIMITS.titleMin, LIMITS.titleMax),
        content: humanText(LIMITS.contentMin, LIMITS.contentMax),
        contact: optional(
          z.strictObject(
            {
              name: optional(humanText(0, LIMITS.nameMax)),
              phone: optional(phone),
              email: optional(email),
            },
            { error: unknownKeys(msg.notText) },
          ),
        ),
        privacyConsent: flag,
        allowPublish: flag,
        /** The solved ALTCHA challenge (base64 JSON). Absent for plain form posts without JavaScript. */
        altcha,
        /** Honeypot: a field people never see. Anything in it marks the request as automated. */
        website: optional(z.string().check(z.maxLength(0, { error: msg.honeypot }))),
        /** For plain form posts, which cannot send the Idempotency-Key header. */
        idempotencyKey: optional(z.string({ error: msg.idempotencyKey }).check(z.regex(IDEMPOTENCY_KEY, { error: msg.idempotencyKey }))),
      },
      { error: unknownKeys() },
    )
    .check(
      z.superRefine((v, ctx) => {
        if (v.kind === 'item_feedback' && !v.itemId) ctx.addIssue({ code: 'custom', path: ['itemId'], message: msg.itemIdRequired, input: v.itemId });
        if (v.kind === 'correction' && !v.pageUrl) ctx.addIssue({ code: 'custom', path: ['pageUrl'], message: msg.pageUrlRequired, input: v.pageUrl });
        const c = v.contact;
        if (c && (c.name || c.phone || c.email) && !v.privacyConsent) {
          ctx.addIssue({ code: 'custom', path: ['privacyConsent'], message: msg.consentRequired, input: v.privacyConsent });
        }
      }),
    );
  return z.pipe(
    object,
    z.transform((v: z.output<typeof object>) => ({ ...v, contact: v.contact && (v.contact.name || v.contact.phone || v.contact.email) ? v.contact : undefined })),
  );
}

export type FeedbackSchema = ReturnType<typeof createFeedbackSchema>;
export type FeedbackInput = z.output<FeedbackSchema>;
export type Contact = NonNullable<FeedbackInput['contact']>;

/** POST /api/feedback/lookup body. */
export const lookupSchema = z.strictObject(
  {
    trackingNumber: z
      .pipe(z.string({ error: typeError(msg.trackingNumber) }).check(z.maxLength(40, { error: msg.trackingNumber })), z.transform(normalizeTrackingNumber))
      .check(z.refine((s) => TRACKING_NUMBER.test(s), { error: msg.trackingNumber })),
    password: z
      .pipe(z.string({ error: typeError(msg.password) }).check(z.maxLength(40, { error: msg.password })), z.transform(normalizePassword))
      .check(z.refine((s) => PASSWORD.test(s), { error: msg.password })),
    /** Asked for (428) once the number has had wrong passwords: domain/feedback/password.ts. */
    altcha,
  },
  { error: unknownKeys() },
);

/** POST /api/feedback/satisfaction — the citizen rates the reply (with the lookup credentials). */
export const ratingSchema = z.strictObject(
  {
    trackingNumber: lookupSchema.shape.trackingNumber,
    password: lookupSchema.shape.password,
    altcha,
    rating: z.enum(RATINGS, { error: msg.rating }),
    comment: optional(humanText(0, LIMITS.commentMax, msg.comment)),
  },
  { error: unknownKeys() },
);

/**
 * Map a plain HTML form post (application/x-www-form-urlencoded) to the JSON shape: `contact.name` →
 * contact.name, checkboxes (`on`, `true`, `1`) → true, absent checkboxes → false. A repeated field is an error
 * caught by the schema (it arrives as a list).
 */
export function fromFormFields(fields: Record<string, string | string[]>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const contact: Record<string, unknown> = {};
  const truthy = (v: unknown) => (typeof v === 'string' ? ['on', 'true', '1', 'yes'].includes(v) : v);
  for (const [key, value] of Object.entries(fields)) {
    if (key.startsWith('contact.')) contact[key.slice(8)] = value;
    else if (key === 'privacyConsent' || key === 'allowPublish') out[key] = truthy(value);
    else out[key] = value;
  }
  if (Object.keys(contact).length) out.contact = contact;
  return out;
}
