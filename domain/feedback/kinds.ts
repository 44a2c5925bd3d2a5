/**
 * Kinds of submission a citizen can send (留言类别), with their labels.
 * Layer: domain/ — pure: imports only domain/ (and zod, js-yaml, node:crypto); no I/O, no Astro, Hono or AWS SDK.
 */
import { feedbackKind } from '../labels/zh-CN.ts';

export const FEEDBACK_KINDS = ['suggestion', 'clue', 'item_feedback'] as const;
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];

export function kindLabel(kind: FeedbackKind): string {
  return feedbackKind[kind];
}
