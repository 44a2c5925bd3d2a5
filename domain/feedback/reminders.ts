/**
 * The daily reminder (催办): to each unit, its submissions whose reply deadline is near (即将到期) or past
 * (已超期); to the reviewers, the submissions not yet accepted. Only tracking numbers, kinds and deadlines —
 * a reminder travels by email or SMS, so it carries no title, text or contact. Sent on working days only.
 * The message shape (`Reminder`: audience, subject, body) is what any reminder channel sends, whatever
 * produced it (units' progress reports use the same channel).
 * Layer: domain/ — pure: imports only domain/ (and zod, js-yaml, node:crypto); no I/O, no Astro, Hono or AWS SDK.
 */
import { deadlineLabel, reminder as msg } from '../labels/zh-CN.ts';
import { kindLabel } from './kinds.ts';
import type { SubmissionRecord } from './submission.ts';
import { submissionClock } from './views.ts';
import type { ClockContext } from './workflow.ts';

/** Who a reminder is for: one unit's staff, or the office's reviewers. */
export type ReminderAudience = { readonly kind: 'unit'; readonly unit: string } | { readonly kind: 'reviewers' };

/** One message to one audience. */
export interface Reminder {
  readonly audience: ReminderAudience;
  readonly subject: string;
  readonly body: string;
  /** The tracking numbers it names (for logs and tests). */
  readonly trackingNumbers: readonly string[];
  /** A unit's digest of its supervision items (domain/items/report-digest.ts), beside its submissions' 催办. */
  readonly about?: 'items';
}

/** Today's reminders from the open submissions (received, accepted, in progress); none on a day off. */
export function dailyReminders(open: readonly SubmissionRecord[], time: ClockContext, unitName: (id: string) => string, consoleUrl: string): Reminder[] {
  if (!time.clock.calendar.isWorkingDay(time.today)) return [];
  const lines = (records: readonly SubmissionRecord[]) =>
    records.map((r) => {
      const c = submissionClock(r, time)!;
      return msg.line(r.trackingNumber, kindLabel(r.kind), c.stage === 'accept' ? deadlineLabel.acceptBy : deadlineLabel.replyBy, c.deadline, c.label);
    });
  const body = (records: readonly SubmissionRecord[]) => [msg.intro(time.today), ...lines(records), '', msg.link(consoleUrl), msg.footer].join('\n');
  const byDeadline = (a: SubmissionRecord, b: SubmissionRecord) => (submissionClock(a, time)!.deadline).localeCompare(submissionClock(b, time)!.deadline) || a.trackingNumber.localeCompare(b.trackingNumber);

  const out: Reminder[] = [];
  const waiting = open.filter((r) => r.status === 'received' && submissionClock(r, time)).sort(byDeadline);
  if (waiting.length) out.push({ audience: { kind: 'reviewers' }, subject: msg.reviewerSubject(waiting.length), body: body(waiting), trackingNumbers: waiting.map((r) => r.trackingNumber) });

  const pressing = open.filter((r) => r.status !== 'received' && ['due_soon', 'overdue'].includes(submissionClock(r, time)?.state ?? ''));
  const byUnit = new Map<string, SubmissionRecord[]>();
  for (const r of pressing) for (const u of r.units ?? []) byUnit.set(u, [...(byUnit.get(u) ?? []), r]);
  for (const [unit, records] of [...byUnit].sort(([a], [b]) => a.localeCompare(b))) {
    const sorted = records.sort(byDeadline);
    out.push({ audience: { kind: 'unit', unit }, subject: msg.unitSubject(unitName(unit), sorted.length), body: body(sorted), trackingNumbers: sorted.map((r) => r.trackingNumber) });
  }
  return out;
}
