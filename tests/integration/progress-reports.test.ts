/**
 * Units' progress reports through the staff API on the real store (both DynamoDB engines): who may report
 * what, the bad input the issue names (403 not responsible, 422 naming the field), and the review's steps
 * with their version check. The items are the sample city's, read as the build publishes them.
 */
import path from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { routePath } from '../../domain/api/routes.ts';
import type { MyItem } from '../../domain/api/staff.ts';
import { addDays } from '../../domain/dates.ts';
import { contentError, reportError, reportLabels } from '../../domain/labels/zh-CN.ts';
import { readSiteFacts } from '../../site/lib/site-facts.ts';
import { staffTestApi, type StaffTestApi } from '../helpers/staff.ts';

const engines = Object.entries(inject('engines'));
const facts = readSiteFacts(path.resolve(import.meta.dirname, '../../content'));
const TODAY = '2026-11-25';
/** An open item with a supporting unit, and a unit that has nothing to do with it. */
const item = facts.items.find((i) => i.status === 'in_progress' && (i.supportUnits?.length ?? 0) > 0 && i.assignedOn! < TODAY)!;
const support = item.supportUnits![0]!;
const stranger = facts.units.map((u) => u.id).find((u) => u !== item.leadUnit && !item.supportUnits!.includes(u))!;
const completed = facts.items.find((i) => i.status === 'completed' && i.leadUnit)!;

describe.each(engines)('progress reports on %s', (_engine, endpoint) => {
  let s: StaffTestApi;
  let lead: string;
  let supporter: string;
  let other: string;
  const progress = (over: Record<string, unknown> = {}) => ({ itemId: item.id, rev: item.rev, fields: { kind: 'progress', date: TODAY, text: '完成第二批设备安装调试。', progress: Math.min(100, item.progress! + 5), ...over } });
  const post = (token: string, body: unknown) => s.request('POST', routePath('newReport'), token, body);
  const act = (id: string, token: string, body: unknown) => s.request('POST', routePath('reportAction', { id }), token, body);
  beforeAll(async () => {
    s = await staffTestApi(endpoint, { facts, clock: { now: new Date(`${TODAY}T02:00:00Z`) } });
    lead = await s.token('unit', item.leadUnit!);
    supporter = await s.token('unit', support);
    other = await s.token('unit', stranger);
  });

  it("lists a unit's items, lead and supporting, with their flags", async () => {
    const res = await s.request('GET', routePath('myItems'), supporter);
    expect(res.status).toBe(200);
    const ids = (res.json.items as MyItem[]).map((i) => i.id);
    expect(ids.toSorted()).toEqual(facts.items.filter((i) => i.leadUnit === support || i.supportUnits?.includes(support)).map((i) => i.id).sort());
    for (const i of res.json.items as MyItem[]) expect(i.flagLabels).toEqual(i.flags.map((f) => reportLabels.flag[f]));
  });

  it('lets a supporting unit report progress', async () => {
    const res = await post(supporter, progress());
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ status: 'pending', unit: support, version: 1, kindLabel: reportLabels.kind.progress });
  });

  it('refuses a supporting unit an extension: 403', async () => {
    const res = await post(supporter, { itemId: item.id, rev: item.rev, fields: { kind: 'extension', newDeadline: addDays(item.deadline!, 30), reason: '设备到货推迟，需顺延安装。' } });
    expect(res.status).toBe(403);
    expect(res.json.title).toBe(reportError.leadOnly);
  });

  it('refuses a unit not responsible for the item: 403', async () => {
    const res = await post(other, progress());
    expect(res.status).toBe(403);
    expect(res.json.title).toBe(reportError.notResponsible);
  });

  it('refuses a date before the assignment, naming the field', async () => {
    const res = await post(lead, progress({ date: addDays(item.assignedOn!, -1) }));
    expect(res.status).toBe(422);
    expect(res.json.errors).toEqual([{ field: 'fields.date', message: contentError.beforeAssigned }]);
  });

  it('refuses a date in the future, naming the field', async () => {
    const res = await post(lead, progress({ date: addDays(TODAY, 1) }));
    expect(res.status).toBe(422);
    expect(res.json.errors).toEqual([{ field: 'fields.date', message: contentError.afterToday(TODAY) }]);
  });

  it('refuses progress outside 0–100, naming the field', async () => {
    const res = await post(lead, progress({ progress: 101 }));
    expect(res.status).toBe(422);
    expect(res.json.errors).toEqual([{ field: 'fields.progress', message: contentError.progress }]);
  });

  it('refuses progress below the published figure without a reason', async () => {
    const res = await post(lead, progress({ progress: Math.max(0, item.progress! - 10) }));
    expect(res.status).toBe(422);
    expect(res.json.errors).toEqual([{ field: 'fields.reason', message: reportError.progressBelow(item.progress!) }]);
  });

  it('refuses an extension not after the current deadline, naming the field', async () => {
    const current = item.extensions!.at(-1)?.newDeadline ?? item.deadline!;
    const res = await post(lead, { itemId: item.id, rev: item.rev, fields: { kind: 'extension', newDeadline: current, reason: '设备到货推迟，需顺延安装。' } });
    expect(res.status).toBe(422);
    expect(res.json.errors).toEqual([{ field: 'fields.newDeadline', message: contentError.extensionNotLater }]);
  });

  it('refuses completing an item already completed', async () => {
    const token = await s.token('unit', completed.leadUnit!);
    const res = await post(token, { itemId: completed.id, rev: completed.rev, fields: { kind: 'completion', outcome: '已全部完成并通过验收。', completedOn: TODAY } });
    expect(res.status).toBe(422);
    expect(res.json.errors).toEqual([{ field: 'fields.kind', message: reportError.alreadyCompleted }]);
  });

  it('returns with a note, takes the revision, approves; a stale version is 409', async () => {
    const created = (await post(lead, progress())).json;
    expect((await act(created.id, lead, { action: 'approve', version: 1 })).status).toBe(403);
    expect((await act(created.id, s.tokens.reviewer, { action: 'return', version: 1, note: '请补充完成的具体数量。' })).json).toMatchObject({ status: 'returned', version: 2 });
    expect((await act(created.id, s.tokens.reviewer, { action: 'approve', version: 1 })).status).toBe(409);
    const again = await act(created.id, lead, { action: 'resubmit', version: 2, fields: { ...progress().fields, text: '完成第二批 12 台设备安装调试。' } });
    expect(again.json).toMatchObject({ status: 'pending', version: 3 });
    const approved = await act(created.id, s.tokens.reviewer, { action: 'approve', version: 3 });
    expect(approved.json).toMatchObject({ status: 'approved', approvedBy: reportLabels.approvedBy });
    expect(approved.json.events.map((e: { action: string }) => e.action)).toEqual(['submitted', 'returned', 'resubmitted', 'approved']);
  });

  it('hides reports from other units and the export from units', async () => {
    expect((await s.request('GET', `${routePath('reports')}?status=pending`, other)).json.reports).toEqual([]);
    expect((await s.request('GET', routePath('progressExport'), lead)).status).toBe(403);
    expect((await s.request('GET', routePath('progressExport'), s.tokens.reviewer)).json.reports.length).toBeGreaterThan(0);
  });
});
