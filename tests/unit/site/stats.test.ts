import { describe, expect, it } from 'vitest';
import { monthlyTrend, onTimeByUnit, overdueAgeing, statusByUnit } from '../../../site/lib/stats.ts';
import type { ItemFacts } from '../../../domain/items/derived.ts';

type Facts = ItemFacts & { leadUnit: string; supportUnits: string[] };
const item = (over: Partial<Facts>): Facts => ({
  status: 'in_progress', assignedOn: '2026-01-10', deadline: '2026-12-31', extensions: [], leadUnit: 'water', supportUnits: [], ...over,
});

describe('statistics', () => {
  const items = [
    item({ status: 'completed', completedOn: '2026-02-01' }),
    item({ status: 'completed', completedOn: '2027-02-01', assignedOn: '2026-03-05' }),
    item({ status: 'suspended', leadUnit: 'housing' }),
    item({ status: 'assigned', leadUnit: 'housing', assignedOn: '2026-03-20' }),
    item({ leadUnit: 'housing', deadline: '2026-02-01' }),
  ];

  it('counts led items by unit and status, biggest first, skipping units that lead nothing', () => {
    expect(statusByUnit(items, ['water', 'housing', 'idle'])).toEqual([
      { unit: 'housing', counts: { assigned: 1, in_progress: 1, completed: 0, suspended: 1 }, total: 3 },
      { unit: 'water', counts: { assigned: 0, in_progress: 0, completed: 2, suspended: 0 }, total: 2 },
    ]);
  });

  it('rates only units with completed items', () => {
    expect(onTimeByUnit(items, ['water', 'housing'])).toEqual([{ unit: 'water', completed: 2, rate: 0.5 }]);
  });

  it('builds a month-by-month trend up to today, including empty months', () => {
    expect(monthlyTrend(items, '2026-04-15')).toEqual([
      { month: '2026-01', assigned: 3, completed: 0 },
      { month: '2026-02', assigned: 0, completed: 1 },
      { month: '2026-03', assigned: 2, completed: 0 },
      { month: '2026-04', assigned: 0, completed: 0 },
    ]);
  });

  it('puts overdue items into ageing buckets by days overdue', () => {
    const today = '2026-12-31';
    const due = (deadline: string) => item({ deadline });
    // 1, 30 | 31, 90 | 91, 180 | 181 days overdue
    const list = ['2026-12-30', '2026-12-01', '2026-11-30', '2026-10-02', '2026-10-01', '2026-07-04', '2026-07-03'].map(due);
    expect(overdueAgeing(list, today)).toEqual([2, 2, 2, 1]);
    expect(overdueAgeing([item({ status: 'completed', completedOn: '2026-12-01', deadline: '2026-01-01' })], today)).toEqual([0, 0, 0, 0]);
  });
});
