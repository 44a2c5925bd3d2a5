/**
 * Request bodies of the staff API and the citizen's rating — validated by the API and by the staff console
 * with the same schemas (zod/mini), messages from the one dictionary.
 */
import * as z from 'zod/mini';
import { feedbackError, staffError as msg } from '../labels/zh-CN.ts';
import { lookupSchema } from './schema.ts';
import { RATINGS, STAFF_ACTIONS } from './workflow.ts';

const unknownKeys = (i: { code?: string; keys?: string[] }) => (i.code === 'unrecognized_keys' ? feedbackError.unknownField((i.keys ?? []).join('、')) : feedbackError.invalid);
const text = (max: number) => z.string({ error: feedbackError.notText }).check(z.maxLength(max, { error: feedbackError.maxChars(max) }));

/** POST /api/staff/submissions/:tracking/actions */
export const actionSchema = z.strictObject(
  {
    action: z.enum(STAFF_ACTIONS, { error: msg.action }),
    /** The version (number of events) the staff member saw; a newer one means someone acted first. */
    version: z.number({ error: msg.version }).check(z.int({ error: msg.version }), z.nonnegative({ error: msg.version })),
    reason: z.optional(text(500)),
    note: z.optional(text(500)),
    text: z.optional(text(4000)),
    unit: z.optional(text(64)),
    units: z.optional(z.array(text(64), { error: msg.unitsRequired }).check(z.maxLength(20, { error: msg.unitsRequired }))),
  },
  { error: unknownKeys },
);
export type ActionRequest = z.output<typeof actionSchema>;

/** POST /api/feedback/satisfaction — the citizen rates the reply (with the lookup credentials). */
export const ratingSchema = z.strictObject(
  {
    trackingNumber: lookupSchema.shape.trackingNumber,
    password: lookupSchema.shape.password,
    rating: z.enum(RATINGS, { error: msg.rating }),
    comment: z.optional(z.string({ error: msg.comment }).check(z.maxLength(500, { error: msg.comment }))),
  },
  { error: unknownKeys },
);
export type RatingRequest = z.output<typeof ratingSchema>;
