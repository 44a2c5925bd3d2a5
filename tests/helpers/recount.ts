/**
 * The public statistics' figures of some ledger rows, counted plainly from the rows as the ledger publishes
 * them — written apart from domain/feedback/stats.ts, as anyone holding the ledger could, so a test can
 * check the site's figures against it.
 */
import type { LedgerRow } from '../../domain/feedback/ledger.ts';
import { MIN_SAMPLE, type FeedbackFigures } from '../../domain/feedback/stats.ts';
import { rejectCategory } from '../../domain/labels/zh-CN.ts';

/** The figures of some rows, counted plainly. */
export function recount(rows: LedgerRow[], asOf: string): FeedbackFigures {
  const count = (f: (r: LedgerRow) => boolean) => rows.filter(f).length;
  const replied = rows.filter((r) => r.repliedOn !== null);
  const rated = rows.filter((r) => r.rating !== null);
  const days = replied.map((r) => r.workingDays!).sort((a, b) => a - b);
  const median = days.length === 0 ? null : days.length % 2 ? days[(days.length - 1) / 2]! : (days[days.length / 2 - 1]! + days[days.length / 2]!) / 2;
  const satisfied = count((r) => r.rating === 'satisfied' || r.rating === 'basically_satisfied');
  const onTime = count((r) => r.onTime === true);
  return {
    received: rows.length,
    accepted: count((r) => r.status !== 'received' && r.status !== 'rejected'),
    notAccepted: count((r) => r.status === 'rejected'),
    notAcceptedBy: Object.fromEntries(Object.keys(rejectCategory).map((c) => [c, count((r) => r.rejectCategory === c)])) as FeedbackFigures['notAcceptedBy'],
    replied: replied.length,
    repliedOnTime: onTime,
    onTimeRate: replied.length >= MIN_SAMPLE ? onTime / replied.length : null,
    medianWorkingDays: median,
    extended: count((r) => r.extended),
    overdueNow: count((r) => ['received', 'accepted', 'in_progress'].includes(r.status) && r.deadline !== null && r.deadline < asOf),
    rated: rated.length,
    satisfied,
    satisfiedRate: rated.length >= MIN_SAMPLE ? satisfied / rated.length : null,
    dissatisfied: count((r) => r.rating === 'dissatisfied'),
    reopened: count((r) => r.reopened),
  };
}

