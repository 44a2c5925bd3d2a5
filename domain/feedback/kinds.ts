/** Kinds of submission a citizen can send (留言类别), with their labels. Pure; imports only domain/. */
import { feedbackKind } from '../labels/zh-CN.ts';

export const FEEDBACK_KINDS = ['suggestion', 'clue', 'item_feedback'] as const;
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];

export function kindLabel(kind: FeedbackKind): string {
  return feedbackKind[kind];
}
