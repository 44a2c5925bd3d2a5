/**
 * `npm run new:item -- --title … --lead water --region chengguan --category livelihood --source meeting
 *  --deadline 2026-12-31 [--support housing,finance] [--summary …] [--assigned YYYY-MM-DD] [--dir content]`
 *
 * Scaffolds a valid supervision item, content/items/<year>/DC-<year>-<next>.md, with the next free number
 * of the year. Missing values are asked for at the prompt (in a terminal); otherwise the command says which
 * are missing. Every value is checked with the same schema and references as the build before anything is
 * written.
 * Layer: scripts/ — may import any layer but tests/; only scripts/ and tests/ import it.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import yaml from 'js-yaml';
import { readContent } from '../site/lib/content-source.ts';
import { asOfDate } from '../domain/dates.ts';
import { check, itemSchema, formatProblem } from '../domain/content/index.ts';
import { category, contentError as msg, source } from '../domain/labels/zh-CN.ts';

const root = path.resolve(import.meta.dirname, '..');

const OPTIONS = {
  title: { type: 'string', label: '事项名称（60 字以内）' },
  summary: { type: 'string', label: '事项概要（一两句话）' },
  category: { type: 'string', label: `事项类别（${Object.entries(category).map(([k, v]) => `${k}=${v}`).join('，')}）` },
  source: { type: 'string', label: `交办来源（${Object.entries(source).map(([k, v]) => `${k}=${v}`).join('，')}）` },
  region: { type: 'string', label: '所属区域编码（见 content/regions.yaml）' },
  lead: { type: 'string', label: '牵头单位编码（content/units/ 下的文件名）' },
  support: { type: 'string', label: '配合单位编码，逗号分隔（可留空）' },
  assigned: { type: 'string', label: '交办日期 YYYY-MM-DD（默认今天）' },
  deadline: { type: 'string', label: '办理时限 YYYY-MM-DD' },
} as const;
type Key = keyof typeof OPTIONS;
const REQUIRED: Key[] = ['title', 'category', 'source', 'region', 'lead', 'deadline'];

function fail(message: string, code = 1): never {
  console.error(message);
  process.exit(code);
}

let values: Partial<Record<Key | 'dir', string>>;
try {
  ({ values } = parseArgs({
    options: { ...Object.fromEntries(Object.keys(OPTIONS).map((k) => [k, { type: 'string' }])), dir: { type: 'string' } },
    strict: true,
  }) as { values: Partial<Record<Key | 'dir', string>> });
} catch (error) {
  fail(`参数错误：${error instanceof Error ? error.message : String(error)}。可用参数：${Object.keys(OPTIONS).map((k) => `--${k}`).join(' ')} --dir`, 2);
}

const contentDir = path.resolve(values.dir ?? process.env.DUCHA_CONTENT_DIR ?? path.join(root, 'content'));
if (!existsSync(contentDir)) fail(msg.noDir(contentDir), 2);
const content = readContent(contentDir, path.dirname(contentDir));
if (content.problems.length) fail(`现有内容有错误，请先修复：\n${content.problems.map(formatProblem).join('\n')}`);

const missing = REQUIRED.filter((k) => !values[k]);
if (missing.length && process.stdin.isTTY) {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  for (const key of Object.keys(OPTIONS) as Key[]) {
    if (values[key] !== undefined) continue;
    const answer = (await rl.question(`${OPTIONS[key].label}：`)).trim();
    if (answer) values[key] = answer;
  }
  rl.close();
}
const stillMissing = REQUIRED.filter((k) => !values[k]);
if (stillMissing.length) fail(`缺少参数：${stillMissing.map((k) => `--${k}（${OPTIONS[k].label}）`).join('、')}`, 2);

const assignedOn = values.assigned ?? asOfDate();
const year = assignedOn.slice(0, 4);
const used = content.items.filter((i) => i.id.startsWith(`DC-${year}-`)).map((i) => Number(i.id.split('-')[2]));
const id = `DC-${year}-${String((used.length ? Math.max(...used) : 0) + 1).padStart(3, '0')}`;
const data = {
  id,
  title: values.title,
  summary: values.summary ?? values.title,
  category: values.category,
  source: values.source,
  region: values.region,
  leadUnit: values.lead,
  supportUnits: (values.support ?? '').split(/[,，、\s]+/).filter(Boolean),
  assignedOn,
  deadline: values.deadline,
  extensions: [],
  status: 'assigned',
  progress: 0,
  updates: [],
  tags: [],
};
const file = path.join(contentDir, 'items', year, `${id}.md`);
const rel = path.relative(path.dirname(contentDir), file).split(path.sep).join('/');
const checked = check(itemSchema, data, rel);
const problems = checked.ok ? [] : checked.problems.map(formatProblem);
const units = new Set(content.units.map((u) => u.id));
const regions = new Set(content.regions.map((r) => r.id));
if (!regions.has(data.region!)) problems.push(`${rel}: region ${msg.unknownRegion(data.region!)}`);
for (const [field, unit] of [['leadUnit', data.leadUnit], ...data.supportUnits.map((u, i) => [`supportUnits[${i}]`, u])] as [string, string][]) {
  if (!units.has(unit)) problems.push(`${rel}: ${field} ${msg.unknownUnit(unit)}`);
}
if (problems.length) fail(problems.join('\n'));
if (existsSync(file)) fail(`${rel} 已存在`);

mkdirSync(path.dirname(file), { recursive: true });
const body = '（请在这里写事项内容：任务来源、具体要求、完成标准。）';
// Write the checked value: Chinese labels given for codes (e.g. 群众反映) are stored as their codes.
writeFileSync(file, `---\n${yaml.dump(checked.ok ? checked.data : data, { lineWidth: -1, schema: yaml.CORE_SCHEMA })}---\n${body}\n`);
console.log(`已创建 ${rel}。请补充正文和进展后提交。`);
