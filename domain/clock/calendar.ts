/**
 * The working-day calendar of mainland China: weekends, public holidays and 调休 make-up working days (a
 * Saturday that is a working day counts). The State Council's schedules come from the maintained package
 * `chinese-days`; the editors' `content/calendar.yaml` adds or overrides days (the schedule for next year
 * is published each winter, often before the package catches up). Dates are China dates (Asia/Shanghai),
 * `YYYY-MM-DD`. Used by the feedback clock (time limits, deadlines, reminders) and by anything else that
 * counts working days (units' progress reports).
 *
 * Counting convention, everywhere: "N working days after D" is the N-th working day strictly after D, so a
 * time limit running from an acceptance on D ends on that day; `workingDaysBetween(D, E)` counts the
 * working days in (D, E], so `workingDaysBetween(D, addWorkingDays(D, N)) === N`.
 * Layer: domain/ — pure: imports only domain/ (and zod, js-yaml, node:crypto, chinese-days); no I/O, no Astro, Hono or AWS SDK.
 */
import chineseDays from 'chinese-days';
import { addDays } from '../dates.ts';

/** One day the editors set: a holiday (休息) or a working day (上班), with what it is for. */
export interface CalendarDay {
  readonly date: string;
  readonly work: boolean;
  /** e.g. 春节, 国庆节调休上班. */
  readonly name?: string;
}

export interface WorkingCalendar {
  /** Whether the China date is a working day. */
  isWorkingDay(date: string): boolean;
  /** The `n`-th working day after `date` (n ≥ 1); `date` itself for n = 0 when it is a working day, else the next one. */
  addWorkingDays(date: string, n: number): string;
  /** Working days in (from, to]; negative (the count in (to, from]) when `to` is earlier. */
  workingDaysBetween(from: string, to: string): number;
  /** The first working day after `date`. */
  nextWorkingDay(date: string): string;
  /** What the calendar says of a day: working or not, and the holiday or make-up day's name if any. */
  day(date: string): { readonly work: boolean; readonly name?: string; readonly source: 'editors' | 'package' };
}

/** Longer than any run of non-working days can be; stops a broken calendar from looping for ever. */
const MAX_SPAN = 4_000;

/** A calendar from the package's schedules with the editors' days laid over them. */
export function workingCalendar(overrides: readonly CalendarDay[] = []): WorkingCalendar {
  const editors = new Map(overrides.map((d) => [d.date, d]));
  const cache = new Map<string, boolean>();

  function day(date: string) {
    const own = editors.get(date);
    if (own) return { work: own.work, ...(own.name ? { name: own.name } : {}), source: 'editors' as const };
    // A local-noon Date: the package reads dates in the machine's time zone, which must not shift the day.
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    const detail = chineseDays.getDayDetail(new Date(y, m - 1, d, 12));
    // The package names ordinary days by their weekday (English); holidays and make-up days are "English,中文,n".
    const name = detail.name.split(',')[1];
    return { work: detail.work, ...(name ? { name } : {}), source: 'package' as const };
  }

  function isWorkingDay(date: string): boolean {
    let work = cache.get(date);
    if (work === undefined) {
      work = day(date).work;
      cache.set(date, work);
    }
    return work;
  }

  function step(date: string, direction: 1 | -1): string {
    let d = date;
    for (let i = 0; i < MAX_SPAN; i++) {
      d = addDays(d, direction);
      if (isWorkingDay(d)) return d;
    }
    throw new RangeError(`no working day within ${MAX_SPAN} days of ${date}`);
  }

  function addWorkingDays(date: string, n: number): string {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0: ${n}`);
    if (n === 0) return isWorkingDay(date) ? date : step(date, 1);
    let d = date;
    for (let i = 0; i < n; i++) d = step(d, 1);
    return d;
  }

  function workingDaysBetween(from: string, to: string): number {
    if (to < from) return -workingDaysBetween(to, from);
    let n = 0;
    for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isWorkingDay(d)) n += 1;
    return n;
  }

  return { isWorkingDay, addWorkingDays, workingDaysBetween, nextWorkingDay: (date) => step(date, 1), day };
}
