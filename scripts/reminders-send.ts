/**
 * `npm run reminders:send [-- --data .data]` — send today's reminders (催办) now, as the local server does
 * every day at 09:00 China time: each unit's submissions due soon or overdue, and the reviewers' not yet
 * accepted, written to .data/outbox/reminders/. Uses the running portal's database when `npm start` is
 * up (its endpoint is in .data/dynamodb-endpoint), otherwise opens .data/dynamodb itself. Nothing is sent
 * on a day off.
 * Layer: scripts/ — may import any layer but tests/; only scripts/ and tests/ import it.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { clockFromData } from '../domain/feedback/clock-setup.ts';
import { ensureTables, startDynalite } from '../functions/local/dynamodb.ts';
import { ENDPOINT_FILE, localReminders } from '../functions/local/portal.ts';
import { tableNamesFromEnv } from '../functions/store/tables.ts';
import { readClockData, readUnitNames } from '../site/lib/content-source.ts';
import { contentDir } from '../site/lib/paths.ts';

const root = path.resolve(import.meta.dirname, '..');
let values: { data?: string };
try {
  ({ values } = parseArgs({ options: { data: { type: 'string' } }, strict: true }));
} catch (error) {
  console.error(`参数错误：${error instanceof Error ? error.message : String(error)}。用法：npm run reminders:send -- [--data 数据目录]`);
  process.exit(2);
}
const dataDir = path.resolve(values.data ?? path.join(root, '.data'));
const running = path.join(dataDir, ENDPOINT_FILE);
const own = existsSync(running) ? undefined : await startDynalite(path.join(dataDir, 'dynamodb'));
const endpoint = own?.endpoint ?? readFileSync(running, 'utf8').trim();
const dir = contentDir();
const outboxDir = path.join(dataDir, 'outbox');
const reminders = localReminders({ endpoint, tables: tableNamesFromEnv(), outboxDir, units: readUnitNames(dir), clock: clockFromData(readClockData(dir)), siteUrl: `http://localhost:${process.env.PORT ?? 4321}` });
try {
  await ensureTables(reminders.client, tableNamesFromEnv());
  const sent = await reminders.send();
  console.log(sent.length ? `已发送 ${sent.length} 条催办（${path.relative(root, path.join(outboxDir, 'reminders'))}/）：${sent.map((r) => r.subject).join('；')}` : '今天没有需要催办的留言（或今天不是工作日）。');
} catch (error) {
  console.error(`催办失败：${error instanceof Error ? error.message : String(error)}。${own ? '' : '（正在运行的 npm start 是否已退出？可删除 .data/dynamodb-endpoint 后重试。）'}`);
  process.exitCode = 1;
} finally {
  reminders.client.destroy();
}
// The embedded database's worker closes with the process (its HTTP server would wait for idle sockets).
process.exit();
