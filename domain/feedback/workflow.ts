/**
 * The supervision office's workflow on a submission, as pure functions:
 *
 *   received ──accept──> accepted ──assign──> in_progress ──(unit drafts)──> approve ──> replied ──close──> closed
 *      └──reject──> rejected       └──reject──┘     └── send back (note) ──┘       └── citizen 不满意 → accepted
 *
 * Every action becomes one append-only event; the submission record is the fold of its events
 * (`applyEvent`), so history is the source of truth and the record can always be rebuilt from it.
 * `decide` checks who may do what in which state and returns the event to append, or the reason not.
 */
import { feedbackAction, satisfaction as ratingLabels, staffError as msg } from '../labels/zh-CN.ts';
import { statusLabel, type FeedbackEvent, type FeedbackStatus } from './status.ts';

export const STAFF_ROLES = ['reviewer', 'unit', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export interface StaffUser {
  /** Stable subject id from the identity provider. */
  readonly sub: string;
  readonly name: string;
  readonly role: StaffRole;
  /** Unit id, for the unit role. */
  readonly unit?: string;
}

export const STAFF_ACTIONS = ['accept', 'reject', 'assign', 'draft', 'approve', 'send_back', 'close', 'reveal'] as const;
export type StaffAction = (typeof STAFF_ACTIONS)[number];

export const RATINGS = ['satisfied', 'basically_satisfied', 'dissatisfied'] as const;
export type Rating = (typeof RATINGS)[number];

/** How long after a reply the citizen may rate it. */
export const RATING_WINDOW_DAYS = 15;

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
}

/** An event before it has its sequence number and time. */
export type NewEvent = Omit<FeedbackEvent, 'seq' | 'at'>;

export type Decision = { readonly ok: true; readonly event: NewEvent } | { readonly ok: false; readonly status: 403 | 409 | 422; readonly message: string; readonly field?: string };

const deny = (status: 403 | 409 | 422, message: string, field?: string): Decision => ({ ok: false, status, message, ...(field ? { field } : {}) });

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

const STATUS_ACTIONS: Record<StaffAction, readonly FeedbackStatus[]> = {
  accept: ['received'],
  reject: ['received', 'accepted'],
  assign: ['accepted', 'in_progress'],
  draft: ['in_progress'],
  approve: ['in_progress'],
  send_back: ['in_progress'],
  close: ['replied'],
  reveal: ['received', 'accepted', 'rejected', 'in_progress', 'replied', 'closed'],
};

/** The actions this user could take now (for the console's buttons). */
export function availableActions(user: StaffUser, state: WorkflowState): StaffAction[] {
  if (!canView(user, state)) return [];
  return STAFF_ACTIONS.filter((a) => ROLE_ACTIONS[user.role].includes(a) && STATUS_ACTIONS[a].includes(state.status) && (a !== 'approve' && a !== 'send_back' ? true : Boolean(state.draft)));
}

const trimmed = (s: string | undefined) => (s ?? '').normalize('NFC').trim();
const length = (s: string) => [...s].length;

/**
 * Check an action against the user's role and unit and the submission's state; return the one event it
 * appends. Units are validated against `knownUnits` (the site's unit ids).
 */
export function decide(user: StaffUser, state: WorkflowState, action: StaffAction, input: ActionInput, knownUnits: ReadonlySet<string>): Decision {
  if (!ROLE_ACTIONS[user.role].includes(action)) return deny(403, msg.forbidden);
  if (!canView(user, state)) return deny(403, msg.otherUnit);
  if (!STATUS_ACTIONS[action].includes(state.status)) return deny(409, msg.notAllowedNow(statusLabel(state.status)));
  const actor = { actor: user.name, role: user.role } as const;
  const reason = trimmed(input.reason);
  switch (action) {
    case 'accept':
      return { ok: true, event: { ...actor, action: 'accepted', status: 'accepted', public: true } };
    case 'reject':
      if (length(reason) < 4) return deny(422, msg.reasonRequired, 'reason');
      return { ok: true, event: { ...actor, action: 'rejected', status: 'rejected', note: reason, public: true } };
    case 'assign': {
      const units = [...new Set(input.units ?? [])];
      if (units.length === 0) return deny(422, msg.unitsRequired, 'units');
      const unknown = units.find((u) => !knownUnits.has(u));
      if (unknown) return deny(422, msg.unknownUnit(unknown), 'units');
      return { ok: true, event: { ...actor, action: 'assigned', status: 'in_progress', units, public: true } };
    }
    case 'draft': {
      const text = trimmed(input.text);
      if (length(text) < 10) return deny(422, msg.textRequired, 'text');
      const unit = user.role === 'unit' ? user.unit! : trimmed(input.unit);
      if (!unit || !state.units?.includes(unit)) return deny(422, msg.draftUnit, 'unit');
      return { ok: true, event: { ...actor, action: 'reply_drafted', note: text, unit, public: false } };
    }
    case 'approve':
      if (!state.draft) return deny(409, msg.noDraft);
      return { ok: true, event: { ...actor, action: 'reply_approved', status: 'replied', public: true } };
    case 'send_back':
      if (!state.draft) return deny(409, msg.noDraft);
      if (length(trimmed(input.note)) < 4) return deny(422, msg.reasonRequired, 'note');
      return { ok: true, event: { ...actor, action: 'reply_sent_back', note: trimmed(input.note), public: false } };
    case 'close':
      return { ok: true, event: { ...actor, action: 'closed', status: 'closed', public: true } };
    case 'reveal':
      if (length(reason) < 4) return deny(422, msg.reasonRequired, 'reason');
      return { ok: true, event: { ...actor, action: 'contact_revealed', note: reason, public: false } };
  }
}

/** The citizen's rating of a reply: within the window after it, once per reply. 不满意 reopens the case. */
export function decideRating(state: WorkflowState, rating: Rating, comment: string | undefined, now: Date): Decision {
  if (!state.reply || (state.status !== 'replied' && state.status !== 'closed')) return deny(409, msg.notReplied);
  if (state.rating) return deny(409, msg.alreadyRated);
  const deadline = new Date(state.reply.at).getTime() + RATING_WINDOW_DAYS * 86_400_000;
  if (now.getTime() > deadline) return deny(409, msg.ratingWindow(RATING_WINDOW_DAYS));
  const text = trimmed(comment);
  const base = { actor: '留言人', role: 'citizen' as const, rating, ...(text ? { note: text } : {}), public: true };
  return { ok: true, event: rating === 'dissatisfied' ? { ...base, action: 'reopened', status: 'accepted' } : { ...base, action: 'rated' } };
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

/** The label of an event for people: the action, and for ratings which one. */
export function eventLabel(event: Pick<FeedbackEvent, 'action' | 'rating'>): string {
  const base = feedbackAction[event.action as keyof typeof feedbackAction] ?? event.action;
  return event.rating ? `${base}：${ratingLabels[event.rating]}` : base;
}
