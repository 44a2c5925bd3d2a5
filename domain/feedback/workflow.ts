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
import { staffError as msg } from '../labels/zh-CN.ts';
import { normalizeText, visibleLength } from '../text.ts';
import { CITIZEN, REVEAL_REASONS, type ContactReadReason, type FeedbackEvent, type NewEvent } from './events.ts';
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
}

/** The workflow part of a submission record. */
export interface WorkflowState {
  readonly status: FeedbackStatus;
  readonly version: number;
  readonly eventCount: number;
  readonly updatedAt: string;
  readonly units?: readonly string[];
  readonly draft?: { readonly text: string; readonly unit: string; readonly by: string; readonly at: string };
  readonly reply?: { readonly text: string; readonly unit: string; readonly at: string };
  readonly rating?: { readonly rating: Rating; readonly comment?: string; readonly at: string };
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
  reviewer: ['accept', 'reject', 'assign', 'approve', 'send_back', 'close', 'reveal'],
  unit: ['draft', 'reveal'],
  admin: STAFF_ACTIONS,
};

/** Actions that act on the unit's reply draft, so there must be one. */
const NEEDS_DRAFT: ReadonlySet<StaffAction> = new Set(['approve', 'send_back']);

/** The actions this user could take now (for the console's buttons). */
export function availableActions(user: StaffUser, state: WorkflowState): StaffAction[] {
  if (!canView(user, state)) return [];
  return STAFF_ACTIONS.filter((a) => ROLE_ACTIONS[user.role].includes(a) && allowedIn(a, state.status) && (!NEEDS_DRAFT.has(a) || Boolean(state.draft)));
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
 * appends. Units are validated against `knownUnits` (the site's unit ids).
 */
export function decide(user: StaffUser, state: WorkflowState, action: StaffAction, input: ActionInput, knownUnits: ReadonlySet<string>): Decision {
  if (!ROLE_ACTIONS[user.role].includes(action)) return deny('forbidden', msg.forbidden);
  if (!canView(user, state)) return deny('forbidden', msg.otherUnit);
  if (!allowedIn(action, state.status)) return deny('conflict', msg.notAllowedNow(statusLabel(state.status)));
  if (NEEDS_DRAFT.has(action) && !state.draft) return deny('conflict', msg.noDraft);
  const actor = staffActor(user);
  const changes = (to = statusAfter(action, state.status)) => (to !== state.status ? { status: to } : {});
  const reason = trimmed(input.reason);
  switch (action) {
    case 'accept':
      return { ok: true, event: { ...actor, action: 'accepted', ...changes(), public: true } };
    case 'reject':
      if (length(reason) < 4) return deny('invalid', msg.reasonRequired, 'reason');
      return { ok: true, event: { ...actor, action: 'rejected', ...changes(), note: reason, public: true } };
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
export function decideRating(state: WorkflowState, rating: Rating, comment: string | undefined, now: Date): Decision {
  const window = ratingWindow(state, now);
  if (!window.open && window.reason === 'no_reply') return deny('conflict', msg.notReplied);
  if (!allowedIn('rate', state.status)) return deny('conflict', msg.notReplied);
  if (!window.open) return deny('conflict', window.reason === 'already_rated' ? msg.alreadyRated : msg.ratingWindow(RATING_WINDOW_DAYS));
  const text = trimmed(comment);
  const base = { ...CITIZEN, rating, ...(text ? { note: text } : {}), public: true };
  return { ok: true, event: RATING[rating].reopens ? { ...base, action: 'reopened', status: statusAfter('reopen', state.status)! } : { ...base, action: 'rated' } };
}

/** Fold one event into the record. Pure; the same events always give the same record. */
export function applyEvent<S extends WorkflowState>(state: S, event: FeedbackEvent): S {
  const next: Record<string, unknown> = { ...(state as object), version: state.version + 1, eventCount: Math.max(state.eventCount, event.seq), updatedAt: event.at };
  if (event.status) next.status = event.status;
  switch (event.action) {
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
    case 'rated':
    case 'reopened':
      next.rating = { rating: event.rating!, ...(event.note ? { comment: event.note } : {}), at: event.at };
      break;
    default:
      break;
  }
  return next as S;
}
