/**
 * Units' progress reports (domain/items/report.ts) in the feedback table: one record per report, its whole
 * history inside it, every change a conditional write on the version the actor saw (dynalite has no
 * transactions, and none is needed: one item per step). Listed by status through the `queue` index.
 * Layer: functions/ — imports domain/ and functions/; never site/, infra/, scripts/ or tests/.
 */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { ReportRecord } from '../../domain/items/report.ts';
import { conditionalWrite, guarded } from './errors.ts';
import { KEY } from './tables.ts';
import { TableStore } from './table-store.ts';

export class ReportStore extends TableStore {
  /** Store a new report; false when the id is taken. */
  create(r: ReportRecord): Promise<boolean> {
    return conditionalWrite('put report', () => this.db.send(new PutCommand({ TableName: this.tables.feedback, Item: reportItem(r), ConditionExpression: 'attribute_not_exists(pk)' })));
  }

  /** Save `next` if the stored report still has `previousVersion`; false when someone else acted first. */
  save(next: ReportRecord, previousVersion: number): Promise<boolean> {
    return conditionalWrite('save report', () =>
      this.db.send(
        new PutCommand({ TableName: this.tables.feedback, Item: reportItem(next), ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': previousVersion } }),
      ),
    );
  }

  async get(id: string): Promise<ReportRecord | undefined> {
    const out = await guarded('get report', () => this.db.send(new GetCommand({ TableName: this.tables.feedback, Key: { pk: KEY.report(id), sk: KEY.meta }, ConsistentRead: true })));
    return out.Item ? strip(out.Item) : undefined;
  }

  /** Every report in `status`, oldest change first (optionally one unit's). */
  async list(status: string, unit?: string): Promise<ReportRecord[]> {
    const out: ReportRecord[] = [];
    const input = (start: Record<string, unknown> | undefined) => ({
      TableName: this.tables.feedback,
      IndexName: 'queue',
      KeyConditionExpression: 'queuePk = :q',
      ...(unit ? { FilterExpression: '#unit = :u', ExpressionAttributeNames: { '#unit': 'unit' } } : {}),
      ExpressionAttributeValues: { ':q': KEY.reportQueue(status), ...(unit ? { ':u': unit } : {}) },
      ...(start ? { ExclusiveStartKey: start } : {}),
    });
    for await (const page of this.pages('query reports', input)) out.push(...(page.Items ?? []).map(strip));
    return out;
  }
}

function reportItem(r: ReportRecord) {
  return { pk: KEY.report(r.id), sk: KEY.meta, ...r, queuePk: KEY.reportQueue(r.status), queueSk: `${r.updatedAt}#${r.id}` };
}

function strip(item: Record<string, unknown>): ReportRecord {
  const { pk: _pk, sk: _sk, queuePk: _q, queueSk: _qs, ...rest } = item;
  return rest as unknown as ReportRecord;
}
