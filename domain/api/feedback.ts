/**
 * What the public feedback API answers (JSON bodies), shared by the API, its HTML views and the site's
 * islands. Types only; the views that build them are domain/feedback/views.ts.
 * Layer: domain/ — pure: imports only domain/ (and zod, js-yaml, node:crypto); no I/O, no Astro, Hono or AWS SDK.
 */
import type { DeadlineStanding } from '../clock/deadline.ts';
import type { PublicEvent } from '../feedback/events.ts';
import type { FeedbackKind } from '../feedback/kinds.ts';
import type { Rating } from '../feedback/rating.ts';
import type { FeedbackStatus } from '../feedback/status.ts';

/** 201 answer to POST /api/feedback. */
export interface Receipt {
  readonly trackingNumber: string;
  /** Shown once; only its salted hash is stored. */
  readonly password: string;
  readonly status: FeedbackStatus;
  readonly statusLabel: string;
  readonly createdAt: string;
  /** False for submissions without proof of work (plain form posts). */
  readonly verified: boolean;
}

/** 200 answer to POST /api/feedback/lookup and POST /api/feedback/satisfaction. Never contact details. */
export interface LookupResult {
  readonly trackingNumber: string;
  readonly kind: FeedbackKind;
  readonly title: string;
  readonly itemId?: string;
  readonly status: FeedbackStatus;
  readonly statusLabel: string;
  readonly submittedAt: string;
  readonly history: readonly PublicEvent[];
  readonly reply: { readonly text: string; readonly unit: string; readonly at: string } | null;
  /** The citizen's rating of the reply, if given. */
  readonly rating: { readonly rating: Rating; readonly label: string; readonly at: string } | null;
  /** Until when (ISO instant) the reply can be rated; null when it cannot (no reply, already rated, too late). */
  readonly rateUntil: string | null;
  /** The deadline running now and how it stands today; null when none runs (replied, closed, not accepted). */
  readonly clock?: SubmissionClock | null;
  /** 立项督办: the id of the supervision item this submission became. */
  readonly promotedTo?: string;
}

/** A submission's deadline as people see it: to accept or to reply, left or overdue, extended or not. */
export type SubmissionClock = DeadlineStanding & {
  readonly stage: 'accept' | 'reply';
  /** The reply deadline before an approved extension. */
  readonly originalDeadline?: string;
  readonly extended: boolean;
};
