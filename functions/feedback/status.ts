/**
 * The lifecycle of a submission, kept as append-only events:
 *
 *   received ─┬─> accepted ──> in_progress ──> replied ──> closed
 *             └─> rejected (with a reason)        ^  └──(citizen 不满意)──> in_progress
 *
 * A status is a stable code plus a category (open / closed) and a Chinese label from the dictionary.
 * Events record who did what; only those marked public appear in the citizen's lookup.
 */
import { feedbackStatus } from '../../site/strings/zh-CN.ts';

export const FEEDBACK_STATUSES = ['received', 'accepted', 'rejected', 'in_progress', 'replied', 'closed'] as const;
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];

export const CLOSED_STATUSES: ReadonlySet<FeedbackStatus> = new Set(['rejected', 'closed']);

export function statusLabel(status: FeedbackStatus): string {
  return feedbackStatus[status];
}

export type ActorRole = 'citizen' | 'system' | 'reviewer' | 'unit' | 'admin';

/** One entry of a submission's history. Events are never changed once written. */
export interface FeedbackEvent {
  /** 1, 2, 3 … within the submission. */
  readonly seq: number;
  /** ISO 8601 instant. */
  readonly at: string;
  /** What happened, e.g. `submitted`, `accepted`, `rejected`, `assigned`, `reply_approved`. */
  readonly action: string;
  /** The status after this event, when it changed the status. */
  readonly status?: FeedbackStatus;
  /** Display name of the actor (staff name, 系统, 留言人). */
  readonly actor: string;
  readonly role: ActorRole;
  /** Free text: a rejection reason, an internal note, a reply. */
  readonly note?: string;
  /** Shown in the citizen's lookup. */
  readonly public: boolean;
}

/** What the lookup shows of an event: its date, the status it set and, for public notes, the note. */
export interface PublicEvent {
  readonly at: string;
  readonly status: FeedbackStatus;
  readonly label: string;
  readonly note?: string;
}

export function publicHistory(events: readonly FeedbackEvent[]): PublicEvent[] {
  return events
    .filter((e) => e.public && e.status)
    .sort((a, b) => a.seq - b.seq)
    .map((e) => ({ at: e.at, status: e.status!, label: statusLabel(e.status!), ...(e.note ? { note: e.note } : {}) }));
}
