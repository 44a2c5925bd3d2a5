/**
 * `npm run ledger:export [-- --api http://localhost:4321 --token <token> --out content/ledger]`
 *
 * Reads the public ledger from the staff API, month by month from the first month with a submission to
 * the current one, and writes it under content/ledger/ (one file per month, figures.json with the
 * statistics computed from it) for an editor to review and commit. The current month is rewritten; an
 * earlier month only when one of its rows changed, and the command says which. Running it twice changes
 * nothing. The token: a staff reviewer's, or the scheduled export's machine credential (export scope
 * only, docs/deploy.md); locally, without --token, one is made with the development issuer.
 * Layer: scripts/ — may import any layer but tests/; only scripts/ and tests/ import it.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { signDevMachineToken } from '../functions/local/dev-auth.ts';
import { routePath } from '../domain/api/routes.ts';
import type { LedgerPage } from '../domain/api/staff.ts';
import { monthRange } from '../domain/dates.ts';
import type { LedgerRow } from '../domain/feedback/ledger.ts';
import { readContent, statsUnitOrder } from '../site/lib/content-source.ts';
import { writeLedger } from './lib/ledger-files.ts';
import { staffGet } from './lib/staff-client.ts';

const root = path.resolve(import.meta.dirname, '..');
const usage = 'npm run ledger:export -- [--api http://localhost:4321] [--token 令牌] [--out content/ledger] [--content content]';

let values: { api?: string; token?: string; out?: string; data?: string; content?: string };
try {
  ({ values } = parseArgs({ options: { api: { type: 'string' }, token: { type: 'string' }, out: { type: 'string' }, data: { type: 'string' }, content: { type: 'string' } }, strict: true }));
} catch (error) {
  console.error(`参数错误：${error instanceof Error ? error.message : String(error)}。用法：${usage}`);
  process.exit(2);
}
const api = (values.api ?? 'http://localhost:4321').replace(/\/$/, '');
const contentDir = path.resolve(values.content ?? path.join(root, 'content'));
const outDir = path.resolve(values.out ?? path.join(contentDir, 'ledger'));
const token = values.token ?? process.env.DUCHA_EXPORT_TOKEN ?? (await signDevMachineToken(path.resolve(values.data ?? path.join(root, '.data'))));

const month = (m?: string) => staffGet<LedgerPage>(api, `${routePath('ledger')}${m ? `?month=${m}` : ''}`, token);

const current = await month();
const rows: LedgerRow[] = [...current.rows];
if (current.firstMonth && current.firstMonth < current.month) {
  for (const m of monthRange(current.firstMonth, current.month).slice(0, -1)) rows.push(...(await month(m)).rows);
}
const content = readContent(contentDir, path.dirname(contentDir));
const unitOrder = statsUnitOrder(content.units.map((u) => u.data), content.feedbackSettings);
const result = writeLedger(outDir, rows, current.asOf, unitOrder);
const rel = path.relative(root, outDir) || outDir;
for (const c of result.changed) {
  const earlier = c.month < current.month;
  console.log(`${c.month}：${c.created ? `新建，${c.rows} 行` : `${c.rows} 行有变化，已更新`}${earlier && !c.created ? '（较早月份：请审阅这些行的变化）' : ''}`);
}
console.log(`已导出 ${rows.length} 行台账到 ${rel}（${result.changed.length} 个月份文件有变化，${result.unchanged} 个未变），统计截至 ${current.asOf}。请审阅后提交。`);
