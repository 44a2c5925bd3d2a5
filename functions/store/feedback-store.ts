/**
 * Submissions and their events (feedback table) and contact details (contacts table). Only conditional
 * writes (dynalite has no transactions): every record of a submission is written with a condition that it
 * is new or already belongs to the same submission (same idempotency-key hash), and the submission record
 * (`META`) is written last. Until META exists nothing is visible, so a failure half-way leaves nothing a
 * citizen or staff member can see; the retry completes it, and unfinished pieces expire by TTL.
 */
import { GetCommand, PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { FeedbackEvent, FeedbackStatus } from '../feedback/status.ts';
import type { Contact, FeedbackKind } from '../feedback/schema.ts';
import { guarded, isConditionFailed } from './errors.ts';
import { KEY, type TableNames } from './tables.ts';

/** A submission as stored (never holds contact details). */
export interface SubmissionRecord {
  readonly trackingNumber: string;
  readonly kind: FeedbackKind;
  readonly itemId?: string;
  readonly region?: string;
  readonly title: string;
  readonly content: string;
  readonly allowPublish: boolean;
  readonly hasContact: boolean;
  /** Passed the proof-of-work check; false for plain form posts without JavaScript. */
  readonly verified: boolean;
  readonly status: FeedbackStatus;
  /** ISO instant. */
  readonly createdAt: string;
  readonly updatedAt: string;
  /** Optimistic-concurrency version, bumped by every change. */
  readonly version: number;
  /** Number of events written so far. */
  readonly eventCount: number;
  readonly passwordSalt: string;
  readonly passwordHash: string;
  /** SHA-256 of the idempotency key: tells a retry of this submission from a clash with another. */
  readonly ownerHash: string;
  /** TTL, epoch seconds. */
  readonly expiresAt: number;
  /** Units the submission is assigned to (staff workflow). */
  readonly units?: readonly string[];
  /** The approved official reply, once there is one. */
  readonly reply?: { readonly text: string; readonly unit: string; readonly at: string };
}

export interface NewSubmission {
  readonly record: SubmissionRecord;
  readonly firstEvent: FeedbackEvent;
  readonly contact?: Contact;
  /** TTL of the contact record, epoch seconds. */
  readonly contactExpiresAt: number;
}

export type CreateResult = 'created' | 'exists' | 'clash';

export class FeedbackStore {
  readonly db: DynamoDBDocumentClient;
  readonly tables: TableNames;

  constructor(db: DynamoDBDocumentClient, tables: TableNames) {
    this.db = db;
    this.tables = tables;
  }

  /**
   * Store a new submission exactly once. 'exists' when this same submission (same owner hash) is already
   * stored — a retry; 'clash' when the tracking number belongs to another submission (pick the next one).
   */
  async create(s: NewSubmission): Promise<CreateResult> {
    const { record } = s;
    const pk = KEY.submission(record.trackingNumber);
    // No read first: every write below is conditional on being new or ours, so a retry or a clash shows up
    // as a failed condition, and is told apart by reading the submission then.
    const mine = { ':owner': record.ownerHash };
    const newOrMine = 'attribute_not_exists(pk) OR ownerHash = :owner';
    try {
      // The event first: every submission has one, so a clash with another submission's number is found
      // here, before anything (like contact details) could be written under that number.
      await guarded('put event', () =>
        this.db.send(
          new PutCommand({
            TableName: this.tables.feedback,
            Item: { pk, sk: KEY.event(s.firstEvent.seq), ...s.firstEvent, ownerHash: record.ownerHash, expiresAt: record.expiresAt },
            ConditionExpression: newOrMine,
            ExpressionAttributeValues: mine,
          }),
        ),
      );
      if (s.contact) {
        await guarded('put contact', () =>
          this.db.send(
            new PutCommand({
              TableName: this.tables.contacts,
              Item: { pk, ...s.contact, createdAt: record.createdAt, ownerHash: record.ownerHash, expiresAt: s.contactExpiresAt },
              ConditionExpression: newOrMine,
              ExpressionAttributeValues: mine,
            }),
          ),
        );
      }
      await guarded('put submission', () =>
        this.db.send(
          new PutCommand({
            TableName: this.tables.feedback,
            Item: {
              pk,
              sk: KEY.meta,
              ...record,
              queuePk: KEY.queue(record.status),
              queueSk: KEY.queueSort(record.createdAt, record.trackingNumber),
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        ),
      );
      return 'created';
    } catch (error) {
      if (!isConditionFailed(error)) throw error;
      const now = await this.meta(record.trackingNumber);
      return now?.ownerHash === record.ownerHash ? 'exists' : 'clash';
    }
  }

  /** The submission record, or undefined. Strongly consistent: a receipt can be looked up at once. */
  async meta(trackingNumber: string): Promise<SubmissionRecord | undefined> {
    const out = await guarded('get submission', () =>
      this.db.send(new GetCommand({ TableName: this.tables.feedback, Key: { pk: KEY.submission(trackingNumber), sk: KEY.meta }, ConsistentRead: true })),
    );
    return out.Item ? stripKeys<SubmissionRecord>(out.Item) : undefined;
  }

  /** All events of a submission, oldest first. */
  async events(trackingNumber: string): Promise<FeedbackEvent[]> {
    const items: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const out = await guarded('query events', () =>
        this.db.send(
          new QueryCommand({
            TableName: this.tables.feedback,
            KeyConditionExpression: 'pk = :pk AND begins_with(sk, :evt)',
            ExpressionAttributeValues: { ':pk': KEY.submission(trackingNumber), ':evt': KEY.eventPrefix },
            ConsistentRead: true,
            ...(start ? { ExclusiveStartKey: start } : {}),
          }),
        ),
      );
      items.push(...(out.Items ?? []));
      start = out.LastEvaluatedKey;
    } while (start);
    return items.map((i) => stripKeys<FeedbackEvent>(i));
  }
}

/** Drop storage-only attributes before handing a record to the domain. */
function stripKeys<T>(item: Record<string, unknown>): T {
  const { pk: _pk, sk: _sk, queuePk: _q, queueSk: _qs, ...rest } = item;
  return rest as T;
}
