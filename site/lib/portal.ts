/**
 * The portal's data, read from the content collections once per build and shared by every page: items with
 * their derived facts, units with scorecards, regions and notices, plus the indexes pages need. Pages only
 * render what this returns.
 * Layer: site/ — imports domain/ and site/; never functions/, infra/, scripts/ or tests/.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import type { Item, Notice, PublishedReply, Region, Unit } from '../../domain/content/index.ts';
import { status as statusLabels, category as categoryLabels } from '../../domain/labels/zh-CN.ts';
import { readRegionIds } from './content-source.ts';
import { asOfDate } from '../../domain/dates.ts';
import { contentDir } from './paths.ts';
import {
  completion,
  daysLate,
  daysLeft,
  daysOverdue,
  daysToComplete,
  effectiveDeadline,
  isOverdue,
  scorecard,
  type Completion,
  type Scorecard,
} from '../../domain/items/derived.ts';
import { urls, type Facet } from '../../domain/urls.ts';

export interface ItemView extends Item {
  readonly url: string;
  readonly year: string;
  readonly entry: CollectionEntry<'items'>;
  readonly lead: Unit;
  readonly supports: Unit[];
  readonly regionInfo: Region;
  readonly effectiveDeadline: string;
  readonly overdue: boolean;
  readonly daysOverdue: number;
  readonly daysLeft: number | null;
  readonly completion: Completion | null;
  readonly daysLate: number;
  readonly daysToComplete: number | null;
  /** Updates newest first. */
  readonly timeline: Item['updates'];
  /** Date of the newest update, or assignment. */
  readonly lastActivity: string;
}

export interface UnitView extends Unit {
  readonly url: string;
  readonly scorecard: Scorecard;
  readonly leadItems: ItemView[];
  readonly supportItems: ItemView[];
}

export interface NoticeView extends Notice {
  readonly slug: string;
  readonly url: string;
  readonly entry: CollectionEntry<'notices'>;
}

export interface ReplyView extends PublishedReply {
  readonly url: string;
  readonly entry: CollectionEntry<'replies'>;
  readonly unitInfo: Unit;
  /** The related item, when the reply has one. */
  readonly item: ItemView | undefined;
}

/** The replies of one unit (回复公开, facet by unit). */
export interface ReplyUnit {
  readonly unit: Unit;
  readonly replies: ReplyView[];
}

export interface FacetValue {
  readonly facet: Facet;
  readonly value: string;
  readonly label: string;
  readonly items: ItemView[];
}

export interface Portal {
  /** The build's "today" (China date). */
  readonly today: string;
  /** Newest assignment first. */
  readonly items: ItemView[];
  readonly itemsById: Map<string, ItemView>;
  readonly units: UnitView[];
  readonly unitsById: Map<string, UnitView>;
  readonly regions: Region[];
  readonly regionsById: Map<string, Region>;
  /** Newest first. */
  readonly notices: NoticeView[];
  /** Values of each facet, in display order, with their items (newest first). */
  readonly facets: Record<Facet, FacetValue[]>;
  /** Published replies, newest reply first. */
  readonly replies: ReplyView[];
  /** Replies by related item id (newest first). */
  readonly repliesByItem: Map<string, ReplyView[]>;
  /** Replies by answering unit id, newest first. */
  readonly repliesByUnit: Map<string, ReplyView[]>;
  /** Units that replied, most replies first, with their replies (newest first). */
  readonly replyUnits: ReplyUnit[];
}

let portal: Promise<Portal> | undefined;

/** The portal model, built on first use and then shared by every page of the build. */
export function getPortal(): Promise<Portal> {
  portal ??= build();
  return portal;
}

function byNewest(a: ItemView, b: ItemView): number {
  return b.assignedOn.localeCompare(a.assignedOn) || b.id.localeCompare(a.id);
}

