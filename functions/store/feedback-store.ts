/**
 * Submissions and their events (feedback table) and contact details (contacts table). Only conditional
 * writes (dynalite has no transactions): every record of a submission is written with a condition that it
 * is new or already belongs to the same submission (same idempotency-key hash). The first event, then the
 * submission record (`META`): until META exists nothing is visible, so a failure there leaves nothing a
 * citizen or staff member can see (the lone event expires by TTL). The contact details come last, only once
 * their submission exists — so no contact can ever be left without its submission. A failure between META
 * and the contact leaves a submission whose contact is not (yet) stored; the retry, which the citizen's
 * receipt depends on, completes it.
 * Layer: functions/ — imports domain/ and functions/; never site/, infra/, scripts/ or tests/.
 */
import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { FeedbackEvent } from '../../domain/feedback/events.ts';
import type { Contact } from '../../domain/feedback/schema.ts';
import type { SubmissionRecord } from '../../domain/feedback/submission.ts';
import { runningDeadline } from '../../domain/feedback/clock.ts';
import { TRACKING_NUMBER } from '../../domain/feedback/tracking-number.ts';
import { applyEvent } from '../../domain/feedback/workflow.ts';
import { conditionalWrite, guarded, InvalidCursorError, isConditionFailed, StoreUnavailableError } from './errors.ts';
import { KEY } from './tables.ts';
import { TableStore } from './table-store.ts';

export interface NewSubmission {
  readonly record: SubmissionRecord;
  readonly firstEvent: FeedbackEvent;
  readonly contact?: Contact;
  /** TTL of the contact record, epoch seconds. */
  readonly contactExpiresAt: number;
}

export type CreateResult = 'created' | 'exists' | 'clash';

export interface LoadedSubmission {
  readonly record: SubmissionRecord;
  readonly events: FeedbackEvent[];
  readonly storedEventCount: number;
}

