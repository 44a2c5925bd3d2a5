/**
 * `npm run replies:export [-- --api http://localhost:4321 --token <staff token> --out content/replies]`
 *
 * Fetches the approved replies whose citizens allowed publication from the staff API (already redacted
 * there: phone numbers, ID numbers, emails, the submitter's name, house numbers) and writes one Markdown
 * file per reply, content/replies/<tracking-number>.md, for editors to review and commit. Existing files
 * are kept as editors left them unless --overwrite. Locally, without --token, a reviewer token is made
 * with the development issuer. The local defaults follow `npm start`'s: PORT, DUCHA_DATA_DIR and
 * DUCHA_CONTENT_DIR.
 * Layer: scripts/ — may import any layer but tests/; only scripts/ and tests/ import it.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import yaml from 'js-yaml';
import { signDevToken } from '../functions/local/dev-auth.ts';
import { chinaDate } from '../domain/dates.ts';
import type { ExportPage } from '../domain/api/staff.ts';
import { routePath } from '../domain/api/routes.ts';

const root = path.resolve(import.meta.dirname, '..');
const usage = 'npm run replies:export -- [--api http://localhost:4321] [--token 令牌] [--out content/replies] [--overwrite]';

let values: { api?: string; token?: string; out?: string; overwrite?: boolean; data?: string };
try {
  ({ values } = parseArgs({ options: { api: { type: 'string' }, token: { type: 'string' }, out: { type: 'string' }, overwrite: { type: 'boolean' }, data: { type: 'string' } }, strict: true }));
} catch (error) {
  console.error(`参数错误：${error instanceof Error ? error.message : String(error)}。用法：${usage}`);
  process.exit(2);
}
const api = (values.api ?? `http://localhost:${process.env.PORT ?? 4321}`).replace(/\/$/, '');
const outDir = path.resolve(values.out ?? path.join(process.env.DUCHA_CONTENT_DIR ?? path.join(root, 'content'), 'replies'));
const token = values.token ?? (await signDevToken(path.resolve(values.data ?? process.env.DUCHA_DATA_DIR ?? path.join(root, '.data')), { name: '回复导出', role: 'reviewer', hours: 1 }));


let res: Response;
try {
  res = await fetch(`${api}${routePath('export')}`, { headers: { authorization: `Bearer ${token}`, accept: 'application/json' } });
} catch (error) {
  console.error(`无法连接 ${api}：${error instanceof Error ? error.message : String(error)}。本机请先运行 npm start。`);
  process.exit(1);
}
if (!res.ok) {
  const problem = (await res.json().catch(() => ({}))) as { title?: string };
  console.error(`导出失败（HTTP ${res.status}）：${problem.title ?? res.statusText}`);
  process.exit(1);
}
const { replies } = (await res.json()) as ExportPage;
mkdirSync(outDir, { recursive: true });
let written = 0;
let kept = 0;
for (const r of replies) {
  const file = path.join(outDir, `${r.trackingNumber}.md`);
  if (existsSync(file) && !values.overwrite) {
    kept += 1;
    continue;
  }
  const front = {
    trackingNumber: r.trackingNumber,
    title: r.title,
    kind: r.kind,
    unit: r.unit,
    submittedOn: chinaDate(new Date(r.submittedAt)),
    repliedOn: chinaDate(new Date(r.repliedAt)),
    ...(r.itemId ? { itemId: r.itemId } : {}),
    question: r.question,
  };
  writeFileSync(file, `---\n${yaml.dump(front, { lineWidth: -1, schema: yaml.CORE_SCHEMA })}---\n${r.reply}\n`);
  written += 1;
}
console.log(`已导出 ${written} 条公开答复到 ${path.relative(root, outDir) || outDir}${kept ? `（${kept} 条已存在，未覆盖）` : ''}。请审阅后提交。`);
