/**
 * The staff API, on the shared pipeline (pipeline.ts): the supervision office (reviewer), units and
 * administrators work through submissions. Runs unchanged in Lambda (handlers/staff.ts) and locally
 * (local/portal.ts). The routes are domain/api/routes.ts's `staff` ones:
 *
 *   GET  /api/staff-config                          how the console signs in (no token needed)
 *   GET  /api/staff/me                              the signed-in user and the units
 *   GET  /api/staff/queue?status=&kind=&unit=&from=&to=&cursor=   one status's submissions, and counts
 *   GET  /api/staff/submissions/:tracking           one submission with its full history
 *   POST /api/staff/submissions/:tracking/actions   accept | reject | assign | draft | approve | send_back
 *                                                   | close | reveal | interim | request_extension
 *                                                   | approve_extension | refuse_extension | transfer
 *                                                   — each one audit event, version-checked
 *   GET  /api/staff/export                          approved replies the citizen allowed to publish, redacted
 *   GET  /api/staff/ledger?month=YYYY-MM            one month's content-free ledger rows (npm run ledger:export)
 *   POST /api/staff/item-drafts                     立项督办: accepted submissions → a new item's draft
 *   GET  /api/staff/item-drafts                     the drafts not yet exported, redacted (npm run drafts:export)
 *   POST /api/staff/item-drafts/exported            mark a draft's submissions with the item id written
 *   GET  /api/staff/items                           我的督查事项: a unit's published items, flags, its reports
 *   GET  /api/staff/reports?status=                 progress reports in one status (a unit: its own)
 *   POST /api/staff/reports                         a unit's 进展报送 | 延期申请 | 办结申请
 *   POST /api/staff/reports/:id/actions             approve | return | resubmit — one event each, version-checked
 *   GET  /api/staff/progress-export                 approved reports, in order of approval (npm run progress:export)
 *
 * The export routes also take a machine credential (the scheduled export's client-credentials token, the
 * export scope only); it reaches nothing else.
 *
 * Every read of contact details is audited with its reason before it happens: the reveal is its own event
 * (a reason category and text); the approval's notification and the export's redaction of the citizen's
 * name append a `contact_read` event on the staff member's behalf.
 *
 * No token → 401; a role or unit that may not → 403; a stale version → 409; all problem+json.
 * Layer: functions/ — imports domain/ and functions/; never site/, infra/, scripts/ or tests/.
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { Logger } from '@aws-lambda-powertools/logger';
import type { Detail, ExportedReply, ExportPage, LedgerPage, Me, QueuePage } from '../../domain/api/staff.ts';

import { routesOf } from '../../domain/api/routes.ts';
import { ledgerRow, type LedgerRow } from '../../domain/feedback/ledger.ts';
import { chinaDate, chinaMidnight, nextMonth } from '../../domain/dates.ts';
import type { FeedbackClock } from '../../domain/feedback/clock.ts';
import { feedbackClock } from '../../domain/feedback/clock-setup.ts';
import type { FeedbackEvent } from '../../domain/feedback/events.ts';
import { actionSchema, ledgerQuerySchema, queueQuerySchema } from '../../domain/feedback/staff-schema.ts';
import { FEEDBACK_STATUSES } from '../../domain/feedback/status.ts';
import type { SubmissionRecord } from '../../domain/feedback/submission.ts';
import { normalizeTrackingNumber, TRACKING_NUMBER } from '../../domain/feedback/tracking-number.ts';
import { eventView, exportedReply, isPublishable, queueItemView, submissionClock, submissionView } from '../../domain/feedback/views.ts';
import { availableActions, canView, contactReadEvent, decide, type ClockContext, type StaffUser } from '../../domain/feedback/workflow.ts';
import { staffError as msg } from '../../domain/labels/zh-CN.ts';
import type { Contact } from '../../domain/feedback/schema.ts';
import type { ContactStore, FeedbackStore, LoadedSubmission } from '../store/feedback-store.ts';
import { AuthError, type Verify } from '../staff/auth.ts';
import { replyReadyMessages, type Notifier } from '../staff/notify.ts';
import { createApi, logField, validate } from './pipeline.ts';
import { problems, refused } from './problems.ts';
import { reportRoutes, type StaffEnv } from './staff-reports.ts';
import { itemDraftRoutes } from './staff-item-drafts.ts';
import type { ReportStore } from '../store/report-store.ts';
import type { SiteFactsSource } from './site-facts.ts';

export interface StaffAppDeps {
  readonly feedback: FeedbackStore;
  readonly contacts: ContactStore;
  readonly verify: Verify;
  /** The site's published facts: its units (for assignment and names). */
  readonly site: SiteFactsSource;
  readonly notifier: Notifier;
  /** Absolute URL of the citizen's lookup page, for notifications. */
  readonly lookupUrl: string;
  /** What GET /api/staff-config answers: {mode: 'dev'} locally, the Cognito hosted-UI endpoints in AWS. */
  readonly consoleConfig: Record<string, unknown>;
  readonly logger: Logger;
  readonly now?: () => Date;
  /** Every answer within this long. @default ANSWER_DEADLINE_MS (domain/api/routes.ts) */
  readonly deadlineMs?: number;
  /** The calendar and time limits (deadlines, the queue's order). @default the built-in limits */
  readonly clock?: () => Promise<FeedbackClock>;
  /** Units' progress reports. @default in the feedback table */
  readonly reports?: ReportStore;
}

