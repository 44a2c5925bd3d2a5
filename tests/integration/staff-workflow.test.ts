/**
 * The supervision office's workflow through the staff API on both DynamoDB engines: every route × every
 * role, one audit event per action (and none for a refused one), version conflicts, recovery of a lost
 * record write, the citizen's rating window, notifications and the redacted export.
 */
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { failOnce } from '../helpers/api.ts';
import { otherPassword } from '../helpers/passwords.ts';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { importJWK, SignJWT, type JWK } from 'jose';
import { DEV_AUDIENCE, DEV_ISSUER } from '../../functions/local/dev-auth.ts';
import { STAFF_TOKEN_MAX_SECONDS } from '../../domain/feedback/workflow.ts';
import { KEY } from '../../functions/store/tables.ts';
import { staffTestApi, UNITS, type StaffTestApi } from '../helpers/staff.ts';
import { redaction, staffError } from '../../domain/labels/zh-CN.ts';
import type { QueuePage } from '../../domain/api/staff.ts';
import { STAFF_ACTIONS, type StaffAction } from '../../domain/feedback/status.ts';
import { RATING } from '../../domain/feedback/rating.ts';
import { eventLabel } from '../../domain/feedback/events.ts';
import { workingCalendar } from '../../domain/clock/calendar.ts';

const engines = Object.entries(inject('engines'));

type Who = 'none' | 'forged' | 'reviewer' | 'admin' | 'water' | 'urban';
const WHO: Who[] = ['none', 'forged', 'reviewer', 'admin', 'water', 'urban'];

/** The specification: which roles may take which action (water = the assigned unit, urban = another unit). */
const ALLOWED: Record<StaffAction, Who[]> = {
  accept: ['reviewer', 'admin'],
  reject: ['reviewer', 'admin'],
  assign: ['reviewer', 'admin'],
  draft: ['water', 'admin'],
  approve: ['reviewer', 'admin'],
  send_back: ['reviewer', 'admin'],
  close: ['reviewer', 'admin'],
  reveal: ['reviewer', 'admin', 'water'],
  interim: ['reviewer', 'admin', 'water'],
  request_extension: ['water', 'admin'],
  approve_extension: ['reviewer', 'admin'],
  refuse_extension: ['reviewer', 'admin'],
  transfer: ['reviewer', 'admin'],
};

/** The API's clock here is the built-in one: the package's calendar and the default limits. */
const calendar = workingCalendar();
type DetailJson = Record<string, any>;
const BODY: Record<StaffAction, Record<string, unknown> | ((d: DetailJson) => Record<string, unknown>)> = {
  accept: {},
  reject: { reason: '不属于督查工作范围' },
  assign: { units: ['water'] },
  draft: { text: '经现场核实，积水点已完成排水管疏通。', unit: 'water' },
  approve: {},
  send_back: { note: '请补充整改时间' },
  close: {},
  reveal: { reasonCategory: 'verify', reason: '核实办理情况' },
  interim: { text: '已组织现场查看，正在制定整改方案。' },
  request_extension: (d) => ({ deadline: calendar.addWorkingDays(d.submission.replyBy!, 2), reason: '需协调多个部门' }),
  approve_extension: {},
  refuse_extension: { note: '时限内可以完成' },
  transfer: { unit: 'urban', note: '属城管职责' },
};
const body = (action: StaffAction, d: DetailJson) => {
  const b = BODY[action];
  return typeof b === 'function' ? b(d) : b;
};

const EVENT: Record<StaffAction, string> = {
  accept: 'accepted',
  reject: 'rejected',
  assign: 'assigned',
  draft: 'reply_drafted',
  approve: 'reply_approved',
  send_back: 'reply_sent_back',
  close: 'closed',
  reveal: 'contact_revealed',
  interim: 'interim_replied',
  request_extension: 'extension_requested',
  approve_extension: 'extension_approved',
  refuse_extension: 'extension_refused',
  transfer: 'transferred',
};

