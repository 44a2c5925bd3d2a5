/**
 * The citizen's rating of a reply (满意度), as one table, and the window in which a reply can be rated.
 *
 * Layer: domain/ — pure: imports only domain/ (and zod, js-yaml, node:crypto); no I/O, no Astro, Hono or AWS SDK.
 */
import { satisfaction } from '../labels/zh-CN.ts';

export const RATINGS = ['satisfied', 'basically_satisfied', 'dissatisfied'] as const;
export type Rating = (typeof RATINGS)[number];

export interface RatingInfo {
  readonly label: string;
  /** A rating of 不满意 reopens the case (the office handles it again). */
  readonly reopens: boolean;
}

export const RATING: Readonly<Record<Rating, RatingInfo>> = {
  satisfied: { label: satisfaction.satisfied, reopens: false },
  basically_satisfied: { label: satisfaction.basically_satisfied, reopens: false },
  dissatisfied: { label: satisfaction.dissatisfied, reopens: true },
};

/** How long after a reply the citizen may rate it. */
export const RATING_WINDOW_DAYS = 15;

/** What the rating window needs of a submission. */
export interface RatableState {
  readonly reply?: { readonly at: string };
  readonly rating?: unknown;
}

export type RatingWindow =
  | { readonly open: true; readonly until: string }
  | { readonly open: false; readonly reason: 'no_reply' | 'already_rated' | 'expired'; readonly until: string | null };

/**
 * Whether the current reply can be rated now: there is a reply, it has not been rated, and it is at most
 * RATING_WINDOW_DAYS old. `until` is the end of the window (ISO instant) once there is a reply.
 */
export function ratingWindow(state: RatableState, now: Date): RatingWindow {
  if (!state.reply) return { open: false, reason: 'no_reply', until: null };
  const until = new Date(Date.parse(state.reply.at) + RATING_WINDOW_DAYS * 86_400_000).toISOString();
  if (state.rating) return { open: false, reason: 'already_rated', until };
  if (now.getTime() > Date.parse(until)) return { open: false, reason: 'expired', until };
  return { open: true, until };
}