type Env = StaffEnv;

/** The routes a machine credential may call (domain/api/routes.ts marks them). */
const MACHINE_ROUTES = routesOf('staff').filter((r) => 'machine' in r && r.machine);

/** Statuses in which a deadline runs: their queue is sorted by it. */
const DEADLINE_STATUSES: ReadonlySet<string> = new Set(['received', 'accepted', 'in_progress']);

/** The tracking number in the path, as people may type it; 404 when it cannot be one. */
function trackingParam(c: Context): string {
  const t = normalizeTrackingNumber(c.req.param('tracking') ?? '');
  if (!TRACKING_NUMBER.test(t)) throw problems.noSubmission();
  return t;
}

export function createStaffApp(deps: StaffAppDeps) {
  const now = deps.now ?? (() => new Date());
  const defaultClock = feedbackClock();
  /** The clock and today's China date, for deadlines. */
  const time = async (): Promise<ClockContext> => ({ clock: deps.clock ? await deps.clock() : defaultClock, today: chinaDate(now()) });
  const api = createApi<Env>({ fn: 'staff', logger: deps.logger, logMessage: 'staff request', scope: '/api/staff*', notFound: '/api/staff/*', ...(deps.deadlineMs ? { deadlineMs: deps.deadlineMs } : {}) });

  /** Every /api/staff/* route needs a valid staff token (401 otherwise); the user is on the context. */
  const signedIn: MiddlewareHandler<Env> = async (c, next) => {
    const token = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
    if (!token) throw problems.unauthenticated(msg.unauthenticated);
    try {
      c.set('user', await deps.verify(token));
    } catch (error) {
      if (error instanceof AuthError) throw problems.unauthenticated(msg.badToken);
      throw error;
    }
    logField(c, { actor: c.get('user').sub, role: c.get('user').role });
    // A machine credential (the scheduled export) reaches the routes marked `machine` and nothing else.
    if (c.get('user').machine && !MACHINE_ROUTES.some((r) => r.method === c.req.method && r.path === c.req.path)) throw problems.forbidden();
    await next();
  };
  api.app.use('/api/staff/*', signedIn);

  /** The submission of the path, if this user may see it: 404 when there is none, 403 when not theirs. */
  async function loadVisible(c: Context<Env>) {
    const loaded = await deps.feedback.load(trackingParam(c));
    if (!loaded) throw problems.noSubmission();
    // A unit asking for a submission not assigned to it learns nothing more than "not yours".
    if (!canView(c.get('user'), loaded.record)) throw problems.forbidden(msg.otherUnit);
    return loaded;
  }

  const detail = (user: StaffUser, record: SubmissionRecord, events: readonly FeedbackEvent[], t: ClockContext): Detail => ({
    submission: submissionView(record),
    ...(submissionClock(record, t) ? { clock: submissionClock(record, t)! } : {}),
    events: events.map(eventView),
    actions: availableActions(user, record),
  });

  /**
   * Read a submission's contact on `user`'s behalf for `reason`, after appending the audit event (never a
   * read without one). Someone acting at the same moment moves the version on: load again and retry.
   */
  async function readContact(user: StaffUser, loaded: LoadedSubmission, reason: 'notify_reply' | 'redact_export'): Promise<{ contact: Contact | undefined; loaded: LoadedSubmission }> {
    let current = loaded;
    for (let attempt = 0; attempt < 3; attempt++) {
      const appended = await deps.feedback.append(current, { ...contactReadEvent(user, reason), at: now().toISOString() });
      if (appended.ok) {
        const next = { record: appended.record, events: [...current.events, appended.event], storedEventCount: appended.record.eventCount };
        return { contact: await deps.contacts.get(current.record.trackingNumber, now()), loaded: next };
      }
      const again = await deps.feedback.load(current.record.trackingNumber);
      if (!again) break;
      current = again;
    }
    throw problems.versionConflict();
  }

  /** Tell the citizen a reply is ready; a failure here must not undo the approval. Reads the contact (audited). */
  async function notifyReplyReady(user: StaffUser, loaded: LoadedSubmission): Promise<LoadedSubmission> {
    const tracking = loaded.record.trackingNumber;
    try {
      const read = await readContact(user, loaded, 'notify_reply');
      for (const m of replyReadyMessages(tracking, read.contact, deps.lookupUrl)) await deps.notifier.send(m);
      return read.loaded;
    } catch (error) {
      deps.logger.error('notification failed', { trackingNumber: tracking, error: error instanceof Error ? error.name : 'unknown' });
      return (await deps.feedback.load(tracking).catch(() => undefined)) ?? loaded;
    }
  }

  api.on('staffConfig', (c) => c.json(deps.consoleConfig));

  api.on('me', async (c) => c.json({ user: c.get('user'), units: (await deps.site()).unitList } satisfies Me));

  api.on('queue', validate('query', queueQuerySchema), async (c) => {
    const q = c.req.valid('query');
    const user = c.get('user');
    if (user.role === 'unit' && q.unit && q.unit !== user.unit) throw problems.forbidden(msg.otherUnit);
    // Units see only their own submissions, whatever they ask for.
    const unit = user.role === 'unit' ? user.unit : q.unit;
    const filter = { ...(q.kind ? { kind: q.kind } : {}), ...(unit ? { unit } : {}) };
    const t = await time();
    const [page, counts] = await Promise.all([
      deps.feedback.queue({
        status: q.status,
        // Where a deadline runs, soonest first; the rest newest first.
        order: DEADLINE_STATUSES.has(q.status) ? 'due' : 'newest',
        ...filter,
        ...(q.from ? { from: chinaMidnight(q.from) } : {}),
        ...(q.to ? { to: chinaMidnight(q.to, 1) } : {}),
        ...(q.cursor ? { cursor: q.cursor } : {}),
      }),
      deps.feedback.counts(FEEDBACK_STATUSES, filter),
    ]);
    return c.json({
      status: q.status,
      counts,
      items: page.items.map((r) => queueItemView(r, t)),
      ...(page.cursor ? { cursor: page.cursor } : {}),
    } satisfies QueuePage);
  });

  api.on('submission', async (c) => {
    const { record, events } = await loadVisible(c);
    return c.json(detail(c.get('user'), record, events, await time()));
  });

  api.on('action', validate('json', actionSchema), async (c) => {
    const request = c.req.valid('json');
    const user = c.get('user');
    const loaded = await loadVisible(c);
    if (request.version !== loaded.record.eventCount) throw problems.versionConflict();
    const t = await time();
    const decision = decide(user, loaded.record, request.action, request, (await deps.site()).units.ids, t);
    if (!decision.ok) throw refused(decision);
    const appended = await deps.feedback.append(loaded, { ...decision.event, at: now().toISOString() });
    if (!appended.ok) throw problems.versionConflict();
    let after: LoadedSubmission = { record: appended.record, events: [...loaded.events, appended.event], storedEventCount: appended.record.eventCount };
    // The reveal's own event is the audit of this read.
    const contact = request.action === 'reveal' ? ((await deps.contacts.get(after.record.trackingNumber, now())) ?? {}) : undefined;
    if (appended.event.action === 'reply_approved' && after.record.hasContact) after = await notifyReplyReady(user, after);
    return c.json({ ...detail(user, after.record, after.events, t), ...(contact ? { contact } : {}) });
  });

  api.on('export', async (c) => {
    const user = c.get('user');
    if (user.role === 'unit') throw problems.forbidden();
    const { units } = await deps.site();
    const replies: ExportedReply[] = [];
    for await (const r of deps.feedback.every(['replied', 'closed'])) {
      if (!isPublishable(r)) continue;
      // The contact is read only to redact the citizen's own name from the text, and that read is audited.
      const loaded = r.hasContact ? await deps.feedback.load(r.trackingNumber) : undefined;
      const contact = loaded ? (await readContact(user, loaded, 'redact_export')).contact : undefined;
      replies.push(exportedReply(r, contact?.name ? [contact.name] : [], units.find(r.reply.unit)));
    }
    deps.logger.info('replies exported', { actor: user.sub, count: replies.length });
    return c.json({ replies } satisfies ExportPage);
  });

  api.on('ledger', validate('query', ledgerQuerySchema), async (c) => {
    const user = c.get('user');
    if (user.role === 'unit') throw problems.forbidden();
    const t = await time();
    const month = c.req.valid('query').month ?? t.today.slice(0, 7);
    const next = nextMonth(month);
    const rows: LedgerRow[] = [];
    for await (const r of deps.feedback.every(FEEDBACK_STATUSES, { from: chinaMidnight(`${month}-01`), to: chinaMidnight(`${next}-01`) })) rows.push(ledgerRow(r, t.clock.calendar));
    rows.sort((a, b) => a.trackingNumber.localeCompare(b.trackingNumber));
    const first = await deps.feedback.firstCreatedAt(FEEDBACK_STATUSES);
    deps.logger.info('ledger exported', { actor: user.sub, month, count: rows.length });
    return c.json({ month, asOf: t.today, firstMonth: first ? chinaDate(new Date(first)).slice(0, 7) : null, rows } satisfies LedgerPage);
  });

  itemDraftRoutes(api, deps, now, time, readContact);
  reportRoutes(api, deps, now, time);

  return api.done();
}
