/**
 * `npm run new:item -- --title … --category livelihood --source meeting --region chengguan --lead water
 *  --deadline 2026-12-31 [--support housing,finance] [--summary …] [--assigned YYYY-MM-DD] [--dir content]`
 *
 * Scaffolds a supervision item, content/items/<year>/DC-<year>-<next>.md, with the next free number of the
 * year. Each value is checked as soon as it is given — with the item schema and against the units, regions
 * and codes that exist — and a wrong or missing one is asked for again at the prompt (`?` lists the valid
 * codes); what was typed is never thrown away: without a prompt (no more input), every problem is listed with
 * the valid codes and the command line to run again, everything typed still in it. The file is written with a
 * comment on each field and a placeholder body that `npm run check:content` refuses until it is replaced.
 * Layer: scripts/ — may import any layer but tests/; only scripts/ and tests/ import it.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { Document } from 'yaml';
import type { ZodType } from 'zod';
import { readContent } from '../site/lib/content-source.ts';
import { asOfDate } from '../domain/dates.ts';
import { check, contentErrorMap, formatProblem, itemDateRules, itemRules, itemSchema, nextItemId, type ItemFields } from '../domain/content/index.ts';
import { category, contentError as msg, newItem as t, source } from '../domain/labels/zh-CN.ts';

const root = path.resolve(import.meta.dirname, '..');
const OPTIONS = ['title', 'summary', 'category', 'source', 'region', 'lead', 'support', 'assigned', 'deadline'] as const;
type Option = (typeof OPTIONS)[number];
const REQUIRED: readonly Option[] = ['title', 'category', 'source', 'region', 'lead', 'deadline'];
/** The item field each option fills. */
const FIELD: Record<Option, keyof ItemFields> = {
  title: 'title', summary: 'summary', category: 'category', source: 'source', region: 'region', lead: 'leadUnit', support: 'supportUnits', assigned: 'assignedOn', deadline: 'deadline',
};

function exit(message: string, code: number): never {
  console.error(message);
  process.exit(code);
}

let args: Partial<Record<Option | 'dir', string>>;
try {
  ({ values: args } = parseArgs({ options: Object.fromEntries([...OPTIONS, 'dir'].map((k) => [k, { type: 'string' }])) as Record<Option | 'dir', { type: 'string' }>, strict: true }));
} catch (error) {
  exit(t.badArgs(error instanceof Error ? error.message : String(error), [...OPTIONS, 'dir'].map((k) => `--${k}`).join(' ')), 2);
}

const contentDir = path.resolve(args.dir ?? process.env.DUCHA_CONTENT_DIR ?? path.join(root, 'content'));
if (!existsSync(contentDir)) exit(msg.noDir(contentDir), 2);
const content = readContent(contentDir, path.dirname(contentDir));
if (content.problems.length) exit(t.existing(content.problems.map(formatProblem).join('\n')), 1);
const today = asOfDate();
const units = new Map(content.units.map((u) => [u.id, u.data.name]));
const regions = new Map(content.regions.map((r) => [r.id, r.data.name]));

/** The valid codes of an option, one per line, or undefined for free text. */
function codes(option: Option): string | undefined {
  const list = option === 'category' ? Object.entries(category) : option === 'source' ? Object.entries(source) : option === 'region' ? [...regions] : option === 'lead' || option === 'support' ? [...units] : undefined;
  return list && t.codes(t.fields[option].replace(/（.*$/, ''), list.map(([code, label]) => `  ${code} = ${label}`).join('\n'));
}

/** The value an option stands for in the item (codes read as the schema reads them: labels become codes). */
function valueOf(option: Option, typed: string): unknown {
  if (option === 'support') return typed.split(/[,，、\s]+/).filter(Boolean);
  return typed;
}

/** What is wrong with one typed value on its own, or undefined. */
function problemOf(option: Option, typed: string): string | undefined {
  if (!typed) return REQUIRED.includes(option) ? msg.required : undefined;
  const field = FIELD[option];
  const result = (itemSchema.shape[field] as ZodType).safeParse(valueOf(option, typed), { error: contentErrorMap });
  if (!result.success) return result.error.issues[0]!.message;
  const value = result.data;
  if (option === 'region' && !regions.has(value as string)) return msg.unknownRegion(value as string);
  if (option === 'lead' && !units.has(value as string)) return msg.unknownUnit(value as string);
  if (option === 'support') {
    const unknown = (value as string[]).find((u) => !units.has(u));
    if (unknown) return msg.unknownUnit(unknown);
  }
  return undefined;
}

/** Lines typed at the prompt (a terminal or piped input); null once there are no more. */
function lineReader(): (prompt: string) => Promise<string | null> {
  const rl = createInterface({ input: process.stdin, terminal: Boolean(process.stdin.isTTY && process.stdout.isTTY) });
  const lines: string[] = [];
  const waiting: ((line: string | null) => void)[] = [];
  let closed = false;
  rl.on('line', (line) => (waiting.length ? waiting.shift()!(line) : lines.push(line)));
  rl.on('close', () => {
    closed = true;
    while (waiting.length) waiting.shift()!(null);
  });
  return (prompt) => {
    process.stdout.write(prompt);
    if (lines.length) return Promise.resolve(lines.shift()!);
    if (closed) return Promise.resolve(null);
    return new Promise((resolve) => waiting.push(resolve));
  };
}

const typed: Partial<Record<Option, string>> = Object.fromEntries(OPTIONS.filter((o) => args[o] !== undefined).map((o) => [o, args[o]!.trim()]));
const read = lineReader();
let prompting = true;

