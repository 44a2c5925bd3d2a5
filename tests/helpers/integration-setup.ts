/**
 * Global setup of the integration tests: both DynamoDB engines, dynalite (the embedded default) and AWS's
 * DynamoDB Local. Every integration suite runs against each (describe.each over ENGINES).
 */
import type { TestProject } from 'vitest/node';
import { startDynalite, type EmbeddedDynamo } from '../../functions/local/dynamodb.ts';
import { startDynamoDbLocal, type DynamoDbLocal } from './dynamodb-local.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    engines: Record<string, string>;
  }
}

let dynalite: EmbeddedDynamo | undefined;
let ddbLocal: DynamoDbLocal | undefined;

export async function setup(project: TestProject): Promise<void> {
  [dynalite, ddbLocal] = await Promise.all([startDynalite(), startDynamoDbLocal()]);
  project.provide('engines', { dynalite: dynalite.endpoint, 'dynamodb-local': ddbLocal.endpoint });
}

export async function teardown(): Promise<void> {
  await Promise.all([dynalite?.close(), ddbLocal?.close()]);
}
