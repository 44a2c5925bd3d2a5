/**
 * A submission's deadline in words, for the citizen's lookup (the island, the no-script page) and the
 * console: labels and types only, so a browser bundle that shows it carries no calendar.
 * Layer: domain/ — pure: imports only domain/ (and zod, js-yaml, node:crypto); no I/O, no Astro, Hono or AWS SDK.
 */
import type { SubmissionClock } from '../api/feedback.ts';
import { deadlineLabel } from '../labels/zh-CN.ts';

/** One line for the citizen: 办理时限 2026-03-09（剩余 3 个工作日；已延期，原时限 2026-03-04）. */
export function clockSummary(clock: SubmissionClock): string {
  const name = clock.stage === 'accept' ? deadlineLabel.acceptBy : deadlineLabel.replyBy;
  const extended = clock.extended && clock.originalDeadline ? `；${deadlineLabel.extended}，${deadlineLabel.originalReplyBy} ${clock.originalDeadline}` : '';
  return `${name} ${clock.deadline}（${clock.label}${extended}）`;
}

/** What a history entry says of the deadline it set: （办理时限：2026-03-09）. */
export const historyDeadline = (deadline: string) => `（${deadlineLabel.replyBy}：${deadline}）`;

