/**
 * The clock through the APIs, on both DynamoDB engines: the deadline to accept from receipt, the deadline
 * to reply from acceptance, interim replies, extensions (within the cap, on a working day, approved or
 * refused), transfers, what the citizen's lookup shows of it, and the queue sorted by deadline. The clock
 * is the content's (content/calendar.yaml, content/settings/feedback.yaml); the test moves "now".
 */
import path from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { clockFromData } from '../../domain/feedback/clock-setup.ts';
import { feedbackAction, staffError } from '../../domain/labels/zh-CN.ts';
import { readClockData } from '../../site/lib/content-source.ts';
import { root } from '../helpers/paths.ts';
import { staffTestApi, type StaffTestApi } from '../helpers/staff.ts';

const engines = Object.entries(inject('engines'));
const clock = clockFromData(readClockData(path.join(root, 'content')));
const cal = clock.calendar;
const limits = clock.settings.timeLimits;
/** 10:00 China time on a China date. */
const at = (date: string) => new Date(`${date}T10:00:00+08:00`);

describe.each(engines)('the clock on %s', (_engine, endpoint) => {
  let s: StaffTestApi;
  beforeAll(async () => {
    s = await staffTestApi(endpoint, { feedbackClock: clock, clock: { now: at('2026-02-12') }, limits: { submit: { capacity: 10_000, perSeconds: 60 }, submitUnverified: { capacity: 10_000, perSeconds: 60 }, lookup: { capacity: 10_000, perSeconds: 60 } } });
  });

  const detail = async (t: string) => (await s.request('GET', `/api/staff/submissions/${t}`, s.tokens.admin)).json;
  async function act(t: string, action: string, body: Record<string, unknown> = {}, token = s.tokens.admin) {
    const version = (await detail(t)).submission.version;
    return s.act(t, token, { action, version, ...body });
  }
  async function ok(t: string, action: string, body: Record<string, unknown> = {}, token = s.tokens.admin) {
    const res = await act(t, action, body, token);
    if (res.status !== 200) throw new Error(`${action}: ${res.status} ${JSON.stringify(res.json)}`);
    return res.json;
  }
  /** A suggestion received on `day`, accepted and assigned to water on `acceptedOn`. */
  async function inProgress(day: string, acceptedOn = day, over: Record<string, unknown> = {}) {
    s.clock.now = at(day);
    const receipt = await s.submit(over);
    s.clock.now = at(acceptedOn);
    await ok(receipt.trackingNumber, 'accept');
    await ok(receipt.trackingNumber, 'assign', { units: ['water'] });
    return receipt;
  }
  const lookup = async (r: { trackingNumber: string; password: string }) => (await s.api.post('/api/feedback/lookup', { trackingNumber: r.trackingNumber, password: r.password })).json();

  it('gives a new submission its deadline to accept, in working days from receipt', async () => {
    s.clock.now = at('2026-02-12');
    const { trackingNumber: t } = await s.submit();
    const d = await detail(t);
    expect(d.submission.acceptBy).toBe(cal.addWorkingDays('2026-02-12', limits.suggestion.accept));
    expect(d.clock).toMatchObject({ stage: 'accept', deadline: d.submission.acceptBy });
  });

  it('starts the reply clock on the first working day after acceptance, by kind', async () => {
    const { trackingNumber: t } = await inProgress('2026-02-12', '2026-02-13', { kind: 'clue' });
    expect((await detail(t)).submission.replyBy).toBe(cal.addWorkingDays('2026-02-13', limits.clue.reply));
  });

  it('shows the citizen the deadline, the interim reply and the approved extension with its reason', async () => {
    const receipt = await inProgress('2026-03-02');
    const t = receipt.trackingNumber;
    const original = (await detail(t)).submission.replyBy as string;
    await ok(t, 'interim', { text: '已组织现场查看，正在制定整改方案。' }, s.tokens.water);
    const asked = cal.addWorkingDays(original, 3);
    await ok(t, 'request_extension', { deadline: asked, reason: '需协调供电部门停电施工' }, s.tokens.water);
    await ok(t, 'approve_extension', {}, s.tokens.reviewer);
    const view = await lookup(receipt);
    expect(view.clock).toMatchObject({ stage: 'reply', deadline: asked, originalDeadline: original, extended: true });
    expect(view.history).toEqual(expect.arrayContaining([
      expect.objectContaining({ label: feedbackAction.interim_replied, note: '已组织现场查看，正在制定整改方案。' }),
      expect.objectContaining({ label: feedbackAction.extension_approved, note: '需协调供电部门停电施工', deadline: asked }),
    ]));
  });

  it('keeps the deadline when an extension is refused, and tells the citizen nothing of the request', async () => {
    const receipt = await inProgress('2026-03-02');
    const t = receipt.trackingNumber;
    const original = (await detail(t)).submission.replyBy;
    await ok(t, 'request_extension', { deadline: cal.addWorkingDays(original, 2), reason: '材料尚未齐全' }, s.tokens.water);
    await ok(t, 'refuse_extension', { note: '时限内可以完成' }, s.tokens.reviewer);
    expect((await detail(t)).submission).toMatchObject({ replyBy: original });
    expect((await detail(t)).submission.extended).toBeUndefined();
    expect(JSON.stringify(await lookup(receipt))).not.toContain('材料尚未齐全');
  });

  it('refuses an extension beyond the cap with 422 naming the deadline', async () => {
    const { trackingNumber: t } = await inProgress('2026-03-02');
    const original = (await detail(t)).submission.replyBy;
    const limit = cal.addWorkingDays(original, clock.settings.extensionCap);
    const res = await act(t, 'request_extension', { deadline: cal.addWorkingDays(limit, 1), reason: '需要更长时间' }, s.tokens.water);
    expect(res.status).toBe(422);
    expect(res.json.errors).toEqual([{ field: 'deadline', message: staffError.deadlineBeyondCap(limit, clock.settings.extensionCap) }]);
    expect((await detail(t)).events.map((e: { action: string }) => e.action)).not.toContain('extension_requested');
  });

  it('refuses an extension to a day off with 422 naming the deadline', async () => {
    const { trackingNumber: t } = await inProgress('2026-09-14');
    const res = await act(t, 'request_extension', { deadline: '2026-10-03', reason: '需要更长时间' }, s.tokens.water);
    expect(res.status).toBe(422);
    expect(res.json.errors).toEqual([{ field: 'deadline', message: staffError.deadlineNotWorkingDay('2026-10-03') }]);
  });

  it('refuses an interim reply on a closed case: the state does not allow it (409), no event', async () => {
    const { trackingNumber: t } = await inProgress('2026-03-02');
    await ok(t, 'draft', { text: '经现场核实，积水点已完成排水管疏通。', unit: 'water' }, s.tokens.water);
    await ok(t, 'approve');
    await ok(t, 'close');
    const before = (await detail(t)).events.length;
    const res = await act(t, 'interim', { text: '阶段性答复内容足够长。' });
    expect(res.status).toBe(409);
    expect((await detail(t)).events).toHaveLength(before);
  });

  it('transfers to another unit without restarting the clock; an unknown unit is 422 naming the unit', async () => {
    const { trackingNumber: t } = await inProgress('2026-03-02');
    const before = (await detail(t)).submission.replyBy;
    const unknown = await act(t, 'transfer', { unit: 'nowhere', note: '属其他部门职责' }, s.tokens.reviewer);
    expect(unknown.status).toBe(422);
    expect(unknown.json.errors).toEqual([{ field: 'unit', message: staffError.unknownUnit('nowhere') }]);
    await ok(t, 'transfer', { unit: 'urban', note: '属城管职责' }, s.tokens.reviewer);
    expect((await detail(t)).submission).toMatchObject({ units: ['urban'], replyBy: before });
    // The unit it left no longer sees it; the new one does.
    expect((await s.request('GET', `/api/staff/submissions/${t}`, s.tokens.water)).status).toBe(403);
    expect((await s.request('GET', `/api/staff/submissions/${t}`, s.tokens.urban)).status).toBe(200);
  });

  it('sorts the queue by deadline and marks what is due soon and overdue', async () => {
    const late = await inProgress('2026-04-01');
    const soon = await inProgress('2026-04-20');
    s.clock.now = at(cal.addWorkingDays((await detail(soon.trackingNumber)).submission.replyBy, 0));
    const res = await s.request('GET', '/api/staff/queue?status=in_progress&unit=water', s.tokens.reviewer);
    const items = res.json.items as { trackingNumber: string; clock?: { deadline: string; state: string } }[];
    const deadlines = items.map((i) => i.clock?.deadline ?? '9999');
    expect(deadlines).toEqual([...deadlines].sort());
    expect(items.find((i) => i.trackingNumber === late.trackingNumber)?.clock?.state).toBe('overdue');
    expect(items.find((i) => i.trackingNumber === soon.trackingNumber)?.clock?.state).toBe('due_soon');
  });
});
