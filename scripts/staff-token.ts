/**
 * `npm run staff:token -- --name 张三 --role reviewer [--unit water] [--hours 12] [--data .data]`
 * Prints a staff sign-in token from the local development issuer (for the console at /staff/ and for
 * `npm run replies:export`). Only the local server accepts these; in AWS staff sign in with Cognito.
 * Layer: scripts/ — may import any layer but tests/; only scripts/ and tests/ import it.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { signDevToken } from '../functions/local/dev-auth.ts';
import { readUnitNames } from '../site/lib/content-source.ts';
import { STAFF_ROLES, STAFF_TOKEN_MAX_SECONDS, type StaffRole } from '../domain/feedback/workflow.ts';
import { staffRole } from '../domain/labels/zh-CN.ts';

const root = path.resolve(import.meta.dirname, '..');
const usage = 'npm run staff:token -- --name 张三 --role reviewer|unit|admin [--unit 单位编码] [--hours 12]';

function fail(message: string): never {
  console.error(`参数错误：${message}。用法：${usage}`);
  process.exit(2);
}

let values: { name?: string; role?: string; unit?: string; hours?: string; data?: string };
try {
  ({ values } = parseArgs({ options: { name: { type: 'string' }, role: { type: 'string' }, unit: { type: 'string' }, hours: { type: 'string' }, data: { type: 'string' } }, strict: true }));
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
if (!values.name?.trim()) fail('缺少 --name（姓名）');
if (!STAFF_ROLES.includes(values.role as StaffRole)) fail(`--role 必须是以下之一：${STAFF_ROLES.map((r) => `${r}（${staffRole[r]}）`).join('、')}`);
const role = values.role as StaffRole;
const units = readUnitNames(path.join(root, 'content'));
if (role === 'unit' && !values.unit) fail('责任单位人员需要 --unit（单位编码，见 content/units/）');
if (values.unit && !units.some((u) => u.id === values.unit)) fail(`没有编码为 “${values.unit}” 的责任单位`);
const maxHours = STAFF_TOKEN_MAX_SECONDS / 3_600;
const hours = Number(values.hours ?? maxHours);
if (!Number.isFinite(hours) || hours <= 0 || hours > maxHours) fail(`--hours 必须是 0 到 ${maxHours} 之间的数（令牌最长有效 ${maxHours} 小时）`);

console.log(await signDevToken(path.resolve(values.data ?? process.env.DUCHA_DATA_DIR ?? path.join(root, '.data')), { name: values.name!.trim(), role, ...(values.unit ? { unit: values.unit } : {}), hours }));
