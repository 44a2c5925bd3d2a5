/**
 * What each side may see of a submission: the citizen's lookup (never contact details, staff names or
 * drafts), the staff's views (everything but the password hash and storage fields), and the redacted
 * reply for publication. The API answers exactly these.
 * Layer: domain/ — pure: imports only domain/ (and zod, js-yaml, node:crypto); no I/O, no Astro, Hono or AWS SDK.
 */
import type { LookupResult, SubmissionClock } from '../api/feedback.ts';
import { deadlineToday } from './clock.ts';
import type { ExportedItemDraft, ExportedReply, QueueItem, StaffEvent, StaffSubmission } from '../api/staff.ts';
import { eventLabel, publicHistory, type FeedbackEvent } from './events.ts';
import { kindLabel } from './kinds.ts';
import { RATING, ratingWindow } from './rating.ts';
import type { ItemDraft } from './item-draft.ts';
import { redact } from './redact.ts';
import { statusLabel } from './status.ts';
import type { SubmissionRecord } from './submission.ts';
import { canRate, type ClockContext } from './workflow.ts';

/** The running deadline of a submission as people see it (undefined when none runs). */
export function submissionClock(record: SubmissionRecord, time: ClockContext): SubmissionClock | undefined {
  const standing = deadlineToday(time.clock, record, time.today);
  if (!standing) return undefined;
  const extended = standing.stage === 'reply' && Boolean(record.extended) && record.replyByOriginal !== record.replyBy;
  return { ...standing, extended, ...(extended && record.replyByOriginal ? { originalDeadline: record.replyByOriginal } : {}) };
}

/** The citizen's lookup. `unitName` names the answering unit (its id when unknown). */
export function lookupView(record: SubmissionRecord, events: readonly FeedbackEvent[], unitName: (id: string) => string | undefined, now: Date, time?: ClockContext): LookupResult {
  return {
    trackingNumber: record.trackingNumber,
    kind: record.kind,
    title: record.title,
    ...(record.itemId ? { itemId: record.itemId } : {}),
    status: record.status,
    statusLabel: statusLabel(record.status),
    submittedAt: record.createdAt,
    history: publicHistory(events),
    reply: record.reply ? { ...record.reply, unit: unitName(record.reply.unit) ?? record.reply.unit } : null,
    rating: record.rating ? { rating: record.rating.rating, label: RATING[record.rating.rating].label, at: record.rating.at } : null,
    rateUntil: canRate(record, now) ? ratingWindow(record, now).until : null,
    ...(time ? { clock: submissionClock(record, time) ?? null } : {}),
    ...(record.promotedTo ? { promotedTo: record.promotedTo } : {}),
  };
}

export function submissionView(r: SubmissionRecord): StaffSubmission {
  const { passwordHash: _h, passwordSalt: _s, ownerHash: _o, expiresAt: _e, eventCount, version: _v, ...rest } = r;
  return { ...rest, version: eventCount, statusLabel: statusLabel(r.status), kindLabel: kindLabel(r.kind) };
}

export function eventView(e: FeedbackEvent): StaffEvent {
  const { seq, at, action, status, actor, actorId, role, note, public: isPublic, units, unit, rating, reasonCategory } = e;
  return {
    seq,
    at,
    action,
    label: eventLabel(e),
    ...(status ? { status, statusLabel: statusLabel(status) } : {}),
    actor,
    ...(actorId ? { actorId } : {}),
    role,
    ...(note ? { note } : {}),
    public: isPublic,
    ...(units ? { units } : {}),
    ...(unit ? { unit } : {}),
    ...(rating ? { rating } : {}),
    ...(reasonCategory ? { reasonCategory } : {}),
  };
}

export function queueItemView(r: SubmissionRecord, time?: ClockContext): QueueItem {
  const clock = time && submissionClock(r, time);
  return {
    trackingNumber: r.trackingNumber,
    kind: r.kind,
    kindLabel: kindLabel(r.kind),
    title: r.title,
    status: r.status,
    statusLabel: statusLabel(r.status),
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    units: r.units ?? [],
    verified: r.verified,
    hasContact: r.hasContact,
    ...(r.itemId ? { itemId: r.itemId } : {}),
    ...(clock ? { clock } : {}),
  };
}

/** Whether a submission's reply may be published (回复公开): the citizen allowed it and there is a reply. */
export function isPublishable(r: SubmissionRecord): r is SubmissionRecord & { reply: NonNullable<SubmissionRecord['reply']> } {
  return r.allowPublish && Boolean(r.reply);
}

/**
 * An item draft for export: the draft, and the text of each submission whose citizen allowed publication,
 * redacted exactly as replies are (`names`: each submission's own submitter names). Others give none.
 */
export function exportedDraft(draft: ItemDraft, records: readonly (SubmissionRecord & { names: readonly string[] })[]): ExportedItemDraft {
  const quotes = records.filter((r) => r.allowPublish).map((r) => ({ trackingNumber: r.trackingNumber, title: redact(r.title, r.names), text: redact(r.content, r.names) }));
  return { ...draft, quotes };
}

/** The reply for publication, with the citizen's personal data (and their own `names`) redacted. */
export function exportedReply(r: SubmissionRecord & { reply: NonNullable<SubmissionRecord['reply']> }, names: readonly string[], unitName: string | undefined): ExportedReply {
  return {
    trackingNumber: r.trackingNumber,
    kind: r.kind,
    title: redact(r.title, names),
    question: redact(r.content, names),
    reply: redact(r.reply.text, names),
    unit: r.reply.unit,
    unitName: unitName ?? r.reply.unit,
    submittedAt: r.createdAt,
    repliedAt: r.reply.at,
    ...(r.itemId ? { itemId: r.itemId } : {}),
  };
}
