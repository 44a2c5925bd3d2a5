/**
 * The supervision office's workflow on a submission, as pure functions. Which action is allowed in which
 * status, and where it leads, is the status table's (status.ts); this module adds who may act (roles and
 * units) and what each action must carry, and turns an allowed action into the one event it appends.
 *
 * The submission record is the fold of its events (`applyEvent`), so history is the source of truth and the
 * record can always be rebuilt from it. `decide` answers with the event to append, or with why not — a
 * reason (`forbidden`, `conflict`, `invalid`), never an HTTP status: the HTTP layer maps reasons to answers.
 *
 * Layer: domain/ — pure: imports only domain/ (and zod, js-yaml, node:crypto); no I/O, no Astro, Hono or AWS SDK.
 */
import { isIsoDate } from '../dates.ts';
import { rejectCategory, staffError as msg } from '../labels/zh-CN.ts';
import { normalizeText, visibleLength } from '../text.ts';
import { extensionLimit, replyDeadline, type ClockState, type FeedbackClock } from './clock.ts';
import { CITIZEN, REVEAL_REASONS, type ContactReadReason, type FeedbackEvent, type NewEvent, type RejectCategory } from './events.ts';
import type { FeedbackKind } from './kinds.ts';
import type { ItemDraft } from './item-draft.ts';
import { RATING, ratingWindow, RATING_WINDOW_DAYS, type Rating } from './rating.ts';
import { allowedIn, STAFF_ACTIONS, statusAfter, statusLabel, type FeedbackStatus, type StaffAction } from './status.ts';

export const STAFF_ROLES = ['reviewer', 'unit', 'admin'] as const;

/** A staff sign-in token must expire, and within a working day of being issued (Cognito's last an hour). */
export const STAFF_TOKEN_MAX_SECONDS = 12 * 3_600;
export type StaffRole = (typeof STAFF_ROLES)[number];

export interface StaffUser {
  /** Stable subject id from the identity provider. */
  readonly sub: string;
  readonly name: string;
  readonly role: StaffRole;
  /** Unit id, for the unit role. */
  readonly unit?: string;
  /**
   * A machine credential with the export scope only (the scheduled ledger export): it may call the routes
   * the route table marks `machine`, nothing else — no queue, no submission, no action.
   */
  readonly machine?: true;
}

/** The workflow part of a submission record, with its clock (deadlines set by its events, clock.ts). */
export interface WorkflowState extends ClockState {
  readonly status: FeedbackStatus;
  /** The kind decides the time limits. */
  readonly kind?: FeedbackKind;
  /** A unit's request for a later reply deadline, waiting for a reviewer. */
  readonly extension?: { readonly deadline: string; readonly reason: string; readonly by: string; readonly at: string };
  /** An extension was approved (at any time). */
  readonly extended?: boolean;
  /** Why it was not accepted, as a category (public statistics). */
  readonly rejectCategory?: RejectCategory;
  /** How often the citizen's 不满意 reopened it. */
  readonly reopenCount?: number;
  readonly version: number;
  readonly eventCount: number;
  readonly updatedAt: string;
  readonly units?: readonly string[];
  readonly draft?: { readonly text: string; readonly unit: string; readonly by: string; readonly at: string };
  readonly reply?: { readonly text: string; readonly unit: string; readonly at: string };
  readonly rating?: { readonly rating: Rating; readonly comment?: string; readonly at: string };
  /** 立项督办: the draft of the new supervision item, until it is exported. */
  readonly promotion?: ItemDraft;
  /** The id of the supervision item the submission became (exported). */
  readonly promotedTo?: string;
}

/** What an action request carries besides its name. */
export interface ActionInput {
  readonly reason?: string;
  readonly units?: readonly string[];
  readonly text?: string;
  readonly unit?: string;
  readonly note?: string;
  /** `reveal`: why the contact details are needed (REVEAL_REASONS). */
  readonly reasonCategory?: string;
  /** request_extension: the new reply deadline asked for. */
  readonly deadline?: string;
  /** reject: the category of the reason. @default other */
  readonly category?: RejectCategory;
}

/** What the clock's actions need: the time limits and calendar, and today's China date. */
export interface ClockContext {
  readonly clock: FeedbackClock;
  readonly today: string;
}

