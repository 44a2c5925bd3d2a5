/**
 * The built sample site, file by file: every page exists, open data and feeds agree with the content,
 * content pages carry no JavaScript but the care-mode toggle and no web fonts, the CSP is strict, and the
 * byte budgets for slow phones hold (gzip sizes are deterministic, so these are tests, not benchmarks).
 */
import { describe, expect, inject, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { htmlFiles, indexedUrls, pageIsland } from '../helpers/dist.ts';
import type { SearchManifest } from '../../domain/search.ts';
import { loadSample } from '../helpers/sample.ts';
import { CARE_SCRIPT, careScriptHash } from '../../domain/care-script.ts';
import { FIELDS } from '../../site/lib/opendata.ts';
import * as z from 'zod/mini';
import { siteFactsSchema, siteIndex, type SiteFacts } from '../../domain/api/site-facts.ts';
import { readSiteFacts } from '../../site/lib/site-facts.ts';
import { apiPages } from '../helpers/api-pages.ts';
import { root, TEST_AS_OF } from '../helpers/paths.ts';
import { formatRate, scorecard } from '../../domain/items/derived.ts';
import { unitField } from '../../domain/labels/zh-CN.ts';
import { urls } from '../../domain/urls.ts';

const dist = inject('distDir');
const sample = loadSample();
const read = (rel: string) => readFileSync(path.join(dist, rel), 'utf8');

/** Pages that carry an island (search); every other page is a content page. */
const ISLAND_PAGES = [/^search\//, /^feedback\//, /^staff\//];

const gz = (s: string | Buffer) => gzipSync(s, { level: 9 }).length;

/** Gzip bytes of a page's HTML plus the stylesheets it links. */
function pageWeight(rel: string): number {
  const html = read(rel);
  let total = gz(html);
  for (const m of html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)) total += gz(readFileSync(path.join(dist, m[1]!)));
  return total;
}

describe('built site', () => {
  const files = htmlFiles(dist);

  it('has a page for every item, unit, notice, standing page and the fixed sections', () => {
    for (const i of sample.items) expect(existsSync(path.join(dist, `items/${i.id}/index.html`)), i.id).toBe(true);
    for (const u of sample.units.keys()) expect(existsSync(path.join(dist, `units/${u}/index.html`)), u).toBe(true);
    for (const n of sample.notices) expect(existsSync(path.join(dist, `notices/${n.id}/index.html`)), n.id).toBe(true);
    for (const r of sample.replies) expect(existsSync(path.join(dist, `replies/${r.id}/index.html`)), r.id).toBe(true);
    for (const p of ['about', 'privacy', 'accessibility']) expect(existsSync(path.join(dist, `${p}/index.html`)), p).toBe(true);
    for (const p of ['index.html', '404.html', 'items/index.html', 'units/index.html', 'stats/index.html', 'search/index.html', 'notices/index.html', 'replies/index.html', 'data/index.html', 'staff/index.html']) {
      expect(existsSync(path.join(dist, p)), p).toBe(true);
    }
  });

  it('declares zh-CN on every page', () => {
    for (const f of files) expect(read(f), f).toMatch(/^<!DOCTYPE html><html lang="zh-CN"/);
  });

  it('ships no JavaScript on content pages except the inline care-mode toggle (≤ 1 KB)', () => {
    expect(Buffer.byteLength(CARE_SCRIPT)).toBeLessThanOrEqual(1024);
    for (const f of files.filter((f) => !ISLAND_PAGES.some((r) => r.test(f)))) {
      const scripts = [...read(f).matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
      expect(scripts.map((s) => s[2]), f).toEqual([CARE_SCRIPT]);
      expect(scripts[0]![1], f).not.toMatch(/src=/);
    }
  });

  it('uses no web fonts', () => {
    const all = readdirSync(dist, { recursive: true }).map(String);
    expect(all.filter((f) => /\.(woff2?|ttf|otf|eot)$/i.test(f))).toEqual([]);
    for (const css of all.filter((f) => f.endsWith('.css') && !f.startsWith('pagefind'))) {
      expect(readFileSync(path.join(dist, css), 'utf8'), css).not.toMatch(/@font-face|@import/);
    }
  });

  it('sets a strict CSP on every page: hashes, no unsafe-inline scripts, wasm allowed for Pagefind', () => {
    for (const f of files) {
      const csp = /<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(read(f))?.[1];
      expect(csp, f).toBeDefined();
      const scriptSrc = csp!.split(';').find((d) => d.trim().startsWith('script-src'))!;
      expect(scriptSrc, f).not.toContain('unsafe-inline');
      expect(scriptSrc, f).toContain("'wasm-unsafe-eval'");
      expect(scriptSrc, f).toContain(`'${careScriptHash()}'`);
      expect(csp, f).toContain("object-src 'none'");
    }
  });

  it('explains on a unit page, in words, why 100% on time and overdue items can stand side by side', () => {
    const [id, s] = [...sample.units.keys()].map((u) => [u, scorecard(u, sample.items, TEST_AS_OF)] as const).find(([, c]) => c.onTimeRate === 1 && c.overdueNow > 0) ?? [];
    expect(s, 'a sample unit with every completed item on time and one overdue now').toBeDefined();
    const html = read(`units/${id}/index.html`);
    expect(html).toContain(unitField.rateExplained(s!.completed, s!.completedOnTime, formatRate(s!.onTimeRate)));
    expect(html).toContain(unitField.overdueExplained(s!.overdueNow));
  });

  it('gives every page an icon, the pages the API renders too', () => {
    const pages = [...files.map((f) => [f, read(f)]), ...Object.entries(apiPages())];
    for (const [name, html] of pages) expect(html, name).toContain(`<link rel="icon" href="${urls.icon}" type="image/svg+xml"`);
    expect(existsSync(path.join(dist, urls.icon))).toBe(true);
  });

  it('answers /favicon.ico, which browsers ask for whatever a page says', async () => {
    const res = await fetch(`${inject('siteUrl')}/favicon.ico`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^image\//);
    expect(Buffer.from(await res.arrayBuffer()).subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0]));
  });

  it('keeps pages within the byte budgets for 2G/3G (gzip HTML + CSS)', () => {
    const itemPages = sample.items.map((i) => `items/${i.id}/index.html`);
    const listPages = files.filter((f) => /^items\/(?:\d+\/|(?:status|unit|category|region|year)\/)/.test(f) || f === 'items/index.html');
    const heaviest = (list: string[]) => Math.max(...list.map(pageWeight));
    expect(listPages.length).toBeGreaterThan(20);
    expect(heaviest(itemPages)).toBeLessThanOrEqual(14 * 1024);
    expect(pageWeight('index.html')).toBeLessThanOrEqual(30 * 1024);
    expect(heaviest(listPages)).toBeLessThanOrEqual(30 * 1024);
    expect(pageWeight('stats/index.html')).toBeLessThanOrEqual(60 * 1024);
    // 回复公开: a reply reads like an item page, its lists like item lists.
    const replyPages = sample.replies.map((r) => `replies/${r.id}/index.html`);
    const replyLists = files.filter((f) => /^replies\/(?:\d+\/|unit\/)/.test(f) || f === 'replies/index.html');
    expect(replyPages.length).toBeGreaterThan(0);
    expect(heaviest(replyPages)).toBeLessThanOrEqual(14 * 1024);
    expect(heaviest(replyLists)).toBeLessThanOrEqual(30 * 1024);
    // 群众留言办理情况: charts like the statistics page; a ledger page of 200 rows like a list.
    const feedbackPages = files.filter((f) => /^stats\/feedback\/(?:\d{4}(?:-\d{2})?\/)?index\.html$/.test(f));
    const ledgerPages = files.filter((f) => f.startsWith('stats/feedback/ledger/'));
    expect(feedbackPages.length).toBeGreaterThan(2);
    expect(heaviest(feedbackPages)).toBeLessThanOrEqual(60 * 1024);
    expect(heaviest(ledgerPages)).toBeLessThanOrEqual(30 * 1024);
  });

  it('publishes items.json with the derived facts of every item', () => {
    const records = JSON.parse(read('data/items.json')) as Record<string, unknown>[];
    expect(records).toHaveLength(sample.items.length);
    const byId = new Map(records.map((r) => [r.id, r]));
    for (const i of sample.items) {
      const r = byId.get(i.id)!;
      expect(r, i.id).toMatchObject({
        title: i.title,
        status: i.status,
        overdue: i.overdue,
        leadUnit: i.leadUnit,
        supportUnits: i.supportUnits,
        category: i.category,
        region: i.region,
        assignedOn: i.assignedOn,
        deadline: i.deadline,
        effectiveDeadline: i.effectiveDeadline,
        completedOn: i.completedOn ?? null,
        progress: i.progress,
      });
      expect(r.url).toBe(`http://localhost:4321/items/${i.id}/`);
    }
  });

  it('publishes the facts the API reads: every unit, region and item, in the shape its loader checks', () => {
    const facts: unknown = JSON.parse(read(urls.siteFacts.slice(1)));
    expect(z.safeParse(siteFactsSchema, facts).success).toBe(true);
    const index = siteIndex(facts as SiteFacts);
    expect([...index.itemIds].sort()).toEqual(sample.items.map((i) => i.id).sort());
    expect([...index.regionIds].sort()).toEqual([...sample.regions.keys()].sort());
    expect(new Map(index.unitList.map((u) => [u.id, u]))).toEqual(new Map([...sample.units].map(([id, u]) => [id, { id, name: u.name, shortName: u.shortName }])));
    // The local portal builds the same facts from content/ (scripts/lib/portal.ts).
    const local = siteIndex(readSiteFacts(path.join(root, 'content')));
    expect([...local.itemIds].sort()).toEqual([...index.itemIds].sort());
    expect([...local.regionIds].sort()).toEqual([...index.regionIds].sort());
    expect(new Set(local.unitList.map((u) => u.id))).toEqual(new Set(index.unitList.map((u) => u.id)));
  });

  it('publishes items.csv (UTF-8 BOM) with the columns datapackage.json describes', () => {
    const csv = read('data/items.csv');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const pkg = JSON.parse(read('data/datapackage.json'));
    const resource = pkg.resources.find((r: { path: string }) => r.path === 'items.csv');
    const header = csv.slice(1).split('\r\n')[0]!.split(',');
    expect(header).toEqual(resource.schema.fields.map((f: { name: string }) => f.name));
    expect(header).toEqual(FIELDS.map((f) => f.name));
    expect(resource.encoding).toBe('utf-8-sig');
    // One line per item plus the header (no field in the sample spans lines).
    expect(csv.trimEnd().split('\r\n')).toHaveLength(sample.items.length + 1);
  });

  it('publishes Atom feeds for all updates and for each unit', () => {
    const feed = read('feed.xml');
    expect(feed).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom" xml:lang="zh-CN">/);
    const newest = sample.items.flatMap((i) => i.updates.map((u) => u.date)).sort().at(-1)!;
    expect(feed).toContain(`<updated>${newest}T00:00:00+08:00</updated>`);
    expect((feed.match(/<entry>/g) ?? []).length).toBe(Math.min(50, sample.items.reduce((n, i) => n + i.updates.length, 0)));
    for (const u of sample.units.keys()) expect(existsSync(path.join(dist, `units/${u}/feed.xml`)), u).toBe(true);
  });

  it('lists public pages in the sitemap and leaves out the 404 page and the staff console', () => {
    const sitemap = read('sitemap-0.xml');
    for (const i of sample.items) expect(sitemap).toContain(`/items/${i.id}/</loc>`);
    for (const r of sample.replies) expect(sitemap).toContain(`/replies/${r.id}/</loc>`);
    expect(sitemap).not.toContain('/404');
    expect(sitemap).not.toContain('/staff/');
    expect(sitemap).toContain('/privacy/</loc>');
  });

  it('indexes every item, notice and published reply for search, each once', () => {
    const expected = [...sample.items.map((i) => `/items/${i.id}/`), ...sample.notices.map((n) => `/notices/${n.id}/`), ...sample.replies.map((r) => `/replies/${r.id}/`)];
    expect(indexedUrls(dist).sort()).toEqual(expected.sort());
  });

  it('keeps the search island light: its script ≤ 8 KB gzip, the traditional-character converter loaded on demand ≤ 30 KB', () => {
    const { modules, workers } = pageIsland(dist, 'search/index.html');
    expect(workers).toEqual([]);
    expect(modules.reduce((n, f) => n + gz(readFileSync(path.join(dist, f))), 0)).toBeLessThanOrEqual(8 * 1024);
    const converter = readdirSync(path.join(dist, '_astro')).filter((f) => f.startsWith('traditional-convert.'));
    expect(converter).toHaveLength(1);
    expect(modules.some((m) => m.includes('traditional-convert.'))).toBe(false);
    expect(gz(readFileSync(path.join(dist, '_astro', converter[0]!)))).toBeLessThanOrEqual(30 * 1024);
  });

  it('cuts the search index into year shards, the manifest naming each with its pages and the default years', () => {
    const manifest = JSON.parse(read('pagefind/shards.json')) as SearchManifest;
    const years = [...new Set([...sample.items.map((i) => i.year), ...sample.notices.map((n) => n.data.date.slice(0, 4)), ...sample.replies.map((r) => r.data.repliedOn.slice(0, 4))])].sort().reverse();
    expect(manifest.years).toEqual(years);
    expect(manifest.shards.map((s) => s.year)).toEqual(years);
    expect(manifest.shards.reduce((n, s) => n + s.pages, 0)).toBe(sample.items.length + sample.notices.length + sample.replies.length);
    // The sample city is small: the default search covers every shard.
    expect(manifest.scope).toEqual(manifest.shards.map((s) => s.id));
    expect(manifest.since).toBeNull();
    for (const s of manifest.shards) expect(existsSync(path.join(dist, 'pagefind', s.id, 'pagefind.js')), s.id).toBe(true);
  });

  it('publishes attachments at their content path', () => {
    for (const i of sample.items) for (const a of i.attachments) expect(existsSync(path.join(dist, a.file)), a.file).toBe(true);
  });
});
