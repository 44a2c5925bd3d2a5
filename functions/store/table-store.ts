/**
 * What every store holds: the document client and the table names (from the environment in Lambda, the
 * local names on this machine). The stores translate SDK errors where they call the SDK (errors.ts).
 * Layer: functions/ — imports domain/ and functions/; never site/, infra/, scripts/ or tests/.
 */
import { QueryCommand, type DynamoDBDocumentClient, type QueryCommandInput, type QueryCommandOutput } from '@aws-sdk/lib-dynamodb';
import { guarded } from './errors.ts';
import type { TableNames } from './tables.ts';

type StartKey = Record<string, unknown> | undefined;

export abstract class TableStore {
  readonly db: DynamoDBDocumentClient;
  readonly tables: TableNames;

  constructor(db: DynamoDBDocumentClient, tables: TableNames) {
    this.db = db;
    this.tables = tables;
  }

  /** Every page of a query, from `start` on: `input` gives each page's request for its start key. */
  protected async *pages(what: string, input: (start: StartKey) => QueryCommandInput, start?: StartKey): AsyncGenerator<QueryCommandOutput> {
    let next = start;
    do {
      const key = next;
      const page = await guarded(what, () => this.db.send(new QueryCommand(input(key))));
      next = page.LastEvaluatedKey;
      yield page;
    } while (next);
  }
}
