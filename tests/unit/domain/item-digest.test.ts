/**
 * The units' daily digest of their supervision items: items due within DUE_SOON_WORKING_DAYS working days
 * with no report in STALE_DAYS days, and returned reports; one message per responsible unit; nothing on a
 * day off or for a unit with nothing to do.
 */
import { describe, expect, it } from 'vitest';
import { feedbackClock } from '../../../domain/feedback/clock-setup.ts';
import { itemDigests } from '../../../domain/items/report-digest.ts';
import { DUE_SOON_WORKING_DAYS, STALE_DAYS, type ReportRecord, type ReportedItem } from '../../../domain/items/report.ts';
import { addDays } from '../../../domain/dates.ts';
import { itemDigest, reportLabels } from '../../../domain/labels/zh-CN.ts';

const clock = feedbackClock();
const cal = clock.calendar;
// A working day, and the dates around it derived from the domain's own limits.
let today = '2026-11-26';
while (!cal.isWorkingDay(today)) today = addDays(today, 1);
const longAgo = addDays(today, -(STALE_DAYS + 5));
const recently = addDays(today, -3);
const soon = cal.addWorkingDays(today, DUE_SOON_WORKING_DAYS - 1);
const later = cal.addWorkingDays(today, DUE_SOON_WORKING_DAYS + 5);

const item = (id: string, over: Partial<ReportedItem & { lastUpdate: string }>) => ({
  id, title: `事项${id}`, leadUnit: 'water', supportUnits: ['urban'], assignedOn: longAgo, deadline: soon, extensions: [], status: 'in_progress', progress: 20, updates: 1, lastUpdate: longAgo, ...over,
});
const items = [
  item('DC-2026-001', {}), // due soon, nothing for 30+ days: both units
  item('DC-2026-002', { lastUpdate: recently }), // due soon but updated recently
  item('DC-2026-003', { deadline: later }), // stale but not due soon
  item('DC-2026-004', { status: 'completed' }),
];
const report = (over: Partial<ReportRecord>): ReportRecord => ({
  id: 'RP1', itemId: 'DC-2026-003', unit: 'water', kind: 'progress', status: 'returned', fields: { kind: 'progress', date: recently, text: '进展', progress: 30 } as never,
  rev: 'r', createdAt: `${recently}T02:00:00.000Z`, updatedAt: `${recently}T03:00:00.000Z`, note: '请补充完成时限', version: 2, events: [], ...over,
});
const unitName = (id: string) => ({ water: '水务局', urban: '城管局' })[id] ?? id;

describe("the units' digest of their items", () => {
  const sent = itemDigests(items, [report({})], { clock, today }, unitName, 'http://localhost/staff/');
  const to = (unit: string) => sent.filter((r) => r.audience.kind === 'unit' && r.audience.unit === unit);

  it('lists, for the lead and the supporting unit, only the items due soon with no report in 30 days', () => {
    for (const unit of ['water', 'urban']) {
      const [digest] = to(unit);
      expect(digest!.body).toContain(itemDigest.dueLine('DC-2026-001', '事项DC-2026-001', soon));
      for (const other of ['DC-2026-002', 'DC-2026-004']) expect(digest!.body).not.toContain(other);
    }
  });

  it("adds the unit's returned reports with the office's note, and names the count in the subject", () => {
    const [water] = to('water');
    expect(water!.body).toContain(itemDigest.returnedLine('DC-2026-003', '事项DC-2026-003', reportLabels.kind.progress, '请补充完成时限'));
    expect(water!.subject).toBe(itemDigest.subject('水务局', 2));
    expect(to('urban')[0]!.body).not.toContain(itemDigest.returnedHeading);
  });

  it("counts a unit's recent report as reporting", () => {
    const reported = itemDigests(items, [report({ itemId: 'DC-2026-001', unit: 'urban', status: 'pending' })], { clock, today }, unitName, '');
    expect(reported.filter((r) => r.audience.kind === 'unit' && r.audience.unit === 'urban')).toEqual([]);
  });

  it('sends nothing on a day off', () => {
    let dayOff = today;
    while (cal.isWorkingDay(dayOff)) dayOff = addDays(dayOff, 1);
    expect(itemDigests(items, [report({})], { clock, today: dayOff }, unitName, '')).toEqual([]);
  });
});
