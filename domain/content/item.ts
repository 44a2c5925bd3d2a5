/**
 * 督查事项: the item schema and its parts (extensions, updates, attachments), checked the same way everywhere.
 * Layer: domain/ — pure: imports only domain/ (and zod, js-yaml, node:crypto); no I/O, no Astro, Hono or AWS SDK.
 */
import * as z from 'zod';
import { category, contentError as msg, source, status } from '../labels/zh-CN.ts';
import { TRACKING_NUMBER } from '../feedback/tracking-number.ts';
import { codeList, need, isoDate, slug, text } from './common.ts';

/** `DC-2026-014`: the year the item was assigned and a sequence number of three or more digits. */
export const itemId = z.string({ error: need(msg.notText) }).regex(/^DC-\d{4}-\d{3,}$/, { error: msg.itemId });

/** 延期: an approved new deadline. The last one listed is the effective deadline (办理时限). */
export const extensionSchema = z.strictObject({
  /** When the lead unit asked for more time. */
  requestedOn: isoDate,
  /** The approved new deadline. */
  newDeadline: isoDate,
  /** Why more time was needed, as published. */
  reason: text(300),
  /** Who approved it, e.g. 市政府督查室. */
  approvedBy: text(40),
});

/** 立项来源: an item made from citizens' clues (立项督办, npm run drafts:export) names their tracking numbers. */
export const originSchema = z.strictObject({
  /** `public_clue`: 源自群众留言. */
  kind: z.enum(['public_clue'], { error: msg.originKind }),
  trackingNumbers: z
    .array(z.string({ error: need(msg.notText) }).regex(TRACKING_NUMBER, { error: msg.originTracking }), { error: need(msg.notList) })
    .min(1, { error: msg.originTracking }),
});

/** 进展情况: one dated entry of the timeline, reported by a unit. */
export const updateSchema = z.strictObject({
  date: isoDate,
  /** Unit id of the reporting unit. */
  unit: slug,
  text: text(1000),
});

/** A file published with the item, stored under `content/attachments/`. */
export const attachmentSchema = z.strictObject({
  /** Link text, e.g. 实施方案（PDF）. */
  title: text(60),
  /** Path under `content/`, e.g. `attachments/DC-2026-014/plan.pdf`. */
  file: z
    .string({ error: need(msg.notText) })
    .regex(/^attachments\/(?!.*\.\.)[^\s\\]+$/, { error: msg.badPath }),
});

/** The fields of a 督查事项 file and what each must be (see itemSchema for the rules between them). */
const itemFields = {
  /** `DC-<year>-<seq>`, same as the file name. */
  id: itemId,
  /** Short title as published, ≤ 60 characters. */
  title: text(60),
  /** One or two sentences for lists and search results. */
  summary: text(200),
  /** 事项类别. */
  category: codeList(category),
  /** 交办来源. */
  source: codeList(source),
  /** Region id (content/regions.yaml) where the work happens. */
  region: slug,
  /** 牵头单位: unit id. */
  leadUnit: slug,
  /** 配合单位: unit ids. Default none. */
  supportUnits: z.array(slug, { error: need(msg.notList) }).default([]),
  /** 交办日期. */
  assignedOn: isoDate,
  /** 原定办理时限. */
  deadline: isoDate,
  /** Approved extensions, oldest first. Default none. */
  extensions: z.array(extensionSchema, { error: need(msg.notList) }).default([]),
  /** 办理状态. */
  status: codeList(status),
  /** 暂缓原因: required when status is suspended, forbidden otherwise. */
  statusReason: text(300).optional(),
  /** 办理进度, 0–100. */
  progress: z.number({ error: need(msg.progress) }).int({ error: msg.progress }).min(0, { error: msg.progress }).max(100, { error: msg.progress }),
  /** 进展情况, any order (shown newest first). Default none. */
  updates: z.array(updateSchema, { error: need(msg.notList) }).default([]),
  /** 办结情况: required when completed. */
  outcome: text(2000).optional(),
  /** 办结日期: required when completed, forbidden otherwise. */
  completedOn: isoDate.optional(),
  /** Free tags for search. Default none. */
  tags: z.array(text(20), { error: need(msg.notList) }).default([]),
  /** 立项来源, when the item was made from citizens' clues. */
  origin: originSchema.optional(),
  /** Files published with the item. Default none. */
  attachments: z.array(attachmentSchema, { error: need(msg.notList) }).default([]),
};

