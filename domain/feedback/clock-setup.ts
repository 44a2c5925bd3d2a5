/**
 * Making the feedback clock: the working-day calendar (the package's schedules and the editors' days) and
 * the time limits. The site resolves the editors' files (content schemas) into `ClockData` and publishes it
 * as /data/clock.json; the functions read that back through the small schema here (zod/mini: the Lambda
 * bundles carry no content schemas).
 * Layer: domain/ — pure: imports only domain/ (and zod, js-yaml, node:crypto, chinese-days); no I/O, no Astro, Hono or AWS SDK.
 */
import * as z from 'zod/mini';
import { workingCalendar, type CalendarDay } from '../clock/calendar.ts';
import type { FeedbackSettings } from '../content/feedback-settings.ts';
import type { FeedbackClock } from './clock.ts';
import { FEEDBACK_KINDS, type FeedbackKind } from './kinds.ts';

/** The time limits without a settings file: accept within 2 working days; reply within 5, a clue within 7; extensions up to 15. */
export const DEFAULT_FEEDBACK_SETTINGS: FeedbackSettings = {
  timeLimits: Object.fromEntries(FEEDBACK_KINDS.map((k) => [k, { accept: 2, reply: k === 'clue' ? 7 : 5 }])) as Record<FeedbackKind, { accept: number; reply: number }>,
  extensionCap: 15,
  dueSoon: 1,
};

export function feedbackClock(days: readonly CalendarDay[] = [], settings: FeedbackSettings = DEFAULT_FEEDBACK_SETTINGS): FeedbackClock {
  return { calendar: workingCalendar(days), settings };
}

/** The clock as published (/data/clock.json): the editors' days and every kind's limits, resolved. */
export interface ClockData {
  readonly days: readonly CalendarDay[];
  readonly settings: FeedbackSettings;
}

const date = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
const days = z.number().check(z.int(), z.minimum(0), z.maximum(60));
const clockDataSchema = z.object({
  days: z.array(z.object({ date, work: z.boolean(), name: z.optional(z.string()) })),
  settings: z.object({
    timeLimits: z.record(z.enum(FEEDBACK_KINDS), z.object({ accept: days, reply: days })),
    extensionCap: days,
    dueSoon: days,
  }),
});

/** The clock from published clock data; throws on data that does not fit. */
export function clockFromData(data: unknown): FeedbackClock {
  const parsed = clockDataSchema.parse(data);
  return feedbackClock(parsed.days, parsed.settings as FeedbackSettings);
}
