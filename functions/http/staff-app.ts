/**
 * The staff API: the supervision office (reviewer), units and administrators work through submissions.
 * Runs unchanged in Lambda (handlers/staff.ts) and locally (local/portal.ts).
 *
 *   GET  /api/staff-config                          how the console signs in (no token needed)
 *   GET  /api/staff/me                              the signed-in user and the units
 *   GET  /api/staff/queue?status=&kind=&unit=&from=&to=&cursor=   one status's submissions, and counts
 *   GET  /api/staff/submissions/:tracking           one submission with its full history
 *   POST /api/staff/submissions/:tracking/actions   accept | reject | assign | draft | approve | send_back
 *                                                   | close | reveal — each one audit event, version-checked
 *   GET  /api/staff/export                          approved replies the citizen allowed to publish, redacted
 *
 * No token → 401; a role or unit that may not → 403; a stale version → 409; all problem+json.
 */
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Logger } from '@aws-lambda-powertools/logger';
import * as z from 'zod/mini';
import { feedbackError, feedbackKind, staffError as msg } from '../../domain/labels/zh-CN.ts';
import { fieldErrors, FEEDBACK_KINDS, TRACKING_NUMBER, normalizeTrackingNumber, type Contact } from '../../domain/feedback/schema.ts';
import { actionSchema } from '../../domain/feedback/staff-schema.ts';
import { FEEDBACK_STATUSES, statusLabel, type FeedbackEvent, type FeedbackStatus } from '../../domain/feedback/status.ts';
import { availableActions, canView, decide, eventLabel, type StaffAction, type StaffUser } from '../../domain/feedback/workflow.ts';
import { redact } from '../../domain/feedback/redact.ts';
import type { ContactStore, FeedbackStore, SubmissionRecord } from '../store/feedback-store.ts';
import { AuthError, type Verify } from '../staff/auth.ts';
import { replyReadyMessages, type Notifier } from '../staff/notify.ts';
import { HttpProblem, problemResponse, problems, toProblem } from './problem.ts';

export interface UnitInfo {
  readonly id: string;
  readonly name: string;
  readonly shortName: string;
}

export interface StaffAppDeps {
  readonly feedback: FeedbackStore;
  readonly contacts: ContactStore;
  readonly verify: Verify;
  /** The site's units (for assignment and names). */
  readonly units: () => Promise<readonly UnitInfo[]>;
  readonly notifier: Notifier;
  /** Absolute URL of the citizen's lookup page, for notifications. */
  readonly lookupUrl: string;
  /** What GET /api/staff-config answers: {mode: 'dev'} locally, the Cognito hosted-UI endpoints in AWS. */
  readonly consoleConfig: Record<string, unknown>;
  readonly logger: Logger;
  readonly now?: () => Date;
}

type Env = { Variables: { user: StaffUser } };

const forbidden = (message: string = msg.forbidden) => new HttpProblem(403, 'forbidden', message);
const unauthenticated = (message: string) => new HttpProblem(401, 'unauthenticated', message, { headers: { 'WWW-Authenticate': 'Bearer' } });

/** China dates → the instants the queue index compares (createdAt is stored in UTC). */
const chinaMidnight = (date: string, plusDays = 0) => new Date(Date.parse(`${date}T00:00:00+08:00`) + plusDays * 86_400_000).toISOString();

const queueQuery = z.strictObject(
  {
    status: z._default(z.enum(FEEDBACK_STATUSES, { error: feedbackError.invalid }), 'received'),
    kind: z.optional(z.enum(FEEDBACK_KINDS, { error: feedbackError.kind })),
    unit: z.optional(z.string().check(z.regex(/^[a-z0-9-]+$/, { error: feedbackError.invalid }))),
    from: z.optional(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, { error: feedbackError.invalid }))),
    to: z.optional(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, { error: feedbackError.invalid }))),
    cursor: z.optional(z.string().check(z.maxLength(2000))),
  },
  { error: (i: { code?: string; keys?: string[] }) => (i.code === 'unrecognized_keys' ? feedbackError.unknownField((i.keys ?? []).join('、')) : feedbackError.invalid) },
);

/** What staff see of a submission: everything but the password hash; names for units. */
function submissionView(r: SubmissionRecord) {
  const { passwordHash: _h, passwordSalt: _s, ownerHash: _o, expiresAt: _e, eventCount, version: _v, ...rest } = r;
  return { ...rest, version: eventCount, statusLabel: statusLabel(r.status), kindLabel: feedbackKind[r.kind] };
}

