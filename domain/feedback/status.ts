/**
 * The lifecycle of a submission, kept as append-only events:
 *
 *   received ─┬─> accepted ──> in_progress ──> replied ──> closed
 *             └─> rejected (with a reason)        ^  └──(citizen 不满意)──> in_progress
 *
 * A status is a stable code plus a category (open / closed) and a Chinese label from the dictionary.
 * Events record who did what; only those marked public appear in the citizen's lookup.
 */
import { feedbackAction, feedbackStatus, satisfaction } from '../labels/zh-CN.ts';

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
  /** `assigned`: the units the submission now goes to. */
  readonly units?: readonly string[];
  /** `reply_drafted`: the unit the reply is written for. */
  readonly unit?: string;
  /** `rated` / `reopened`: the citizen's rating. */
  readonly rating?: 'satisfied' | 'basically_satisfied' | 'dissatisfied';
}

/** What the lookup shows of an event: its date, the status after it, a label and any public note. */
export interface PublicEvent {
  readonly at: string;
  readonly status: FeedbackStatus;
  readonly label: string;
  readonly note?: string;
}

/**
 * The citizen's view of the history: public events only, with the status each left behind. Staff names,
 * internal notes and drafts never appear; a rejection reason and the citizen's own rating do.
 */
export function publicHistory(events: readonly FeedbackEvent[]): PublicEvent[] {
  let status: FeedbackStatus = 'received';
  const out: PublicEvent[] = [];
  for (const e of [...events].sort((a, b) => a.seq - b.seq)) {
    if (e.status) status = e.status;
    if (!e.public) continue;
    const label = e.rating ? `${feedbackAction.rated}：${satisfaction[e.rating]}` : statusLabel(status);
    const note = e.action === 'rejected' || e.rating ? e.note : undefined;
    out.push({ at: e.at, status, label, ...(note ? { note } : {}) });
  }
  return out;
}
