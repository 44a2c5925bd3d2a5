/**
 * Storing a citizen's submission exactly once per idempotency key (Powertools idempotency over the guard
 * table): the proof of work is checked and spent, the client's bucket charged, and the record written under
 * a tracking number drawn from the key — so a retry, even after a crash half-way, lands on the same number
 * and the same receipt. The record and its first event are the domain's (domain/feedback/submission.ts).
 * Layer: functions/ — imports domain/ and functions/; never site/, infra/, scripts/ or tests/.
 */
import { createHash } from 'node:crypto';
import { IdempotencyConfig, makeIdempotent } from '@aws-lambda-powertools/idempotency';
import type { BasePersistenceLayer } from '@aws-lambda-powertools/idempotency/persistence';
import { chinaDate } from '../../domain/dates.ts';
import { acceptDeadline, type FeedbackClock } from '../../domain/feedback/clock.ts';
import { RETENTION } from '../../domain/feedback/retention.ts';
import type { FeedbackInput } from '../../domain/feedback/schema.ts';
import { newSubmission } from '../../domain/feedback/submission.ts';
import { feedbackError as msg } from '../../domain/labels/zh-CN.ts';
import type { FeedbackStore } from '../store/feedback-store.ts';
import type { BucketPolicy, GuardStore } from '../store/guard-store.ts';
import type { Limits } from './limits.ts';
import { checkSolution, type PowConfig } from './pow.ts';
import { problems } from './problems.ts';
import { hashPassword, newSalt, queryPassword, trackingNumber } from './receipt.ts';

export const sha256 = (s: string) => createHash('sha256').update(s).digest('base64url');

/** JSON with object keys sorted at every level, so equal values always serialise the same way. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The fields that make a submission "the same body" for idempotency: everything but the proof of work. */
export function bodyFingerprint(input: FeedbackInput): string {
  const { altcha: _a, idempotencyKey: _k, website: _w, ...content } = input;
  return sha256(canonical(content));
}

/** What the idempotent step receives: the validated submission, keyed and hashed. */
export interface SubmitRequest {
  readonly key: string;
  readonly bodyHash: string;
  readonly input: FeedbackInput;
  /** The client's fingerprint (for its rate limit). */
  readonly client: string;
}

export interface StoredReceipt {
  readonly trackingNumber: string;
  readonly createdAt: string;
  readonly verified: boolean;
}

export interface SubmitterDeps {
  readonly feedback: FeedbackStore;
  readonly guard: GuardStore;
  readonly idempotency: BasePersistenceLayer;
  readonly pow: PowConfig;
  readonly limits: Limits;
  readonly secrets: () => Promise<{ readonly pepper: string; readonly altchaHmacKey: string }>;
  readonly takeToken: (scope: string, client: string, policy: BucketPolicy) => Promise<void>;
  readonly now: () => Date;
  /** The calendar and time limits: the first event carries the deadline to accept. */
  readonly clock: () => Promise<FeedbackClock>;
}

/** `submit(request, remainingMs)`: store once per key, answer every retry with the first receipt. */
export function createSubmitter(deps: SubmitterDeps) {
  const config = new IdempotencyConfig({
    eventKeyJmesPath: 'key',
    payloadValidationJmesPath: 'bodyHash',
    expiresAfterSeconds: RETENTION.idempotencyHours * 3_600,
    throwOnNoIdempotencyKey: true,
  });

  /** The part of a submission that must happen exactly once per idempotency key. */
  async function store(req: SubmitRequest): Promise<StoredReceipt> {
    const { pepper, altchaHmacKey } = await deps.secrets();
    const { input } = req;
    let verified = false;
    if (input.altcha) {
      const pow = await checkSolution(input.altcha, deps.pow, altchaHmacKey);
      if (!pow.ok) throw problems.invalid([{ field: 'altcha', message: pow.reason === 'expired' ? msg.challengeExpired : msg.challengeInvalid }]);
      if (!(await deps.guard.useChallenge(pow.signature, pow.expiresAt))) throw problems.invalid([{ field: 'altcha', message: msg.challengeUsed }]);
      verified = true;
    }
    await deps.takeToken(verified ? 'submit' : 'submit-unverified', req.client, verified ? deps.limits.submit : deps.limits.submitUnverified);

    const at = deps.now();
    const acceptBy = acceptDeadline(await deps.clock(), input.kind, chinaDate(at));
    for (let attempt = 0; attempt < 8; attempt++) {
      const tracking = trackingNumber(pepper, req.key, chinaDate(at), attempt);
      const salt = newSalt();
      const { record, firstEvent, contactExpiresAt } = newSubmission(input, {
        trackingNumber: tracking,
        at,
        verified,
        passwordSalt: salt,
        passwordHash: hashPassword(pepper, salt, queryPassword(pepper, tracking, req.key)),
        ownerHash: sha256(req.key),
        acceptBy,
      });
      const result = await deps.feedback.create({ record, firstEvent, ...(input.contact ? { contact: input.contact } : {}), contactExpiresAt });
      if (result === 'clash') continue;
      const stored = result === 'created' ? record : ((await deps.feedback.meta(tracking)) ?? record);
      return { trackingNumber: tracking, createdAt: stored.createdAt, verified: stored.verified };
    }
    throw problems.internal(new Error('no free tracking number after 8 attempts'));
  }

  const once = makeIdempotent(store, { persistenceStore: deps.idempotency, config, keyPrefix: 'IDEM#submit' });

  return async function submit(req: SubmitRequest, remainingMs: number): Promise<StoredReceipt> {
    // In Lambda the real time left; locally a fixed budget, so an interrupted attempt's lock lapses quickly.
    config.registerLambdaContext({ getRemainingTimeInMillis: () => remainingMs } as never);
    return once(req);
  };
}
