/**
 * 进展报送 / 延期申请 / 办结申请: a unit's report on a published supervision item, its review (approve, or
 * return with a note and resubmit), and what an approved report changes in the item file. A report is
 * checked with the content schema's own rules (domain/content/item.ts): its fields with the item fields'
 * schemas, and the item it would lead to with itemRules and itemDateRules — so what the API accepts is
 * exactly what the export can write.
 * Layer: domain/ — pure: imports only domain/ (and zod, js-yaml, node:crypto); no I/O, no Astro, Hono or AWS SDK.
 */
import { createHash } from 'node:crypto';
import * as z from 'zod';
import { extensionSchema, itemDateRules, itemRules, itemSchema, updateSchema, type ItemFields } from '../content/item.ts';
import { text } from '../content/common.ts';
import { reportError as msg } from '../labels/zh-CN.ts';
import type { ClockContext, StaffUser } from '../feedback/workflow.ts';
import { chinaDate, daysBetween } from '../dates.ts';

export const REPORT_KINDS = ['progress', 'extension', 'completion'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
export const REPORT_STATUSES = ['pending', 'returned', 'approved'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

const progressFields = z.strictObject({
  kind: z.literal('progress'),
  date: updateSchema.shape.date,
  text: updateSchema.shape.text,
  progress: itemSchema.shape.progress,
  /** Why progress is below the published figure; required only then. */
  reason: text(300).optional(),
});
const extensionFields = z.strictObject({
  kind: z.literal('extension'),
  newDeadline: extensionSchema.shape.newDeadline,
  reason: extensionSchema.shape.reason,
});
const completionFields = z.strictObject({
  kind: z.literal('completion'),
  outcome: itemSchema.shape.outcome.unwrap(),
  completedOn: itemSchema.shape.completedOn.unwrap(),
});

/** What a unit fills in, by kind. */
export const reportFieldsSchema = z.discriminatedUnion('kind', [progressFields, extensionFields, completionFields]);
export type ReportFields = z.output<typeof reportFieldsSchema>;

/** POST /api/staff/reports: the item, the fields, and the item revision the unit saw (`rev`). */
export const newReportSchema = z.strictObject({ itemId: itemSchema.shape.id, rev: z.string().max(80), fields: reportFieldsSchema });
/** POST /api/staff/reports/:id/actions */
export const reportActionSchema = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('approve'), version: z.number().int() }),
  z.strictObject({ action: z.literal('return'), version: z.number().int(), note: z.string().trim().min(4, { error: msg.noteRequired }).max(500) }),
  z.strictObject({ action: z.literal('resubmit'), version: z.number().int(), fields: reportFieldsSchema, rev: z.string().max(80).optional() }),
]);

/** One step of a report's history (every step is one, with who and when: the audit). */
export interface ReportEvent {
  readonly seq: number;
  readonly at: string;
  readonly action: 'submitted' | 'returned' | 'resubmitted' | 'approved';
  readonly actor: string;
  readonly actorName: string;
  readonly role: string;
  readonly note?: string;
  readonly fields?: ReportFields;
}

export interface ReportRecord {
  readonly id: string;
  readonly itemId: string;
  /** The reporting unit. */
  readonly unit: string;
  readonly kind: ReportKind;
  readonly status: ReportStatus;
  readonly fields: ReportFields;
  /** The item file's revision the report was based on (the published `rev`): the export's conflict check. */
  readonly rev: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly approvedAt?: string;
  readonly approvedBy?: string;
  /** The last return note, while returned. */
  readonly note?: string;
  /** Events so far: the version an action must name. */
  readonly version: number;
  readonly events: readonly ReportEvent[];
}

/** What the reports need to know of a published item (domain/api/site-facts.ts publishes it). */
export interface ReportedItem {
  readonly id: string;
  readonly leadUnit: string;
  readonly supportUnits: readonly string[];
  readonly assignedOn: string;
  readonly deadline: string;
  readonly extensions: readonly { readonly requestedOn: string; readonly newDeadline: string }[];
  readonly status: string;
  readonly progress: number;
  readonly completedOn?: string;
  readonly updates: number;
}

