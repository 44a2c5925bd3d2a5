/**
 * Reads the editors' files under `content/`, validates each with the schemas and checks every reference
 * between them. The Astro content loaders and `npm run check:content` both call `readContent`, so a file is
 * judged the same way everywhere. Plain Node: no Astro runtime needed.
 * Layer: site/ — imports domain/ and site/; never functions/, infra/, scripts/ or tests/.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import jsYaml from 'js-yaml';
import { LineCounter, parseDocument, visit, type Alias } from 'yaml';
import {
  check,
  formatPath,
  itemDateRules,
  itemRules,
  itemSchema,
  validFields,
  noticeSchema,
  pageSchema,
  replySchema,
  regionsOf,
  regionSchema,
  siteSettingsSchema,
  unitSchema,
  type SiteSettings,
  type ContentProblem,
  type Item,
  type ItemFields,
  type Notice,
  type Region,
  type StandingPage,
  type PublishedReply,
  type Unit,
} from '../../domain/content/index.ts';
import { clockError, contentError as msg, newItem, unitKind } from '../../domain/labels/zh-CN.ts';
import { asOfDate } from '../../domain/dates.ts';
import { hasForbiddenControl } from '../../domain/text.ts';
import { itemRevision } from '../../domain/items/report.ts';
import { ledgerFiguresSchema, ledgerMonthSchema } from '../../domain/content/ledger.ts';
import { ledgerMonth, type LedgerRow } from '../../domain/feedback/ledger.ts';
import { feedbackStatistics } from '../../domain/feedback/stats.ts';
import { calendarDays, calendarSchema, contentErrorMap, feedbackSettingsSchema, formatProblem, resolveFeedbackSettings, type CalendarFile, type FeedbackSettingsFile } from '../../domain/content/index.ts';
import { DEFAULT_FEEDBACK_SETTINGS, type ClockData } from '../../domain/feedback/clock-setup.ts';
import { z } from 'zod';

/** File names that become URL segments: lower-case letters, digits and hyphens. */
const FILE_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** First path segments the site itself uses; a standing page may not take them. */
export const RESERVED_PATHS = new Set([
  'items', 'units', 'stats', 'search', 'notices', 'replies', 'feedback', 'data', 'staff', 'api', 'pagefind',
  'attachments', '_astro', '404', 'sitemap',
]);

export interface Entry<T> {
  /** Collection id: item id, unit id, region id or notice slug. */
  readonly id: string;
  readonly data: T;
  /** Markdown body (items and notices), trimmed. */
  readonly body: string;
  /** Path relative to the project root, for messages. */
  readonly file: string;
}

/** An item's entry, with its file's revision (domain/items/report.ts): a unit's report names the text it was made against. */
export interface ItemEntry extends Entry<Item> {
  readonly rev: string;
}

export interface Content {
  readonly items: ItemEntry[];
  readonly units: Entry<Unit>[];
  readonly regions: Entry<Region>[];
  readonly notices: Entry<Notice>[];
  readonly pages: Entry<StandingPage>[];
  readonly replies: Entry<PublishedReply>[];
  /** content/calendar.yaml: the editors' working days and holidays (none when the file is absent). */
  readonly calendar?: CalendarFile;
  /** content/settings/feedback.yaml: the time limits for citizens' submissions (the defaults when absent). */
  readonly feedbackSettings?: FeedbackSettingsFile;
  /** content/ledger/: the public ledger's rows (all months, by tracking number) and when its figures stand. */
  readonly ledger: { readonly rows: readonly LedgerRow[]; readonly months: readonly string[]; readonly asOf?: string };
  /** content/site.yaml (footer, filings); empty when the file is absent. */
  readonly site: SiteSettings;
  readonly problems: ContentProblem[];
}

/**
 * Read one YAML settings file with the line of every problem (the editors' calendar and time limits): the
 * `yaml` package's document keeps each node's position, so a zod issue's path finds its line.
 */
