/**
 * How a deadline stands on a given day, in working days: left before it, or overdue (in calendar days),
 * and whether it is 即将到期. Shared by every clock that counts working days (citizens' submissions,
 * units' progress reports).
 * Layer: domain/ — pure: imports only domain/ (and zod, js-yaml, node:crypto, chinese-days); no I/O, no Astro, Hono or AWS SDK.
 */
import { daysBetween } from '../dates.ts';
import { deadlineLabel } from '../labels/zh-CN.ts';
import type { WorkingCalendar } from './calendar.ts';

export type DeadlineState = 'running' | 'due_soon' | 'overdue';

export interface DeadlineStanding {
  /** The China date it falls on (the last day allowed). */
  readonly deadline: string;
  readonly state: DeadlineState;
  /** Working days after today up to the deadline (0 on the day itself); 0 once overdue. */
  readonly workingDaysLeft: number;
  /** Calendar days since the deadline; 0 until then. */
  readonly daysOverdue: number;
  /** What people read: 剩余 3 个工作日, 今天到期, 已超期 2 天. */
  readonly label: string;
}

export function deadlineStanding(calendar: WorkingCalendar, deadline: string, today: string, dueSoon: number): DeadlineStanding {
  if (today > deadline) {
    const daysOverdue = daysBetween(deadline, today);
    return { deadline, state: 'overdue', workingDaysLeft: 0, daysOverdue, label: `${deadlineLabel.overdue} ${daysOverdue} 天` };
  }
  const left = calendar.workingDaysBetween(today, deadline);
  return {
    deadline,
    state: left <= dueSoon ? 'due_soon' : 'running',
    workingDaysLeft: left,
    daysOverdue: 0,
    label: left === 0 ? deadlineLabel.today : deadlineLabel.left(left),
  };
}