type WholeItem = z.output<z.ZodObject<typeof itemFields>>;

/** An item's fields, each there only if it passed its own schema (list entries that did not are `undefined`). */
export type ItemFields = { readonly [K in keyof WholeItem]?: WholeItem[K] extends readonly (infer E)[] ? readonly (E | undefined)[] : WholeItem[K] };

type Issue = (path: PropertyKey[], message: string) => void;

/**
 * The rules between an item's fields. Each rule runs when the fields it reads are there, so a file whose other
 * fields have problems still hears about these (npm run check:content reports everything in one pass).
 */
export function itemRules(item: ItemFields, issue: Issue): void {
  const { assignedOn, deadline, extensions = [], status, completedOn, outcome, progress, statusReason, leadUnit, supportUnits = [], updates = [] } = item;
  if (deadline && assignedOn && deadline < assignedOn) issue(['deadline'], msg.deadlineBeforeAssigned);
  let previous = deadline;
  extensions.forEach((ext, i) => {
    if (!ext) return (previous = undefined);
    if (previous && ext.newDeadline <= previous) issue(['extensions', i, 'newDeadline'], msg.extensionNotLater);
    if (ext.requestedOn > ext.newDeadline) issue(['extensions', i, 'requestedOn'], msg.requestedAfterNew);
    else if (assignedOn && ext.requestedOn < assignedOn) issue(['extensions', i, 'requestedOn'], msg.beforeAssigned);
    previous = ext.newDeadline;
  });
  updates.forEach((u, i) => {
    if (u && assignedOn && u.date < assignedOn) issue(['updates', i, 'date'], msg.beforeAssigned);
  });
  if (status === 'completed') {
    if (!completedOn) issue(['completedOn'], msg.completedNeedsDate);
    else if (assignedOn && completedOn < assignedOn) issue(['completedOn'], msg.completedBeforeAssigned);
    if (!outcome) issue(['outcome'], msg.completedNeedsOutcome);
    if (progress !== undefined && progress !== 100) issue(['progress'], msg.completedProgress);
  } else if (status && completedOn) {
    issue(['completedOn'], msg.notCompletedHasDate);
  }
  if (status === 'suspended' && !statusReason) issue(['statusReason'], msg.suspendedNeedsReason);
  if (status && status !== 'suspended' && statusReason) issue(['statusReason'], msg.reasonOnlySuspended);
  if (leadUnit && supportUnits.includes(leadUnit)) issue(['supportUnits'], msg.leadInSupport);
  const seen = new Set<string>();
  supportUnits.forEach((u, i) => {
    if (u === undefined) return;
    if (seen.has(u)) issue(['supportUnits', i], msg.duplicate(u));
    seen.add(u);
  });
}

/**
 * The dates that cannot be true yet on `today` (the build's date, DUCHA_AS_OF): an item assigned, updated
 * or completed after it.
 */
export function itemDateRules(item: ItemFields, today: string, issue: Issue): void {
  if (item.assignedOn && item.assignedOn > today) issue(['assignedOn'], msg.afterToday(today));
  (item.updates ?? []).forEach((u, i) => {
    if (u && u.date > today) issue(['updates', i, 'date'], msg.afterToday(today));
  });
  if (item.completedOn && item.completedOn > today) issue(['completedOn'], msg.afterToday(today));
}

/**
 * 督查事项: one Markdown file per item, `content/items/<year>/<id>.md`. The body is the description.
 * Overdue, on time / late and the effective deadline are derived (domain/items/derived.ts), never written here.
 */
export const itemSchema = z.strictObject(itemFields).superRefine((item, ctx) => itemRules(item, (path, message) => ctx.addIssue({ code: 'custom', path, message })));

export type Item = z.output<typeof itemSchema>;

/** The next free id of `year` among `ids` (DC-<year>-<max + 1>, three digits at least): new:item and drafts:export. */
export function nextItemId(ids: readonly string[], year: string): string {
  const used = ids.filter((id) => id.startsWith(`DC-${year}-`)).map((id) => Number(id.split('-')[2]));
  return `DC-${year}-${String((used.length ? Math.max(...used) : 0) + 1).padStart(3, '0')}`;
}
