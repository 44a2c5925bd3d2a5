/**
 * The ledger through the staff API, and the daily reminder through the store, on both DynamoDB engines:
 * one content-free row per submission in the month asked for; a clue's unit only once replied; the
 * scheduled export's machine credential reaches the export routes and nothing else; the reminder writes
 * each unit's pressing submissions and the reviewers' waiting ones to the outbox.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { routePath } from '../../domain/api/routes.ts';
import { LEDGER_COLUMNS } from '../../domain/feedback/ledger.ts';
import type { Reminder } from '../../domain/feedback/reminders.ts';
import { signDevMachineToken } from '../../functions/local/dev-auth.ts';
import { localReminders } from '../../functions/local/portal.ts';
import { FACTS, staffTestApi, UNITS, type StaffTestApi } from '../helpers/staff.ts';
import { itemDigest } from '../../domain/labels/zh-CN.ts';

const engines = Object.entries(inject('engines'));

describe.each(engines)('the ledger and the reminder on %s', (_engine, endpoint) => {
  let s: StaffTestApi;
  let machine: string;
  let suggestion: string;
  let clue: string;
  let waiting: string;
  beforeAll(async () => {
    s = await staffTestApi(endpoint, { clock: { now: new Date('2026-11-02T02:00:00Z') }, limits: { submit: { capacity: 10_000, perSeconds: 60 }, submitUnverified: { capacity: 10_000, perSeconds: 60 } } });
    machine = await signDevMachineToken(s.dataDir);
    const act = async (t: string, action: string, body: Record<string, unknown> = {}) => {
      const version = (await s.request('GET', `/api/staff/submissions/${t}`, s.tokens.admin)).json.submission.version;
      expect((await s.act(t, s.tokens.admin, { action, version, ...body })).status).toBe(200);
    };
    suggestion = (await s.submit({ title: '王五反映的小区积水问题' })).trackingNumber;
    clue = (await s.submit({ kind: 'clue' })).trackingNumber;
    waiting = (await s.submit()).trackingNumber;
    for (const t of [suggestion, clue]) {
      await act(t, 'accept');
      await act(t, 'assign', { units: ['water'] });
    }
  });
  const ledger = (token: string, month = '2026-11') => s.request('GET', `${routePath('ledger')}?month=${month}`, token);

  it('has one row per submission of the month, with the ledger columns and nothing else', async () => {
    const res = await ledger(s.tokens.reviewer);
    expect(res.status).toBe(200);
    expect(res.json.rows.map((r: { trackingNumber: string }) => r.trackingNumber).sort()).toEqual([suggestion, clue, waiting].sort());
    for (const r of res.json.rows) expect(Object.keys(r).sort()).toEqual([...LEDGER_COLUMNS].sort());
    expect(JSON.stringify(res.json)).not.toContain('王五');
    expect(res.json).toMatchObject({ month: '2026-11', asOf: '2026-11-02', firstMonth: '2026-11' });
    expect((await ledger(s.tokens.reviewer, '2026-10')).json.rows).toEqual([]);
  });

  it("names a suggestion's unit once assigned, a clue's only once replied", async () => {
    const rows = (await ledger(s.tokens.reviewer)).json.rows as { trackingNumber: string; unit: string | null }[];
    expect(rows.find((r) => r.trackingNumber === suggestion)!.unit).toBe('water');
    expect(rows.find((r) => r.trackingNumber === clue)!.unit).toBeNull();
  });

  it('lets the machine credential export, and nothing else', async () => {
    expect((await ledger(machine)).status).toBe(200);
    expect((await s.request('GET', routePath('export'), machine)).status).toBe(200);
    expect((await s.request('GET', '/api/staff/queue?status=received', machine)).status).toBe(403);
    expect((await s.request('GET', `/api/staff/submissions/${suggestion}`, machine)).status).toBe(403);
    expect((await s.act(waiting, machine, { action: 'accept', version: 1 })).status).toBe(403);
  });

  it('refuses a machine token without the export scope, and units', async () => {
    expect((await ledger(await signDevMachineToken(s.dataDir, { scope: 'ducha-api/other' }))).status).toBe(401);
    expect((await ledger(await signDevMachineToken(s.dataDir, { client: 'someone-else' }))).status).toBe(401);
    expect((await ledger(s.tokens.water)).status).toBe(403);
  });

  it("writes the daily reminder to the outbox: the reviewers the waiting one, the unit what is due, and the unit's items to report on", async () => {
    const outbox = path.join(s.dataDir, 'reminders-outbox');
    // Four working days later the suggestion's reply deadline (5 working days) is one working day away; the clue's (7) is not.
    const now = new Date('2026-11-06T01:30:00Z');
    // A published item of the water bureau due in a few working days, its last update two months back.
    const item = { id: 'DC-2026-014', title: '城区易涝点整治', leadUnit: 'water', supportUnits: [], assignedOn: '2026-08-03', deadline: '2026-11-11', extensions: [], status: 'in_progress', progress: 40, updates: 1, lastUpdate: '2026-09-01', rev: 'r1' };
    const facts = { ...FACTS, items: [item] };
    const r = localReminders({ endpoint, tables: s.api.tables, outboxDir: outbox, units: UNITS, siteUrl: 'http://localhost:4321', now: () => now, facts });
    const sent = await r.send();
    r.client.destroy();
    const files = readdirSync(path.join(outbox, 'reminders')).sort();
    expect(files).toEqual(['2026-11-06-reviewers.json', '2026-11-06-unit-water-items.json', '2026-11-06-unit-water.json']);
    const read = (f: string) => JSON.parse(readFileSync(path.join(outbox, 'reminders', f), 'utf8')) as Reminder;
    expect(read('2026-11-06-reviewers.json').trackingNumbers).toContain(waiting);
    expect(read('2026-11-06-unit-water.json').trackingNumbers).toEqual([suggestion]);
    expect(read('2026-11-06-unit-water-items.json').body).toContain(itemDigest.dueLine(item.id, item.title, item.deadline));
    expect(sent).toHaveLength(3);
  });
});
