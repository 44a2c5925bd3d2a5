/**
 * Sending the daily reminder (催办, domain/feedback/reminders.ts): read the open submissions, build the
 * day's messages, hand each to a reminder channel. Channels: locally one JSON file per message under
 * .data/outbox/reminders/; in AWS an SNS topic whose subscribers (units' and reviewers' mailboxes, an SMS
 * gateway, the office's own messaging) filter on the `audience` and `unit` message attributes
 * (docs/deploy.md). Any producer of `Reminder`s can use a channel (units' progress reports will).
 * Layer: functions/ — imports domain/ and functions/; never site/, infra/, scripts/ or tests/.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from '@aws-lambda-powertools/logger';
import { chinaDate } from '../../domain/dates.ts';
import type { FeedbackClock } from '../../domain/feedback/clock.ts';
import { dailyReminders, type Reminder } from '../../domain/feedback/reminders.ts';
import type { SubmissionRecord } from '../../domain/feedback/submission.ts';
import type { FeedbackStore } from '../store/feedback-store.ts';
import { itemDigests } from '../../domain/items/report-digest.ts';
import { REPORT_STATUSES, type ReportedItem, type ReportRecord } from '../../domain/items/report.ts';
import type { ReportStore } from '../store/report-store.ts';

export interface ReminderChannel {
  send(reminder: Reminder): Promise<void>;
}

/** Local: one JSON file per reminder under `dir` (named by date and audience). */
export function outboxReminderChannel(dir: string, now: () => Date = () => new Date()): ReminderChannel {
  return {
    async send(r) {
      mkdirSync(dir, { recursive: true });
      const who = r.audience.kind === 'unit' ? `unit-${r.audience.unit}` : 'reviewers';
      writeFileSync(path.join(dir, `${chinaDate(now())}-${who}${r.about ? `-${r.about}` : ''}.json`), JSON.stringify(r, null, 2));
    },
  };
}

/** What one SNS publish carries: the subject (≤ 100 bytes, SNS's limit), the body, the audience as attributes. */
export function snsMessage(topicArn: string, r: Reminder) {
  let subject = r.subject;
  while (Buffer.byteLength(subject) > 100) subject = subject.slice(0, -1);
  return {
    TopicArn: topicArn,
    Subject: subject,
    Message: r.body,
    MessageAttributes: {
      audience: { DataType: 'String', StringValue: r.audience.kind },
      ...(r.audience.kind === 'unit' ? { unit: { DataType: 'String', StringValue: r.audience.unit } } : {}),
    },
  };
}

export interface ReminderRun {
  readonly feedback: FeedbackStore;
  readonly clock: () => Promise<FeedbackClock>;
  readonly unitName: (id: string) => string;
  readonly consoleUrl: string;
  readonly channel: ReminderChannel;
  readonly logger: Logger;
  readonly now?: () => Date;
  /** The published items and the units' reports on them, for each unit's digest of its items; none without. */
  readonly items?: () => Promise<Iterable<ReportedItem & { readonly title: string; readonly lastUpdate?: string }>>;
  readonly reports?: ReportStore;
}

/** Build today's reminders and send them; returns what was sent. A failed send is logged, the rest still go. */
export async function sendDailyReminders(run: ReminderRun): Promise<Reminder[]> {
  const now = run.now?.() ?? new Date();
  const time = { clock: await run.clock(), today: chinaDate(now) };
  const open: SubmissionRecord[] = [];
  for await (const r of run.feedback.every(['received', 'accepted', 'in_progress'], { order: 'due' })) open.push(r);
  let digests: Reminder[] = [];
  try {
    const reports: ReportRecord[] = run.reports ? (await Promise.all(REPORT_STATUSES.map((st) => run.reports!.list(st)))).flat() : [];
    if (run.items) digests = itemDigests(await run.items(), reports, time, run.unitName, run.consoleUrl);
  } catch (error) {
    // The items' digests need the published site facts; the submissions' 催办 still goes without them.
    run.logger.error('item digests not built', { error: error instanceof Error ? error.message : String(error) });
  }
  const reminders = [...dailyReminders(open, time, run.unitName, run.consoleUrl), ...digests];
  let failed = 0;
  for (const r of reminders) {
    try {
      await run.channel.send(r);
    } catch (error) {
      failed += 1;
      run.logger.error('reminder not sent', { audience: r.audience, error: error instanceof Error ? error.name : 'unknown' });
    }
  }
  run.logger.info('reminders sent', { date: time.today, workingDay: time.clock.calendar.isWorkingDay(time.today), sent: reminders.length - failed, failed });
  return reminders;
}

/** Run `task` every day at 09:00 China time while the process lives (the local server's schedule). */
export function everyDayAtNine(task: () => Promise<unknown>, logger: Logger): { stop(): void } {
  let timer: NodeJS.Timeout | undefined;
  const next = () => {
    const now = Date.now();
    // 09:00 in China is 01:00 UTC (no daylight saving time).
    const today = new Date(now);
    let at = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate(), 1);
    if (at <= now) at += 86_400_000;
    timer = setTimeout(() => {
      task().catch((error: unknown) => logger.error('scheduled reminders failed', { error: error instanceof Error ? error.message : String(error) }));
      next();
    }, at - now);
    timer.unref();
  };
  next();
  return { stop: () => clearTimeout(timer) };
}
