/**
 * Editing item files the way an editor would (content/items/<year>/<id>.md), for the exports that write
 * them: `applyProgressReports` (npm run progress:export) replays approved reports' changes
 * (domain/items/report.ts reportChanges) on the front matter's YAML Document — so key order, comments,
 * quoting, flow lists and the Markdown body stay exactly as written — checks the result with the content
 * check (readContent) before writing, and records what it applied in content/items/applied-reports.json so
 * a second run changes nothing. Another kind of export (new item drafts) can sit beside it here.
 * Layer: scripts/ — may import any layer but tests/; only scripts/ and tests/ import it.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isMap, isSeq, parseDocument, type Document, type Pair, type YAMLMap } from 'yaml';
import { formatProblem } from '../../domain/content/index.ts';
import { chinaDate } from '../../domain/dates.ts';
import { itemRevision, reportChanges, type ItemChange, type ReportRecord } from '../../domain/items/report.ts';
import { reportError as msg } from '../../domain/labels/zh-CN.ts';
import { readContent } from '../../site/lib/content-source.ts';

/** The file the export keeps its marks in, under content/items/. */
export const APPLIED_FILE = 'applied-reports.json';

/**
 * What the export remembers: which reports it applied (id → item), and per item the revisions of the file
 * since it was last edited by hand — the revision it found, then each it wrote. A report based on one of
 * these may be applied; one based on a revision before an editor's later edit is a conflict.
 */
interface Applied {
  reports: Record<string, string>;
  revisions: Record<string, string[]>;
}

export interface ProgressExportResult {
  /** Items whose file was written, with the reports applied to each. */
  readonly changed: { readonly id: string; readonly reports: readonly string[] }[];
  /** Items left as they are, and why (Chinese, one line each). */
  readonly skipped: readonly string[];
  readonly conflicts: readonly string[];
}

/** Where a key goes when the file does not have it yet: after the first of these that it has. */
const PLACE_AFTER: Record<string, readonly string[]> = {
  extensions: ['deadline', 'assignedOn'],
  updates: ['progress', 'statusReason', 'status'],
  outcome: ['updates', 'progress'],
  completedOn: ['outcome', 'updates', 'progress'],
};

function applyToDocument(doc: Document, changes: readonly ItemChange[]): void {
  const map = doc.contents as YAMLMap;
  for (const c of changes) {
    const node = map.get(c.key, true);
    if (c.op === 'append' && isSeq(node)) {
      node.add(doc.createNode(c.value));
      continue;
    }
    const value = c.op === 'append' ? [c.value] : c.value;
    if (node !== undefined || map.has(c.key)) {
      map.set(c.key, c.op === 'append' ? doc.createNode(value) : value);
      continue;
    }
    const after = (PLACE_AFTER[c.key] ?? []).map((k) => map.items.findIndex((p) => String((p.key as { value?: unknown })?.value ?? p.key) === k)).find((i) => i >= 0);
    const pair = doc.createPair(c.key, value) as Pair;
    if (after === undefined) map.items.push(pair);
    else map.items.splice(after + 1, 0, pair);
  }
}

/** Front matter and the rest of the file, byte for byte (the body is never touched). */
function split(source: string): { head: string; yaml: string; tail: string } | undefined {
  const m = /^(\uFEFF?---\r?\n)([\s\S]*?\r?\n)(---(?:\r?\n|$)[\s\S]*)$/.exec(source);
  return m ? { head: m[1]!, yaml: m[2]!, tail: m[3]! } : undefined;
}

/** Every item file by id. */
function itemFiles(contentDir: string): Map<string, string> {
  const dir = path.join(contentDir, 'items');
  const out = new Map<string, string>();
  if (!existsSync(dir)) return out;
  for (const f of readdirSync(dir, { recursive: true, encoding: 'utf8' })) if (f.endsWith('.md')) out.set(path.basename(f, '.md'), path.join(dir, f));
  return out;
}

/**
 * The content check's problems for one item file with `text` in it: the check runs on a folder holding the
 * site's units, regions, settings and attachments (linked, not copied) and this one item.
 */
