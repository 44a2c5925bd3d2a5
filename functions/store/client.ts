/**
 * DynamoDB clients. `DUCHA_DYNAMODB_ENDPOINT` points the same code at dynalite, DynamoDB Local or AWS.
 * Short timeouts and few retries: a citizen should get a clear "try again" (503) within seconds, not hang.
 * Each attempt is bounded — 1 s to connect, 2 s for the whole answer, and the request timeout *throws*
 * (without `throwOnRequestTimeout` the SDK only logs a warning and waits on, which is how a stalled store
 * once held requests for 45 s) — and there are at most two attempts, so one store call gives up within
 * about 6 s; the pipeline's answer deadline (ANSWER_DEADLINE_MS) bounds a whole request.
 * Layer: functions/ — imports domain/ and functions/; never site/, infra/, scripts/ or tests/.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { NodeHttpHandler } from '@smithy/node-http-handler';

export interface ClientOptions {
  /** e.g. http://127.0.0.1:4567 for dynalite; unset in AWS. */
  readonly endpoint?: string;
  readonly region?: string;
  /** @default 2 */
  readonly maxAttempts?: number;
  /** The whole answer of one attempt, ms. @default 2000 */
  readonly requestTimeoutMs?: number;
}

export function createDynamoClient(options: ClientOptions = {}): DynamoDBClient {
  const endpoint = options.endpoint ?? (process.env.DUCHA_DYNAMODB_ENDPOINT || undefined);
  return new DynamoDBClient({
    ...(endpoint
      ? {
          endpoint,
          region: options.region ?? process.env.AWS_REGION ?? 'cn-northwest-1',
          // Local engines accept any credentials.
          credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
        }
      : { region: options.region ?? process.env.AWS_REGION }),
    maxAttempts: options.maxAttempts ?? 2,
    requestHandler: new NodeHttpHandler({
      connectionTimeout: 1_000,
      requestTimeout: options.requestTimeoutMs ?? 2_000,
      throwOnRequestTimeout: true,
      // Only for a local engine. Not an ESM import of node:http: its module facade evaluates every lazy
      // export (undici among them) during each Lambda cold start, for an agent Lambda never uses.
      ...(endpoint?.startsWith('http:') ? { httpAgent: new (process.getBuiltinModule('node:http').Agent)({ keepAlive: true, maxSockets: 64 }) } : {}),
    }),
  });
}

export function documentClient(client: DynamoDBClient): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
}
