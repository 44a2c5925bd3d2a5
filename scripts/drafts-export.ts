/**
 * `npm run drafts:export [-- --api http://localhost:4321 --token <staff token> --dir content --today YYYY-MM-DD]`
 *
 * 立项督办 into git: writes one content/items/<year>/<id>.md per item draft reviewers made from citizens'
 * clues (scripts/lib/item-drafts.ts), for editors to review and commit; a second run writes nothing. Locally,
 * without --token, a reviewer token is made with the development issuer (as replies:export). The local
 * defaults follow `npm start`'s: PORT, DUCHA_DATA_DIR and DUCHA_CONTENT_DIR.
 * Layer: scripts/ — may import any layer but tests/; only scripts/ and tests/ import it.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { asOfDate, isIsoDate } from '../domain/dates.ts';
import { promotion as t } from '../domain/labels/zh-CN.ts';
import { signDevToken } from '../functions/local/dev-auth.ts';
import { exportItemDrafts } from './lib/item-drafts.ts';

const root = path.resolve(import.meta.dirname, '..');
const usage = 'npm run drafts:export -- [--api http://localhost:4321] [--token 令牌] [--dir content] [--today YYYY-MM-DD]';

let values: { api?: string; token?: string; dir?: string; data?: string; today?: string };
try {
  ({ values } = parseArgs({ options: { api: { type: 'string' }, token: { type: 'string' }, dir: { type: 'string' }, data: { type: 'string' }, today: { type: 'string' } }, strict: true }));
  if (values.today !== undefined && !isIsoDate(values.today)) throw new Error(`--today ${values.today} 不是有效日期`);
} catch (error) {
  console.error(`参数错误：${error instanceof Error ? error.message : String(error)}。用法：${usage}`);
  process.exit(2);
}
const api = values.api ?? `http://localhost:${process.env.PORT ?? 4321}`;
const contentDir = path.resolve(values.dir ?? process.env.DUCHA_CONTENT_DIR ?? path.join(root, 'content'));
const token = values.token ?? process.env.DUCHA_EXPORT_TOKEN ?? (await signDevToken(path.resolve(values.data ?? process.env.DUCHA_DATA_DIR ?? path.join(root, '.data')), { name: '立项导出', role: 'reviewer', hours: 1 }));

try {
  const result = await exportItemDrafts({ api, token, contentDir, today: values.today ?? asOfDate() });
  for (const file of result.written) console.log(t.written(file));
  for (const problem of result.problems) console.error(problem);
  console.log(t.done(result.written.length, result.skipped));
  process.exitCode = result.problems.length ? 1 : 0;
} catch (error) {
  console.error(`导出失败：${error instanceof Error ? error.message : String(error)}。本机请先运行 npm start。`);
  process.exitCode = 1;
}
