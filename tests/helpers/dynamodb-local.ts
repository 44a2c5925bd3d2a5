/**
 * AWS's DynamoDB Local (the jar from amplify-dynamodb-simulator, fetched on demand) run with the machine's
 * Java, in memory, on a free loopback port, with telemetry off.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { fetchDynamoDbLocal } from '../../scripts/fetch-dynamodb-local.ts';
import { createDynamoClient } from '../../functions/store/client.ts';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

export interface DynamoDbLocal {
  readonly endpoint: string;
  close(): Promise<void>;
}

export async function startDynamoDbLocal(): Promise<DynamoDbLocal> {
  const dir = fetchDynamoDbLocal();
  const port = await freePort();
  const child: ChildProcess = spawn(
    'java',
    [`-Djava.library.path=${path.join(dir, 'DynamoDBLocal_lib')}`, '-jar', path.join(dir, 'DynamoDBLocal.jar'), '-inMemory', '-disableTelemetry', '-port', String(port)],
    { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const endpoint = `http://127.0.0.1:${port}`;
  const client = createDynamoClient({ endpoint, maxAttempts: 1 });
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`DynamoDB Local exited (${child.exitCode}): ${stderr}`);
    try {
      await client.send(new ListTablesCommand({}));
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`DynamoDB Local did not start: ${stderr}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  client.destroy();
  return {
    endpoint,
    close: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
