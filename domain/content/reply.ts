/**
 * 回复公开: the schema of a published reply.
 * Layer: domain/ — pure: imports only domain/ (and zod, js-yaml, node:crypto); no I/O, no Astro, Hono or AWS SDK.
 */
import * as z from 'zod';
import { contentError as msg, feedbackKind } from '../labels/zh-CN.ts';
import { codeList, isoDate, need, slug, text } from './common.ts';
import { itemId } from './item.ts';
import { TRACKING_NUMBER } from '../feedback/tracking-number.ts';

/**
 * 回复公开: a published reply, `content/replies/<tracking-number>.md`, written by `npm run replies:export`
 * (personal data already redacted) and reviewed by editors before commit. The body is the official reply,
 * as the unit wrote it: shown as text, never as Markdown (site/components/PlainText.astro).
 */
export const replySchema = z.strictObject({
  /** The submission's tracking number, same as the file name. */
  trackingNumber: z.string({ error: need(msg.notText) }).regex(TRACKING_NUMBER, { error: msg.trackingNumber }),
  /** The citizen's title (redacted). */
  title: text(80),
  /** 意见建议 / 问题线索 / 对督查事项的意见. */
  kind: codeList(feedbackKind),
  /** The unit that replied (unit id). */
  unit: slug,
  submittedOn: isoDate,
  repliedOn: isoDate,
  /** The related supervision item, when the feedback was about one. */
  itemId: itemId.optional(),
  /** The citizen's question (redacted). */
  question: text(4000),
});

export type PublishedReply = z.output<typeof replySchema>;
