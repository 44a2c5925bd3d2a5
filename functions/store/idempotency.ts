/**
 * Powertools idempotency records live in the guard table (`pk`, TTL `expiresAt`): one setup for Lambda,
 * the local server and the tests.
 * Layer: functions/ — imports domain/ and functions/; never site/, infra/, scripts/ or tests/.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import type { TableNames } from './tables.ts';

export function idempotencyStore(client: DynamoDBClient, tables: Pick<TableNames, 'guard'>): DynamoDBPersistenceLayer {
  return new DynamoDBPersistenceLayer({ tableName: tables.guard, keyAttr: 'pk', expiryAttr: 'expiresAt', awsSdkV3Client: client });
}