export class FeedbackStore extends TableStore {
  /**
   * Store a new submission exactly once. 'exists' when this same submission (same owner hash) is already
   * stored — a retry; 'clash' when the tracking number belongs to another submission (pick the next one).
   */
  async create(s: NewSubmission): Promise<CreateResult> {
    const { record } = s;
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
            Item: eventItem(record, s.firstEvent),
            ConditionExpression: newOrMine,
            ExpressionAttributeValues: mine,
          }),
        ),
      );
      await guarded('put submission', () =>
        this.db.send(
          new PutCommand({
            TableName: this.tables.feedback,
            Item: metaItem(record),
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        ),
      );
      await this.putContact(s);
      return 'created';
    } catch (error) {
      if (!isConditionFailed(error)) throw error;
      const now = await this.meta(record.trackingNumber);
      if (now?.ownerHash !== record.ownerHash) return 'clash';
      // A retry: the submission is there; its contact may not be yet (a failure after META).
      await this.putContact(s);
      return 'exists';
    }
  }

  /** The contact details of a submission that exists (and is ours: same owner hash). */
  private async putContact(s: NewSubmission): Promise<void> {
    if (!s.contact) return;
    const { record } = s;
    await guarded('put contact', () =>
      this.db.send(
        new PutCommand({
          TableName: this.tables.contacts,
          Item: { pk: KEY.submission(record.trackingNumber), ...s.contact, createdAt: record.createdAt, ownerHash: record.ownerHash, expiresAt: s.contactExpiresAt },
          ConditionExpression: 'attribute_not_exists(pk) OR ownerHash = :owner',
          ExpressionAttributeValues: { ':owner': record.ownerHash },
        }),
      ),
    );
  }

  /**
   * The submission with its events, brought up to date: events written after the record was last saved
   * (a crash between the two writes of an action) are folded in, so the record always matches its history.
   */
  async load(trackingNumber: string): Promise<LoadedSubmission | undefined> {
    const stored = await this.meta(trackingNumber);
    return stored && this.withEvents(stored);
  }

  /** `load` for a record already read (the citizen's lookup reads it first to check the password). */
  async withEvents(stored: SubmissionRecord): Promise<LoadedSubmission> {
    const events = await this.events(stored.trackingNumber);
    let record = stored;
    for (const e of events) if (e.seq > record.eventCount) record = applyEvent(record, e);
    if (record !== stored) {
      // Save the repaired record (best effort), so the queue shows it in its real status again.
      const saved = await this.saveRecord(record, stored.eventCount).catch(() => false);
      return { record, events, storedEventCount: saved ? record.eventCount : stored.eventCount };
    }
    return { record, events, storedEventCount: stored.eventCount };
  }

  /**
   * Append one event and save the record it leads to. The event's sequence number is the lock: it is
   * written only if that number is still free, so of two concurrent actions exactly one wins ('conflict'
   * for the other). The record is then saved if nobody saved a newer one meanwhile; if this second write
   * is lost, `load` rebuilds the record from the events.
   */
  async append(loaded: { record: SubmissionRecord; storedEventCount: number }, event: Omit<FeedbackEvent, 'seq'>): Promise<{ ok: true; record: SubmissionRecord; event: FeedbackEvent } | { ok: false }> {
    const { record } = loaded;
    const full: FeedbackEvent = { ...event, seq: record.eventCount + 1 };
    const written = await conditionalWrite('append event', () =>
      this.db.send(
        new PutCommand({
          TableName: this.tables.feedback,
          Item: eventItem(record, full),
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      ),
    );
    if (!written) return { ok: false };
    const next = applyEvent(record, full);
    // The event is written, so the action has happened. If saving the record fails (a newer one was saved,
    // or the table is briefly unavailable), the next load rebuilds it from the events.
    await this.saveRecord(next, loaded.storedEventCount).catch((error: unknown) => {
      if (!(error instanceof StoreUnavailableError)) throw error;
    });
    return { ok: true, record: next, event: full };
  }

  /** Save a record if the stored one still has `storedEventCount` events; false when a newer one is there. */
  saveRecord(record: SubmissionRecord, storedEventCount: number): Promise<boolean> {
    return conditionalWrite('save submission', () =>
      this.db.send(
        new PutCommand({
          TableName: this.tables.feedback,
          Item: metaItem(record),
          ConditionExpression: 'eventCount = :stored',
          ExpressionAttributeValues: { ':stored': storedEventCount },
        }),
      ),
    );
  }

  /**
   * The staff queue: submissions in one status, newest first (or `order: 'due'`, soonest deadline first),
   * optionally filtered by kind, assigned unit and a range of submission instants (`from` inclusive, `to`
   * exclusive, ISO instants).
   */
  async queue(options: { status: string; kind?: string; unit?: string; from?: string; to?: string; limit?: number; cursor?: string; order?: 'newest' | 'due' }): Promise<{ items: SubmissionRecord[]; cursor?: string }> {
    const due = options.order === 'due';
    const { filter, values } = queueQuery(options.status, { ...options, ...(due ? { created: { from: options.from, to: options.to } } : {}) });
    let range = '';
    if (!due && (options.from || options.to)) {
      range = ' AND queueSk BETWEEN :from AND :to';
      values[':from'] = options.from ?? '0000';
      values[':to'] = options.to ?? '9999';
    }
    const items: SubmissionRecord[] = [];
    const limit = options.limit ?? 50;
    let cursor: Record<string, unknown> | undefined;
    const input = (start: Record<string, unknown> | undefined) => ({
      TableName: this.tables.feedback,
      IndexName: due ? 'due' : 'queue',
      KeyConditionExpression: `queuePk = :q${range}`,
      ...filter,
      ExpressionAttributeValues: values,
      ScanIndexForward: due,
      // Never read past the page: what a filter lets through beyond it would be skipped by the cursor.
      Limit: limit - items.length,
      ...(start ? { ExclusiveStartKey: start } : {}),
    });
    for await (const page of this.pages('query queue', input, options.cursor === undefined ? undefined : queueCursor.decode(options.cursor, options.status, due ? 'due' : 'newest'))) {
      items.push(...(page.Items ?? []).map((i) => stripKeys<SubmissionRecord>(i)));
      cursor = page.LastEvaluatedKey;
      if (items.length >= limit) break;
    }
    return { items: items.slice(0, limit), ...(cursor ? { cursor: queueCursor.encode(cursor) } : {}) };
  }

  /**
   * Every submission in `statuses`, one status after the other, each in the queue's order and with its filters:
   * for the exports and the daily reminder, which read them all page by page.
   */
  async *every(statuses: readonly string[], filters: { from?: string; to?: string; order?: 'newest' | 'due' } = {}): AsyncGenerator<SubmissionRecord> {
    for (const status of statuses) {
      let cursor: string | undefined;
      do {
        const page = await this.queue({ ...filters, status, limit: 500, ...(cursor ? { cursor } : {}) });
        yield* page.items;
        cursor = page.cursor;
      } while (cursor);
    }
  }

  /** The ISO instant of the oldest submission in any of `statuses` (the ledger's first month); undefined when none. */
  async firstCreatedAt(statuses: readonly string[]): Promise<string | undefined> {
    const firsts = await Promise.all(
      statuses.map(async (status) => {
        const out = await guarded('query oldest', () =>
          this.db.send(new QueryCommand({ TableName: this.tables.feedback, IndexName: 'queue', KeyConditionExpression: 'queuePk = :q', ExpressionAttributeValues: { ':q': KEY.queue(status) }, ScanIndexForward: true, Limit: 1 })),
        );
        return out.Items?.[0]?.createdAt as string | undefined;
      }),
    );
    return firsts.filter((f): f is string => Boolean(f)).sort()[0];
  }

  /** How many submissions are in each status (with the same kind/unit filters as the queue). */
  async counts(statuses: readonly string[], filter: { kind?: string; unit?: string } = {}): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    await Promise.all(
      statuses.map(async (status) => {
        let n = 0;
        const q = queueQuery(status, filter);
        const input = (start: Record<string, unknown> | undefined) => ({
          TableName: this.tables.feedback,
          IndexName: 'queue',
          KeyConditionExpression: 'queuePk = :q',
          ...q.filter,
          ExpressionAttributeValues: q.values,
          Select: 'COUNT' as const,
          ...(start ? { ExclusiveStartKey: start } : {}),
        });
        for await (const page of this.pages('count queue', input)) n += page.Count ?? 0;
        out[status] = n;
      }),
    );
    return out;
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
    const items: FeedbackEvent[] = [];
    const input = (start: Record<string, unknown> | undefined) => ({
      TableName: this.tables.feedback,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :evt)',
      ExpressionAttributeValues: { ':pk': KEY.submission(trackingNumber), ':evt': KEY.eventPrefix },
      ConsistentRead: true,
      ...(start ? { ExclusiveStartKey: start } : {}),
    });
    for await (const page of this.pages('query events', input)) items.push(...(page.Items ?? []).map((i) => stripKeys<FeedbackEvent>(i)));
    return items;
  }
}