function eventView(e: FeedbackEvent) {
  const { seq, at, action, status, actor, role, note, public: isPublic, units, unit, rating } = e;
  return { seq, at, action, label: eventLabel(e), ...(status ? { status, statusLabel: statusLabel(status) } : {}), actor, role, ...(note ? { note } : {}), public: isPublic, ...(units ? { units } : {}), ...(unit ? { unit } : {}), ...(rating ? { rating } : {}) };
}

/** One row of the queue. */
function queueItemView(r: SubmissionRecord) {
  return {
    trackingNumber: r.trackingNumber,
    kind: r.kind,
    kindLabel: feedbackKind[r.kind],
    title: r.title,
    status: r.status,
    statusLabel: statusLabel(r.status),
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    units: r.units ?? [],
    verified: r.verified,
    hasContact: r.hasContact,
    ...(r.itemId ? { itemId: r.itemId } : {}),
  };
}

// What the routes answer: the console (site/scripts/staff-api.ts) reads these types.
export type StaffSubmission = ReturnType<typeof submissionView>;
export type StaffEvent = ReturnType<typeof eventView>;
export type QueueItem = ReturnType<typeof queueItemView>;

/** GET /api/staff/me */
export interface Me {
  readonly user: StaffUser;
  readonly units: readonly UnitInfo[];
}

/** GET /api/staff/queue */
export interface QueuePage {
  readonly status: FeedbackStatus;
  readonly counts: Partial<Record<FeedbackStatus, number>>;
  readonly items: readonly QueueItem[];
  readonly cursor?: string;
}

/** GET /api/staff/submissions/:tracking and POST …/actions (the latter with `contact` after a reveal). */
export interface Detail {
  readonly submission: StaffSubmission;
  readonly events: readonly StaffEvent[];
  readonly actions: readonly StaffAction[];
  readonly contact?: Contact;
}

