/**
 * 立项督办: a reviewer turns one accepted submission, or several similar ones, into a draft of a new
 * supervision item (the chosen lead unit, supporting units, deadline, title). The draft is stored with the
 * submissions (a `promoted` event on each, version-checked and audited like every action); the export
 * (scripts/lib/item-drafts.ts) writes the item file and marks each submission `item_created` with the new id,
 * which the citizen's lookup then shows. Pure.
 * Layer: domain/ — pure: imports only domain/ (and zod, js-yaml, node:crypto); no I/O, no Astro, Hono or AWS SDK.
 */
import { isIsoDate } from '../dates.ts';
import { category as categories, contentError, promotion as msg, staffError } from '../labels/zh-CN.ts';
import { normalizeText, visibleLength } from '../text.ts';
import type { NewEvent } from './events.ts';
import type { ItemDraft, ItemDraftInput } from './item-draft.ts';
import { statusLabel, type FeedbackStatus } from './status.ts';
import type { StaffUser, WorkflowState } from './workflow.ts';

/** The statuses of an accepted submission (受理 and after, not yet answered). */
const PROMOTABLE: ReadonlySet<FeedbackStatus> = new Set(['accepted', 'in_progress']);

type Promotable = Pick<WorkflowState, 'status'> & { readonly trackingNumber: string; readonly promotion?: ItemDraft; readonly promotedTo?: string };

export type PromotionDecision =
  | { readonly ok: true; readonly draft: Omit<ItemDraft, 'at'>; readonly event: NewEvent }
  | { readonly ok: false; readonly reason: 'forbidden' | 'conflict' | 'invalid'; readonly message: string; readonly field?: string };

/**
 * Check a promotion: only the office (reviewer, admin); every submission accepted and not promoted before;
 * the units and the region known (the published site facts), the deadline after today. The one event to append to each submission.
 */
export function decidePromotion(user: StaffUser, records: readonly Promotable[], input: ItemDraftInput, known: { readonly units: ReadonlySet<string>; readonly regions: ReadonlySet<string> }, today: string): PromotionDecision {
  const deny = (reason: 'forbidden' | 'conflict' | 'invalid', message: string, field?: string): PromotionDecision => ({ ok: false, reason, message, ...(field ? { field } : {}) });
  if (user.role !== 'reviewer' && user.role !== 'admin') return deny('forbidden', staffError.forbidden);
  for (const r of records) {
    if (r.promotion || r.promotedTo) return deny('conflict', msg.already(r.trackingNumber), 'submissions');
    if (!PROMOTABLE.has(r.status)) return deny('conflict', msg.notAccepted(r.trackingNumber, statusLabel(r.status)), 'submissions');
  }
  const title = normalizeText(input.title);
  if (visibleLength(title) < 4 || visibleLength(title) > 60) return deny('invalid', msg.title, 'title');
  if (!Object.hasOwn(categories, input.category)) return deny('invalid', msg.category, 'category');
  if (!known.regions.has(input.region)) return deny('invalid', contentError.unknownRegion(input.region), 'region');
  if (!known.units.has(input.leadUnit)) return deny('invalid', staffError.unknownUnit(input.leadUnit), 'leadUnit');
  const supportUnits = [...new Set(input.supportUnits ?? [])];
  const unknown = supportUnits.find((u) => !known.units.has(u));
  if (unknown) return deny('invalid', staffError.unknownUnit(unknown), 'supportUnits');
  if (supportUnits.includes(input.leadUnit)) return deny('invalid', msg.leadInSupport, 'supportUnits');
  if (!isIsoDate(input.deadline) || input.deadline <= today) return deny('invalid', msg.deadline(today), 'deadline');
  const draft = { title, category: input.category, region: input.region, leadUnit: input.leadUnit, supportUnits, deadline: input.deadline, trackingNumbers: records.map((r) => r.trackingNumber), by: user.name };
  return { ok: true, draft, event: { actor: user.name, actorId: user.sub, role: user.role, action: 'promoted', note: title, promotion: draft, public: false } };
}

/** The event that marks a submission as exported into item `itemId` (the citizen's lookup shows it). */
export function itemCreatedEvent(user: StaffUser, itemId: string): NewEvent {
  return { actor: user.name, actorId: user.sub, role: user.role, action: 'item_created', itemId, public: true };
}