/**
 * The queue's cursor: the last key of a page (base64url JSON), opaque to callers. A cursor that comes back is
 * checked to be exactly such a key — of this status's queue in this order (the `queue` index newest first, or
 * the `due` index by deadline), for a submission record — so a crafted one (any JSON, another status's key,
 * the other order's key) is refused as invalid before it reaches the database.
 */
export const queueCursor = {
  encode: (key: Record<string, unknown>): string => Buffer.from(JSON.stringify(key)).toString('base64url'),
  decode(cursor: string, status: string, order: 'newest' | 'due' = 'newest'): Record<string, string> {
    let key: unknown;
    try {
      key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    } catch {
      throw new InvalidCursorError('not base64url JSON');
    }
    const k = key as Record<string, unknown>;
    const sortKey = order === 'due' ? 'dueSk' : 'queueSk';
    const names = key && typeof key === 'object' && !Array.isArray(key) ? Object.keys(k).sort().join(',') : '';
    if (names !== ['pk', 'queuePk', sortKey, 'sk'].sort().join(',') || !Object.values(k).every((v) => typeof v === 'string')) throw new InvalidCursorError('not a queue key');
    const tracking = String(k.pk).slice(KEY.submission('').length);
    const sort = String(k[sortKey]);
    // queueSk is `<createdAt>#<tracking>`; dueSk is `<deadline>#<createdAt>#<tracking>`.
    const deadline = order === 'due' ? sort.slice(0, 10) : undefined;
    const createdAt = (order === 'due' ? sort.slice(11) : sort).slice(0, -(tracking.length + 1));
    const sortValid = order === 'due' ? k.dueSk === KEY.dueSort(deadline, createdAt, tracking) && /^\d{4}-\d{2}-\d{2}$/.test(deadline!) : k.queueSk === KEY.queueSort(createdAt, tracking);
    const valid =
      k.pk === KEY.submission(tracking) &&
      TRACKING_NUMBER.test(tracking) &&
      k.sk === KEY.meta &&
      k.queuePk === KEY.queue(status) &&
      sortValid &&
      !Number.isNaN(Date.parse(createdAt)) &&
      new Date(createdAt).toISOString() === createdAt;
    if (!valid) throw new InvalidCursorError('not a key of this queue');
    return k as Record<string, string>;
  },
};

