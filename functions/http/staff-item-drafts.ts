/**
 * 立项督办 in the staff API: reviewers turn accepted submissions into a new supervision item's draft (an event
 * on each, version-checked; the rules in domain/feedback/promotion.ts), the export reads the drafts not yet
 * written with the texts their citizens allowed to publish, redacted (`npm run progress:export`, or
 * `drafts:export`), and marks each draft's submissions with the item written (the citizen's lookup shows it).
 * Mounted by staff-app.ts on its pipeline, after its sign-in.
 * Layer: functions/ — imports domain/ and functions/; never site/, infra/, scripts/ or tests/.
 */
import type { Logger } from '@aws-lambda-powertools/logger';
import type { ExportedItemDraft, ItemDraftMarked, ItemDraftsPage } from '../../domain/api/staff.ts';
import { decidePromotion, itemCreatedEvent } from '../../domain/feedback/promotion.ts';
import type { Contact } from '../../domain/feedback/schema.ts';
import { draftExportedSchema, promoteSchema } from '../../domain/feedback/staff-schema.ts';
import { FEEDBACK_STATUSES } from '../../domain/feedback/status.ts';
import type { SubmissionRecord } from '../../domain/feedback/submission.ts';
import { normalizeTrackingNumber, TRACKING_NUMBER } from '../../domain/feedback/tracking-number.ts';
import { exportedDraft } from '../../domain/feedback/views.ts';
import type { ClockContext, StaffUser } from '../../domain/feedback/workflow.ts';
import { promotion as promotionMsg } from '../../domain/labels/zh-CN.ts';
import type { FeedbackStore, LoadedSubmission } from '../store/feedback-store.ts';
import { createApi, validate } from './pipeline.ts';
import { problems, refused } from './problems.ts';
import type { SiteFactsSource } from './site-facts.ts';
import type { StaffEnv } from './staff-reports.ts';

type StaffApi = ReturnType<typeof createApi<StaffEnv>>;

export interface ItemDraftRouteDeps {
  readonly feedback: FeedbackStore;
  readonly site: SiteFactsSource;
  readonly logger: Logger;
}

/** Reads a contact with its audit event (staff-app.ts): here only to redact a citizen's own name. */
type ReadContact = (user: StaffUser, loaded: LoadedSubmission, reason: 'redact_export') => Promise<{ contact: Contact | undefined }>;

export function itemDraftRoutes(api: StaffApi, deps: ItemDraftRouteDeps, now: () => Date, time: () => Promise<ClockContext>, readContact: ReadContact): void {
  /**
   * 立项督办: the submissions are loaded and checked together, then the `promoted` event is appended to each
   * in turn; a version moved on by someone else stops it there (409) — the ones already appended keep it, and
   * the reviewer's retry with the fresh versions is refused for them, so promote the rest on their own.
   */
  api.on('promote', validate('json', promoteSchema), async (c) => {
    const request = c.req.valid('json');
    const user = c.get('user');
    const numbers = request.submissions.map((s) => normalizeTrackingNumber(s.trackingNumber));
    const twice = numbers.find((n, i) => numbers.indexOf(n) !== i);
    if (twice) throw problems.invalid([{ field: 'submissions', message: promotionMsg.duplicate(twice) }]);
    const loaded: LoadedSubmission[] = [];
    for (const [i, n] of numbers.entries()) {
      const one = TRACKING_NUMBER.test(n) ? await deps.feedback.load(n) : undefined;
      if (!one) throw problems.noSubmission();
      if (request.submissions[i]!.version !== one.record.eventCount) throw problems.versionConflict();
      loaded.push(one);
    }
    const site = await deps.site();
    const decision = decidePromotion(user, loaded.map((l) => l.record), request, { units: site.units.ids, regions: site.regionIds }, (await time()).today);
    if (!decision.ok) throw refused(decision);
    const at = now().toISOString();
    for (const one of loaded) {
      const appended = await deps.feedback.append(one, { ...decision.event, at });
      if (!appended.ok) throw problems.versionConflict();
    }
    deps.logger.info('item draft made', { actor: user.sub, count: loaded.length });
    return c.json({ draft: { ...decision.draft, at } }, 201);
  });

  /** Every submission with an item draft not yet exported, by status (a draft stays with its submissions as they move on). */
  async function draftRecords(): Promise<SubmissionRecord[]> {
    const out: SubmissionRecord[] = [];
    for await (const r of deps.feedback.every(FEEDBACK_STATUSES)) if (r.promotion && !r.promotedTo) out.push(r);
    return out;
  }

  api.on('itemDrafts', async (c) => {
    const user = c.get('user');
    if (user.role === 'unit') throw problems.forbidden();
    const records = await draftRecords();
    const drafts: ExportedItemDraft[] = [];
    for (const r of records) {
      const draft = r.promotion!;
      if (draft.trackingNumbers[0] !== r.trackingNumber) continue;
      const members = draft.trackingNumbers.map((t) => records.find((m) => m.trackingNumber === t)).filter((m): m is SubmissionRecord => Boolean(m));
      const withNames = [];
      for (const m of members) {
        // The contact is read only to redact the citizen's own name from a text they allowed to publish (audited).
        const loaded = m.allowPublish && m.hasContact ? await deps.feedback.load(m.trackingNumber) : undefined;
        const contact = loaded ? (await readContact(user, loaded, 'redact_export')).contact : undefined;
        withNames.push({ ...m, names: contact?.name ? [contact.name] : [] });
      }
      drafts.push(exportedDraft(draft, withNames));
    }
    deps.logger.info('item drafts exported', { actor: user.sub, count: drafts.length });
    return c.json({ drafts } satisfies ItemDraftsPage);
  });

  api.on('draftExported', validate('json', draftExportedSchema), async (c) => {
    const user = c.get('user');
    if (user.role === 'unit') throw problems.forbidden();
    const { key, itemId } = c.req.valid('json');
    const first = await deps.feedback.load(normalizeTrackingNumber(key));
    const draft = first?.record.promotion;
    if (!draft || draft.trackingNumbers[0] !== first.record.trackingNumber) throw problems.invalid([{ field: 'key', message: promotionMsg.noDraft }]);
    for (const t of draft.trackingNumbers) {
      let one = await deps.feedback.load(t);
      // Marked already (a retry of the export): nothing to do.
      for (let attempt = 0; one && !one.record.promotedTo && attempt < 3; attempt++) {
        if ((await deps.feedback.append(one, { ...itemCreatedEvent(user, itemId), at: now().toISOString() })).ok) break;
        one = await deps.feedback.load(t);
      }
    }
    deps.logger.info('item draft marked', { actor: user.sub, itemId });
    return c.json({ itemId, trackingNumbers: draft.trackingNumbers } satisfies ItemDraftMarked);
  });

}
