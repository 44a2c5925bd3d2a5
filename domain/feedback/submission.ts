/**
 * A citizen's submission as the office keeps it: the record (never the contact details, which are kept
 * apart) and how a new one begins — its first status and first event.
 * Layer: domain/ — pure: imports only domain/ (and zod, js-yaml, node:crypto); no I/O, no Astro, Hono or AWS SDK.
 */
import { CITIZEN, type FeedbackEvent } from './events.ts';
import type { FeedbackKind } from './kinds.ts';
import { expiresAt, RETENTION } from './retention.ts';
import type { FeedbackInput } from './schema.ts';
import type { WorkflowState } from './workflow.ts';

/** A submission as stored. Its workflow fields are the fold of its events. */
export interface SubmissionRecord extends WorkflowState {
  readonly trackingNumber: string;
  readonly kind: FeedbackKind;
  readonly itemId?: string;
  /** `correction`: the page with the error. */
  readonly pageUrl?: string;
  readonly region?: string;
  readonly title: string;
  readonly content: string;
  readonly allowPublish: boolean;
  readonly hasContact: boolean;
  /** Passed the proof-of-work check; false for plain form posts without JavaScript. */
  readonly verified: boolean;
  /** ISO instant. */
  readonly createdAt: string;
  readonly passwordSalt: string;
  readonly passwordHash: string;
  /** SHA-256 of the idempotency key: tells a retry of this submission from a clash with another. */
  readonly ownerHash: string;
  /** TTL, epoch seconds. */
  readonly expiresAt: number;
}

/** What a new submission is made of besides the citizen's input. */
export interface NewSubmissionFacts {
  readonly trackingNumber: string;
  readonly at: Date;
  readonly verified: boolean;
  readonly passwordSalt: string;
  readonly passwordHash: string;
  readonly ownerHash: string;
  /** The last day to accept or reject it (clock.ts's acceptDeadline), carried by the first event. */
  readonly acceptBy?: string;
}

/** A new submission: the record in its first status, its first event, and when its contact details expire. */
export function newSubmission(input: FeedbackInput, facts: NewSubmissionFacts): { record: SubmissionRecord; firstEvent: FeedbackEvent; contactExpiresAt: number } {
  const createdAt = facts.at.toISOString();
  const firstEvent: FeedbackEvent = { seq: 1, at: createdAt, action: 'submitted', status: 'received', ...CITIZEN, public: true, ...(facts.acceptBy ? { deadline: facts.acceptBy } : {}) };
  const record: SubmissionRecord = {
    trackingNumber: facts.trackingNumber,
    kind: input.kind,
    ...(input.itemId ? { itemId: input.itemId } : {}),
    ...(input.pageUrl ? { pageUrl: input.pageUrl } : {}),
    ...(input.region ? { region: input.region } : {}),
    title: input.title,
    content: input.content,
    allowPublish: input.allowPublish,
    hasContact: Boolean(input.contact),
    verified: facts.verified,
    status: firstEvent.status!,
    ...(facts.acceptBy ? { acceptBy: facts.acceptBy } : {}),
    createdAt,
    updatedAt: createdAt,
    version: 1,
    eventCount: 1,
    passwordSalt: facts.passwordSalt,
    passwordHash: facts.passwordHash,
    ownerHash: facts.ownerHash,
    expiresAt: expiresAt(facts.at, { days: RETENTION.submissionDays }),
  };
  return { record, firstEvent, contactExpiresAt: expiresAt(facts.at, { days: RETENTION.contactDays }) };
}
