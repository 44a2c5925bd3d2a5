/**
 * The portal's data, read from the editors' files once per build (content-source.ts, which also checks them)
 * and shared by every page: items with their derived facts, units with scorecards, regions, notices, standing
 * pages and replies, plus the indexes pages need. Pages only render what this returns; Markdown bodies are
 * rendered by the page that shows them (markdown.ts). Not Astro's content layer: it would keep every entry
 * and its HTML in a data store that the build serialises into its bundle and loads again — for 100,000
 * items hundreds of MB, several times over (npm run bench:build).
 * Layer: site/ — imports domain/ and site/; never functions/, infra/, scripts/ or tests/.
 */
import { formatProblem, type Item, type Notice, type PublishedReply, type Region, type StandingPage, type Unit } from '../../domain/content/index.ts';
import { status as statusLabels, category as categoryLabels } from '../../domain/labels/zh-CN.ts';
import { contentStamp, readContent } from './content-source.ts';
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
import { cacheKey } from './cache-key.ts';

export interface ItemView extends Item {
  readonly url: string;
  readonly year: string;
  /** The description, Markdown. */
  readonly body: string;
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
  /** Changes whenever anything above does (cache-key.ts). */
  readonly digest: string;
  /** The file's revision (domain/items/report.ts), for /data/site-facts.json; not shown, so not in the digest. */
  readonly rev: string;
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
  /** Markdown. */
  readonly body: string;
}

export interface PageView extends StandingPage {
  readonly slug: string;
  /** Markdown. */
  readonly body: string;
}

export interface ReplyView extends PublishedReply {
  readonly url: string;
  /** The reply, Markdown. */
  readonly body: string;
  readonly unitInfo: Unit;
  /** The related item, when the reply has one. */
  readonly item: ItemView | undefined;
  readonly digest: string;
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
  /** Standing pages (/about/, /privacy/ …). */
  readonly pages: PageView[];
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
  /** Changes whenever the browse-by lists (every facet value with its count) or "today" do. */
  readonly browseDigest: string;
}

let portal: { stamp: string; model: Promise<Portal> } | undefined;

/** The portal model, built on first use and then shared by every page of the build (in `astro dev`, rebuilt when a content file changes). */
export function getPortal(): Promise<Portal> {
  const stamp = import.meta.env.DEV ? contentStamp(contentDir()) : '';
  if (!portal || portal.stamp !== stamp) portal = { stamp, model: build() };
  return portal.model;
}

function byNewest(a: ItemView, b: ItemView): number {
  return b.assignedOn.localeCompare(a.assignedOn) || b.id.localeCompare(a.id);
}

async function build(): Promise<Portal> {
  const today = asOfDate();
  // The ledger is read by the statistics pages on their own (site/lib/feedback-stats.ts), not kept here.
  const content = readContent(contentDir(), undefined, { ledger: false });
  if (content.problems.length) throw new Error(content.problems.map(formatProblem).join('\n'));
  const { items: itemEntries, units: unitEntries, notices: noticeEntries, replies: replyEntries } = content;
  // regions.yaml is a list in the editors' order (街道, then 镇, then 乡), which the content keeps.
  const regions = content.regions.map((e) => e.data);
  const regionsById = new Map(regions.map((r) => [r.id, r]));
  const unitData = new Map(unitEntries.map((e) => [e.id, e.data]));

  const items: ItemView[] = itemEntries
    .map((entry): ItemView => {
      const item = entry.data;
      const timeline = [...item.updates].sort((a, b) => b.date.localeCompare(a.date));
      return {
        ...item,
        body: entry.body,
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
        digest: '',
        rev: entry.rev,
      };
    })
    .map(({ rev, ...view }) => ({ ...view, digest: cacheKey(view), rev }))
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
    .map((entry) => ({ ...entry.data, slug: entry.id, url: urls.notice(entry.id), body: entry.body }))
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
    .map((entry) => {
      const item = entry.data.itemId ? itemsById.get(entry.data.itemId) : undefined;
      const view = { ...entry.data, url: urls.reply(entry.id), body: entry.body, unitInfo: unitData.get(entry.data.unit)!, item };
      return { ...view, digest: cacheKey({ ...view, item: item?.digest }) };
    })
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

  const pages: PageView[] = content.pages.map((e) => ({ ...e.data, slug: e.id, body: e.body }));

  const browseDigest = cacheKey(today, Object.values(facets).map((list) => list.map((v) => [v.value, v.label, v.items.length])));

  return { today, items, itemsById, units, unitsById, regions, regionsById, notices, pages, facets, replies, repliesByItem, repliesByUnit, replyUnits, browseDigest };
}
