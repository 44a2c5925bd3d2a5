/**
 * The public ledger (留言台账): one content-free row per submission, so that a citizen finds their own
 * tracking number and anyone can recompute the public statistics (stats.ts) from it. A row has the
 * tracking number, the China date received, the kind, the status, the unit answering (for a clue only
 * once replied: the existence of a clue must not tip anyone off), the deadline, the reply's date and
 * whether it was on time, whether it was extended, the rating, and for a submission not accepted the
 * category of the reason. Never the title, the text, the region, the contact or any staff name.
 * Layer: domain/ — pure: imports only domain/ (and zod, js-yaml, node:crypto); no I/O, no Astro, Hono or AWS SDK.
 */
import type { WorkingCalendar } from '../clock/calendar.ts';
import { chinaDate } from '../dates.ts';
import type { RejectCategory } from './events.ts';
import type { FeedbackKind } from './kinds.ts';
import type { Rating } from './rating.ts';
import type { FeedbackStatus } from './status.ts';
import type { SubmissionRecord } from './submission.ts';

export interface LedgerRow {
  readonly trackingNumber: string;
  /** China date the submission was received. */
  readonly receivedOn: string;
  readonly kind: FeedbackKind;
  readonly status: FeedbackStatus;
  /** The unit answering; null before one is assigned, and for a clue until it is replied to. */
  readonly unit: string | null;
  /** The deadline to reply (after any approved extension), or to accept while not accepted; null when none was set. */
  readonly deadline: string | null;
  /** China date of the (latest) reply. */
  readonly repliedOn: string | null;
  /** Replied on or before the deadline; null until replied. */
  readonly onTime: boolean | null;
  /** Working days from receipt to the reply; null until replied. */
  readonly workingDays: number | null;
  readonly extended: boolean;
  /** The citizen's latest rating (a 不满意 stays until the new reply is rated). */
  readonly rating: Rating | null;
  /** The citizen's 不满意 reopened it at least once. */
  readonly reopened: boolean;
  /** Why it was not accepted; null otherwise. */
  readonly rejectCategory: RejectCategory | null;
}

/** The columns, in order (files, tables and the CSV read them so). */
export const LEDGER_COLUMNS = [
  'trackingNumber', 'receivedOn', 'kind', 'status', 'unit', 'deadline', 'repliedOn', 'onTime', 'workingDays', 'extended', 'rating', 'reopened', 'rejectCategory',
] as const satisfies readonly (keyof LedgerRow)[];

/** The ledger row of a submission record. */
export function ledgerRow(r: SubmissionRecord, calendar: WorkingCalendar): LedgerRow {
  const receivedOn = chinaDate(new Date(r.createdAt));
  const repliedOn = r.reply ? chinaDate(new Date(r.reply.at)) : null;
  const unit = r.reply?.unit ?? (r.kind === 'clue' ? null : (r.units?.[0] ?? null));
  const deadline = r.replyBy ?? r.acceptBy ?? null;
  return {
    trackingNumber: r.trackingNumber,
    receivedOn,
    kind: r.kind,
    status: r.status,
    unit,
    deadline,
    repliedOn,
    onTime: repliedOn && r.replyBy ? repliedOn <= r.replyBy : null,
    workingDays: repliedOn ? calendar.workingDaysBetween(receivedOn, repliedOn) : null,
    extended: Boolean(r.extended),
    rating: r.rating?.rating ?? (r.reopenCount ? 'dissatisfied' : null),
    reopened: Boolean(r.reopenCount),
    rejectCategory: r.status === 'rejected' ? (r.rejectCategory ?? 'other') : null,
  };
}

/** The month (YYYY-MM) a row belongs to: its ledger file and page. */
export const ledgerMonth = (row: Pick<LedgerRow, 'receivedOn'>) => row.receivedOn.slice(0, 7);