/** Why an action was refused: not this user's to take, not in this state, or a field that does not pass. */
export type DenyReason = 'forbidden' | 'conflict' | 'invalid';

export type Decision =
  | { readonly ok: true; readonly event: NewEvent }
  | { readonly ok: false; readonly reason: DenyReason; readonly message: string; readonly field?: string };

const deny = (reason: DenyReason, message: string, field?: string): Decision => ({ ok: false, reason, message, ...(field ? { field } : {}) });

/** May this user see this submission at all? Units see only what is assigned to them. */
export function canView(user: StaffUser, state: Pick<WorkflowState, 'units'>): boolean {
  if (user.role !== 'unit') return true;
  return Boolean(user.unit && state.units?.includes(user.unit));
}

const ROLE_ACTIONS: Record<StaffRole, readonly StaffAction[]> = {
  reviewer: ['accept', 'reject', 'assign', 'approve', 'send_back', 'close', 'reveal', 'interim', 'approve_extension', 'refuse_extension', 'transfer'],
  unit: ['draft', 'reveal', 'interim', 'request_extension'],
  admin: STAFF_ACTIONS,
};

/** Actions that act on the unit's reply draft, so there must be one. */
const NEEDS_DRAFT: ReadonlySet<StaffAction> = new Set(['approve', 'send_back']);
/** Actions that decide a pending extension request, so there must be one; and the one that makes it. */
const NEEDS_EXTENSION: ReadonlySet<StaffAction> = new Set(['approve_extension', 'refuse_extension']);

/** Whether the state has what the action works on (a draft, a pending extension request, none yet). */
function hasWhatItNeeds(action: StaffAction, state: WorkflowState): boolean {
  if (NEEDS_DRAFT.has(action)) return Boolean(state.draft);
  if (NEEDS_EXTENSION.has(action)) return Boolean(state.extension);
  if (action === 'request_extension') return !state.extension && Boolean(state.replyBy);
  return true;
}

/** The actions this user could take now (for the console's buttons). */
export function availableActions(user: StaffUser, state: WorkflowState): StaffAction[] {
  if (!canView(user, state)) return [];
  return STAFF_ACTIONS.filter((a) => ROLE_ACTIONS[user.role].includes(a) && allowedIn(a, state.status) && hasWhatItNeeds(a, state));
}

// The API's schema has applied the text rule (domain/text.ts) already; the minimums count visible characters.
const trimmed = (s: string | undefined) => normalizeText(s ?? '');
const length = visibleLength;

/** The actor fields of an event by a staff member: the display name and the stable subject id. */
const staffActor = (user: StaffUser) => ({ actor: user.name, actorId: user.sub, role: user.role }) as const;

/**
 * The audit event of a read of contact details the system makes on a staff member's behalf (the approval's
 * notification, the export's redaction of the citizen's name): appended before the read.
 */
export function contactReadEvent(user: StaffUser, reason: Extract<ContactReadReason, 'notify_reply' | 'redact_export'>): NewEvent {
  return { ...staffActor(user), action: 'contact_read', reasonCategory: reason, public: false };
}

/**
 * Check an action against the user's role and unit and the submission's state; return the one event it
 * appends. Units are validated against `knownUnits` (the site's unit ids). With `time`, acceptance sets the
 * reply deadline and extension requests are checked against the calendar and the cap.
 */
