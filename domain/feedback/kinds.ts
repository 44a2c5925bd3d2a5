/**
 * Kinds of submission a citizen can send (留言类别), with their labels. `correction` (我要纠错) reports an
 * error on a page of the site and carries the page's address; its time limit (3 working days) belongs to the
 * accountability clock's settings (content/settings/feedback.yaml).
 * Layer: domain/ — pure: imports only domain/ (and zod, js-yaml, node:crypto); no I/O, no Astro, Hono or AWS SDK.
 */
import { feedbackKind } from '../labels/zh-CN.ts';

export const FEEDBACK_KINDS = ['suggestion', 'clue', 'item_feedback', 'correction'] as const;
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];

export function kindLabel(kind: FeedbackKind): string {
  return feedbackKind[kind];
}