export function createStaffApp(deps: StaffAppDeps): Hono<Env> {
  const now = deps.now ?? (() => new Date());
  const app = new Hono<Env>();

  app.use('/api/staff*', async (c, next) => {
    const started = performance.now();
    c.header('Cache-Control', 'no-store');
    c.header('X-Content-Type-Options', 'nosniff');
    await next();
    const user = c.get('user') as StaffUser | undefined;
    deps.logger.info('staff request', { method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(performance.now() - started), ...(user ? { actor: user.sub, role: user.role } : {}) });
  });

  app.get('/api/staff-config', (c) => c.json(deps.consoleConfig));

  app.use('/api/staff/*', async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    if (!token) throw unauthenticated(msg.unauthenticated);
    try {
      c.set('user', await deps.verify(token));
    } catch (error) {
      if (error instanceof AuthError) throw unauthenticated(msg.badToken);
      throw error;
    }
    await next();
  });

  async function unitSet() {
    return new Set((await deps.units()).map((u) => u.id));
  }

  function tracking(c: Context<Env>): string {
    const t = normalizeTrackingNumber(c.req.param('tracking') ?? '');
    if (!TRACKING_NUMBER.test(t)) throw new HttpProblem(404, 'not-found', msg.notFound);
    return t;
  }

  async function loadVisible(c: Context<Env>) {
    const loaded = await deps.feedback.load(tracking(c));
    if (!loaded) throw new HttpProblem(404, 'not-found', msg.notFound);
    // A unit asking for a submission not assigned to it learns nothing more than "not yours".
    if (!canView(c.get('user'), loaded.record)) throw forbidden(msg.otherUnit);
    return loaded;
  }

  function detail(user: StaffUser, record: SubmissionRecord, events: readonly FeedbackEvent[]): Detail {
    return { submission: submissionView(record), events: events.map(eventView), actions: availableActions(user, record) };
  }

  app.get('/api/staff/me', async (c) => c.json({ user: c.get('user'), units: await deps.units() } satisfies Me));

  app.get('/api/staff/queue', async (c) => {
    const parsed = z.safeParse(queueQuery, c.req.query());
    if (!parsed.success) throw problems.invalid(fieldErrors(parsed.error));
    const q = parsed.data;
    const user = c.get('user');
    if (user.role === 'unit' && q.unit && q.unit !== user.unit) throw forbidden(msg.otherUnit);
    // Units see only their own submissions, whatever they ask for.
    const unit = user.role === 'unit' ? user.unit : q.unit;
    let cursor: Record<string, unknown> | undefined;
    if (q.cursor) {
      try {
        cursor = JSON.parse(Buffer.from(q.cursor, 'base64url').toString('utf8')) as Record<string, unknown>;
      } catch {
        throw problems.invalid([{ field: 'cursor', message: feedbackError.invalid }]);
      }
    }
    const [page, counts] = await Promise.all([
      deps.feedback.queue({
        status: q.status,
        ...(q.kind ? { kind: q.kind } : {}),
        ...(unit ? { unit } : {}),
        ...(q.from ? { from: chinaMidnight(q.from) } : {}),
        ...(q.to ? { to: chinaMidnight(q.to, 1) } : {}),
        ...(cursor ? { cursor } : {}),
      }),
      deps.feedback.counts(FEEDBACK_STATUSES, { ...(q.kind ? { kind: q.kind } : {}), ...(unit ? { unit } : {}) }),
    ]);
    return c.json({
      status: q.status,
      counts,
      items: page.items.map(queueItemView),
      ...(page.cursor ? { cursor: Buffer.from(JSON.stringify(page.cursor)).toString('base64url') } : {}),
    } satisfies QueuePage);
  });

  app.get('/api/staff/submissions/:tracking', async (c) => {
    const { record, events } = await loadVisible(c);
    return c.json(detail(c.get('user'), record, events));
  });

  app.post('/api/staff/submissions/:tracking/actions', bodyLimit({ maxSize: 16 * 1024, onError: () => { throw problems.tooLarge(); } }), async (c) => {
    if ((c.req.header('content-type') ?? '').split(';')[0]!.trim() !== 'application/json') throw problems.unsupportedType();
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      throw problems.badJson();
    }
    const parsed = z.safeParse(actionSchema, body);
    if (!parsed.success) throw problems.invalid(fieldErrors(parsed.error));
    const request = parsed.data;
    const user = c.get('user');
    const loaded = await loadVisible(c);
    if (request.version !== loaded.record.eventCount) throw new HttpProblem(409, 'version-conflict', msg.conflict);
    const decision = decide(user, loaded.record, request.action, request, await unitSet());
    if (!decision.ok) {
      if (decision.status === 422) throw problems.invalid([{ field: decision.field ?? '', message: decision.message }]);
      throw decision.status === 403 ? forbidden(decision.message) : new HttpProblem(409, 'not-allowed-now', decision.message);
    }
    const appended = await deps.feedback.append(loaded, { ...decision.event, at: now().toISOString() });
    if (!appended.ok) throw new HttpProblem(409, 'version-conflict', msg.conflict);
    const events = [...loaded.events, appended.event];
    let contact;
    if (request.action === 'reveal') {
      contact = (await deps.contacts.get(appended.record.trackingNumber)) ?? {};
    }
    if (appended.event.action === 'reply_approved' && appended.record.hasContact) {
      // Queue the "your reply is ready" message; a failure here must not undo the approval.
      try {
        const to = await deps.contacts.get(appended.record.trackingNumber);
        for (const m of replyReadyMessages(appended.record.trackingNumber, to, deps.lookupUrl)) await deps.notifier.send(m);
      } catch (error) {
        deps.logger.error('notification failed', { trackingNumber: appended.record.trackingNumber, error: error instanceof Error ? error.name : 'unknown' });
      }
    }
    return c.json({ ...detail(user, appended.record, events), ...(contact ? { contact } : {}) });
  });

  app.get('/api/staff/export', async (c) => {
    const user = c.get('user');
    if (user.role === 'unit') throw forbidden();
    const units = new Map((await deps.units()).map((u) => [u.id, u]));
    const out = [];
    for (const status of ['replied', 'closed'] as const) {
      let cursor: Record<string, unknown> | undefined;
      do {
        const page = await deps.feedback.queue({ status, limit: 200, ...(cursor ? { cursor } : {}) });
        for (const r of page.items) {
          if (!r.allowPublish || !r.reply) continue;
          const contact = r.hasContact ? await deps.contacts.get(r.trackingNumber) : undefined;
          const names = contact?.name ? [contact.name] : [];
          out.push({
            trackingNumber: r.trackingNumber,
            kind: r.kind,
            title: redact(r.title, names),
            question: redact(r.content, names),
            reply: redact(r.reply.text, names),
            unit: r.reply.unit,
            unitName: units.get(r.reply.unit)?.name ?? r.reply.unit,
            submittedAt: r.createdAt,
            repliedAt: r.reply.at,
            ...(r.itemId ? { itemId: r.itemId } : {}),
          });
        }
        cursor = page.cursor;
      } while (cursor);
    }
    deps.logger.info('replies exported', { actor: user.sub, count: out.length });
    return c.json({ replies: out });
  });

  app.all('/api/staff/*', () => {
    throw problems.noRoute();
  });

  app.onError((error) => problemResponse(toProblem(error, deps.logger)));
  return app;
}
