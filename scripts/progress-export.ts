/**
 * `npm run progress:export [-- --api http://localhost:4321 --token <staff token> --content content]`
 *
 * Applies the units' approved progress reports, extensions and completions (staff API, in order of
 * approval) to the item files under content/items/ (scripts/lib/item-file.ts): the files stay as editors
 * wrote them but for the new lines, each result passes the content check before it is written, and what was
 * applied is marked in content/items/applied-reports.json so a second run changes nothing. Then the item
 * drafts reviewers made from citizens' clues (立项督办) are written as new item files, as drafts:export does. The first line
 * printed names the items changed (the scheduled workflow's pull-request title). Locally, without --token,
 * a reviewer token is made with the development issuer; in CI the token comes from DUCHA_EXPORT_TOKEN.
 * Layer: scripts/ — may import any layer but tests/; only scripts/ and tests/ import it.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { signDevToken } from '../functions/local/dev-auth.ts';
import type { ProgressExportPage } from '../domain/api/staff.ts';
import { routePath } from '../domain/api/routes.ts';
import { asOfDate } from '../domain/dates.ts';
import { applyProgressReports } from './lib/item-file.ts';
import { exportItemDrafts } from './lib/item-drafts.ts';
import { staffGet } from './lib/staff-client.ts';

const root = path.resolve(import.meta.dirname, '..');
const usage = 'npm run progress:export -- [--api http://localhost:4321] [--token 令牌] [--content content]';

let values: { api?: string; token?: string; content?: string; data?: string };
try {
  ({ values } = parseArgs({ options: { api: { type: 'string' }, token: { type: 'string' }, content: { type: 'string' }, data: { type: 'string' } }, strict: true }));
} catch (error) {
  console.error(`参数错误：${error instanceof Error ? error.message : String(error)}。用法：${usage}`);
  process.exit(2);
}
const api = (values.api ?? `http://localhost:${process.env.PORT ?? 4321}`).replace(/\/$/, '');
const contentDir = path.resolve(values.content ?? process.env.DUCHA_CONTENT_DIR ?? path.join(root, 'content'));
const token = values.token ?? process.env.DUCHA_EXPORT_TOKEN ?? (await signDevToken(path.resolve(values.data ?? process.env.DUCHA_DATA_DIR ?? path.join(root, '.data')), { name: '进展导出', role: 'reviewer', hours: 1 }));

const { reports } = await staffGet<ProgressExportPage>(api, routePath('progressExport'), token);
const result = applyProgressReports(contentDir, reports, { today: asOfDate() });
// 立项督办 drafts become new item files in the same run (and the same pull request): scripts/lib/item-drafts.ts.
const drafts = await exportItemDrafts({ api, token, contentDir, today: asOfDate() });
const ids = [...result.changed.map((c) => c.id), ...drafts.written.map((f) => path.basename(f, '.md'))];
console.log(ids.length ? `督查事项进展：${ids.join('、')}` : '没有新的已审核报送需要写入。');
for (const f of drafts.written) console.log(`  ${f}：立项督办，新建事项`);
for (const p of drafts.problems) console.log(`  跳过 ${p}`);
for (const c of result.changed) console.log(`  ${c.id}：写入报送 ${c.reports.join('、')}`);
for (const s of result.skipped) console.log(`  跳过 ${s}`);
for (const c of result.conflicts) console.log(`  冲突 ${c}`);
