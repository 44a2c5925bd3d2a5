/**
 * Progress updates as a stream (home page "latest updates", Atom feeds), and the Atom serialiser.
 * Atom (RFC 4287) rather than RSS: every entry needs a stable id and an updated time, which Atom has.
 * Layer: site/ — imports domain/ and site/; never functions/, infra/, scripts/ or tests/.
 */
import type { Item } from '../../domain/content/index.ts';

export interface UpdateEntry<I> {
  readonly item: I;
  readonly update: Item['updates'][number];
  /** Position of the update within its item, for a stable entry id. */
  readonly index: number;
}

/** The newest `count` updates over all `items`, newest first (ties: item id, then position). */
export function latestUpdates<I extends Pick<Item, 'id' | 'updates'>>(items: readonly I[], count: number): UpdateEntry<I>[] {
  const all: UpdateEntry<I>[] = [];
  for (const item of items) item.updates.forEach((update, index) => all.push({ item, update, index }));
  return all
    .sort((a, b) => b.update.date.localeCompare(a.update.date) || a.item.id.localeCompare(b.item.id) || b.index - a.index)
    .slice(0, count);
}

export interface AtomEntry {
  readonly id: string;
  readonly title: string;
  readonly link: string;
  /** YYYY-MM-DD China date. */
  readonly updated: string;
  readonly author: string;
  readonly content: string;
  readonly categories?: readonly string[];
}

export interface AtomFeed {
  readonly id: string;
  readonly title: string;
  readonly subtitle?: string;
  readonly link: string;
  readonly self: string;
  readonly updated: string;
  readonly author: string;
  readonly entries: readonly AtomEntry[];
}

export function escapeXml(s: string): string {
  return s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!)
    // XML 1.0 forbids most control characters; editors' text should never hold them, but never emit them.
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '');
}

/** A China date as an RFC 3339 timestamp at midnight in Asia/Shanghai. */
function stamp(date: string): string {
  return `${date}T00:00:00+08:00`;
}

export function renderAtom(feed: AtomFeed): string {
  const e = escapeXml;
  const entries = feed.entries
    .map(
      (x) => `  <entry>
    <id>${e(x.id)}</id>
    <title>${e(x.title)}</title>
    <link rel="alternate" type="text/html" href="${e(x.link)}"/>
    <updated>${stamp(x.updated)}</updated>
    <author><name>${e(x.author)}</name></author>
${(x.categories ?? []).map((c) => `    <category term="${e(c)}"/>\n`).join('')}    <content type="text">${e(x.content)}</content>
  </entry>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">
  <id>${e(feed.id)}</id>
  <title>${e(feed.title)}</title>
${feed.subtitle ? `  <subtitle>${e(feed.subtitle)}</subtitle>\n` : ''}  <link rel="alternate" type="text/html" href="${e(feed.link)}"/>
  <link rel="self" type="application/atom+xml" href="${e(feed.self)}"/>
  <updated>${stamp(feed.updated)}</updated>
  <author><name>${e(feed.author)}</name></author>
${entries}
</feed>
`;
}

/** The Atom feed of progress updates over `items` (all of them, or one unit's). */
export function updatesFeed<I extends Pick<Item, 'id' | 'title' | 'updates'> & { url: string }>(options: {
  items: readonly I[];
  site: URL | string | undefined;
  selfPath: string;
  title: string;
  subtitle?: string;
  author: string;
  today: string;
  count: number;
  unitName: (id: string) => string;
}): string {
  const base = new URL('/', options.site ?? 'http://localhost:4321');
  const latest = latestUpdates(options.items, options.count);
  return renderAtom({
    id: new URL(options.selfPath, base).href,
    title: options.title,
    ...(options.subtitle ? { subtitle: options.subtitle } : {}),
    link: base.href,
    self: new URL(options.selfPath, base).href,
    updated: latest[0]?.update.date ?? options.today,
    author: options.author,
    entries: latest.map(({ item, update, index }) => ({
      id: `${new URL(item.url, base).href}#update-${index}`,
      title: `${item.title}（${options.unitName(update.unit)}，${update.date}）`,
      link: new URL(item.url, base).href,
      updated: update.date,
      author: options.unitName(update.unit),
      content: update.text,
      categories: [item.id],
    })),
  });
}
