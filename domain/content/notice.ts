/**
 * 通知公告: the notice schema.
 * Layer: domain/ — pure: imports only domain/ (and zod, js-yaml, node:crypto); no I/O, no Astro, Hono or AWS SDK.
 */
import * as z from 'zod';
import { isoDate, text } from './common.ts';

/** 通知公告: `content/notices/<date>-<slug>.md`; the Markdown body is the notice. */
export const noticeSchema = z.strictObject({
  /** Headline. */
  title: text(60),
  /** Publication date (China date). */
  date: isoDate,
});

export type Notice = z.output<typeof noticeSchema>;
