/**
 * The working-day clock against the State Council's published schedules (国务院办公厅关于 2025 年、2026 年部分
 * 节假日安排的通知), the editors' content/calendar.yaml laid over them, and its arithmetic as properties
 * across 2025–2027. The expected days below are the notices' own text, not the package's data.
 */
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { workingCalendar } from '../../../domain/clock/calendar.ts';
import { deadlineStanding } from '../../../domain/clock/deadline.ts';
import { calendarDays } from '../../../domain/content/calendar.ts';
import { addDays, daysBetween, weekday } from '../../../domain/dates.ts';
import { deadlineLabel } from '../../../domain/labels/zh-CN.ts';
import { readContent } from '../../../site/lib/content-source.ts';
import { root } from '../../helpers/paths.ts';

const CONTENT_DIR = path.join(root, 'content');

/** Every date from `first` to `last`. */
const span = (first: string, last: string) => Array.from({ length: daysBetween(first, last) + 1 }, (_, i) => addDays(first, i));

/** Holidays (放假调休) and make-up working days (上班) as the two notices list them. */
const NOTICES: { year: number; holidays: string[]; workdays: string[] }[] = [
  {
    year: 2025,
    holidays: [
      '2025-01-01', ...span('2025-01-28', '2025-02-04'), ...span('2025-04-04', '2025-04-06'), ...span('2025-05-01', '2025-05-05'),
      ...span('2025-05-31', '2025-06-02'), ...span('2025-10-01', '2025-10-08'),
    ],
    workdays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  {
    year: 2026,
    holidays: [
      ...span('2026-01-01', '2026-01-03'), ...span('2026-02-15', '2026-02-23'), ...span('2026-04-04', '2026-04-06'), ...span('2026-05-01', '2026-05-05'),
      ...span('2026-06-19', '2026-06-21'), ...span('2026-09-25', '2026-09-27'), ...span('2026-10-01', '2026-10-07'),
    ],
    workdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
];

const content = readContent(CONTENT_DIR, path.dirname(CONTENT_DIR));
const editorsDays = content.calendar ? calendarDays(content.calendar) : [];
const calendar = workingCalendar(editorsDays);

describe('the working-day calendar', () => {
  it.each(NOTICES)('follows the State Council schedule of $year day by day', ({ year, holidays, workdays }) => {
    const off = new Set(holidays);
    const on = new Set(workdays);
    for (const d of span(`${year}-01-01`, `${year}-12-31`)) {
      const expected = on.has(d) || (!off.has(d) && weekday(d) >= 1 && weekday(d) <= 5);
      expect(calendar.isWorkingDay(d), d).toBe(expected);
    }
  });

  it('counts the 2026 Spring Festival as nine days off between two working Saturdays', () => {
    expect(calendar.addWorkingDays('2026-02-13', 1)).toBe('2026-02-14');
    expect(calendar.addWorkingDays('2026-02-14', 1)).toBe('2026-02-24');
    expect(calendar.workingDaysBetween('2026-02-13', '2026-02-28')).toBe(1 + 4 + 1);
  });

  it('counts the 2026 National Day week with its make-up Sunday and Saturday', () => {
    expect(calendar.isWorkingDay('2026-09-20')).toBe(true);
    expect(calendar.addWorkingDays('2026-09-30', 1)).toBe('2026-10-08');
    expect(calendar.addWorkingDays('2026-10-09', 1)).toBe('2026-10-10');
  });

  it("lays the editors' content/calendar.yaml over the package", () => {
    expect(editorsDays.length).toBeGreaterThan(0);
    for (const d of editorsDays) expect(calendar.day(d.date), d.date).toMatchObject({ work: d.work, source: 'editors' });
  });

  it('lets an editor turn any day into a working day or a holiday', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2025-01-01T00:00:00Z'), max: new Date('2027-12-31T00:00:00Z'), noInvalidDate: true }), fc.boolean(), (d, work) => {
        const date = d.toISOString().slice(0, 10);
        expect(workingCalendar([{ date, work }]).isWorkingDay(date)).toBe(work);
      }),
    );
  });

  it('reads the same days whatever the machine’s time zone', () => {
    const before = process.env.TZ;
    const days = span('2026-01-01', '2026-12-31');
    const inShanghai = days.map((d) => workingCalendar().isWorkingDay(d));
    try {
      process.env.TZ = 'America/Los_Angeles';
      expect(days.map((d) => workingCalendar().isWorkingDay(d))).toEqual(inShanghai);
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });
});

describe('working-day arithmetic across 2025–2027', () => {
  const date = fc.date({ min: new Date('2025-01-01T00:00:00Z'), max: new Date('2027-11-30T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  const n = fc.integer({ min: 0, max: 40 });

  it('adding N working days and counting back gives N', () => {
    fc.assert(fc.property(date, n.filter((x) => x > 0), (d, k) => calendar.workingDaysBetween(d, calendar.addWorkingDays(d, k)) === k));
  });

  it('never lands a deadline on a day off', () => {
    fc.assert(fc.property(date, n, (d, k) => calendar.isWorkingDay(calendar.addWorkingDays(d, k))));
  });

  it('moves later the more days are added, and later from a later start', () => {
    fc.assert(
      fc.property(date, n, n, (d, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(calendar.addWorkingDays(d, lo) <= calendar.addWorkingDays(d, hi)).toBe(true);
        expect(calendar.addWorkingDays(d, lo) <= calendar.addWorkingDays(addDays(d, 3), lo)).toBe(true);
      }),
    );
  });

  it('counts between two days the same either way round, with the sign', () => {
    fc.assert(fc.property(date, date, (a, b) => calendar.workingDaysBetween(a, b) === -calendar.workingDaysBetween(b, a)));
  });
});

describe('a deadline today', () => {
  it('is running, due soon, due today or overdue as the working days say', () => {
    expect(deadlineStanding(calendar, '2026-02-27', '2026-02-13', 1)).toMatchObject({ state: 'running', workingDaysLeft: calendar.workingDaysBetween('2026-02-13', '2026-02-27') });
    expect(deadlineStanding(calendar, '2026-02-24', '2026-02-14', 1)).toMatchObject({ state: 'due_soon', workingDaysLeft: 1, label: deadlineLabel.left(1) });
    expect(deadlineStanding(calendar, '2026-02-24', '2026-02-24', 1)).toMatchObject({ state: 'due_soon', workingDaysLeft: 0, label: deadlineLabel.today });
    expect(deadlineStanding(calendar, '2026-02-24', '2026-02-26', 1)).toMatchObject({ state: 'overdue', daysOverdue: 2 });
  });
});