/** The queue index's key for one status and the optional kind and unit filters, as query parameters. */
function queueQuery(status: string, filter: { kind?: string; unit?: string; created?: { from?: string | undefined; to?: string | undefined } }) {
  const clauses: string[] = [];
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = { ':q': KEY.queue(status) };
  if (filter.created && (filter.created.from || filter.created.to)) {
    // On the deadline index the submission instant is no key: filter on it (from inclusive, to exclusive).
    clauses.push('#created >= :from AND #created < :to');
    names['#created'] = 'createdAt';
    values[':from'] = filter.created.from ?? '0000';
    values[':to'] = filter.created.to ?? '9999';
  }
  if (filter.kind) {
    clauses.push('#kind = :kind');
    names['#kind'] = 'kind';
    values[':kind'] = filter.kind;
  }
  if (filter.unit) {
    clauses.push('contains(#units, :unit)');
    names['#units'] = 'units';
    values[':unit'] = filter.unit;
  }
  return { filter: clauses.length ? { FilterExpression: clauses.join(' AND '), ExpressionAttributeNames: names } : {}, values };
}

/** A submission's record as stored: its keys and the queue index's. */
function metaItem(record: SubmissionRecord) {
  return {
    pk: KEY.submission(record.trackingNumber),
    sk: KEY.meta,
    ...record,
    queuePk: KEY.queue(record.status),
    queueSk: KEY.queueSort(record.createdAt, record.trackingNumber),
    dueSk: KEY.dueSort(runningDeadline(record)?.deadline, record.createdAt, record.trackingNumber),
  };
}

/** One event as stored, under its submission, with the owner hash (a retry's writes are told apart by it) and the TTL. */
function eventItem(record: SubmissionRecord, event: FeedbackEvent) {
  return { pk: KEY.submission(record.trackingNumber), sk: KEY.event(event.seq), ...event, ownerHash: record.ownerHash, expiresAt: record.expiresAt };
}

/** Drop storage-only attributes before handing a record to the domain. */
function stripKeys<T>(item: Record<string, unknown>): T {
  const { pk: _pk, sk: _sk, queuePk: _q, queueSk: _qs, dueSk: _ds, ...rest } = item;
  return rest as T;
}

/**
 * Contact details: written by the public feedback function; read only by the staff function — for the
 * audited reveal, the reply-ready notification and the export's redaction of the citizen's own name.
 */
export class ContactStore extends TableStore {
  /** The contact, unless there is none or it is past its retention (TTL deletes it some time after). */
  async get(trackingNumber: string, now = new Date()): Promise<Contact | undefined> {
    const out = await guarded('get contact', () => this.db.send(new GetCommand({ TableName: this.tables.contacts, Key: { pk: KEY.submission(trackingNumber) }, ConsistentRead: true })));
    if (!out.Item || Number(out.Item.expiresAt) <= now.getTime() / 1000) return undefined;
    const { name, phone, email } = out.Item as Contact;
    return { name, phone, email };
  }
}