describe.each(engines)('staff workflow on %s', (_engine, endpoint) => {
  let s: StaffTestApi;
  let auth: Record<Who, string | undefined>;
  beforeAll(async () => {
    s = await staffTestApi(endpoint, { limits: { submit: { capacity: 10_000, perSeconds: 60 }, submitUnverified: { capacity: 10_000, perSeconds: 60 }, lookup: { capacity: 10_000, perSeconds: 60 } } });
    auth = { none: undefined, forged: `${s.tokens.reviewer.slice(0, -4)}AAAA`, reviewer: s.tokens.reviewer, admin: s.tokens.admin, water: s.tokens.water, urban: s.tokens.urban };
  });

  const detail = async (t: string) => (await s.request('GET', `/api/staff/submissions/${t}`, s.tokens.admin)).json;
  async function step(t: string, action: StaffAction, as = s.tokens.admin) {
    const d = await detail(t);
    const res = await s.act(t, as, { action, version: d.submission.version, ...body(action, d) });
    if (res.status !== 200) throw new Error(`${action}: ${res.status} ${JSON.stringify(res.json)}`);
    return res.json;
  }
  /** A fresh submission in the state where `action` applies (assigned to water from `draft` on). */
  async function readyFor(action: StaffAction, over: Record<string, unknown> = {}) {
    const { trackingNumber: t } = await s.submit(over);
    const assigned: StaffAction[] = ['accept', 'assign'];
    const paths: Record<StaffAction, StaffAction[]> = {
      accept: [], reject: [], assign: ['accept'], draft: [...assigned], approve: [...assigned, 'draft'], send_back: [...assigned, 'draft'], close: [...assigned, 'draft', 'approve'], reveal: assigned,
      interim: assigned, request_extension: assigned, approve_extension: [...assigned, 'request_extension'], refuse_extension: [...assigned, 'request_extension'], transfer: assigned,
    };
    const path = paths[action];
    for (const a of path) await step(t, a);
    return t;
  }

  describe('every action × every role', () => {
    it.each(STAFF_ACTIONS)('%s', async (action) => {
      for (const who of WHO) {
        const t = await readyFor(action, { contact: { name: '李四', phone: '13800138000' }, privacyConsent: true });
        const before = await detail(t);
        const res = await s.act(t, auth[who]!, { action, version: before.submission.version, ...body(action, before) });
        const after = await detail(t);
        const expected = who === 'none' || who === 'forged' ? 401 : ALLOWED[action].includes(who) ? 200 : 403;
        expect(res.status, `${action} as ${who}`).toBe(expected);
        if (expected !== 200) {
          expect(res.type).toMatch(/^application\/problem\+json/);
          // A refused action leaves no trace in the history.
          expect(after.events).toHaveLength(before.events.length);
          continue;
        }
        // Exactly one event of the action, naming who did what (name and stable id); an approval with a
        // contact adds the audit of reading it for the notification. The version moved by as many.
        const audits = action === 'approve' ? 1 : 0;
        expect(after.events).toHaveLength(before.events.length + 1 + audits);
        const event = after.events.at(-1 - audits);
        expect(event).toMatchObject({ action: EVENT[action], role: who === 'water' ? 'unit' : who, actor: expect.any(String), actorId: expect.stringMatching(/^dev-/) });
        if (audits) expect(after.events.at(-1)).toMatchObject({ action: 'contact_read', reasonCategory: 'notify_reply', actorId: event.actorId, public: false });
        expect(after.submission.version).toBe(before.submission.version + 1 + audits);
        if (action === 'reveal') {
          expect(res.json.contact).toEqual({ name: '李四', phone: '13800138000' });
          expect(event.note).toBe('核实办理情况');
          expect(event.public).toBe(false);
        } else expect(res.json.contact).toBeUndefined();
      }
    });
  });

  it('enforces roles on the read routes', async () => {
    const t = await readyFor('draft');
    const expectations: [string, Record<Who, number>][] = [
      [`/api/staff/submissions/${t}`, { none: 401, forged: 401, reviewer: 200, admin: 200, water: 200, urban: 403 }],
      ['/api/staff/queue?status=in_progress', { none: 401, forged: 401, reviewer: 200, admin: 200, water: 200, urban: 200 }],
      ['/api/staff/me', { none: 401, forged: 401, reviewer: 200, admin: 200, water: 200, urban: 200 }],
      ['/api/staff/export', { none: 401, forged: 401, reviewer: 200, admin: 200, water: 403, urban: 403 }],
      ['/api/staff/queue?status=in_progress&unit=water', { none: 401, forged: 401, reviewer: 200, admin: 200, water: 200, urban: 403 }],
    ];
    for (const [url, byWho] of expectations) {
      for (const who of WHO) {
        const res = await s.request('GET', url, auth[who]);
        expect(res.status, `${url} as ${who}`).toBe(byWho[who]);
        if (res.status >= 400) expect(res.type).toMatch(/^application\/problem\+json/);
        if (res.status === 401) expect(res.json.title).toBe(who === 'none' ? staffError.unauthenticated : staffError.badToken);
      }
    }
    // Units see only their own work in the queue.
    // The queue is sorted by deadline, soonest first, so the newest submission may sit on a later page.
    const inQueue = async (who: Who) => {
      let cursor: string | undefined;
      do {
        const page = (await s.request('GET', `/api/staff/queue?status=in_progress${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, auth[who])).json as QueuePage;
        if (page.items.some((i) => i.trackingNumber === t)) return true;
        cursor = page.cursor;
      } while (cursor);
      return false;
    };
    expect(await inQueue('water')).toBe(true);
    expect(await inQueue('urban')).toBe(false);
    expect(await inQueue('reviewer')).toBe(true);
    expect((await s.request('GET', '/api/staff-config', undefined)).json).toEqual({ mode: 'dev' });
  });

  it('lets only one of two concurrent actions win; the other gets 409 and leaves no event', async () => {
    const { trackingNumber: t } = await s.submit();
    const version = (await detail(t)).submission.version;
    const results = await Promise.all([
      s.act(t, s.tokens.reviewer, { action: 'accept', version }),
      s.act(t, s.tokens.admin, { action: 'reject', version, reason: '重复反映，已合并办理' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const after = await detail(t);
    expect(after.events).toHaveLength(2);
    // A stale version is refused outright.
    const stale = await s.act(t, s.tokens.admin, { action: 'close', version });
    expect(stale.status).toBe(409);
    expect(stale.json.title).toBe(staffError.conflict);
    expect((await detail(t)).events).toHaveLength(2);
  });

  it('refuses actions the state does not allow and invalid input, with Chinese messages and no event', async () => {
    const { trackingNumber: t } = await s.submit();
    const v = (await detail(t)).submission.version;
    expect((await s.act(t, s.tokens.reviewer, { action: 'close', version: v })).status).toBe(409);
    const noReason = await s.act(t, s.tokens.reviewer, { action: 'reject', version: v, reason: ' ' });
    expect(noReason.status).toBe(422);
    expect(noReason.json.errors).toEqual([{ field: 'reason', message: staffError.reasonRequired }]);
    expect((await s.act(t, s.tokens.reviewer, { action: 'fly', version: v })).json.errors).toEqual([{ field: 'action', message: staffError.action }]);
    await step(t, 'accept');
    const unknownUnit = await s.act(t, s.tokens.reviewer, { action: 'assign', version: v + 1, units: ['nowhere'] });
    expect(unknownUnit.json.errors).toEqual([{ field: 'units', message: staffError.unknownUnit('nowhere') }]);
    expect((await detail(t)).events).toHaveLength(2);
  });

  it('rebuilds the record from its events when the second write of an action is lost', async () => {
    const fault = failOnce('ThrottlingException', 'throttled', (c) => c instanceof PutCommand && c.input.Item?.sk === 'META' && Boolean(c.input.ConditionExpression?.startsWith('eventCount')), { armed: false });
    const flaky = await staffTestApi(endpoint, { wrapDb: fault.wrapDb });
    const { trackingNumber: t } = await flaky.submit();
    fault.arm();
    const res = await flaky.act(t, flaky.tokens.reviewer, { action: 'accept', version: 1 });
    expect(fault.fired).toBe(true);
    expect(res.status).toBe(200);
    expect(res.json.submission.status).toBe('accepted');
    const again = (await flaky.request('GET', `/api/staff/submissions/${t}`, flaky.tokens.reviewer)).json;
    expect(again.submission).toMatchObject({ status: 'accepted', version: 2 });
    // The repaired record is back in the right queue.
    const queue = (await flaky.request('GET', '/api/staff/queue?status=accepted', flaky.tokens.reviewer)).json;
    expect(queue.items.map((i: { trackingNumber: string }) => i.trackingNumber)).toContain(t);
  });

  it('lets the citizen rate a reply once within 15 days; 不满意 reopens the case', async () => {
    const receipt = await s.submit();
    const t = receipt.trackingNumber;
    for (const a of ['accept', 'assign', 'draft', 'approve'] as const) await step(t, a);
    const rate = (rating: string) => s.api.post('/api/feedback/satisfaction', { trackingNumber: t, password: receipt.password, rating, comment: '处理及时' });
    const lookup = await (await s.api.post('/api/feedback/lookup', { trackingNumber: t, password: receipt.password })).json();
    expect(lookup.rateUntil).toBeTruthy();
    expect(lookup.reply).toMatchObject({ unit: UNITS.find((u) => u.id === 'water')!.name });
    const first = await rate('basically_satisfied');
    expect(first.status).toBe(200);
    expect((await first.json()).rating).toMatchObject({ rating: 'basically_satisfied', label: RATING.basically_satisfied.label });
    expect((await rate('satisfied')).status).toBe(409);
    const wrongPassword = await s.api.post('/api/feedback/satisfaction', { trackingNumber: t, password: otherPassword(receipt.password), rating: 'satisfied' });
    expect(wrongPassword.status).toBe(404);

    // Another case: 不满意 goes back to the reviewer, and the reopened case can be answered and rated again.
    const second = await s.submit();
    for (const a of ['accept', 'assign', 'draft', 'approve'] as const) await step(second.trackingNumber, a);
    const unhappy = await s.api.post('/api/feedback/satisfaction', { trackingNumber: second.trackingNumber, password: second.password, rating: 'dissatisfied', comment: '问题没有解决' });
    const reopened = await unhappy.json();
    expect(reopened.status).toBe('accepted');
    expect(reopened.history.at(-1)).toMatchObject({ label: eventLabel({ action: 'rated', rating: 'dissatisfied' }), note: '问题没有解决' });
    const d = await detail(second.trackingNumber);
    expect(d.events.at(-1)).toMatchObject({ action: 'reopened', role: 'citizen' });
    expect(d.actions).toContain('assign');
    for (const a of ['assign', 'draft', 'approve'] as const) await step(second.trackingNumber, a);
    expect((await s.api.post('/api/feedback/satisfaction', { trackingNumber: second.trackingNumber, password: second.password, rating: 'satisfied' })).status).toBe(200);

    // Too late: more than 15 days after the reply.
    const late = await s.submit();
    for (const a of ['accept', 'assign', 'draft', 'approve'] as const) await step(late.trackingNumber, a);
    const saved = s.clock.now;
    s.clock.now = new Date(saved.getTime() + 16 * 86_400_000);
    const tooLate = await s.api.post('/api/feedback/satisfaction', { trackingNumber: late.trackingNumber, password: late.password, rating: 'satisfied' });
    s.clock.now = saved;
    expect(tooLate.status).toBe(409);
    expect((await tooLate.json()).title).toBe(staffError.ratingWindow(15));
  });

  it('tells the citizen a reply is ready with nothing but the tracking number', async () => {
    const before = s.outboxMessages().length;
    const t = await readyFor('approve', { contact: { name: '王五', phone: '13912345678', email: 'wangwu@example.cn' }, privacyConsent: true });
    await step(t, 'approve');
    const messages = s.outboxMessages().slice(before).filter((m) => m.trackingNumber === t);
    expect(messages.map((m) => [m.channel, m.to]).sort()).toEqual([['email', 'wangwu@example.cn'], ['sms', '13912345678']]);
    for (const m of messages) {
      expect(m.body).toContain(t);
      expect(m.body).not.toContain('王五');
      expect(m.body).not.toContain('排水管');
    }
    const quiet = await readyFor('approve');
    await step(quiet, 'approve');
    expect(s.outboxMessages().some((m) => m.trackingNumber === quiet)).toBe(false);
  });

  it('exports only published-with-consent replies, redacted', async () => {
    const content = '我叫赵六，住人民路18号3单元502室，手机13812345678，邮箱zhaoliu@example.cn，门口积水一个月。';
    const yes = await readyFor('approve', { content, allowPublish: true, contact: { name: '赵六' }, privacyConsent: true });
    await step(yes, 'approve');
    const no = await readyFor('approve', { allowPublish: false });
    await step(no, 'approve');
    const res = await s.request('GET', '/api/staff/export', s.tokens.reviewer);
    const replies = res.json.replies as { trackingNumber: string; question: string; reply: string; unit: string }[];
    expect(replies.map((r) => r.trackingNumber)).toContain(yes);
    expect(replies.map((r) => r.trackingNumber)).not.toContain(no);
    const r = replies.find((x) => x.trackingNumber === yes)!;
    for (const leak of ['赵六', '13812345678', 'zhaoliu@example.cn', '18号', '502室']) expect(r.question).not.toContain(leak);
    for (const token of [redaction.name, redaction.mobile, redaction.email, redaction.houseNumber]) expect(r.question).toContain(token);
    expect(r.question).toContain('门口积水一个月');
    expect(r.unit).toBe('water');
  });

  it('audits every read of the contact: the export reads it only to redact the name, and says so', async () => {
    const t = await readyFor('approve', { allowPublish: true, contact: { name: '孙七', phone: '13712345678' }, privacyConsent: true });
    await step(t, 'approve');
    const before = (await detail(t)).events.length;
    await s.request('GET', '/api/staff/export', s.tokens.reviewer);
    const events = (await detail(t)).events;
    expect(events).toHaveLength(before + 1);
    expect(events.at(-1)).toMatchObject({ action: 'contact_read', reasonCategory: 'redact_export', role: 'reviewer', actorId: expect.stringMatching(/^dev-reviewer-/), public: false });
    expect(events.filter((e: { action: string }) => e.action === 'contact_read').map((e: { reasonCategory: string }) => e.reasonCategory)).toEqual(['notify_reply', 'redact_export']);
  });

  it('asks a reveal for a reason category and a reason that says something', async () => {
    const t = await readyFor('reveal', { contact: { phone: '13612345678' }, privacyConsent: true });
    const version = (await detail(t)).submission.version;
    const noCategory = await s.act(t, s.tokens.reviewer, { action: 'reveal', version, reason: '核实办理情况' });
    expect(noCategory.status).toBe(422);
    expect(noCategory.json.errors).toEqual([{ field: 'reasonCategory', message: staffError.reasonCategory }]);
    const empty = await s.act(t, s.tokens.reviewer, { action: 'reveal', version, reasonCategory: 'verify', reason: '\u200b\u200b\u200b\u200b\u200b' });
    expect(empty.status).toBe(422);
    expect(empty.json.errors).toEqual([{ field: 'reason', message: staffError.reasonRequired }]);
    expect((await detail(t)).events).toHaveLength(version);
    expect(noCategory.json.contact).toBeUndefined();
  });

  it('refuses a correctly signed token without an expiry, or one that would live longer than allowed', async () => {
    const { privateJwk } = JSON.parse(readFileSync(path.join(s.dataDir, 'dev-auth.json'), 'utf8')) as { privateJwk: JWK };
    const key = await importJWK(privateJwk, 'ES256');
    const sign = (lifetime: number | null) => {
      const jwt = new SignJWT({ name: '伪造者', 'cognito:groups': ['admin'], token_use: 'id' }).setProtectedHeader({ alg: 'ES256', kid: privateJwk.kid! }).setIssuer(DEV_ISSUER).setAudience(DEV_AUDIENCE).setSubject('dev-forged').setIssuedAt();
      return (lifetime === null ? jwt : jwt.setExpirationTime(Math.floor(Date.now() / 1000) + lifetime)).sign(key);
    };
    for (const [lifetime, status] of [[null, 401], [STAFF_TOKEN_MAX_SECONDS + 3_600, 401], [3_600, 200]] as const) {
      const res = await s.request('GET', '/api/staff/me', await sign(lifetime));
      expect(res.status, String(lifetime)).toBe(status);
      if (status === 401) expect(res.json.title).toBe(staffError.badToken);
    }
  });

  it('validates every queue parameter: 422 naming the field, never a database error', async () => {
    const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    // Where a deadline runs (received) the queue goes by the `due` index, otherwise (replied) newest first:
    // each order's cursor is a key of its own index.
    const created = '2026-12-01T08:00:00.000Z';
    const tracking = 'DC2612-7K3Q9M';
    const base = (status: string) => ({ pk: KEY.submission(tracking), sk: KEY.meta, queuePk: KEY.queue(status) });
    const key = (status: string) => ({ ...base(status), dueSk: KEY.dueSort('2026-12-03', created, tracking) });
    const newestKey = (status: string) => ({ ...base(status), queueSk: KEY.queueSort(created, tracking) });
    const cases: [string, string][] = [
      ['from=2026-99-99', 'from'],
      ['to=0000-00-00', 'to'],
      ['from=2026-02-30', 'from'],
      ['from=2026-12-02&to=2026-12-01', 'to'],
      [`cursor=${b64('x')}`, 'cursor'],
      [`cursor=${b64({})}`, 'cursor'],
      [`cursor=${b64([1, 2])}`, 'cursor'],
      ['cursor=%E2%82%AC%00', 'cursor'],
      [`cursor=${b64(key('accepted'))}`, 'cursor'],
      [`cursor=${b64({ ...key('received'), pk: 'SUB#DC2612-AAAAAA' })}`, 'cursor'],
      [`cursor=${b64({ ...key('received'), extra: 'x' })}`, 'cursor'],
      [`cursor=${b64(newestKey('received'))}`, 'cursor'],
      [`status=replied&cursor=${b64(key('replied'))}`, 'cursor'],
      ['status=nonsense', 'status'],
      ['unit=Water!', 'unit'],
    ];
    for (const [query, field] of cases) {
      const res = await s.request('GET', `/api/staff/queue?${query}`, s.tokens.reviewer);
      expect(res.status, query).toBe(422);
      expect(res.type).toMatch(/^application\/problem\+json/);
      expect((res.json.errors as { field: string }[]).map((e) => e.field), query).toEqual([field]);
    }
    // A cursor of this very queue's shape is a place to go on from, not an error.
    expect((await s.request('GET', `/api/staff/queue?status=received&cursor=${b64(key('received'))}`, s.tokens.reviewer)).status).toBe(200);
    expect((await s.request('GET', `/api/staff/queue?status=replied&cursor=${b64(newestKey('replied'))}`, s.tokens.reviewer)).status).toBe(200);
  });
});
