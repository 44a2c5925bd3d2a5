/**
 * The units' daily digest of their supervision items (issue 11): for each responsible unit (lead or
 * supporting), its items due within DUE_SOON_WORKING_DAYS working days with no report in STALE_DAYS days,
 * and its reports the office returned. Sent on working days only, through the same reminder channel as the
 * submissions' 催办 (functions/staff/reminders.ts); one message per unit, none when it has nothing to do.
 * Layer: domain/ — pure; imports only domain/.
 */
import type { ClockContext } from '../feedback/workflow.ts';
import type { Reminder } from '../feedback/reminders.ts';
import { itemDigest as msg, reportLabels } from '../labels/zh-CN.ts';
import { DUE_SOON_WORKING_DAYS, itemFlags, STALE_DAYS, type ReportedItem, type ReportRecord } from './report.ts';

type DigestItem = ReportedItem & { readonly title: string; readonly lastUpdate?: string };

export function itemDigests(items: Iterable<DigestItem>, reports: readonly ReportRecord[], time: ClockContext, unitName: (id: string) => string, consoleUrl: string): Reminder[] {
  const { calendar } = time.clock;
  if (!calendar.isWorkingDay(time.today)) return [];
  const all = [...items];
  const byId = new Map(all.map((i) => [i.id, i]));
  const units = [...new Set(all.flatMap((i) => [i.leadUnit, ...i.supportUnits]))].sort();
  const out: Reminder[] = [];
  for (const unit of units) {
    const own = reports.filter((r) => r.unit === unit);
    const due = all
      .filter((i) => i.leadUnit === unit || i.supportUnits.includes(unit))
      .filter((i) => {
        const flags = itemFlags(i, own.filter((r) => r.itemId === i.id), time);
        return flags.includes('due_soon') && flags.includes('stale');
      })
      .sort((a, b) => (a.extensions.at(-1)?.newDeadline ?? a.deadline).localeCompare(b.extensions.at(-1)?.newDeadline ?? b.deadline) || a.id.localeCompare(b.id));
    const returned = own.filter((r) => r.status === 'returned').sort((a, b) => a.updatedAt.localeCompare(b.updatedAt));
    if (!due.length && !returned.length) continue;
    const body = [
      msg.intro(time.today),
      ...(due.length ? [msg.dueHeading(DUE_SOON_WORKING_DAYS, STALE_DAYS), ...due.map((i) => msg.dueLine(i.id, i.title, i.extensions.at(-1)?.newDeadline ?? i.deadline))] : []),
      ...(returned.length ? [msg.returnedHeading, ...returned.map((r) => msg.returnedLine(r.itemId, byId.get(r.itemId)?.title ?? '', reportLabels.kind[r.kind], r.note ?? ''))] : []),
      '',
      msg.link(consoleUrl),
      msg.footer,
    ].join('\n');
    out.push({ audience: { kind: 'unit', unit }, subject: msg.subject(unitName(unit), due.length + returned.length), body, trackingNumbers: [], about: 'items' });
  }
  return out;
}
