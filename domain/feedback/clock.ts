/**
 * The clock of a citizen's submission: its deadline to be accepted (from receipt), to be replied to (from
 * the first working day after acceptance, or after a 不满意 reopened it), how far an extension may move it
 * (the settings' cap, counted from the reply deadline before any extension), and how it stands today.
 * Deadlines are fixed when the event that starts them is written (the events carry them), so a later
 * change of settings or calendar never moves a deadline a citizen has been told. Arithmetic on a clock
 * given (the staff console's bundle carries no calendar); clock-setup.ts makes one.
 * Layer: domain/ — pure: imports only domain/ (and zod, js-yaml, node:crypto, chinese-days); no I/O, no Astro, Hono or AWS SDK.
 */
import type { WorkingCalendar } from '../clock/calendar.ts';
import { deadlineStanding, type DeadlineStanding } from '../clock/deadline.ts';
import type { FeedbackSettings } from '../content/feedback-settings.ts';
import type { FeedbackKind } from './kinds.ts';
import type { FeedbackStatus } from './status.ts';

export interface FeedbackClock {
  readonly calendar: WorkingCalendar;
  readonly settings: FeedbackSettings;
}

/** The last day to accept or reject a submission of `kind` received on `receivedOn`. */
export function acceptDeadline(clock: FeedbackClock, kind: FeedbackKind, receivedOn: string): string {
  return clock.calendar.addWorkingDays(receivedOn, clock.settings.timeLimits[kind].accept);
}

/** The last day to reply to a submission of `kind` accepted (or reopened) on `startedOn`. */
export function replyDeadline(clock: FeedbackClock, kind: FeedbackKind, startedOn: string): string {
  return clock.calendar.addWorkingDays(startedOn, clock.settings.timeLimits[kind].reply);
}

/** The latest reply deadline extensions may reach from the deadline before any extension. */
export function extensionLimit(clock: FeedbackClock, originalReplyBy: string): string {
  return clock.calendar.addWorkingDays(originalReplyBy, clock.settings.extensionCap);
}

/** The deadline parts of a submission record (set by its events, see workflow.ts). */
export interface ClockState {
  readonly status: FeedbackStatus;
  /** Last day to accept or reject. */
  readonly acceptBy?: string;
  /** Last day to reply (after any approved extension). */
  readonly replyBy?: string;
  /** The reply deadline before any extension (the cap counts from it). */
  readonly replyByOriginal?: string;
}

/** The deadline running now: to accept (received), to reply (accepted, in progress); none otherwise. */
export function runningDeadline(state: ClockState): { readonly stage: 'accept' | 'reply'; readonly deadline: string } | undefined {
  if (state.status === 'received' && state.acceptBy) return { stage: 'accept', deadline: state.acceptBy };
  if ((state.status === 'accepted' || state.status === 'in_progress') && state.replyBy) return { stage: 'reply', deadline: state.replyBy };
  return undefined;
}

/** How the running deadline stands today (undefined when none runs). */
export function deadlineToday(clock: FeedbackClock, state: ClockState, today: string): (DeadlineStanding & { readonly stage: 'accept' | 'reply' }) | undefined {
  const running = runningDeadline(state);
  return running && { stage: running.stage, ...deadlineStanding(clock.calendar, running.deadline, today, clock.settings.dueSoon) };
}
