/**
 * What staff may send to the staff API — the action on a submission and the queue's query — validated by
 * the API and by the staff console with the same schemas (zod/mini), messages from the one dictionary.
 * Free text follows the one text rule (domain/text.ts); the workflow adds each action's minimum.
 *
 * Layer: domain/ — pure: imports only domain/ (and zod, js-yaml, node:crypto); no I/O, no Astro, Hono or AWS SDK.
 */
import * as z from 'zod/mini';
import { isIsoDate } from '../dates.ts';
import { feedbackError, promotion, rejectCategory, staffError as msg } from '../labels/zh-CN.ts';
import { humanText } from '../text.ts';
import { REVEAL_REASONS, type RejectCategory } from './events.ts';
import { FEEDBACK_KINDS } from './kinds.ts';
import { unknownKeys } from './schema.ts';
import { FEEDBACK_STATUSES, STAFF_ACTIONS } from './status.ts';

const text = (max: number) => z.optional(humanText(0, max));
const id = z.string({ error: feedbackError.notText }).check(z.maxLength(64, { error: feedbackError.maxChars(64) }));

/** POST /api/staff/submissions/:tracking/actions */
export const actionSchema = z.strictObject(
  {
    action: z.enum(STAFF_ACTIONS, { error: msg.action }),
    /** The version (number of events) the staff member saw; a newer one means someone acted first. */
    version: z.number({ error: msg.version }).check(z.int({ error: msg.version }), z.nonnegative({ error: msg.version })),
    /** `reveal`: why the contact details are needed. */
    reasonCategory: z.optional(z.enum(REVEAL_REASONS, { error: msg.reasonCategory })),
    reason: text(500),
    note: text(500),
    text: text(4000),
    unit: z.optional(id),
    units: z.optional(z.array(id, { error: msg.unitsRequired }).check(z.maxLength(20, { error: msg.unitsRequired }))),
    /** request_extension: the new reply deadline, a China date. */
    deadline: z.optional(z.string({ error: msg.deadlineRequired }).check(z.regex(/^\d{4}-\d{2}-\d{2}$/, { error: msg.deadlineRequired }))),
    /** reject: the category of the reason. */
    category: z.optional(z.enum(Object.keys(rejectCategory) as [RejectCategory, ...RejectCategory[]], { error: msg.category })),
  },
  { error: unknownKeys() },
);
export type ActionRequest = z.output<typeof actionSchema>;

/** A China date that exists (no 2026-99-99): the queue's date filters. */
const date = z.string({ error: feedbackError.date }).check(z.refine(isIsoDate, { error: feedbackError.date }));

/** GET /api/staff/queue query: one status (default 已提交), optional kind, unit and China-date range, a cursor. */
export const queueQuerySchema = z
  .strictObject(
    {
      status: z._default(z.enum(FEEDBACK_STATUSES, { error: feedbackError.invalid }), 'received'),
      kind: z.optional(z.enum(FEEDBACK_KINDS, { error: feedbackError.kind })),
      unit: z.optional(z.string({ error: feedbackError.invalid }).check(z.regex(/^[a-z0-9-]{1,64}$/, { error: feedbackError.invalid }))),
      from: z.optional(date),
      to: z.optional(date),
      /** Opaque; the store checks it belongs to this query (functions/store/feedback-store.ts). */
      cursor: z.optional(z.string({ error: feedbackError.cursor }).check(z.maxLength(2000, { error: feedbackError.cursor }))),
    },
    { error: unknownKeys() },
  )
  .check(
    z.superRefine((q, ctx) => {
      if (q.from && q.to && q.from > q.to) ctx.addIssue({ code: 'custom', path: ['to'], message: feedbackError.dateOrder, input: q.to });
    }),
  );

/** GET /api/staff/ledger query: the month (received), YYYY-MM; the current month by default. */
export const ledgerQuerySchema = z.strictObject(
  { month: z.optional(z.string({ error: feedbackError.invalid }).check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: feedbackError.invalid }))) },
  { error: unknownKeys() },
);

const trackingNumber = z.string({ error: promotion.submissions }).check(z.maxLength(32, { error: promotion.submissions }));

/** POST /api/staff/item-drafts: the submissions (each with the version seen) and the new item's choices. */
export const promoteSchema = z.strictObject(
  {
    submissions: z
      .array(z.strictObject({ trackingNumber, version: z.number({ error: msg.version }).check(z.int({ error: msg.version }), z.nonnegative({ error: msg.version })) }, { error: unknownKeys() }), { error: promotion.submissions })
      .check(z.minLength(1, { error: promotion.submissions }), z.maxLength(20, { error: promotion.submissions })),
    title: humanText(4, 60),
    category: z.string({ error: promotion.category }).check(z.maxLength(64, { error: promotion.category })),
    region: z.string({ error: promotion.region }).check(z.regex(/^[a-z0-9-]{1,64}$/, { error: promotion.region })),
    leadUnit: z.string({ error: promotion.leadUnit }).check(z.maxLength(64, { error: promotion.leadUnit })),
    supportUnits: z.optional(z.array(id, { error: msg.unitsRequired }).check(z.maxLength(20, { error: msg.unitsRequired }))),
    deadline: z.string({ error: promotion.deadlineFormat }).check(z.regex(/^\d{4}-\d{2}-\d{2}$/, { error: promotion.deadlineFormat })),
  },
  { error: unknownKeys() },
);
export type PromoteRequest = z.output<typeof promoteSchema>;

/** POST /api/staff/item-drafts/exported: the draft (its first tracking number) and the id of the item written. */
export const draftExportedSchema = z.strictObject(
  { key: trackingNumber, itemId: z.string({ error: promotion.itemId }).check(z.regex(/^DC-\d{4}-\d{3,}$/, { error: promotion.itemId })) },
  { error: unknownKeys() },
);
