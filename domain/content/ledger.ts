/**
 * `content/ledger/`: the public ledger as `npm run ledger:export` writes it — one file per month received,
 * `YYYY-MM.json` ({ month, rows }), and `figures.json` (the statistics computed from all rows as of the
 * export day). Checked like every content file: rows of the right shape in the right month, each tracking
 * number once, and figures that are exactly what the rows give (anyone can recompute them; so does the
 * content check).
 * Layer: domain/ — pure: imports only domain/ (and zod, js-yaml, node:crypto); no I/O, no Astro, Hono or AWS SDK.
 */
import * as z from 'zod';
import { rejectCategory } from '../labels/zh-CN.ts';
import { FEEDBACK_KINDS } from '../feedback/kinds.ts';
import { RATINGS } from '../feedback/rating.ts';
import { FEEDBACK_STATUSES } from '../feedback/status.ts';
import type { RejectCategory } from '../feedback/events.ts';
import { isoDate, slug } from './common.ts';

const trackingNumber = z.string().regex(/^DC\d{4}-[0-9A-Z]{6}$/);
const nullable = <T extends z.ZodType>(t: T) => t.nullable();

export const ledgerRowSchema = z.strictObject({
  trackingNumber,
  receivedOn: isoDate,
  kind: z.enum(FEEDBACK_KINDS),
  status: z.enum(FEEDBACK_STATUSES),
  unit: nullable(slug),
  deadline: nullable(isoDate),
  repliedOn: nullable(isoDate),
  onTime: nullable(z.boolean()),
  workingDays: nullable(z.number().int().min(0)),
  extended: z.boolean(),
  rating: nullable(z.enum(RATINGS)),
  reopened: z.boolean(),
  rejectCategory: nullable(z.enum(Object.keys(rejectCategory) as [RejectCategory, ...RejectCategory[]])),
});

export const ledgerMonthSchema = z.strictObject({
  /** `YYYY-MM`, the same as the file name. */
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
  rows: z.array(ledgerRowSchema),
});

/** `figures.json`: the statistics as of the export day (checked whole against a recomputation from the rows). */
export const ledgerFiguresSchema = z.looseObject({ asOf: isoDate });
