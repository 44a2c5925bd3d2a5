/**
 * Records that protect the API, in the guard table: token buckets for rate limits, used proof-of-work
 * challenges, and per-tracking-number lookup failure counters. All updates are conditional (optimistic
 * concurrency on a version), so concurrent requests can never both spend the last token.
 */
import { GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { guarded, isConditionFailed } from './errors.ts';
import { KEY, type TableNames } from './tables.ts';

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

/** Pure token-bucket arithmetic, kept apart from storage so it can be tested exhaustively. */
export function spendToken(
  bucket: { tokens: number; updatedAt: number } | undefined,
  policy: BucketPolicy,
  nowMs: number,
): { result: TokenResult; next: { tokens: number; updatedAt: number } } {
  const rate = policy.capacity / policy.perSeconds; // tokens per second
  const elapsed = bucket ? Math.max(0, (nowMs - bucket.updatedAt) / 1000) : 0;
  const available = bucket ? Math.min(policy.capacity, bucket.tokens + elapsed * rate) : policy.capacity;
  if (available >= 1) return { result: { allowed: true, retryAfter: 0 }, next: { tokens: available - 1, updatedAt: nowMs } };
  return {
    result: { allowed: false, retryAfter: Math.max(1, Math.ceil((1 - available) / rate)) },
    next: { tokens: available, updatedAt: nowMs },
  };
}

export class GuardStore {
  readonly db: DynamoDBDocumentClient;
  readonly tables: TableNames;

  constructor(db: DynamoDBDocumentClient, tables: TableNames) {
    this.db = db;
    this.tables = tables;
  }

  /** Take one token from the bucket `scope` × `client`. Retries on concurrent updates. */
  async takeToken(scope: string, client: string, policy: BucketPolicy, now = new Date()): Promise<TokenResult> {
    const pk = KEY.rateLimit(scope, client);
    for (let attempt = 0; attempt < 8; attempt++) {
      const current = await guarded('get bucket', () =>
        this.db.send(new GetCommand({ TableName: this.tables.guard, Key: { pk }, ConsistentRead: true })),
      );
      const item = current.Item as { tokens: number; updatedAt: number; version: number } | undefined;
      const { result, next } = spendToken(item, policy, now.getTime());
      // An empty bucket is not written: nothing changed that a later request could not recompute.
      if (!result.allowed) return result;
      try {
        await guarded('put bucket', () =>
          this.db.send(
            new PutCommand({
              TableName: this.tables.guard,
              Item: {
                pk,
                ...next,
                version: (item?.version ?? 0) + 1,
                expiresAt: Math.ceil(now.getTime() / 1000 + policy.perSeconds + 86_400),
              },
              ...(item
                ? { ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': item.version } }
                : { ConditionExpression: 'attribute_not_exists(pk)' }),
            }),
          ),
        );
        return result;
      } catch (error) {
        if (!isConditionFailed(error)) throw error;
        // Someone else spent a token meanwhile: read again.
      }
      now = new Date(Math.max(now.getTime(), Date.now()));
    }
    // Under extreme contention for one bucket, refuse rather than loop: it is a rate limit after all.
    return { allowed: false, retryAfter: 1 };
  }

  /** Remember a proof-of-work challenge as used. True the first time, false on any reuse. */
  async useChallenge(signature: string, expiresAt: number): Promise<boolean> {
    try {
      await guarded('put challenge', () =>
        this.db.send(
          new PutCommand({
            TableName: this.tables.guard,
            Item: { pk: KEY.challenge(signature), expiresAt },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        ),
      );
      return true;
    } catch (error) {
      if (isConditionFailed(error)) return false;
      throw error;
    }
  }

  /** Failed lookups for a tracking number within the current window. */
  async lookupFailures(trackingNumber: string, windowSeconds: number, now = new Date()): Promise<{ count: number; retryAfter: number }> {
    const out = await guarded('get lookup failures', () =>
      this.db.send(new GetCommand({ TableName: this.tables.guard, Key: { pk: KEY.lookupFailures(trackingNumber) }, ConsistentRead: true })),
    );
    const item = out.Item as { count: number; windowStart: number } | undefined;
    const nowS = now.getTime() / 1000;
    if (!item || item.windowStart + windowSeconds <= nowS) return { count: 0, retryAfter: 0 };
    return { count: item.count, retryAfter: Math.max(1, Math.ceil(item.windowStart + windowSeconds - nowS)) };
  }

  /** Count one failed lookup: add to the current window, or start a new one. */
  async recordLookupFailure(trackingNumber: string, windowSeconds: number, now = new Date()): Promise<void> {
    const pk = KEY.lookupFailures(trackingNumber);
    const nowS = Math.floor(now.getTime() / 1000);
    try {
      await guarded('count lookup failure', () =>
        this.db.send(
          new UpdateCommand({
            TableName: this.tables.guard,
            Key: { pk },
            UpdateExpression: 'ADD #count :one',
            ConditionExpression: 'windowStart > :cutoff',
            ExpressionAttributeNames: { '#count': 'count' },
            ExpressionAttributeValues: { ':one': 1, ':cutoff': nowS - windowSeconds },
          }),
        ),
      );
    } catch (error) {
      if (!isConditionFailed(error)) throw error;
      try {
        await guarded('start lookup window', () =>
          this.db.send(
            new PutCommand({
              TableName: this.tables.guard,
              Item: { pk, count: 1, windowStart: nowS, expiresAt: nowS + windowSeconds + 3600 },
              ConditionExpression: 'attribute_not_exists(pk) OR windowStart <= :cutoff',
              ExpressionAttributeValues: { ':cutoff': nowS - windowSeconds },
            }),
          ),
        );
      } catch (inner) {
        // A concurrent failure started the window first: count this one in it.
        if (!isConditionFailed(inner)) throw inner;
        await this.recordLookupFailure(trackingNumber, windowSeconds, now);
      }
    }
  }
}
