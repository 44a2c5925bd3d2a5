/**
 * `content/calendar.yaml`: the editors' working-day calendar — days that add to or override the State
 * Council's schedules in the `chinese-days` package (domain/clock/calendar.ts): a holiday (放假) or a
 * make-up working day (上班), each within the years the file says it covers, each date once.
 * Layer: domain/ — pure: imports only domain/ (and zod, js-yaml, node:crypto); no I/O, no Astro, Hono or AWS SDK.
 */
import * as z from 'zod';
import { calendarDayKind, clockError as msg } from '../labels/zh-CN.ts';
import type { CalendarDay } from '../clock/calendar.ts';
import { codeList, isoDate, text } from './common.ts';

const calendarDaySchema = z.strictObject({
  /** The China date, `YYYY-MM-DD`. */
  date: isoDate,
  /** `holiday` (放假) or `workday` (上班, e.g. a 调休 Saturday). */
  day: codeList(calendarDayKind),
  /** What the day is, e.g. 春节 or 春节调休上班. */
  name: text(30).optional(),
});

export const calendarSchema = z
  .strictObject({
    /** The years this file's days belong to, e.g. `[2027]`. */
    years: z.array(z.number({ error: msg.year }).int({ error: msg.year }).min(2000, { error: msg.year }).max(2100, { error: msg.year }), { error: msg.yearsRequired }).min(1, { error: msg.yearsRequired }),
    /** The days, in any order. @default [] */
    days: z.array(calendarDaySchema).default([]),
  })
  .superRefine(
    (file, ctx) => {
      // Runs even when other days are wrong (see `when`), so every problem is reported at once: the input
      // may not have passed the schema, hence the checks on each value.
      const years = new Set(file.years.map(String));
      const seen = new Set<string>();
      file.days.forEach((d, i) => {
        const date = (d as { date?: unknown } | null)?.date;
        if (typeof date !== 'string' || !/^\d{4}-/.test(date)) return;
        if (!years.has(date.slice(0, 4))) ctx.addIssue({ code: 'custom', path: ['days', i, 'date'], message: msg.outsideYears(file.years.join(', ')) });
        // The first occurrence's line is added by the reader, which knows the lines (content-source.ts).
        if (seen.has(date)) ctx.addIssue({ code: 'custom', path: ['days', i, 'date'], message: msg.duplicateDate(undefined), params: { duplicateOf: date } });
        seen.add(date);
      });
    },
    { when: (payload) => {
      const v = payload.value as { years?: unknown; days?: unknown } | null;
      return Array.isArray(v?.years) && v.years.every((y) => typeof y === 'number') && Array.isArray(v.days);
    } },
  );

export type CalendarFile = z.output<typeof calendarSchema>;

/** The file's days as the working-day calendar takes them. */
export function calendarDays(file: CalendarFile): CalendarDay[] {
  return file.days.map((d) => ({ date: d.date, work: d.day === 'workday', ...(d.name ? { name: d.name } : {}) }));
}