/** Ask for `option` until it passes (`?` shows the codes); false when the input ends first. */
async function ask(option: Option, problem: string | undefined): Promise<boolean> {
  for (;;) {
    // The problem is part of the question (if the input has ended, the summary at the end says it once).
    const why = problem ? `${t.problem(option, typed[option] ?? '', problem)}\n${codes(option) && typed[option] ? `${codes(option)}\n` : ''}` : '';
    const hint = `${codes(option) ? t.askCodes : ''}${typed[option] ? t.previous(typed[option]!) : ''}`;
    const answer = prompting ? await read(`${why}${t.fields[option]}${hint}：`) : null;
    if (answer === null) {
      prompting = false;
      process.stdout.write('\n');
      return false;
    }
    const value = answer.trim();
    if (value === '?' || value === '？') {
      console.log(codes(option) ?? t.fields[option]);
      problem = undefined;
      continue;
    }
    // An empty answer keeps what was typed before for an optional field; a required one asks again.
    if (value || !typed[option]) typed[option] = value;
    problem = problemOf(option, typed[option] ?? '');
    if (!problem) return true;
  }
}

/**
 * Every option checked, a wrong one asked for again. When a required option is missing, the command asks for
 * every option not given (as a form would); otherwise only for the wrong ones. The problems left when the
 * input ran out.
 */
async function collect(): Promise<Map<Option, string>> {
  const left = new Map<Option, string>();
  const askAll = REQUIRED.some((o) => typed[o] === undefined);
  for (const option of OPTIONS) {
    const value = typed[option];
    const problem = value === undefined ? undefined : problemOf(option, value);
    if (value !== undefined && !problem) continue;
    if (value === undefined && !askAll) continue;
    if (!(await ask(option, problem)) && (problem || REQUIRED.includes(option))) left.set(option, problem ?? msg.required);
  }
  return left;
}

/** The item as the options give it, and the problems the rules between its fields find. */
function assemble(): { data: Record<string, unknown>; problems: Map<Option, string> } {
  const assignedOn = typed.assigned || today;
  const data: Record<string, unknown> = {
    id: '',
    title: typed.title,
    summary: typed.summary || typed.title,
    category: typed.category,
    source: typed.source,
    region: typed.region,
    leadUnit: typed.lead,
    supportUnits: valueOf('support', typed.support ?? ''),
    assignedOn,
    deadline: typed.deadline,
    extensions: [],
    status: 'assigned',
    progress: 0,
    updates: [],
    tags: [],
  };
  const year = assignedOn.slice(0, 4);
  data.id = nextItemId(content.items.map((i) => i.id), year);
  const problems = new Map<Option, string>();
  const option = (field: PropertyKey) => OPTIONS.find((o) => FIELD[o] === field);
  const parsed = check(itemSchema, data, '');
  const fields = (parsed.ok ? parsed.data : data) as ItemFields;
  const issue = (p: PropertyKey[], message: string) => {
    const o = option(p[0]!);
    if (o && !problems.has(o)) problems.set(o, message);
  };
  itemRules(fields, issue);
  itemDateRules(fields, today, issue);
  return { data: parsed.ok ? parsed.data : data, problems };
}

/** The command that would do this, with everything typed in it (for running again). */
function commandLine(): string {
  // Quoted only when the shell would split or expand it (Chinese is safe as it is).
  const quote = (v: string) => (v && !/[\s'"\\$`!*?&|;<>(){}[\]#~]/.test(v) ? v : `'${v.replace(/'/g, `'\\''`)}'`);
  return `npm run new:item -- ${OPTIONS.filter((o) => typed[o]).map((o) => `--${o} ${quote(typed[o]!)}`).join(' ')}${args.dir ? ` --dir ${quote(args.dir)}` : ''}`;
}

let left = await collect();
let item = assemble();
while (left.size === 0 && item.problems.size > 0 && prompting) {
  for (const [o, problem] of item.problems) if (!(await ask(o, problem))) left.set(o, problem);
  item = assemble();
}
for (const [o, problem] of item.problems) if (!left.has(o)) left.set(o, problem);

if (left.size) {
  const missing = [...left].filter(([o]) => typed[o] === undefined || typed[o] === '');
  const wrong = [...left].filter(([o]) => typed[o]);
  const lines = [
    ...wrong.flatMap(([o, problem]) => [t.problem(o, typed[o]!, problem), ...(codes(o) ? [codes(o)!] : [])]),
    ...(missing.length ? [t.missing(missing.map(([o]) => `--${o}（${t.fields[o]}）`).join('、'))] : []),
    ...(Object.keys(typed).length ? [t.rerun(commandLine())] : []),
  ];
  exit(lines.join('\n'), wrong.length ? 1 : 2);
}

const data = item.data as { id: string; assignedOn: string };
const file = path.join(contentDir, 'items', data.assignedOn.slice(0, 4), `${data.id}.md`);
const rel = path.relative(path.dirname(contentDir), file).split(path.sep).join('/');
if (existsSync(file)) exit(t.exists(rel), 1);

// Written through yaml's Document, so each field carries its comment (the checked value: labels given for
// codes, e.g. 群众反映, are stored as their codes).
const doc = new Document(data);
for (const pair of (doc.contents as unknown as { items: { key: { value: string; commentBefore?: string } }[] }).items) {
  const note = t.comment[pair.key.value];
  if (note) pair.key.commentBefore = ` ${note}`;
}
mkdirSync(path.dirname(file), { recursive: true });
writeFileSync(file, `---\n${doc.toString({ lineWidth: 0 })}---\n${t.bodyPlaceholder}\n`);
console.log(t.created(rel));
process.exit(0);
