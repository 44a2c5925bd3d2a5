/**
 * 回复公开 in the built sample site, file by file: the list (newest reply first, static pages), one page per
 * unit that replied, a searchable page per reply with the question, the reply, the unit, the dates, the kind
 * and the related item, and the 相关答复 list on that item's page. Expectations come from content/replies/.
 */
import { describe, expect, inject, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadSample } from '../helpers/sample.ts';
import { indexedUrls } from '../helpers/dist.ts';
import { PAGE_SIZE } from '../../site/lib/constants.ts';
import { urls } from '../../domain/urls.ts';
import { feedbackKind, replyPage } from '../../domain/labels/zh-CN.ts';

const dist = inject('distDir');
const sample = loadSample();
const read = (rel: string) => readFileSync(path.join(dist, rel), 'utf8');
const page = (url: string) => read(path.posix.join(url.slice(1), 'index.html'));
/** The visible text of some HTML (tags dropped, the entities Astro writes decoded). */
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&#(\d+);/g, (_m, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_m, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
/** Links in the main content, in order. */
const links = (html: string) => [...(/<main[\s\S]*<\/main>/.exec(html)?.[0] ?? '').matchAll(/<a href="([^"]+)"/g)].map((m) => m[1]!);

const replies = [...sample.replies].sort((a, b) => b.data.repliedOn.localeCompare(a.data.repliedOn) || b.id.localeCompare(a.id));

describe('回复公开', () => {
  it('has sample replies that reference existing units and items', () => {
    expect(replies.length).toBeGreaterThanOrEqual(2);
    expect(replies.some((r) => r.data.itemId)).toBe(true);
  });

  it('lists every reply, newest reply first, on static pages', () => {
    const pages = Math.ceil(replies.length / PAGE_SIZE);
    const listed = Array.from({ length: pages }, (_v, i) => links(page(urls.repliesPage(i + 1))).filter((l) => /^\/replies\/DC/.test(l))).flat();
    expect(listed).toEqual(replies.map((r) => urls.reply(r.id)));
    expect(existsSync(path.join(dist, urls.repliesPage(pages + 1).slice(1), 'index.html'))).toBe(false);
    expect(text(page(urls.replies))).toContain(replyPage.count(replies.length));
  });

  it('has a page per unit that replied, listing exactly its replies, linked from the list and the unit page', () => {
    const units = [...new Set(replies.map((r) => r.data.unit))];
    for (const unit of units) {
      const html = page(urls.repliesByUnit(unit));
      const own = replies.filter((r) => r.data.unit === unit).map((r) => urls.reply(r.id));
      expect(links(html).filter((l) => /^\/replies\/DC/.test(l)), unit).toEqual(own);
      expect(html).toContain(`<h1>${replyPage.unitTitle(sample.units.get(unit)!.name)}</h1>`);
      expect(links(page(urls.replies))).toContain(urls.repliesByUnit(unit));
      expect(links(page(urls.unit(unit)))).toContain(urls.repliesByUnit(unit));
    }
    for (const unit of sample.units.keys()) {
      if (!units.includes(unit)) expect(existsSync(path.join(dist, 'replies/unit', unit)), unit).toBe(false);
    }
  });

  it.each(replies.map((r) => [r.id, r] as const))('shows %s: question, reply, unit, dates, kind, item; searchable', (_id, r) => {
    const html = page(urls.reply(r.id));
    const body = text(html);
    expect(indexedUrls(dist)).toContain(urls.reply(r.id));
    expect(body).toContain(r.data.title);
    for (const line of r.data.question.split('\n').filter((l) => l.trim())) expect(body).toContain(line.trim());
    // The reply is what the unit wrote, shown as text: every line as it is, never turned into Markdown.
    for (const line of r.body.split('\n').filter((l) => l.trim())) expect(body).toContain(line.trim());
    expect(body).toContain(sample.units.get(r.data.unit)!.name);
    expect(body).toContain(r.data.submittedOn);
    expect(body).toContain(r.data.repliedOn);
    expect(body).toContain(feedbackKind[r.data.kind]);
    expect(links(html)).toContain(urls.repliesByUnit(r.data.unit));
    if (r.data.itemId) expect(links(html)).toContain(urls.item(r.data.itemId));
    // Published text never carries what redaction removes.
    expect(body).not.toMatch(/1[3-9]\d{9}|@[\w-]+\.\w|\d+单元\d+室/);
  });

  it('links each item to its replies under 相关答复, and no other item has that list', () => {
    for (const item of sample.items) {
      const html = page(urls.item(item.id));
      const own = replies.filter((r) => r.data.itemId === item.id);
      if (own.length === 0) {
        expect(html, item.id).not.toContain(replyPage.related);
        continue;
      }
      expect(html).toContain(`<h2 id="related-replies">${replyPage.related}</h2>`);
      const section = /<section aria-labelledby="related-replies">[\s\S]*?<\/section>/.exec(html)![0];
      expect(links(`<main>${section}</main>`)).toEqual(own.map((r) => urls.reply(r.id)));
    }
  });
});