export function decide(user: StaffUser, state: WorkflowState, action: StaffAction, input: ActionInput, knownUnits: ReadonlySet<string>, time?: ClockContext): Decision {
  if (!ROLE_ACTIONS[user.role].includes(action)) return deny('forbidden', msg.forbidden);
  if (!canView(user, state)) return deny('forbidden', msg.otherUnit);
  if (!allowedIn(action, state.status)) return deny('conflict', msg.notAllowedNow(statusLabel(state.status)));
  if (NEEDS_DRAFT.has(action) && !state.draft) return deny('conflict', msg.noDraft);
  if (NEEDS_EXTENSION.has(action) && !state.extension) return deny('conflict', msg.noExtension);
  if (action === 'request_extension' && state.extension) return deny('conflict', msg.extensionPending);
  const actor = staffActor(user);
  const changes = (to = statusAfter(action, state.status)) => (to !== state.status ? { status: to } : {});
  const reason = trimmed(input.reason);
  switch (action) {
    case 'accept': {
      const deadline = time && state.kind ? replyDeadline(time.clock, state.kind, time.today) : undefined;
      return { ok: true, event: { ...actor, action: 'accepted', ...changes(), ...(deadline ? { deadline } : {}), public: true } };
    }
    case 'reject': {
      if (length(reason) < 4) return deny('invalid', msg.reasonRequired, 'reason');
      const category = input.category ?? 'other';
      if (!Object.hasOwn(rejectCategory, category)) return deny('invalid', msg.category, 'category');
      return { ok: true, event: { ...actor, action: 'rejected', ...changes(), note: reason, category, public: true } };
    }
    case 'interim': {
      const text = trimmed(input.text);
      if (length(text) < 10) return deny('invalid', msg.interimRequired, 'text');
      return { ok: true, event: { ...actor, action: 'interim_replied', note: text, ...(user.unit ? { unit: user.unit } : {}), public: true } };
    }
    case 'request_extension': {
      const current = state.replyBy;
      if (!current) return deny('conflict', msg.notAllowedNow(statusLabel(state.status)));
      const deadline = trimmed(input.deadline);
      if (!isIsoDate(deadline)) return deny('invalid', msg.deadlineRequired, 'deadline');
      if (deadline <= current) return deny('invalid', msg.deadlineNotLater(current), 'deadline');
      if (time) {
        if (!time.clock.calendar.isWorkingDay(deadline)) return deny('invalid', msg.deadlineNotWorkingDay(deadline), 'deadline');
        const limit = extensionLimit(time.clock, state.replyByOriginal ?? current);
        if (deadline > limit) return deny('invalid', msg.deadlineBeyondCap(limit, time.clock.settings.extensionCap), 'deadline');
      }
      if (length(reason) < 4) return deny('invalid', msg.reasonRequired, 'reason');
      return { ok: true, event: { ...actor, action: 'extension_requested', deadline, note: reason, ...(user.unit ? { unit: user.unit } : {}), public: false } };
    }
    case 'approve_extension': {
      const { deadline, reason: why } = state.extension!;
      return { ok: true, event: { ...actor, action: 'extension_approved', deadline, note: why, public: true } };
    }
    case 'refuse_extension':
      if (length(trimmed(input.note)) < 4) return deny('invalid', msg.reasonRequired, 'note');
      return { ok: true, event: { ...actor, action: 'extension_refused', note: trimmed(input.note), public: false } };
    case 'transfer': {
      const unit = trimmed(input.unit);
      if (!unit) return deny('invalid', msg.transferUnit, 'unit');
      if (!knownUnits.has(unit)) return deny('invalid', msg.unknownUnit(unit), 'unit');
      if (state.units?.length === 1 && state.units[0] === unit) return deny('invalid', msg.transferSame, 'unit');
      if (length(trimmed(input.note)) < 4) return deny('invalid', msg.reasonRequired, 'note');
      return { ok: true, event: { ...actor, action: 'transferred', units: [unit], note: trimmed(input.note), public: true } };
    }
    case 'assign': {
      const units = [...new Set(input.units ?? [])];
      if (units.length === 0) return deny('invalid', msg.unitsRequired, 'units');
      const unknown = units.find((u) => !knownUnits.has(u));
      if (unknown) return deny('invalid', msg.unknownUnit(unknown), 'units');
      // Re-assigning keeps the status, yet the event still records it (as it always has).
      return { ok: true, event: { ...actor, action: 'assigned', status: statusAfter(action, state.status)!, units, public: true } };
    }
    case 'draft': {
      const text = trimmed(input.text);
      if (length(text) < 10) return deny('invalid', msg.textRequired, 'text');
      const unit = user.role === 'unit' ? user.unit! : trimmed(input.unit);
      if (!unit || !state.units?.includes(unit)) return deny('invalid', msg.draftUnit, 'unit');
      return { ok: true, event: { ...actor, action: 'reply_drafted', note: text, unit, public: false } };
    }
    case 'approve':
      return { ok: true, event: { ...actor, action: 'reply_approved', ...changes(), public: true } };
    case 'send_back':
      if (length(trimmed(input.note)) < 4) return deny('invalid', msg.reasonRequired, 'note');
      return { ok: true, event: { ...actor, action: 'reply_sent_back', note: trimmed(input.note), public: false } };
    case 'close':
      return { ok: true, event: { ...actor, action: 'closed', ...changes(), public: true } };
    case 'reveal': {
      const category = REVEAL_REASONS.find((r) => r === input.reasonCategory);
      if (!category) return deny('invalid', msg.reasonCategory, 'reasonCategory');
      if (length(reason) < 4) return deny('invalid', msg.reasonRequired, 'reason');
      return { ok: true, event: { ...actor, action: 'contact_revealed', reasonCategory: category, note: reason, public: false } };
    }
  }
}