/** One change to an item file: set a field, or append to a list. The export replays these on the YAML document. */
export type ItemChange = { readonly op: 'set'; readonly key: string; readonly value: unknown } | { readonly op: 'append'; readonly key: 'updates' | 'extensions'; readonly value: Record<string, unknown> };

/** What an approved report changes: the same list the check below applies to the published item. */
export function reportChanges(r: Pick<ReportRecord, 'fields' | 'unit'> & { readonly requestedOn: string; readonly approvedBy: string }): ItemChange[] {
  const f = r.fields;
  switch (f.kind) {
    case 'progress':
      return [
        { op: 'append', key: 'updates', value: { date: f.date, unit: r.unit, text: f.text } },
        { op: 'set', key: 'progress', value: f.progress },
      ];
    case 'extension':
      return [{ op: 'append', key: 'extensions', value: { requestedOn: r.requestedOn, newDeadline: f.newDeadline, reason: f.reason, approvedBy: r.approvedBy } }];
    case 'completion':
      return [
        { op: 'set', key: 'status', value: 'completed' },
        { op: 'set', key: 'progress', value: 100 },
        { op: 'set', key: 'outcome', value: f.outcome },
        { op: 'set', key: 'completedOn', value: f.completedOn },
      ];
  }
}

/** `changes` applied to a plain object (a copy). */
export function applyChanges<T extends Record<string, unknown>>(item: T, changes: readonly ItemChange[]): T {
  const out: Record<string, unknown> = { ...item };
  for (const c of changes) out[c.key] = c.op === 'set' ? c.value : [...((out[c.key] as unknown[] | undefined) ?? []), c.value];
  return out as T;
}

export type ReportCheck = { ok: true } | { ok: false; reason: 'forbidden' | 'invalid'; field?: string; message: string };

/** The report field an item-rule issue is about (`updates.3.date` → `date`). */
function reportField(path: readonly PropertyKey[]): string {
  const last = String(path.at(-1));
  return last === 'requestedOn' ? 'newDeadline' : last;
}

/**
 * May `user` file `fields` on `item` today? 403 when the unit is not responsible (or asks for what only the
 * lead unit may); 422 naming the field when the item the report leads to breaks the content rules.
 */
export function checkReport(user: StaffUser, item: ReportedItem, fields: ReportFields, today: string): ReportCheck {
  if (user.role !== 'unit' || !user.unit) return { ok: false, reason: 'forbidden', message: msg.unitsOnly };
  const lead = item.leadUnit === user.unit;
  if (!lead && !item.supportUnits.includes(user.unit)) return { ok: false, reason: 'forbidden', message: msg.notResponsible };
  if (fields.kind !== 'progress' && !lead) return { ok: false, reason: 'forbidden', message: msg.leadOnly };
  if (item.status === 'completed') return { ok: false, reason: 'invalid', field: 'kind', message: msg.alreadyCompleted };
  if (fields.kind === 'progress' && fields.progress < item.progress && !fields.reason) return { ok: false, reason: 'invalid', field: 'reason', message: msg.progressBelow(item.progress) };
  const before = { ...item, updates: Array.from({ length: item.updates }, () => undefined) } as unknown as Record<string, unknown>;
  const after = applyChanges(before, reportChanges({ fields, unit: user.unit, requestedOn: today, approvedBy: 'x' })) as ItemFields;
  let found: ReportCheck = { ok: true };
  const issue = (path: PropertyKey[], message: string) => {
    if (found.ok) found = { ok: false, reason: 'invalid', field: reportField(path), message };
  };
  itemRules(after, issue);
  itemDateRules(after, today, issue);
  return found;
}

/** An item file's revision: changes with any edit of the file (the export's check that nobody edited it since). */
export function itemRevision(fileText: string): string {
  return createHash('sha256').update(fileText.replace(/\r\n?/g, '\n')).digest('hex').slice(0, 16);
}

export type ReportDecision = { ok: true; next: ReportRecord } | { ok: false; reason: 'forbidden' | 'invalid' | 'conflict'; field?: string; message: string };

