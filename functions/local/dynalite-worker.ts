/**
 * Runs dynalite in a worker thread, so the embedded database has a core of its own (see dynamodb.ts).
 * Layer: functions/ — imports domain/ and functions/; never site/, infra/, scripts/ or tests/.
 */
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { parentPort, workerData } from 'node:worker_threads';

const require = createRequire(import.meta.url);
const dynalite = require('dynalite') as (opts: object) => import('node:http').Server;
const { path } = workerData as { path?: string };
const server = dynalite({ ...(path ? { path } : {}), createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
server.listen(0, '127.0.0.1', () => parentPort!.postMessage({ port: (server.address() as AddressInfo).port }));
parentPort!.on('message', (m: string) => {
  if (m === 'close') server.close(() => process.exit(0));
});
