/**
 * Reads the editors' files under `content/`, validates each with the schemas and checks every reference
 * between them. The Astro content loaders and `npm run check:content` both call `readContent`, so a file is
 * judged the same way everywhere. Plain Node: no Astro runtime needed.
 * Layer: site/ — imports domain/ and site/; never functions/, infra/, scripts/ or tests/.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import {
  check,
  itemSchema,
  noticeSchema,
  pageSchema,
  replySchema,
  regionIdsOf,
  regionSchema,
  unitSchema,
  type ContentProblem,
  type Item,
  type Notice,
  type Region,
  type StandingPage,
  type PublishedReply,
  type Unit,
} from '../../domain/content/index.ts';
import { contentError as msg } from '../../domain/labels/zh-CN.ts';
import { z } from 'zod';

/** File names that become URL segments: lower-case letters, digits and hyphens. */
const FILE_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** First path segments the site itself uses; a standing page may not take them. */
export const RESERVED_PATHS = new Set([
  'items', 'units', 'stats', 'search', 'notices', 'replies', 'feedback', 'data', 'staff', 'api', 'pagefind',
  'attachments', '_astro', '404',
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

export interface Content {
  readonly items: Entry<Item>[];
  readonly units: Entry<Unit>[];
  readonly regions: Entry<Region>[];
  readonly notices: Entry<Notice>[];
  readonly pages: Entry<StandingPage>[];
  readonly replies: Entry<PublishedReply>[];
  readonly problems: ContentProblem[];
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
function splitFrontmatter(source: string): { yaml: string; body: string } | null {
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const match = /^---\n([\s\S]*?)\n---(?:\n|$)([\s\S]*)$/.exec(text);
  if (!match) return null;
  return { yaml: match[1] ?? '', body: (match[2] ?? '').trim() };
}

function parseYaml(source: string, file: string, problems: ContentProblem[]): unknown {
  try {
    // CORE_SCHEMA: dates stay strings (no YAML timestamps), so the schema sees exactly what the editor wrote.
    return yaml.load(source, { schema: yaml.CORE_SCHEMA });
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    problems.push({ file, field: '', message: msg.yaml(reason ?? '') });
    return undefined;
  }
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

/** Just the region ids, in the editors' order (the feedback API accepts only the site's regions). */
export function readRegionIds(contentDir: string): string[] {
  const file = path.join(contentDir, 'regions.yaml');
  return existsSync(file) ? regionIdsOf(readFileSync(file, 'utf8')) : [];
}

/** Units' ids and names only (the staff API's list of units to assign), without validating everything else. */
export function readUnitNames(contentDir: string): { id: string; name: string; shortName: string }[] {
  return listFiles(path.join(contentDir, 'units'), ['.yaml', '.yml']).flatMap((file) => {
    const result = unitSchema.safeParse(yaml.load(readFileSync(file, 'utf8'), { schema: yaml.CORE_SCHEMA }));
    return result.success ? [{ id: result.data.id, name: result.data.name, shortName: result.data.shortName }] : [];
  });
}

/**
 * Read and validate everything under `contentDir` (the folder named `content`). `root` is the folder that
 * file names in messages are relative to (the project root).
 */
export function readContent(contentDir: string, root = path.dirname(contentDir)): Content {
  const problems: ContentProblem[] = [];
  const rel = (p: string) => path.relative(root, p).split(path.sep).join('/');

  function readMarkdown<S extends z.ZodType>(file: string, schema: S) {
    const parts = splitFrontmatter(readFileSync(file, 'utf8'));
    if (!parts) {
      problems.push({ file: rel(file), field: '', message: msg.frontmatter });
      return null;
    }
    const data = parseYaml(parts.yaml, rel(file), problems);
    if (data === undefined && problems.at(-1)?.file === rel(file)) return null;
    const result = check(schema, data ?? {}, rel(file));
    if (!result.ok) {
      problems.push(...result.problems);
      return null;
    }
    return { data: result.data, body: parts.body };
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
    if (!result.ok) {
      problems.push(...result.problems);
      continue;
    }
    const expected = path.basename(file).replace(/\.ya?ml$/, '');
    if (result.data.id !== expected) problems.push({ file: rel(file), field: 'id', message: msg.idMismatch(expected) });
    if (result.data.region && !regionIds.has(result.data.region)) {
      problems.push({ file: rel(file), field: 'region', message: msg.unknownRegion(result.data.region) });
    }
    units.push({ id: result.data.id, data: result.data, body: '', file: rel(file) });
  }
  const unitIds = new Set(units.map((u) => u.id));

  // Items: content/items/<year>/<id>.md.
  const items: Entry<Item>[] = [];
  const seenIds = new Map<string, string>();
  for (const file of listFiles(path.join(contentDir, 'items'), ['.md'])) {
    const parsed = readMarkdown(file, itemSchema);
    if (!parsed) continue;
    const item = parsed.data;
    const f = rel(file);
    const before = problems.length;
    const expected = path.basename(file, '.md');
    if (item.id !== expected) problems.push({ file: f, field: 'id', message: msg.idMismatch(expected) });
    const yearDir = path.basename(path.dirname(file));
    if (item.id.split('-')[1] !== yearDir) problems.push({ file: f, field: 'id', message: msg.yearMismatch(yearDir) });
    const other = seenIds.get(item.id);
    if (other) problems.push({ file: f, field: 'id', message: msg.duplicateId(other) });
    seenIds.set(item.id, f);
    if (!regionIds.has(item.region)) problems.push({ file: f, field: 'region', message: msg.unknownRegion(item.region) });
    if (!unitIds.has(item.leadUnit)) problems.push({ file: f, field: 'leadUnit', message: msg.unknownUnit(item.leadUnit) });
    item.supportUnits.forEach((u, i) => {
      if (!unitIds.has(u)) problems.push({ file: f, field: `supportUnits[${i}]`, message: msg.unknownUnit(u) });
    });
    item.updates.forEach((u, i) => {
      if (!unitIds.has(u.unit)) problems.push({ file: f, field: `updates[${i}].unit`, message: msg.unknownUnit(u.unit) });
    });
    item.attachments.forEach((a, i) => {
      const target = path.join(contentDir, a.file);
      if (!existsSync(target) || !statSync(target).isFile()) {
        problems.push({ file: f, field: `attachments[${i}].file`, message: msg.missingFile(`content/${a.file}`) });
      }
    });
    if (!parsed.body) problems.push({ file: f, field: '', message: msg.emptyBody });
    if (problems.length === before) items.push({ id: item.id, data: item, body: parsed.body, file: f });
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
    if (!parsed.body) {
      problems.push({ file: rel(file), field: '', message: msg.emptyNotice });
      continue;
    }
    notices.push({ id: path.basename(file, '.md'), data: parsed.data, body: parsed.body, file: rel(file) });
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
    if (!parsed.body) {
      problems.push({ file: rel(file), field: '', message: msg.emptyPage });
      continue;
    }
    pages.push({ id: slug, data: parsed.data, body: parsed.body, file: rel(file) });
  }

  // Published replies: content/replies/<tracking-number>.md.
  const replies: Entry<PublishedReply>[] = [];
  const itemIds = new Set(items.map((i) => i.id));
  for (const file of listFiles(path.join(contentDir, 'replies'), ['.md'])) {
    const parsed = readMarkdown(file, replySchema);
    if (!parsed) continue;
    const f = rel(file);
    const before = problems.length;
    const expected = path.basename(file, '.md');
    const r = parsed.data;
    if (r.trackingNumber !== expected) problems.push({ file: f, field: 'trackingNumber', message: msg.idMismatch(expected) });
    if (!unitIds.has(r.unit)) problems.push({ file: f, field: 'unit', message: msg.unknownUnit(r.unit) });
    if (r.itemId && !itemIds.has(r.itemId)) problems.push({ file: f, field: 'itemId', message: msg.unknownItem(r.itemId) });
    if (!parsed.body) problems.push({ file: f, field: '', message: msg.emptyReply });
    if (problems.length === before) replies.push({ id: r.trackingNumber, data: r, body: parsed.body, file: f });
  }

  return { items, units, regions, notices, pages, replies, problems };
}
