/**
 * What search knows of each searchable page, built from the content model (not from the built HTML): a
 * small HTML document per item, notice and published reply, with the same data-pagefind-* marks the pages
 * used to carry. The text reads in the order a citizen reads the page — summary, description, progress,
 * outcome — so an excerpt is a passage of prose; the codes and names a citizen may search by (unit, region,
 * category, source, tags, number) close the record as one labelled sentence. Result metadata (status, unit,
 * deadline, date) and filters use the labels the search page offers (domain/labels/zh-CN.ts).
 * Layer: scripts/ — may import any layer but tests/; only scripts/ and tests/ import it.
 */
import type { Content, Entry } from '../../site/lib/content-source.ts';
import type { Item, Notice, PublishedReply, Region, Unit } from '../../domain/content/index.ts';
import { category, feedbackKind, itemField, nav, replyPage, source, status, timeliness } from '../../domain/labels/zh-CN.ts';
import { completion, effectiveDeadline, isOverdue } from '../../domain/items/derived.ts';
import { urls } from '../../domain/urls.ts';

export interface SearchRecord {
  readonly url: string;
  /** The date that places the page in a shard: assignment, notice date, reply date. */
  readonly date: string;
  readonly html: string;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** One empty element per `key:value` pair: Pagefind reads one pair per data-pagefind-meta / -filter attribute. */
const marks = (attr: string, entries: [string, string | undefined][]) =>
  entries.filter(([, v]) => v).map(([k, v]) => `<span data-pagefind-${attr}="${escapeHtml(`${k}:${v}`)}"></span>`).join('');

/** Plain text of editors' Markdown (paragraphs, lists, emphasis, links, headings, tables), for indexing. */
export function markdownText(md: string): string {
  return md
    .replace(/<[^>]*>/g, ' ')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)/gm, '')
    .replace(/^\s*\|?\s*:?-{3,}.*$/gm, '')
    .replace(/[*_`~|]+/g, ' ')
    .replace(/\\([\\`*_{}[\]()#+\-.!])/g, '$1')
    .replace(/[ \t]+/g, ' ')
    .replace(/\s*\n\s*/g, '\n')
    .trim();
}

function page(title: string, attrs: { meta: [string, string | undefined][]; filters: [string, string | undefined][] }, parts: string[]): string {
  const body = parts.filter(Boolean).map((p) => `<p>${escapeHtml(p)}</p>`).join('');
  return `<!DOCTYPE html><html lang="zh-CN"><body><article data-pagefind-body><h1 data-pagefind-weight="10">${escapeHtml(title)}</h1>${body}${marks('meta', attrs.meta)}${marks('filter', attrs.filters)}</article></body></html>`;
}

/** One labelled sentence: `牵头单位：水务局；所属区域：城关街道`. */
const facts = (list: [string, string | undefined][]) => list.filter(([, v]) => v).map(([k, v]) => `${k}：${v}`).join('；') + '。';

export function itemRecord(entry: Entry<Item>, shard: string, units: Map<string, Unit>, regions: Map<string, Region>, today: string): SearchRecord {
  const item = entry.data;
  const lead = units.get(item.leadUnit)!;
  const region = regions.get(item.region)!;
  const done = completion(item);
  const timely = isOverdue(item, today) ? timeliness.overdue : done === 'late' ? timeliness.late : done === 'on_time' ? timeliness.onTime : undefined;
  const updates = [...item.updates].sort((a, b) => b.date.localeCompare(a.date)).map((u) => u.text);
  const html = page(
    item.title,
    {
      meta: [['status', status[item.status]], ['unit', lead.name], ['deadline', effectiveDeadline(item)]],
      filters: [['status', status[item.status]], ['unit', lead.name], ['category', category[item.category]], ['region', region.name], ['shard', shard]],
    },
    [
      item.summary,
      markdownText(entry.body),
      ...updates,
      ...item.extensions.map((e) => `${itemField.reason}：${e.reason}`),
      item.statusReason ? `${itemField.statusReason}：${item.statusReason}` : '',
      item.outcome ?? '',
      ...item.attachments.map((a) => a.title),
      facts([
        [itemField.status, timely ? `${status[item.status]}（${timely}）` : status[item.status]],
        [itemField.leadUnit, lead.name],
        [itemField.supportUnits, item.supportUnits.map((u) => units.get(u)!.name).join('、')],
        [itemField.region, region.name],
        [itemField.category, category[item.category]],
        [itemField.source, source[item.source]],
        [itemField.tags, item.tags.join('、')],
        [itemField.id, item.id],
      ]),
    ],
  );
  return { url: urls.item(item.id), date: item.assignedOn, html };
}

export function noticeRecord(entry: Entry<Notice>, shard: string): SearchRecord {
  const n = entry.data;
  const html = page(n.title, { meta: [['date', n.date]], filters: [['type', nav.notices], ['shard', shard]] }, [markdownText(entry.body)]);
  return { url: urls.notice(entry.id), date: n.date, html };
}

export function replyRecord(entry: Entry<PublishedReply>, shard: string, units: Map<string, Unit>, itemTitles: Map<string, string>): SearchRecord {
  const r = entry.data;
  const unit = units.get(r.unit)!;
  const html = page(
    r.title,
    { meta: [['section', replyPage.searchLabel], ['unit', unit.name], ['date', r.repliedOn]], filters: [['shard', shard]] },
    [
      r.question,
      markdownText(entry.body),
      facts([
        [replyPage.kind, feedbackKind[r.kind]],
        [replyPage.unit, unit.name],
        [replyPage.item, r.itemId ? `${r.itemId} ${itemTitles.get(r.itemId) ?? ''}`.trim() : undefined],
        [replyPage.trackingNumber, r.trackingNumber],
      ]),
    ],
  );
  return { url: urls.reply(r.trackingNumber), date: r.repliedOn, html };
}

export interface SearchSource {
  /** The date that places the page in a shard: assignment, notice date, reply date. */
  readonly date: string;
  /** The page's record, built when its shard is indexed (a record carries its shard as a filter). */
  readonly record: (shard: string) => SearchRecord;
}

/** Every searchable page: items, notices, published replies. */
export function searchSources(content: Content, today: string): SearchSource[] {
  const units = new Map(content.units.map((u) => [u.id, u.data]));
  const regions = new Map(content.regions.map((r) => [r.id, r.data]));
  const itemTitles = new Map(content.items.map((i) => [i.id, i.data.title]));
  return [
    ...content.items.map((e) => ({ date: e.data.assignedOn, record: (shard: string) => itemRecord(e, shard, units, regions, today) })),
    ...content.notices.map((e) => ({ date: e.data.date, record: (shard: string) => noticeRecord(e, shard) })),
    ...content.replies.map((e) => ({ date: e.data.repliedOn, record: (shard: string) => replyRecord(e, shard, units, itemTitles) })),
  ];
}
