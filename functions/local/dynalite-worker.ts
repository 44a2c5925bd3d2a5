/**
 * Runs dynalite in a worker thread, so the embedded database has a core of its own (see dynamodb.ts). Listens
 * on the port it is given (a restart keeps the address the clients know) or any free one. A write error in
 * the database (a read-only or full disk) is thrown here and ends the worker; dynamodb.ts reports it and
 * starts another once the cause is gone.
 * Layer: functions/ — imports domain/ and functions/; never site/, infra/, scripts/ or tests/.
 */
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { parentPort, workerData } from 'node:worker_threads';

const require = createRequire(import.meta.url);
const dynalite = require('dynalite') as (opts: object) => import('node:http').Server;
const { path, port } = workerData as { path?: string; port?: number };
const server = dynalite({ ...(path ? { path } : {}), createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
server.once('error', (error) => {
  throw error;
});
server.listen(port ?? 0, '127.0.0.1', () => parentPort!.postMessage({ port: (server.address() as AddressInfo).port }));
parentPort!.on('message', (m: string) => {
  if (m === 'close') server.close(() => process.exit(0));
});