async function build(): Promise<Portal> {
  const today = asOfDate();
  const [itemEntries, unitEntries, regionEntries, noticeEntries, replyEntries] = await Promise.all([
    getCollection('items'),
    getCollection('units'),
    getCollection('regions'),
    getCollection('notices'),
    getCollection('replies'),
  ]);
  // regions.yaml is a list in the editors' order (街道, then 镇, then 乡); the collection comes back by id.
  const regionOrder = new Map(readRegionIds(contentDir()).map((id, i) => [id, i]));
  const regions = regionEntries.map((e) => e.data).sort((a, b) => (regionOrder.get(a.id) ?? 0) - (regionOrder.get(b.id) ?? 0));
  const regionsById = new Map(regions.map((r) => [r.id, r]));
  const unitData = new Map(unitEntries.map((e) => [e.id, e.data]));

  const items: ItemView[] = itemEntries
    .map((entry): ItemView => {
      const item = entry.data;
      const timeline = [...item.updates].sort((a, b) => b.date.localeCompare(a.date));
      return {
        ...item,
        entry,
        url: urls.item(item.id),
        year: item.assignedOn.slice(0, 4),
        lead: unitData.get(item.leadUnit)!,
        supports: item.supportUnits.map((u) => unitData.get(u)!),
        regionInfo: regionsById.get(item.region)!,
        effectiveDeadline: effectiveDeadline(item),
        overdue: isOverdue(item, today),
        daysOverdue: daysOverdue(item, today),
        daysLeft: daysLeft(item, today),
        completion: completion(item),
        daysLate: daysLate(item),
        daysToComplete: daysToComplete(item),
        timeline,
        lastActivity: timeline[0]?.date ?? item.assignedOn,
      };
    })
    .sort(byNewest);
  const itemsById = new Map(items.map((i) => [i.id, i]));

  const units: UnitView[] = unitEntries
    .map((e) => ({
      ...e.data,
      url: urls.unit(e.id),
      scorecard: scorecard(e.id, items, today),
      leadItems: items.filter((i) => i.leadUnit === e.id),
      supportItems: items.filter((i) => i.supportUnits.includes(e.id)),
    }))
    .sort((a, b) => b.scorecard.led - a.scorecard.led || a.id.localeCompare(b.id));
  const unitsById = new Map(units.map((u) => [u.id, u]));

  const notices: NoticeView[] = noticeEntries
    .map((entry) => ({ ...entry.data, slug: entry.id, url: urls.notice(entry.id), entry }))
    .sort((a, b) => b.date.localeCompare(a.date) || a.slug.localeCompare(b.slug));

  const group = (facet: Facet, key: (i: ItemView) => string, values: [string, string][]): FacetValue[] =>
    values.map(([value, label]) => ({ facet, value, label, items: items.filter((i) => key(i) === value) }));
  const years = [...new Set(items.map((i) => i.year))].sort().reverse();
  const facets: Record<Facet, FacetValue[]> = {
    status: group('status', (i) => i.status, Object.entries(statusLabels)),
    unit: group('unit', (i) => i.leadUnit, units.filter((u) => u.scorecard.led > 0).map((u) => [u.id, u.name])),
    support: units
      .filter((u) => u.supportItems.length > 0)
      .map((u) => ({ facet: 'support' as const, value: u.id, label: u.name, items: u.supportItems })),
    category: group('category', (i) => i.category, Object.entries(categoryLabels)),
    region: group('region', (i) => i.region, regions.map((r) => [r.id, r.name])),
    year: group('year', (i) => i.year, years.map((y) => [y, `${y}年`])),
  };

  const replies: ReplyView[] = replyEntries
    .map((entry) => ({ ...entry.data, url: urls.reply(entry.id), entry, unitInfo: unitData.get(entry.data.unit)!, item: entry.data.itemId ? itemsById.get(entry.data.itemId) : undefined }))
    .sort((a, b) => b.repliedOn.localeCompare(a.repliedOn) || b.trackingNumber.localeCompare(a.trackingNumber));
  // One pass; each list stays newest first, as `replies` is.
  const repliesByItem = new Map<string, ReplyView[]>();
  const repliesByUnit = new Map<string, ReplyView[]>();
  const add = (m: Map<string, ReplyView[]>, key: string, r: ReplyView) => (m.get(key) ?? m.set(key, []).get(key)!).push(r);
  for (const r of replies) {
    if (r.itemId) add(repliesByItem, r.itemId, r);
    add(repliesByUnit, r.unit, r);
  }
  const replyUnits: ReplyUnit[] = [...repliesByUnit]
    .map(([id, list]) => ({ unit: unitData.get(id)!, replies: list }))
    .sort((a, b) => b.replies.length - a.replies.length || a.unit.id.localeCompare(b.unit.id));

  return { today, items, itemsById, units, unitsById, regions, regionsById, notices, facets, replies, repliesByItem, repliesByUnit, replyUnits };
}
