import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  completion,
  daysLate,
  daysLeft,
  daysOverdue,
  daysToComplete,
  effectiveDeadline,
  headline,
  isOverdue,
  median,
  onTimeRate,
  scorecard,
  type ItemFacts,
} from '../../../domain/items/derived.ts';
import { asOfDate, chinaDate, daysBetween, monthRange } from '../../../domain/dates.ts';
import { buildError } from '../../../domain/labels/zh-CN.ts';

type Facts = ItemFacts & { leadUnit: string; supportUnits: string[] };

function item(over: Partial<Facts> = {}): Facts {
  return { status: 'in_progress', assignedOn: '2026-01-10', deadline: '2026-03-31', extensions: [], leadUnit: 'water', supportUnits: [], ...over };
}
const ext = (newDeadline: string) => ({ requestedOn: '2026-03-20', newDeadline, reason: '理由', approvedBy: '督查室' });

describe('effective deadline and overdue', () => {
  it('is the original deadline without extensions and the last approved one with them', () => {
    expect(effectiveDeadline(item())).toBe('2026-03-31');
    expect(effectiveDeadline(item({ extensions: [ext('2026-05-31'), ext('2026-07-15')] }))).toBe('2026-07-15');
  });

  it('counts the deadline day itself as on time, the day after as overdue', () => {
    expect(isOverdue(item(), '2026-03-31')).toBe(false);
    expect(daysLeft(item(), '2026-03-31')).toBe(0);
    expect(isOverdue(item(), '2026-04-01')).toBe(true);
    expect(daysOverdue(item(), '2026-04-01')).toBe(1);
    expect(daysLeft(item(), '2026-04-01')).toBeNull();
  });

  it('uses the extension: not overdue while within the new deadline', () => {
    const extended = item({ extensions: [ext('2026-06-30')] });
    expect(isOverdue(extended, '2026-05-01')).toBe(false);
    expect(isOverdue(extended, '2026-07-01')).toBe(true);
    expect(daysOverdue(extended, '2026-07-11')).toBe(11);
  });

  it('never marks a completed item overdue, and suspended items still run late', () => {
    expect(isOverdue(item({ status: 'completed', completedOn: '2026-06-01' }), '2026-12-01')).toBe(false);
    expect(isOverdue(item({ status: 'suspended' }), '2026-12-01')).toBe(true);
  });
});

describe('completion', () => {
  it('is on time on or before the effective deadline, late after it', () => {
    expect(completion(item({ status: 'completed', completedOn: '2026-03-31' }))).toBe('on_time');
    expect(completion(item({ status: 'completed', completedOn: '2026-04-03' }))).toBe('late');
    expect(daysLate(item({ status: 'completed', completedOn: '2026-04-03' }))).toBe(3);
    expect(completion(item({ status: 'completed', completedOn: '2026-04-03', extensions: [ext('2026-04-30')] }))).toBe('on_time');
    expect(completion(item())).toBeNull();
  });

  it('counts days to complete from assignment', () => {
    expect(daysToComplete(item({ status: 'completed', completedOn: '2026-01-10' }))).toBe(0);
    expect(daysToComplete(item({ status: 'completed', completedOn: '2026-03-01' }))).toBe(50);
    expect(daysToComplete(item())).toBeNull();
  });
});

describe('scorecards', () => {
  const items: Facts[] = [
    item({ status: 'completed', completedOn: '2026-02-09' }), // 30 days, on time
    item({ status: 'completed', completedOn: '2026-04-20' }), // 100 days, late
    item({ status: 'completed', completedOn: '2026-03-01', extensions: [ext('2026-05-01')] }), // 50 days, on time
    item({ status: 'in_progress' }), // overdue on 2026-05-01
    item({ status: 'assigned', deadline: '2026-12-31' }),
    item({ leadUnit: 'housing', supportUnits: ['water'] }),
  ];

  it('counts led items, completion, on-time rate, overdue and the median days', () => {
    expect(scorecard('water', items, '2026-05-01')).toEqual({
      led: 5,
      supported: 1,
      completed: 3,
      completedOnTime: 2,
      completedLate: 1,
      open: 2,
      onTimeRate: 2 / 3,
      overdueNow: 1,
      medianDaysToComplete: 50,
    });
  });

  it('has no rate or median for a unit with nothing completed', () => {
    const card = scorecard('housing', items, '2026-05-01');
    expect(card.onTimeRate).toBeNull();
    expect(card.medianDaysToComplete).toBeNull();
    expect(card.overdueNow).toBe(1);
  });

  it('agrees with the headline figures', () => {
    expect(headline(items, '2026-05-01')).toEqual({ total: 6, completed: 3, open: 3, onTimeRate: 2 / 3, overdueNow: 2 });
    expect(onTimeRate([])).toBeNull();
  });

  it('takes the middle of an even list as the mean of the two middle values', () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 10])).toBe(3.5);
  });
});

describe('China dates', () => {
  it('uses the Asia/Shanghai date whatever the machine zone', () => {
    const before = process.env.TZ;
    try {
      for (const tz of ['UTC', 'America/Los_Angeles', 'Pacific/Kiritimati']) {
        process.env.TZ = tz;
        // 2026-03-31 15:59:59 UTC is 23:59:59 in Shanghai; one second later it is April 1st there.
        expect(chinaDate(new Date('2026-03-31T15:59:59Z'))).toBe('2026-03-31');
        expect(chinaDate(new Date('2026-03-31T16:00:00Z'))).toBe('2026-04-01');
        expect(asOfDate({}, new Date('2026-03-31T16:00:00Z'))).toBe('2026-04-01');
      }
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });

  it('makes an item overdue at Shanghai midnight, not UTC midnight', () => {
    const due = item({ deadline: '2026-03-31' });
    expect(isOverdue(due, asOfDate({}, new Date('2026-03-31T15:59:59Z')))).toBe(false);
    expect(isOverdue(due, asOfDate({}, new Date('2026-03-31T16:00:00Z')))).toBe(true);
  });

  it('matches UTC+8 for any instant (China has no daylight saving)', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1992-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }), (d) => {
        expect(chinaDate(d)).toBe(new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10));
      }),
      { numRuns: 2000 },
    );
  });

  it('takes DUCHA_AS_OF when set and refuses a bad one', () => {
    expect(asOfDate({ DUCHA_AS_OF: '2025-12-31' }, new Date('2026-06-01T00:00:00Z'))).toBe('2025-12-31');
    expect(() => asOfDate({ DUCHA_AS_OF: '2025-13-01' })).toThrow(buildError.asOf('2025-13-01'));
  });

  it('counts days across month, year and leap-day boundaries', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2025-12-31', '2026-01-01')).toBe(1);
    expect(daysBetween('2026-03-01', '2026-02-01')).toBe(-28);
    expect(monthRange('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  });
});