export function readSettingsFile<S extends z.ZodType>(file: string, relName: string, schema: S, problems: ContentProblem[]): z.output<S> | undefined {
  const lines = new LineCounter();
  const doc = parseDocument(readFileSync(file, 'utf8'), { lineCounter: lines, schema: 'core', uniqueKeys: true });
  const lineAt = (offset: number | undefined) => (offset === undefined ? undefined : lines.linePos(offset).line);
  if (doc.errors.length) {
    for (const e of doc.errors) {
      const line = lineAt(e.pos[0]) ?? 1;
      problems.push({ file: relName, field: '', line, message: msg.yaml(line, msg.yamlError[e.code] ?? msg.yamlError.IMPOSSIBLE!) });
    }
    return undefined;
  }
  type Node = { range?: [number, number, number]; items?: { key?: { value?: unknown; range?: [number, number, number] } }[] };
  /** The line of the deepest node on `path` that exists, a key's own line for a map entry (a missing field points at its parent). */
  const lineOf = (path: readonly PropertyKey[]): number | undefined => {
    for (let n = path.length; n >= 0; n--) {
      const last = path[n - 1];
      if (n > 0 && typeof last === 'string') {
        const parent = doc.getIn(path.slice(0, n - 1) as (string | number)[], true) as Node | undefined;
        const key = parent?.items?.find((pair) => pair.key?.value === last)?.key;
        if (key?.range) return lineAt(key.range[0]);
      }
      const node = doc.getIn(path.slice(0, n) as (string | number)[], true) as Node | undefined;
      if (node?.range) return lineAt(node.range[0]);
    }
    return undefined;
  };
  const data: unknown = doc.toJS();
  const result = schema.safeParse(data, { error: contentErrorMap });
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    let message = issue.message;
    // A date given twice: name the line where it was first given.
    const duplicateOf = (issue as { params?: { duplicateOf?: string } }).params?.duplicateOf;
    if (duplicateOf) {
      const days = ((data as { days?: { date?: unknown }[] }).days ?? []);
      const first = days.findIndex((d) => String(d?.date) === duplicateOf);
      message = clockError.duplicateDate(lineOf(['days', first, 'date']));
    }
    // An unknown key is reported on its parent; its own line is more use to the editor.
    const at = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]!] : issue.path;
    const line = lineOf(at);
    problems.push({ file: relName, field: formatPath(at), message, ...(line ? { line } : {}) });
  }
  return undefined;
}

/** Files below `dir` (recursively) whose names end with one of `exts`, sorted for stable output. */
function listFiles(dir: string, exts: readonly string[]): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && exts.some((e) => entry.name.endsWith(e))) {
      out.push(path.join(entry.parentPath, entry.name));
    }
  }
  return out.sort();
}

/** Split `---\nyaml\n---\nbody` into its parts. */
export function splitFrontmatter(source: string): { yaml: string; body: string } | null {
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const match = /^---\n([\s\S]*?)\n---(?:\n|$)([\s\S]*)$/.exec(text);
  if (!match) return null;
  return { yaml: match[1] ?? '', body: (match[2] ?? '').trim() };
}

/**
 * YAML 1.2's core schema exactly as the `yaml` package resolves it (its regular expressions), for js-yaml, whose
 * own numbers also take 0b binary and 1_000 underscores, which YAML 1.2 (and `yaml`) read as text.
 */
const CORE_1_2 = jsYaml.FAILSAFE_SCHEMA.extend({
  implicit: [
    new jsYaml.Type('tag:yaml.org,2002:null', { kind: 'scalar', resolve: (s: string | null) => s === null || /^(?:~|[Nn]ull|NULL)?$/.test(s), construct: () => null }),
    new jsYaml.Type('tag:yaml.org,2002:bool', { kind: 'scalar', resolve: (s: string | null) => s !== null && /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(s), construct: (s: string) => /^t/i.test(s) }),
    new jsYaml.Type('tag:yaml.org,2002:int', {
      kind: 'scalar',
      resolve: (s: string | null) => s !== null && /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/.test(s),
      construct: (s: string) => (s.startsWith('0o') ? parseInt(s.slice(2), 8) : s.startsWith('0x') ? parseInt(s.slice(2), 16) : parseInt(s, 10)),
    }),
    new jsYaml.Type('tag:yaml.org,2002:float', {
      kind: 'scalar',
      resolve: (s: string | null) => s !== null && /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(s),
      construct: (s: string) => (/nan$/i.test(s) ? NaN : /inf$/i.test(s) ? (s.startsWith('-') ? -Infinity : Infinity) : parseFloat(s)),
    }),
  ],
});