function checkItemText(contentDir: string, file: string, text: string, today: string): string[] {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'ducha-item-check-'));
  try {
    for (const name of readdirSync(contentDir)) if (!['items', 'ledger', 'replies', 'notices', 'pages'].includes(name)) symlinkSync(path.join(contentDir, name), path.join(tmp, name));
    const relItem = path.relative(path.join(contentDir, 'items'), file);
    mkdirSync(path.dirname(path.join(tmp, 'items', relItem)), { recursive: true });
    writeFileSync(path.join(tmp, 'items', relItem), text);
    const shown = `content/items/${relItem.split(path.sep).join('/')}`;
    return readContent(tmp, tmp, { ledger: false, today })
      .problems.filter((p) => p.file === `items/${relItem.split(path.sep).join('/')}`)
      .map((p) => formatProblem({ ...p, file: shown }));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * Apply the approved reports not yet applied, in order of approval, to the item files under `contentDir`.
 * Per item: a report based on a revision from before an editor's later hand edit is a conflict (left for a
 * person); a result the content check refuses writes nothing for that item (the check's message says why);
 * the rest are written.
 */
export function applyProgressReports(contentDir: string, reports: readonly ReportRecord[], options: { readonly today: string }): ProgressExportResult {
  const markFile = path.join(contentDir, 'items', APPLIED_FILE);
  const applied: Applied = existsSync(markFile) ? (JSON.parse(readFileSync(markFile, 'utf8')) as Applied) : { reports: {}, revisions: {} };
  const files = itemFiles(contentDir);
  const pending = reports.filter((r) => r.status === 'approved' && !(r.id in applied.reports));
  const changed: { id: string; reports: string[] }[] = [];
  const skipped: string[] = [];
  const conflicts: string[] = [];
  for (const itemId of [...new Set(pending.map((r) => r.itemId))]) {
    const file = files.get(itemId);
    if (!file) {
      skipped.push(msg.exportMissing(itemId));
      continue;
    }
    const source = readFileSync(file, 'utf8');
    const current = itemRevision(source);
    // The export's own revisions count only while the file is still the one it last wrote.
    const known = applied.revisions[itemId]?.at(-1) === current ? applied.revisions[itemId]! : [current];
    const broken = checkItemText(contentDir, file, source, options.today);
    if (broken.length) {
      skipped.push(msg.exportSkipped(itemId, broken.join('；')));
      continue;
    }
    const parts = split(source);
    const doc = parts && parseDocument(parts.yaml, { schema: 'core' });
    if (!parts || !doc || !isMap(doc.contents)) {
      skipped.push(msg.exportSkipped(itemId, '没有可识别的 front matter'));
      continue;
    }
    const take: ReportRecord[] = [];
    for (const r of pending.filter((p) => p.itemId === itemId)) {
      if (!known.includes(r.rev)) conflicts.push(msg.exportConflict(itemId, r.id));
      else take.push(r);
    }
    if (!take.length) continue;
    for (const r of take) applyToDocument(doc, reportChanges({ fields: r.fields, unit: r.unit, requestedOn: chinaDate(new Date(r.createdAt)), approvedBy: r.approvedBy ?? '' }));
    const text = parts.head + doc.toString({ lineWidth: 0, flowCollectionPadding: false }) + parts.tail;
    const problems = checkItemText(contentDir, file, text, options.today);
    if (problems.length) {
      skipped.push(msg.exportSkipped(itemId, problems.join('；')));
      continue;
    }
    writeFileSync(file, text);
    for (const r of take) applied.reports[r.id] = itemId;
    applied.revisions[itemId] = [...known, itemRevision(text)];
    changed.push({ id: itemId, reports: take.map((r) => r.id) });
  }
  if (changed.length) writeFileSync(markFile, `${JSON.stringify(sortKeys(applied), null, 2)}\n`);
  return { changed, skipped, conflicts };
}

function sortKeys(a: Applied): Applied {
  const sorted = <T>(o: Record<string, T>) => Object.fromEntries(Object.entries(o).sort(([x], [y]) => x.localeCompare(y)));
  return { reports: sorted(a.reports), revisions: sorted(a.revisions) };
}
