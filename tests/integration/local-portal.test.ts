/**
 * The local portal as `npm start` runs it, in its own process: honest about its embedded store (a data
 * folder it cannot write stops the start with a message naming it; a write error that kills the store shows
 * in /api/health and the log, and the store comes back once the cause is gone), and as strict on the wire as
 * CloudFront (security headers on every page, no reset after a 413 on a kept-alive connection, an aborted
 * upload logged as such).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { createDynamoClient, documentClient } from '../../functions/store/client.ts';
import { tableNamesFromEnv } from '../../functions/store/tables.ts';
import { routePath } from '../../domain/api/routes.ts';
import { localPortal } from '../../domain/labels/zh-CN.ts';
import { securityHeaders } from '../../domain/security-headers.ts';
import { LIMITS } from '../../domain/feedback/schema.ts';
import { ownForServer, serverDir, spawnServer, type LocalServerProcess } from '../helpers/local-server.ts';
import { validSubmission } from '../helpers/api.ts';
import { SOME_PASSWORD } from '../helpers/passwords.ts';
import { FIXTURE_SITE } from '../helpers/infra.ts';

type Json = Record<string, any>;

describe('the embedded store', () => {
  it('refuses to start with a data folder it cannot write, naming it and what to do, in Chinese and English', async () => {
    const data = serverDir('ducha-readonly-', true);
    const dynamo = path.join(data, 'dynamodb');
    mkdirSync(dynamo);
    ownForServer(data);
    chmodSync(dynamo, 0o555);
    const { child, output, started } = spawnServer({ dataDir: data, unprivileged: true });
    await expect(started).rejects.toThrow(/server exited/);
    expect(child.exitCode).toBe(1);
    expect(output()).toContain(`Cannot write to the data directory ${dynamo}`);
    expect(output()).toContain(localPortal.dataDirNotWritable(dynamo, '').split('（')[0]);
    expect(output()).not.toMatch(/ECONNREFUSED|at async/);
  });

  describe('when a write error stops it', () => {
    let server: LocalServerProcess;
    let dynamo = '';
    beforeAll(async () => {
      server = await spawnServer({ unprivileged: true }).started;
      dynamo = path.join(server.dataDir, 'dynamodb');
    }, 60_000);
    afterAll(async () => {
      chmodSync(dynamo, 0o755);
      await server?.stop();
    });

    const health = async () => {
      const res = await fetch(`${server.base}${routePath('health')}`);
      return { status: res.status, body: (await res.json()) as Json };
    };

    it('answers /api/health with 503 and the reason, logs the cause, and recovers once the folder can be written again', async () => {
      expect((await health()).status).toBe(200);
      // Make the data folder read-only, then write enough that the database must open a new file.
      execFileSync('chmod', ['-R', 'a-w', dynamo]);
      const db = documentClient(createDynamoClient({ endpoint: server.dynamoEndpoint, maxAttempts: 1 }));
      const big = 'x'.repeat(350_000);
      for (let i = 0; i < 20; i++) {
        const written = await db.send(new PutCommand({ TableName: tableNamesFromEnv().guard, Item: { pk: `FILL#${i}`, big } })).then(
          () => true,
          () => false,
        );
        if (!written) break;
      }
      await expect.poll(async () => (await health()).status, { timeout: 20_000 }).toBe(503);
      const down = (await health()).body;
      expect(down.type).toMatch(/\/unavailable$/);
      expect(down.detail).toMatch(/embedded DynamoDB stopped/);
      expect(server.output()).toContain(localPortal.storeDown('').split('：')[0]);
      expect(server.output()).toMatch(/Permission denied|EACCES/);

      execFileSync('chmod', ['-R', 'u+w', dynamo]);
      await expect.poll(async () => (await health()).status, { timeout: 60_000, interval: 500 }).toBe(200);
      expect(server.output()).toContain(localPortal.storeRecovered);
      const res = await fetch(`${server.base}${routePath('submit')}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(validSubmission()) });
      expect(res.status).toBe(201);
    }, 120_000);
  });
});

describe('the local server on the wire', () => {
  let server: LocalServerProcess;
  let url: URL;
  beforeAll(async () => {
    server = await spawnServer({ distDir: FIXTURE_SITE }).started;
    url = new URL(server.base);
  }, 60_000);
  afterAll(() => server?.stop());

  it('sends the security headers CloudFront sends on every page, so the portal cannot be framed', async () => {
    for (const page of ['/', '/items/dc-1/', '/no-such-page/']) {
      const res = await fetch(`${server.base}${page}`);
      await res.arrayBuffer();
      for (const name of Object.keys(securityHeaders(''))) expect(res.headers.get(name), `${page} ${name}`).toBeTruthy();
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  /** Send `raw` on `socket` and read one answer: its status and headers, or null if the connection closes first. */
  function exchange(socket: net.Socket, raw: string): Promise<{ status: number; headers: Record<string, string> } | null> {
    return new Promise((resolve) => {
      let data = '';
      const done = (answer: { status: number; headers: Record<string, string> } | null) => {
        socket.off('data', onData);
        socket.off('close', onClose);
        resolve(answer);
      };
      const onData = (chunk: Buffer) => {
        data += chunk.toString('latin1');
        const end = data.indexOf('\r\n\r\n');
        if (end < 0) return;
        const [statusLine, ...lines] = data.slice(0, end).split('\r\n');
        const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
        if (data.length - end - 4 >= Number(headers['content-length'] ?? 0)) done({ status: Number(statusLine!.split(' ')[1]), headers });
      };
      const onClose = () => done(null);
      socket.on('data', onData);
      socket.on('close', onClose);
      socket.on('error', () => undefined);
      socket.write(raw);
    });
  }
  const connect = () => new Promise<net.Socket>((resolve) => { const s = net.connect(Number(url.port), url.hostname, () => resolve(s)); });
  const post = (body: string, length = Buffer.byteLength(body)) => `POST ${routePath('lookup')} HTTP/1.1\r\nHost: ${url.host}\r\nContent-Type: application/json\r\nContent-Length: ${length}\r\n\r\n${body}`;

  it('closes the connection after a 413, so the next request on a kept-alive connection is answered, not reset', async () => {
    let socket = await connect();
    // Too large by its Content-Length: answered at once, while the rest of the upload is still on its way.
    const tooLarge = await exchange(socket, post('{"trackingNumber":"', LIMITS.bodyBytes + 4_000));
    expect(tooLarge?.status).toBe(413);
    // As an HTTP client does: the same connection again, unless the answer said to close it.
    if (tooLarge?.headers.connection === 'close') {
      socket.destroy();
      socket = await connect();
    }
    const next = await exchange(socket, post(JSON.stringify({ trackingNumber: 'not a number', password: SOME_PASSWORD })));
    socket.destroy();
    expect(next?.status).toBe(422);
  });

  it('logs a client that aborts mid-upload as an aborted request, never as the store being unavailable', async () => {
    const before = server.output().length;
    for (let i = 0; i < 5; i++) {
      await new Promise<void>((resolve) => {
        const socket = net.connect(Number(url.port), url.hostname, () => {
          socket.write(`POST ${routePath('submit')} HTTP/1.1\r\nHost: ${url.host}\r\nContent-Type: application/json\r\nContent-Length: 9000\r\n\r\n{"kind":"suggestion","title":"`);
          setTimeout(() => {
            socket.destroy();
            resolve();
          }, 50);
        });
        socket.on('error', () => resolve());
      });
    }
    const lines = () => server.output().slice(before).split('\n').filter(Boolean);
    await expect.poll(() => lines().filter((l) => l.includes('"aborted":true')).length, { timeout: 10_000 }).toBe(5);
    expect(lines().filter((l) => l.includes('store unavailable'))).toEqual([]);
  });
});