/** Whether the citizen can rate the current reply now (the lookup offers the form while this holds). */
export function canRate(state: WorkflowState, now: Date): boolean {
  return allowedIn('rate', state.status) && ratingWindow(state, now).open;
}

/** The citizen's rating of a reply: within the window after it, once per reply. 不满意 reopens the case. */
export function decideRating(state: WorkflowState, rating: Rating, comment: string | undefined, now: Date, time?: ClockContext): Decision {
  const window = ratingWindow(state, now);
  if (!window.open && window.reason === 'no_reply') return deny('conflict', msg.notReplied);
  if (!allowedIn('rate', state.status)) return deny('conflict', msg.notReplied);
  if (!window.open) return deny('conflict', window.reason === 'already_rated' ? msg.alreadyRated : msg.ratingWindow(RATING_WINDOW_DAYS));
  const text = trimmed(comment);
  const base = { ...CITIZEN, rating, ...(text ? { note: text } : {}), public: true };
  if (!RATING[rating].reopens) return { ok: true, event: { ...base, action: 'rated' } };
  // Reopened, the case gets a new reply deadline, counted like the first from the day it comes back.
  const deadline = time && state.kind ? replyDeadline(time.clock, state.kind, time.today) : undefined;
  return { ok: true, event: { ...base, action: 'reopened', status: statusAfter('reopen', state.status)!, ...(deadline ? { deadline } : {}) } };
}

/** Fold one event into the record. Pure; the same events always give the same record. */
export function applyEvent<S extends WorkflowState>(state: S, event: FeedbackEvent): S {
  const next: Record<string, unknown> = { ...(state as object), version: state.version + 1, eventCount: Math.max(state.eventCount, event.seq), updatedAt: event.at };
  if (event.status) next.status = event.status;
  switch (event.action) {
    case 'submitted':
      if (event.deadline) next.acceptBy = event.deadline;
      break;
    case 'accepted':
      if (event.deadline) next.replyBy = next.replyByOriginal = event.deadline;
      break;
    case 'rejected':
      if (event.category) next.rejectCategory = event.category;
      break;
    case 'extension_requested':
      next.extension = { deadline: event.deadline!, reason: event.note!, by: event.actor, at: event.at };
      break;
    case 'extension_approved':
      next.replyBy = event.deadline;
      next.extended = true;
      delete next.extension;
      break;
    case 'extension_refused':
      delete next.extension;
      break;
    case 'transferred':
      // The new unit starts from its own work: an old draft or extension request does not carry over.
      next.units = event.units;
      delete next.draft;
      delete next.extension;
      break;
    case 'assigned':
      next.units = event.units;
      delete next.draft;
      break;
    case 'reply_drafted':
      next.draft = { text: event.note!, unit: event.unit!, by: event.actor, at: event.at };
      break;
    case 'reply_sent_back':
      delete next.draft;
      break;
    case 'reply_approved':
      if (state.draft) next.reply = { text: state.draft.text, unit: state.draft.unit, at: event.at };
      delete next.draft;
      // A new reply can be rated afresh; earlier ratings stay in the history.
      delete next.rating;
      break;
    case 'reopened':
      next.reopenCount = (state.reopenCount ?? 0) + 1;
      if (event.deadline) next.replyBy = next.replyByOriginal = event.deadline;
      delete next.extension;
      next.rating = { rating: event.rating!, ...(event.note ? { comment: event.note } : {}), at: event.at };
      break;
    case 'promoted':
      next.promotion = { ...event.promotion!, at: event.at };
      break;
    case 'item_created':
      next.promotedTo = event.itemId;
      break;
    case 'rated':
      next.rating = { rating: event.rating!, ...(event.note ? { comment: event.note } : {}), at: event.at };
      break;
    default:
      break;
  }
  return next as S;
}