/** The event an actor appends, on the record (version + 1, updatedAt = at). */
function withEvent(r: ReportRecord, user: StaffUser, at: string, e: Pick<ReportEvent, 'action'> & Partial<ReportEvent>, change: Partial<ReportRecord>): ReportRecord {
  const event: ReportEvent = { ...e, seq: r.version + 1, at, actor: user.sub, actorName: user.name, role: user.role };
  return { ...r, ...change, version: r.version + 1, updatedAt: at, events: [...r.events, event] };
}

/** A new report (its first event, `submitted`), once checkReport allowed it. */
export function newReport(user: StaffUser & { unit: string }, input: { id: string; itemId: string; rev: string; fields: ReportFields }, at: string): ReportRecord {
  const empty: ReportRecord = { id: input.id, itemId: input.itemId, unit: user.unit, kind: input.fields.kind, status: 'pending', fields: input.fields, rev: input.rev, createdAt: at, updatedAt: at, version: 0, events: [] };
  return withEvent(empty, user, at, { action: 'submitted', fields: input.fields }, {});
}

/**
 * The review: a reviewer approves or returns (with a note) a pending report; the reporting unit revises a
 * returned one and resubmits it (checked again by the caller with checkReport).
 */
export function decideReport(user: StaffUser, r: ReportRecord, action: z.output<typeof reportActionSchema>, at: string, approvedBy: string): ReportDecision {
  const status = (s: ReportStatus) => ({ ok: false as const, reason: 'conflict' as const, message: msg.notAllowedNow(s) });
  if (action.action === 'resubmit') {
    if (user.role !== 'unit' || user.unit !== r.unit) return { ok: false, reason: 'forbidden', message: msg.ownUnitOnly };
    if (r.status !== 'returned') return status(r.status);
    if (action.fields.kind !== r.kind) return { ok: false, reason: 'invalid', field: 'kind', message: msg.notAllowedNow(r.kind) };
    const { note: _n, ...rest } = r;
    return { ok: true, next: withEvent({ ...rest, status: 'pending' } as ReportRecord, user, at, { action: 'resubmitted', fields: action.fields }, { fields: action.fields, ...(action.rev ? { rev: action.rev } : {}) }) };
  }
  if (user.role === 'unit') return { ok: false, reason: 'forbidden', message: msg.reviewersOnly };
  if (r.status !== 'pending') return status(r.status);
  if (action.action === 'return') return { ok: true, next: withEvent(r, user, at, { action: 'returned', note: action.note }, { status: 'returned', note: action.note }) };
  return { ok: true, next: withEvent(r, user, at, { action: 'approved' }, { status: 'approved', approvedAt: at, approvedBy }) };
}

export type ItemFlag = 'due_soon' | 'overdue' | 'stale';

/** Working days before the effective deadline an item counts as 即将到期 (and the digest names it). */
export const DUE_SOON_WORKING_DAYS = 10;
/** Days without a report after which an open item is 超过 30 天未报送. */
export const STALE_DAYS = 30;

/**
 * 即将到期 / 已逾期 / 超过 30 天未报送 for an open item on `time.today`, as seen by a unit with `reports` on it:
 * the effective deadline within DUE_SOON_WORKING_DAYS working days (the working-day calendar) or past; the
 * last update (or the unit's last report, or the assignment) more than STALE_DAYS days ago.
 */
export function itemFlags(item: ReportedItem & { readonly lastUpdate?: string }, reports: readonly Pick<ReportRecord, 'createdAt'>[], time: ClockContext): ItemFlag[] {
  if (item.status === 'completed') return [];
  const { today } = time;
  const deadline = item.extensions.at(-1)?.newDeadline ?? item.deadline;
  const flags: ItemFlag[] = [];
  if (today > deadline) flags.push('overdue');
  else if (time.clock.calendar.workingDaysBetween(today, deadline) <= DUE_SOON_WORKING_DAYS) flags.push('due_soon');
  const reported = reports.map((r) => chinaDate(new Date(r.createdAt)));
  const last = [item.lastUpdate, ...reported, item.assignedOn].filter((d): d is string => Boolean(d)).sort().at(-1)!;
  if (daysBetween(last, today) > STALE_DAYS) flags.push('stale');
  return flags;
}
