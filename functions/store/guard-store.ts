/**
 * Records that protect the API, in the guard table: token buckets for rate limits, used proof-of-work
 * challenges, and per-tracking-number counts of lookup attempts (which decide the proof a lookup needs). Every update is a single conditional write on
 * the record's own figures (a bucket's `tat`, a window's start), so concurrent requests can never both spend
 * the last token, and nothing is read first.
 * Layer: functions/ — imports domain/ and functions/; never site/, infra/, scripts/ or tests/.
 */
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { LOOKUP_GUARD, proofLevel, type ProofLevel } from '../../domain/feedback/password.ts';
import { RETENTION } from '../../domain/feedback/retention.ts';
import { conditionalWrite, guarded } from './errors.ts';
import { KEY } from './tables.ts';
import { TableStore } from './table-store.ts';

/** A token bucket: `capacity` requests at once, refilled evenly over `perSeconds`. */
export interface BucketPolicy {
  readonly capacity: number;
  readonly perSeconds: number;
}

export interface TokenResult {
  readonly allowed: boolean;
  /** Seconds until a token is available again (when not allowed). */
  readonly retryAfter: number;
}

/**
 * The token bucket is kept as GCRA (the generic cell rate algorithm), its exact equivalent: one number per
 * client, the "theoretical arrival time" `tat` (ms). Each request moves it on by the emission interval
 * T = perSeconds / capacity; a request is allowed while tat − now ≤ T × (capacity − 1), the burst the
 * bucket holds. Because the state is a single number that only grows, DynamoDB can update it atomically
 * with a condition — no read-modify-write, so concurrent requests from one client never collide.
 */
export function gcra(policy: BucketPolicy) {
  const interval = (policy.perSeconds * 1000) / policy.capacity;
  const tolerance = interval * (policy.capacity - 1);
  return { interval, tolerance };
}

export class GuardStore extends TableStore {
  /** Take one token from the bucket `scope` × `client`: at most two conditional writes, never a retry loop. */
  async takeToken(scope: string, client: string, policy: BucketPolicy, now = new Date()): Promise<TokenResult> {
    const pk = KEY.rateLimit(scope, client);
    const nowMs = now.getTime();
    const { interval, tolerance } = gcra(policy);
    const expiresAt = Math.ceil(nowMs / 1000 + policy.perSeconds) + RETENTION.rateLimitHours * 3_600;
    const update = (expression: string, condition: string, values: Record<string, number>) =>
      conditionalWrite('rate limit', () =>
        this.db.send(
          new UpdateCommand({
            TableName: this.tables.guard,
            Key: { pk },
            UpdateExpression: `${expression}, expiresAt = :exp`,
            ConditionExpression: condition,
            ExpressionAttributeValues: { ...values, ':exp': expiresAt },
          }),
        ),
      );
    // Two conditional updates, the likelier first: most clients (a citizen sending one message, or anyone
    // pausing longer than the interval) find the bucket full and take the first, in one write; a client
    // sending in a burst takes the second. Neither reads first, so concurrent requests never collide. `tat`
    // only grows: once the first has failed (tat > now), the second failing means tat is past the burst
    // limit, and stays there — the client is over its rate.
    // The bucket is full (idle or new client): start from now.
    if (await update('SET tat = :next', 'attribute_not_exists(tat) OR tat <= :now', { ':next': nowMs + interval, ':now': nowMs })) return { allowed: true, retryAfter: 0 };
    // Tokens are being spent: allowed while within the burst.
    if (await update('SET tat = tat + :interval', 'tat > :now AND tat <= :limit', { ':interval': interval, ':now': nowMs, ':limit': nowMs + tolerance })) return { allowed: true, retryAfter: 0 };
    const current = await guarded('get bucket', () => this.db.send(new GetCommand({ TableName: this.tables.guard, Key: { pk }, ConsistentRead: true })));
    const tat = Number((current.Item as { tat?: number } | undefined)?.tat ?? nowMs);
    return { allowed: false, retryAfter: Math.max(1, Math.ceil((tat - tolerance - nowMs) / 1000)) };
  }

  /** One cheap read, for the health check: throws StoreUnavailableError when the table does not answer. */
  async ping(): Promise<void> {
    await guarded('health check', () => this.db.send(new GetCommand({ TableName: this.tables.guard, Key: { pk: KEY.health } })));
  }

  /** Remember a proof-of-work challenge as used. True the first time, false on any reuse. */
  useChallenge(signature: string, expiresAt: number): Promise<boolean> {
    return conditionalWrite('put challenge', () =>
      this.db.send(new PutCommand({ TableName: this.tables.guard, Item: { pk: KEY.challenge(signature), expiresAt }, ConditionExpression: 'attribute_not_exists(pk)' })),
    );
  }

  /**
   * Count an attempt to look up `trackingNumber` with a proof of level `offered`, if that level suffices for
   * the attempts already counted (domain/feedback/password.ts): one conditional update, counted before the
   * password is checked, so concurrent guesses cannot all pass at a cheaper level. When it does not suffice,
   * nothing is counted and the answer says which level is needed. `expiresAt` keeps the count as long as the
   * submission (a day for numbers that do not exist).
   */
  async countLookupAttempt(trackingNumber: string, offered: ProofLevel, expiresAt: number): Promise<{ counted: true } | { counted: false; needed: ProofLevel }> {
    const pk = KEY.lookupAttempts(trackingNumber);
    // The most attempts already counted at which `offered` still suffices, as a condition (heavy always does).
    const below = offered === 'none' ? LOOKUP_GUARD.freeAttempts : offered === 'light' ? LOOKUP_GUARD.heavyAfter : undefined;
    const counted = await conditionalWrite('count lookup attempt', () =>
      this.db.send(
        new UpdateCommand({
          TableName: this.tables.guard,
          Key: { pk },
          UpdateExpression: 'ADD attempts :one SET expiresAt = :exp',
          ...(below !== undefined ? { ConditionExpression: 'attribute_not_exists(attempts) OR attempts < :below', ExpressionAttributeValues: { ':one': 1, ':exp': expiresAt, ':below': below } } : { ExpressionAttributeValues: { ':one': 1, ':exp': expiresAt } }),
        }),
      ),
    );
    if (counted) return { counted: true };
    const out = await guarded('get lookup attempts', () => this.db.send(new GetCommand({ TableName: this.tables.guard, Key: { pk }, ConsistentRead: true })));
    return { counted: false, needed: proofLevel(Number((out.Item as { attempts?: number } | undefined)?.attempts ?? 0)) };
  }

  /** The owner got in: the attempts on the number start again from zero. */
  async resetLookupAttempts(trackingNumber: string): Promise<void> {
    await guarded('reset lookup attempts', () => this.db.send(new DeleteCommand({ TableName: this.tables.guard, Key: { pk: KEY.lookupAttempts(trackingNumber) } })));
  }
}
