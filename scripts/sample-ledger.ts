/**
 * `npm run sample:ledger` — (re)write the sample city's public ledger under content/ledger/: synthetic
 * submissions from March 2026 to the sample's "today" (2026-11-26) through the real calendar and time
 * limits, and the three published replies (content/replies/) as the rows they are. What `npm run
 * ledger:export` writes for a real office; deterministic, so running it again changes nothing.
 * Layer: scripts/ — may import any layer but tests/; only scripts/ and tests/ import it.
 */
import path from 'node:path';
import { clockFromData } from '../domain/feedback/clock-setup.ts';
import type { LedgerRow } from '../domain/feedback/ledger.ts';
import { readClockData, readContent, statsUnitOrder } from '../site/lib/content-source.ts';
import { writeLedger } from './lib/ledger-files.ts';
import { syntheticLedger } from './lib/synthetic-ledger.ts';

const root = path.resolve(import.meta.dirname, '..');
const contentDir = path.join(root, 'content');
const AS_OF = '2026-11-26';
const content = readContent(contentDir, root);
const clock = clockFromData(readClockData(contentDir));
const units = content.units.map((u) => u.id);
const rows = syntheticLedger({ count: 420, units, from: '2026-03-01', asOf: AS_OF, clock, seed: 20261126 });
// The published replies are real rows of the sample: the same number, kind, unit and dates.
const published: LedgerRow[] = content.replies.map(({ data: r }) => {
  const deadline = clock.calendar.addWorkingDays(clock.calendar.addWorkingDays(r.submittedOn, 1), clock.settings.timeLimits[r.kind].reply);
  return {
    trackingNumber: r.trackingNumber, receivedOn: r.submittedOn, kind: r.kind, status: 'closed', unit: r.unit, deadline, repliedOn: r.repliedOn,
    onTime: r.repliedOn <= deadline, workingDays: clock.calendar.workingDaysBetween(r.submittedOn, r.repliedOn), extended: false, rating: 'satisfied', reopened: false, rejectCategory: null,
  };
});
const result = writeLedger(path.join(contentDir, 'ledger'), [...rows, ...published], AS_OF, statsUnitOrder(content.units.map((u) => u.data), content.feedbackSettings));
console.log(`示例台账：${rows.length + published.length} 行，${result.changed.length} 个月份文件有变化。`);
