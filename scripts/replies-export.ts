/**
 * `npm run replies:export [-- --api http://localhost:4321 --token <staff token> --out content/replies]`
 *
 * Fetches the approved replies whose citizens allowed publication from the staff API (already redacted
 * there: phone numbers, ID numbers, emails, the submitter's name, house numbers) and writes one Markdown
 * file per reply, content/replies/<tracking-number>.md (scripts/lib/reply-file.ts: text, never markup — the
 * site shows question and reply as text), for editors to review and commit. Existing files
 * are kept as editors left them unless --overwrite. Locally, without --token, a reviewer token is made
 * with the development issuer. The local defaults follow `npm start`'s: PORT, DUCHA_DATA_DIR and
 * DUCHA_CONTENT_DIR.
 * Layer: scripts/ — may import any layer but tests/; only scripts/ and tests/ import it.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { signDevToken } from '../functions/local/dev-auth.ts';
import { replyFile } from './lib/reply-file.ts';
import type { ExportPage } from '../domain/api/staff.ts';
import { routePath } from '../domain/api/routes.ts';
import { staffGet } from './lib/staff-client.ts';

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


const { replies } = await staffGet<ExportPage>(api, routePath('export'), token);
mkdirSync(outDir, { recursive: true });
let written = 0;
let kept = 0;
for (const r of replies) {
  const file = path.join(outDir, `${r.trackingNumber}.md`);
  if (existsSync(file) && !values.overwrite) {
    kept += 1;
    continue;
  }
  writeFileSync(file, replyFile(r));
  written += 1;
}
console.log(`已导出 ${written} 条公开答复到 ${path.relative(root, outDir) || outDir}${kept ? `（${kept} 条已存在，未覆盖）` : ''}。请审阅后提交。`);