/**
 * js-yaml and `yaml` part ways at the edges of YAML (a tab-only line, a flow collection with an empty key, a
 * quoted string running onto an unindented line: tests/unit/site/yaml-read.test.ts finds them), so js-yaml
 * reads only text made of the lines editors and the tools write — comments, `key: value`, `- value`,
 * `- key: value`, with a value that is a one-line plain or quoted scalar or a one-line list of plain words —
 * and every other text is read by `yaml`.
 */
const PLAIN = String.raw`[^\s\-?:,[\]{}#&*!|>'"%@${'`'}](?:[^:#\n]|:(?=\S)|(?<=\S)#)*?`;
const VALUE = String.raw`(?:${PLAIN}|"[^"\\\n]*"|'[^'\n]*'|\[ *(?:[^\s[\]{},:#'"&*!|>%@${'`'}][^[\]{},:#'"\n]*?(?: *, *[^\s[\]{},:#'"&*!|>%@${'`'}][^[\]{},:#'"\n]*?)*)? *\])`;
const SIMPLE_LINE = new RegExp(String.raw`^(?: *(?:#.*)?| *(?:- +)*[A-Za-z_][A-Za-z0-9_]*:(?: +${VALUE})?(?: +#.*)?| *(?:- +)+${VALUE}(?: +#.*)?)$`);
export const simpleYaml = (text: string) => text.split('\n').every((line) => SIMPLE_LINE.test(line));

/**
 * Parse YAML in the core schema, which keeps dates as strings (no YAML timestamps), so the schema sees exactly
 * what the editor wrote. Text that parses is read by js-yaml, a dozen times faster than the `yaml` package on
 * front matter (a province's 100,000 items are read twice a build: npm run bench:build); text that does not is
 * handed to the `yaml` package, which reports every syntax error (not just the first), in Chinese, at its line
 * in the file — `firstLine` is the file line the YAML starts on (2 in front matter, after the `---`). The two
 * read valid YAML alike and refuse the same invalid YAML (tests/unit/site/yaml-read.test.ts). `undefined`
 * when the text has syntax errors.
 */
export function parseYaml(source: string, file: string, problems: ContentProblem[], firstLine = 1): unknown {
  const text = source.replace(/^\uFEFF/, '');
  if (simpleYaml(text)) {
    try {
      // An empty document is null, as the `yaml` package reads it (js-yaml says undefined).
      return jsYaml.load(text, { schema: CORE_1_2, filename: file }) ?? null;
    } catch {
      // Read again below for the messages.
    }
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { schema: 'core', lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length === 0) {
    // An alias of an anchor never set parses, and fails only when read.
    let unresolved: Alias | undefined;
    visit(doc, { Alias: (_, node) => void (unresolved ??= node.resolve(doc) ? undefined : node) });
    if (!unresolved) return doc.toJS();
    const line = lines.linePos(unresolved.range?.[0] ?? 0).line + firstLine - 1;
    problems.push({ file, field: '', line, message: msg.yaml(line, msg.yamlError.BAD_ALIAS!) });
    return undefined;
  }
  for (const error of doc.errors) {
    const line = lines.linePos(error.pos[0]).line + firstLine - 1;
    problems.push({ file, field: '', line, message: msg.yaml(line, msg.yamlError[error.code] ?? msg.yamlError.IMPOSSIBLE!) });
  }
  return undefined;
}

/**
 * The clock's two files only (the local API's clock, /data/clock.json), as validated; throws the problems
 * when either is wrong (the content check names them first).
 */
export function readClockData(contentDir: string): ClockData {
  const problems: ContentProblem[] = [];
  const rel = (p: string) => path.relative(path.dirname(contentDir), p).split(path.sep).join('/');
  const calendarFile = path.join(contentDir, 'calendar.yaml');
  const settingsFile = path.join(contentDir, 'settings', 'feedback.yaml');
  const calendar = existsSync(calendarFile) ? readSettingsFile(calendarFile, rel(calendarFile), calendarSchema, problems) : undefined;
  const settings = existsSync(settingsFile) ? readSettingsFile(settingsFile, rel(settingsFile), feedbackSettingsSchema, problems) : undefined;
  if (problems.length) throw new Error(problems.map(formatProblem).join('\n'));
  return { days: calendar ? calendarDays(calendar) : [], settings: settings ? resolveFeedbackSettings(settings) : DEFAULT_FEEDBACK_SETTINGS };
}


/** The problems of `checked` that `problems` does not already have (the same field and message). */
function pushNew(problems: ContentProblem[], found: readonly ContentProblem[]): void {
  const seen = new Set(problems.map((p) => `${p.file}|${p.field}|${p.message}`));
  for (const p of found) if (!seen.has(`${p.file}|${p.field}|${p.message}`)) problems.push(p);
}

/** content/site.yaml checked, with its problems; `{}` when there is no such file. */
function readSite(contentDir: string, rel: (p: string) => string, problems: ContentProblem[]): SiteSettings {
  const file = path.join(contentDir, 'site.yaml');
  if (!existsSync(file)) return {};
  const data = parseYaml(readFileSync(file, 'utf8'), rel(file), problems);
  if (data === undefined) return {};
  const result = check(siteSettingsSchema, data ?? {}, rel(file));
  if (!result.ok) {
    problems.push(...result.problems);
    return {};
  }
  const image = result.data.governmentMark?.image;
  if (image && !existsSync(path.join(contentDir, image))) problems.push({ file: rel(file), field: 'governmentMark.image', message: msg.missingFile(`content/${image}`) });
  return result.data;
}

let siteCache: { dir: string; settings: SiteSettings } | undefined;

/** The site settings for pages (the build has already refused invalid ones). */
export function readSiteSettings(contentDir: string): SiteSettings {
  if (siteCache?.dir !== contentDir) siteCache = { dir: contentDir, settings: readSite(contentDir, (p) => p, []) };
  return siteCache.settings;
}

/** Changes whenever a file under `contentDir` is added, removed or saved (`astro dev` re-reads the content then). */
export function contentStamp(contentDir: string): string {
  let newest = 0;
  let count = 0;
  for (const e of readdirSync(contentDir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    count += 1;
    newest = Math.max(newest, statSync(path.join(e.parentPath, e.name)).mtimeMs);
  }
  return `${count}:${newest}`;
}

/** Just the regions' ids and names, in the editors' order (the feedback API accepts only the site's regions). */
export function readRegions(contentDir: string): { id: string; name: string }[] {
  const file = path.join(contentDir, 'regions.yaml');
  return existsSync(file) ? regionsOf(readFileSync(file, 'utf8')) : [];
}

/** Units' ids and names only (the staff API's list of units to assign), without validating everything else. */
export function readUnitNames(contentDir: string): { id: string; name: string; shortName: string }[] {
  return listFiles(path.join(contentDir, 'units'), ['.yaml', '.yml']).flatMap((file) => {
    const result = unitSchema.safeParse(parseYaml(readFileSync(file, 'utf8'), file, []));
    return result.success ? [{ id: result.data.id, name: result.data.name, shortName: result.data.shortName }] : [];
  });
}

/**
 * Read and validate everything under `contentDir` (the folder named `content`). `root` is the folder that
 * file names in messages are relative to (the project root). `ledger: false` leaves out content/ledger/.
 */
export function readContent(contentDir: string, root = path.dirname(contentDir), options: { readonly ledger?: boolean; readonly today?: string } = {}): Content {
  const today = options.today ?? asOfDate();
  const problems: ContentProblem[] = [];
  const rel = (p: string) => path.relative(root, p).split(path.sep).join('/');

  /**
   * A Markdown file's front matter checked with `schema`: `data` when it passes; otherwise its problems are
   * recorded and `raw` is what was written (for the checks that can still run). Null without front matter
   * or with YAML that does not parse.
   */
  function readMarkdown<S extends z.ZodType>(file: string, schema: S): { data?: z.output<S>; raw: unknown; body: string; source: string } | null {
    const source = readFileSync(file, 'utf8');
    const parts = splitFrontmatter(source);
    if (!parts) {
      problems.push({ file: rel(file), field: '', message: msg.frontmatter });
      return null;
    }
    const raw = parseYaml(parts.yaml, rel(file), problems, 2);
    if (raw === undefined) return null;
    const result = check(schema, raw ?? {}, rel(file));
    if (!result.ok) {
      problems.push(...result.problems);
      return { raw, body: parts.body, source };
    }
    // The body is text too: the same rule (a CRLF file's line breaks are line breaks).
    if (hasForbiddenControl(parts.body.replace(/\r\n?/g, '\n'))) {
      problems.push({ file: rel(file), field: '', message: msg.control });
      return null;
    }
    return { data: result.data, raw, body: parts.body, source };
  }

  // Regions: one YAML list.
  const regions: Entry<Region>[] = [];
  const regionsFile = path.join(contentDir, 'regions.yaml');
  if (existsSync(regionsFile)) {
    const list = parseYaml(readFileSync(regionsFile, 'utf8'), rel(regionsFile), problems);
    const result = check(z.array(regionSchema), list ?? [], rel(regionsFile));
    if (result.ok) {
      for (const r of result.data) regions.push({ id: r.id, data: r, body: '', file: rel(regionsFile) });
    } else problems.push(...result.problems);
  }
  const regionIds = new Set(regions.map((r) => r.id));

  // Units: content/units/<id>.yaml.
  const units: Entry<Unit>[] = [];
  for (const file of listFiles(path.join(contentDir, 'units'), ['.yaml', '.yml'])) {
    const data = parseYaml(readFileSync(file, 'utf8'), rel(file), problems);
    if (data === undefined) continue;
    const result = check(unitSchema, data, rel(file));
    if (!result.ok) problems.push(...result.problems);
    const unit = (result.ok ? result.data : validFields(unitSchema, data)) as Partial<Unit>;
    const expected = path.basename(file).replace(/\.ya?ml$/, '');
    if (unit.id && unit.id !== expected) problems.push({ file: rel(file), field: 'id', message: msg.idMismatch(expected) });
    if (unit.region && !regionIds.has(unit.region)) problems.push({ file: rel(file), field: 'region', message: msg.unknownRegion(unit.region) });
    if (result.ok) units.push({ id: result.data.id, data: result.data, body: '', file: rel(file) });
  }
  const unitIds = new Set(units.map((u) => u.id));

  // Items: content/items/<year>/<id>.md. A file with problems is still checked as far as its fields allow.
  const items: ItemEntry[] = [];
  const seenIds = new Map<string, string>();
  for (const file of listFiles(path.join(contentDir, 'items'), ['.md'])) {
    const parsed = readMarkdown(file, itemSchema);
    if (!parsed) continue;
    const f = rel(file);
    const before = problems.length;
    const found: ContentProblem[] = [];
    const issue = (p: PropertyKey[], message: string) => found.push({ file: f, field: formatPath(p), message });
    const item: ItemFields = parsed.data ?? (validFields(itemSchema, parsed.raw) as ItemFields);
    if (!parsed.data) itemRules(item, issue);
    itemDateRules(item, today, issue);
    const expected = path.basename(file, '.md');
    if (item.id) {
      if (item.id !== expected) issue(['id'], msg.idMismatch(expected));
      const yearDir = path.basename(path.dirname(file));
      if (item.id.split('-')[1] !== yearDir) issue(['id'], msg.yearMismatch(yearDir));
      const other = seenIds.get(item.id);
      if (other) issue(['id'], msg.duplicateId(other));
      seenIds.set(item.id, f);
    }
    if (item.region && !regionIds.has(item.region)) issue(['region'], msg.unknownRegion(item.region));
    if (item.leadUnit && !unitIds.has(item.leadUnit)) issue(['leadUnit'], msg.unknownUnit(item.leadUnit));
    item.supportUnits?.forEach((u, i) => {
      if (u && !unitIds.has(u)) issue(['supportUnits', i], msg.unknownUnit(u));
    });
    item.updates?.forEach((u, i) => {
      if (u && !unitIds.has(u.unit)) issue(['updates', i, 'unit'], msg.unknownUnit(u.unit));
    });
    item.attachments?.forEach((a, i) => {
      if (!a) return;
      const target = path.join(contentDir, a.file);
      if (!existsSync(target) || !statSync(target).isFile()) issue(['attachments', i, 'file'], msg.missingFile(`content/${a.file}`));
    });
    if (!parsed.body) found.push({ file: f, field: '', message: msg.emptyBody });
    else if (parsed.body.includes(newItem.bodyPlaceholder)) found.push({ file: f, field: '', message: msg.placeholderBody });
    pushNew(problems, found);
    if (parsed.data && problems.length === before) items.push({ id: parsed.data.id, data: parsed.data, body: parsed.body, file: f, rev: itemRevision(parsed.source) });
  }

  // Notices: content/notices/<slug>.md.
  const notices: Entry<Notice>[] = [];
  for (const file of listFiles(path.join(contentDir, 'notices'), ['.md'])) {
    if (!FILE_SLUG.test(path.basename(file, '.md'))) {
      problems.push({ file: rel(file), field: '', message: msg.fileSlug });
      continue;
    }
    const parsed = readMarkdown(file, noticeSchema);
    if (!parsed) continue;
    if (!parsed.body) problems.push({ file: rel(file), field: '', message: msg.emptyNotice });
    else if (parsed.data) notices.push({ id: path.basename(file, '.md'), data: parsed.data, body: parsed.body, file: rel(file) });
  }

  // Standing pages: content/pages/<slug>.md, published at /<slug>/.
  const pages: Entry<StandingPage>[] = [];
  for (const file of listFiles(path.join(contentDir, 'pages'), ['.md'])) {
    const slug = path.basename(file, '.md');
    if (!FILE_SLUG.test(slug) || RESERVED_PATHS.has(slug)) {
      problems.push({ file: rel(file), field: '', message: msg.reservedSlug([...RESERVED_PATHS].join('、')) });
      continue;
    }
    const parsed = readMarkdown(file, pageSchema);
    if (!parsed) continue;
    if (!parsed.body) problems.push({ file: rel(file), field: '', message: msg.emptyPage });
    else if (parsed.data) pages.push({ id: slug, data: parsed.data, body: parsed.body, file: rel(file) });
  }

  // Published replies: content/replies/<tracking-number>.md.
  const replies: Entry<PublishedReply>[] = [];
  // Every item file's id, problems or not (a reply to an item with a typo is not also a reply to nothing).
  const itemIds = new Set(seenIds.keys());
  for (const file of listFiles(path.join(contentDir, 'replies'), ['.md'])) {
    const parsed = readMarkdown(file, replySchema);
    if (!parsed) continue;
    const f = rel(file);
    const before = problems.length;
    const expected = path.basename(file, '.md');
    const r = (parsed.data ?? validFields(replySchema, parsed.raw)) as Partial<PublishedReply>;
    if (r.trackingNumber && r.trackingNumber !== expected) problems.push({ file: f, field: 'trackingNumber', message: msg.idMismatch(expected) });
    if (r.unit && !unitIds.has(r.unit)) problems.push({ file: f, field: 'unit', message: msg.unknownUnit(r.unit) });
    if (r.itemId && !itemIds.has(r.itemId)) problems.push({ file: f, field: 'itemId', message: msg.unknownItem(r.itemId) });
    if (!parsed.body) problems.push({ file: f, field: '', message: msg.emptyReply });
    if (parsed.data && problems.length === before) replies.push({ id: parsed.data.trackingNumber, data: parsed.data, body: parsed.body, file: f });
  }

  // The clock: content/calendar.yaml and content/settings/feedback.yaml.
  const calendarFile = path.join(contentDir, 'calendar.yaml');
  const calendar = existsSync(calendarFile) ? readSettingsFile(calendarFile, rel(calendarFile), calendarSchema, problems) : undefined;
  const settingsFile = path.join(contentDir, 'settings', 'feedback.yaml');
  const feedbackSettings = existsSync(settingsFile) ? readSettingsFile(settingsFile, rel(settingsFile), feedbackSettingsSchema, problems) : undefined;

  (feedbackSettings?.unitOrder ?? []).forEach((u, i) => {
    if (!unitIds.has(u)) problems.push({ file: rel(settingsFile), field: `unitOrder[${i}]`, message: msg.unknownUnit(u) });
  });

  // The Astro loaders skip the ledger (its pages read it themselves, readLedgerContent); the checks read it.
  const ledger = options.ledger === false ? { rows: [], months: [] } : readLedger(path.join(contentDir, 'ledger'), rel, unitIds, statsUnitOrder(units.map((u) => u.data), feedbackSettings), problems);

  const site = readSite(contentDir, rel, problems);

  return { items, units, regions, notices, pages, replies, site, ...(calendar ? { calendar } : {}), ...(feedbackSettings ? { feedbackSettings } : {}), ledger, problems };
}

/**
 * Only what the feedback statistics need (the units, the settings, the ledger), without reading every item:
 * the pages under /stats/feedback/ and the open data. Throws on any problem there (the content check names them).
 */
export function readLedgerContent(contentDir: string) {
  const problems: ContentProblem[] = [];
  const rel = (p: string) => path.relative(path.dirname(contentDir), p).split(path.sep).join('/');
  const units = listFiles(path.join(contentDir, 'units'), ['.yaml', '.yml']).flatMap((file) => {
    const result = check(unitSchema, parseYaml(readFileSync(file, 'utf8'), rel(file), []), rel(file));
    return result.ok ? [result.data] : [];
  });
  const settingsFile = path.join(contentDir, 'settings', 'feedback.yaml');
  const settingsData = existsSync(settingsFile) ? readSettingsFile(settingsFile, rel(settingsFile), feedbackSettingsSchema, problems) : undefined;
  const unitOrder = statsUnitOrder(units, settingsData);
  const ledger = readLedger(path.join(contentDir, 'ledger'), rel, new Set(units.map((u) => u.id)), unitOrder, problems);
  if (problems.length) throw new Error(problems.map(formatProblem).join('\n'));
  return { ...ledger, units, unitOrder, settings: settingsData ? resolveFeedbackSettings(settingsData) : DEFAULT_FEEDBACK_SETTINGS };
}

/** Units in the editors' order for the statistics: the settings' unitOrder, then the rest by kind and id. */
export function statsUnitOrder(units: readonly Unit[], settings: FeedbackSettingsFile | undefined): string[] {
  const kinds = Object.keys(unitKind);
  const listed = settings?.unitOrder ?? [];
  const rest = units
    .filter((u) => !listed.includes(u.id))
    .sort((a, b) => kinds.indexOf(a.kind) - kinds.indexOf(b.kind) || a.id.localeCompare(b.id))
    .map((u) => u.id);
  return [...listed, ...rest];
}

/** content/ledger/: the month files, each checked, and figures.json checked against the rows. */
function readLedger(dir: string, rel: (p: string) => string, unitIds: ReadonlySet<string>, unitOrder: readonly string[], problems: ContentProblem[]): Content['ledger'] {
  const rows: LedgerRow[] = [];
  const months: string[] = [];
  const seen = new Map<string, string>();
  for (const file of listFiles(dir, ['.json']).filter((f) => path.basename(f) !== 'figures.json')) {
    const f = rel(file);
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      problems.push({ file: f, field: '', message: msg.json(error instanceof Error ? error.message : String(error)) });
      continue;
    }
    const result = check(ledgerMonthSchema, data, f);
    if (!result.ok) {
      problems.push(...result.problems.slice(0, 20));
      continue;
    }
    const { month } = result.data;
    if (path.basename(file) !== `${month}.json`) problems.push({ file: f, field: 'month', message: clockError.ledgerFileName });
    result.data.rows.forEach((r, i) => {
      if (ledgerMonth(r) !== month) problems.push({ file: f, field: `rows[${i}].receivedOn`, message: clockError.ledgerMonth(month) });
      if (r.unit && !unitIds.has(r.unit)) problems.push({ file: f, field: `rows[${i}].unit`, message: msg.unknownUnit(r.unit) });
      const other = seen.get(r.trackingNumber);
      if (other) problems.push({ file: f, field: `rows[${i}].trackingNumber`, message: clockError.ledgerDuplicate(other) });
      seen.set(r.trackingNumber, f);
      rows.push(r);
    });
    months.push(month);
  }
  const figuresFile = path.join(dir, 'figures.json');
  if (!existsSync(figuresFile)) return { rows, months };
  const f = rel(figuresFile);
  const parsed = check(ledgerFiguresSchema, JSON.parse(readFileSync(figuresFile, 'utf8')), f);
  if (!parsed.ok) {
    problems.push(...parsed.problems);
    return { rows, months };
  }
  const { asOf } = parsed.data;
  if (JSON.stringify(parsed.data) !== JSON.stringify(feedbackStatistics(rows, unitOrder, asOf))) problems.push({ file: f, field: '', message: clockError.ledgerFigures });
  return { rows, months, asOf };
}
