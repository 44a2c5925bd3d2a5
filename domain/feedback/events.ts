/**
 * A submission's history: append-only events, who wrote them, and what of them the citizen sees.
 *
 * Layer: domain/ — pure: imports only domain/ (and zod, js-yaml, node:crypto); no I/O, no Astro, Hono or AWS SDK.
 */
import { contactReadReason, feedbackAction, promotion as promotionLabel, rejectCategory, staffPage } from '../labels/zh-CN.ts';
import type { ItemDraft } from './item-draft.ts';
import { RATING, type Rating } from './rating.ts';
import { statusLabel, type FeedbackStatus } from './status.ts';

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
  /** The staff member's stable subject id from the identity provider (names change; this does not). */
  readonly actorId?: string;
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
  readonly rating?: Rating;
  /** `contact_revealed` / `contact_read`: why the contact details were read (the audit of every read). */
  readonly reasonCategory?: ContactReadReason;
  /**
   * The deadline the event sets (China date): `submitted` the last day to accept, `accepted` / `reopened` the
   * last day to reply, `extension_requested` the new deadline asked for, `extension_approved` the new one.
   */
  readonly deadline?: string;
  /** `rejected`: the category of the reason (public statistics). */
  readonly category?: RejectCategory;
  /** `promoted`: the draft of the supervision item the submission is to become (立项督办). */
  readonly promotion?: Omit<ItemDraft, 'at'>;
  /** `item_created`: the id of the supervision item exported from the draft. */
  readonly itemId?: string;
}

export type RejectCategory = keyof typeof rejectCategory;

/** Why contact details may be read: a staff member's reveal, or the system reading on their behalf. */
export const CONTACT_READ_REASONS = ['verify', 'investigate', 'other', 'notify_reply', 'redact_export'] as const;
export type ContactReadReason = (typeof CONTACT_READ_REASONS)[number];
/** The reasons a staff member may give for revealing contact details (the others are the system's). */
export const REVEAL_REASONS = ['verify', 'investigate', 'other'] as const satisfies readonly ContactReadReason[];

/** An event before it has its sequence number and time. */
export type NewEvent = Omit<FeedbackEvent, 'seq' | 'at'>;

/** The citizen as the actor of their own events (submitting, rating): never a name. */
export const CITIZEN = { actor: staffPage.citizen, role: 'citizen' } as const satisfies Pick<FeedbackEvent, 'actor' | 'role'>;

/** What the lookup shows of an event: its date, the status after it, a label and any public note. */
export interface PublicEvent {
  readonly at: string;
  readonly status: FeedbackStatus;
  readonly label: string;
  readonly note?: string;
  /** The deadline the event set (acceptance, reopening, an approved extension). */
  readonly deadline?: string;
}

/** Events the citizen reads by their own label (not the status they leave), with their note shown. */
const CLOCK_EVENTS: ReadonlySet<string> = new Set(['interim_replied', 'extension_approved', 'transferred', 'item_created']);
/** Events whose note is for the citizen: a rejection reason, an interim reply, the reason for an extension. */
const PUBLIC_NOTES: ReadonlySet<string> = new Set(['rejected', 'interim_replied', 'extension_approved']);

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
    const label = e.rating ? `${feedbackAction.rated}：${RATING[e.rating].label}` : CLOCK_EVENTS.has(e.action) ? eventLabel(e) : statusLabel(status);
    const note = PUBLIC_NOTES.has(e.action) || e.rating ? e.note : e.itemId ? promotionLabel.lookupLine(e.itemId) : undefined;
    const deadline = e.action === 'submitted' || e.action === 'extension_requested' ? undefined : e.deadline;
    out.push({ at: e.at, status, label, ...(note ? { note } : {}), ...(deadline ? { deadline } : {}) });
  }
  return out;
}

/** The label of an event for people: the action, for ratings which one, for reads of contacts why. */
export function eventLabel(event: Pick<FeedbackEvent, 'action' | 'rating' | 'reasonCategory'>): string {
  const base = feedbackAction[event.action as keyof typeof feedbackAction] ?? event.action;
  if (event.rating) return `${base}：${RATING[event.rating].label}`;
  return event.reasonCategory ? `${base}：${contactReadReason[event.reasonCategory]}` : base;
}
