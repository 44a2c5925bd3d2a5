/**
 * 立项督办 into git: the item drafts reviewers made from citizens' clues (GET /api/staff/item-drafts) become
 * content/items/<year>/<new id>.md — the next free number of the year (as `npm run new:item`), status 办理中,
 * the chosen lead unit, supporting units and deadline, and `origin: { kind: public_clue, trackingNumbers }`.
 * The body never holds a citizen's text unless they allowed publication, and then as the API redacted it
 * (the same redaction as replies). Each file is checked by the content check before it is kept; a draft whose
 * item would not pass is skipped with the check's message. Each written draft is marked (POST …/exported), so a
 * second run writes nothing; a draft whose item is already in content/ (same first tracking number in
 * `origin`) is only marked again, never written twice.
 * Layer: scripts/ — may import any layer but tests/; only scripts/ and tests/ import it.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Document } from 'yaml';
import { routePath } from '../../domain/api/routes.ts';
import type { ExportedItemDraft, ItemDraftsPage } from '../../domain/api/staff.ts';
import { formatProblem, nextItemId } from '../../domain/content/index.ts';
import { newItem, promotion as t, redaction } from '../../domain/labels/zh-CN.ts';
import { readContent } from '../../site/lib/content-source.ts';
import { staffRequest, type Fetch } from './staff-client.ts';

export interface DraftExportOptions {
  /** The staff API's origin, e.g. http://localhost:4321. */
  readonly api: string;
  readonly token: string;
  /** The content/ directory to write into. */
  readonly contentDir: string;
  /** The China date the items are assigned on (交办日期). */
  readonly today: string;
  /** How to reach the API. @default the global fetch */
  readonly fetch?: Fetch;
}

export interface DraftExportResult {
  /** Files written, relative to the content directory's parent. */
  readonly written: readonly string[];
  /** Drafts already in content/ (marked again, not written). */
  readonly skipped: number;
  /** Chinese lines: drafts not written and why. */
  readonly problems: readonly string[];
}

const call = <T>(options: DraftExportOptions, name: 'itemDrafts' | 'draftExported', body?: unknown): Promise<T> =>
  staffRequest<T>(options.api, routePath(name), options.token, { ...(body === undefined ? {} : { body }), ...(options.fetch ? { fetch: options.fetch } : {}) });

/** The redaction's own placeholders ([姓名已隐去] …) stay as they read; they are no links. */
const PLACEHOLDERS = new RegExp(`(${Object.values(redaction).map((p) => p.replace(/[[\]]/g, '\\$&')).join('|')})`);

/**
 * A citizen's line as Markdown that renders as exactly that text (the one text rule): every character Markdown
 * could read as syntax is escaped, a leading list number too.
 */
function asText(line: string): string {
  return line
    .split(PLACEHOLDERS)
    .map((part, i) => (i % 2 ? part : part.replace(/[\\`*_[\]()<>#!|~{}+=-]/g, '\\$&').replace(/^(\d+)\./, '$1\\.')))
    .join('');
}

/** The item file of a draft: front matter written through yaml's Document (comments as new:item's), and the body. */
function itemFile(id: string, draft: ExportedItemDraft, today: string): string {
  const data = {
    id,
    title: draft.title,
    summary: draft.title,
    category: draft.category,
    source: 'public_report',
    region: draft.region,
    leadUnit: draft.leadUnit,
    supportUnits: [...draft.supportUnits],
    assignedOn: today,
    deadline: draft.deadline,
    extensions: [],
    status: 'in_progress',
    progress: 0,
    updates: [],
    tags: [],
    origin: { kind: 'public_clue', trackingNumbers: [...draft.trackingNumbers] },
  };
  const doc = new Document(data);
  for (const pair of (doc.contents as unknown as { items: { key: { value: string; commentBefore?: string } }[] }).items) {
    const note = pair.key.value === 'status' ? t.statusComment : newItem.comment[pair.key.value];
    if (note) pair.key.commentBefore = ` ${note}`;
  }
  // Text only: the quotes are the citizens' own words, redacted by the API, and the site renders them as Markdown text.
  const quotes = draft.quotes.map((q) => `> ${asText(q.title)}\n>\n${q.text.split('\n').map((l) => `> ${asText(l)}`).join('\n')}`);
  const body = [t.body(draft.trackingNumbers.join('、')), ...(quotes.length ? [t.quoted, ...quotes] : [])].join('\n\n');
  return `---\n${doc.toString({ lineWidth: 0 })}---\n${body}\n`;
}

/** Export every draft not yet exported; returns what was written. Throws when the API cannot be reached or refuses. */
export async function exportItemDrafts(options: DraftExportOptions): Promise<DraftExportResult> {
  const { drafts } = await call<ItemDraftsPage>(options, 'itemDrafts');
  const root = path.dirname(options.contentDir);
  const written: string[] = [];
  const problems: string[] = [];
  let skipped = 0;
  for (const draft of drafts) {
    const content = readContent(options.contentDir, root);
    const key = draft.trackingNumbers[0]!;
    const existing = content.items.find((i) => i.data.origin?.trackingNumbers.includes(key));
    if (existing) {
      skipped += 1;
      await call(options, 'draftExported', { key, itemId: existing.id });
      continue;
    }
    const id = nextItemId(content.items.map((i) => i.id), options.today.slice(0, 4));
    const file = path.join(options.contentDir, 'items', options.today.slice(0, 4), `${id}.md`);
    const rel = path.relative(root, file).split(path.sep).join('/');
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, itemFile(id, draft, options.today));
    // The content check itself, on the whole directory with the new file: only its problems count here.
    const own = readContent(options.contentDir, root, { today: options.today }).problems.filter((p) => p.file === rel);
    if (own.length) {
      rmSync(file);
      problems.push(t.invalid(key, own.map(formatProblem).join('\n')));
      continue;
    }
    await call(options, 'draftExported', { key, itemId: id });
    written.push(rel);
  }
  return { written, skipped, problems };
}
