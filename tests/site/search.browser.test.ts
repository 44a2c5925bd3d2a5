/**
 * Chinese full-text search with Pagefind in Chromium: queries (two-character words, longer phrases, unit
 * and place names) find the items the sample content says they should, titles rank first, filters narrow.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, watchErrors } from '../helpers/browser.ts';
import { loadSample, type SampleItem } from '../helpers/sample.ts';
import { itemField, pages, status as statusLabels } from '../../domain/labels/zh-CN.ts';

const base = inject('siteUrl');
const sample = loadSample();
let browser: Browser;
let page: Page;
let errors: string[];

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage();
  errors = watchErrors(page);
});
afterAll(async () => browser?.close());

interface Result {
  url: string;
  meta: string;
  /** The labelled facts: label → value. */
  facts: Record<string, string>;
  excerpt: string;
}

/** Run a search through the page's own form and return every result (following 显示更多结果). */
async function search(q: string, filters: Record<string, string> = {}): Promise<Result[]> {
  const params = new URLSearchParams({ q, ...filters });
  await page.goto(`${base}/search/?${params}`);
  await page.waitForFunction(() => /找到|没有找到|不可用/.test(document.getElementById('search-status')?.textContent ?? ''));
  const more = page.locator('#search-more');
  while (await more.isVisible()) {
    const before = await page.locator('#search-results > li').count();
    await more.click();
    await page.waitForFunction((n) => document.querySelectorAll('#search-results > li').length > n, before);
  }
  return page.$$eval('#search-results > li', (lis) =>
    lis.map((li) => ({
      url: new URL(li.querySelector('a')!.href).pathname,
      meta: li.querySelector('.meta')?.textContent ?? '',
      facts: Object.fromEntries([...li.querySelectorAll('.meta dt')].map((dt) => [dt.textContent ?? '', dt.nextElementSibling?.textContent ?? ''])),
      excerpt: (li.querySelector('.excerpt')?.textContent ?? '').replace(/[\s\u200b]/g, ''),
    })),
  );
}

const itemUrl = (i: SampleItem) => `/items/${i.id}/`;

/** Words and phrases: every item whose title holds the words must be found, and a title match ranks first. */
const TITLE_QUERIES = ['欠薪', '电梯', '噪声', '学位', '医保', '公交', '养老', '油烟', '扬尘', '垃圾', '老旧小区', '农贸市场'];

describe('Chinese search', () => {
  it.each(TITLE_QUERIES)('finds every item titled with “%s”, a title match first', async (q) => {
    const expected = sample.items.filter((i) => i.title.includes(q)).map(itemUrl);
    expect(expected.length, `sample has items titled with ${q}`).toBeGreaterThan(0);
    const results = await search(q);
    const urls = results.map((r) => r.url);
    for (const url of expected) expect(urls, `${q} → ${url}`).toContain(url);
    expect(expected, `first result for ${q}`).toContain(urls[0]);
  });

  it.each(['水务局', '教育局', '住房和城乡建设局'])('finds the items a unit leads by its name “%s”', async (q) => {
    const unit = [...sample.units.values()].find((u) => u.name.endsWith(q))!;
    const expected = sample.items.filter((i) => i.leadUnit === unit.id).map(itemUrl);
    expect(expected.length).toBeGreaterThan(0);
    const urls = (await search(q)).map((r) => r.url);
    for (const url of expected) expect(urls, `${q} → ${url}`).toContain(url);
  });

  it('finds items by place name', async () => {
    const expected = sample.items.filter((i) => i.regionName === '柳溪乡' && i.title.includes('柳溪乡')).map(itemUrl);
    expect(expected.length).toBeGreaterThan(0);
    const urls = (await search('柳溪乡')).map((r) => r.url);
    for (const url of expected) expect(urls).toContain(url);
  });

  it('shows status, lead unit and deadline on each item result', async () => {
    const results = await search('改造');
    const items = results.filter((r) => r.url.startsWith('/items/'));
    expect(items.length).toBeGreaterThan(3);
    for (const r of items) {
      const item = sample.items.find((i) => itemUrl(i) === r.url)!;
      expect(r.meta).toContain(statusLabels[item.status]);
      expect(r.meta).toContain(item.leadName);
      expect(r.meta).toContain(item.effectiveDeadline);
    }
  });

  it('labels each item result’s status, lead unit and deadline as parts of their own', async () => {
    const results = (await search('改造')).filter((r) => r.url.startsWith('/items/'));
    expect(results.length).toBeGreaterThan(3);
    for (const r of results) {
      const item = sample.items.find((i) => itemUrl(i) === r.url)!;
      expect(r.facts).toEqual({ [itemField.status]: statusLabels[item.status], [itemField.leadUnit]: item.leadName, [itemField.effectiveDeadline]: item.effectiveDeadline });
    }
  });

  it('shows the summary of an item found by its title, not the title again or a list of keywords', async () => {
    const item = sample.items.find((i) => i.title.includes('电梯'))!;
    const hit = (await search('电梯')).find((r) => r.url === itemUrl(item))!;
    const squash = (s: string) => s.replace(/\s/g, '');
    expect(hit.excerpt.startsWith(squash(item.summary).slice(0, 8)), hit.excerpt).toBe(true);
    expect(hit.excerpt).not.toContain(squash(item.title));
  });

  it('shows the passage around the match when the match is in the text', async () => {
    // A word from an item's description that none of the titles carries.
    const item = sample.items.find((i) => /12345/.test(i.body) && !sample.items.some((j) => j.title.includes('12345')))!;
    const hit = (await search('12345')).find((r) => r.url === itemUrl(item));
    expect(hit, 'item found by a word of its description').toBeDefined();
    expect(hit!.excerpt).toContain('12345');
  });

  it.each([['養老', '养老'], ['老舊小區改造', '老旧小区改造']])('finds for the traditional “%s” what “%s” finds', async (traditional, simplified) => {
    const expected = (await search(simplified)).map((r) => r.url);
    expect(expected.length, `sample has results for ${simplified}`).toBeGreaterThan(0);
    const found = (await search(traditional)).map((r) => r.url);
    expect(found).toEqual(expected);
    expect(await page.textContent('#search-status')).toContain(pages.searchConverted(simplified));
  });

  it('narrows results with each filter, and only to matching items', async () => {
    const all = await search('改造');
    const cases: [string, string, (i: SampleItem) => boolean][] = [
      ['status', statusLabels.completed, (i) => i.status === 'completed'],
      ['year', '2025', (i) => i.year === '2025'],
      ['region', sample.regions.get('nanyuan')?.name ?? '南苑街道', (i) => i.regionName === (sample.regions.get('nanyuan')?.name ?? '南苑街道')],
      ['unit', sample.units.get('housing')!.name, (i) => i.leadUnit === 'housing'],
      ['category', '民生实事', (i) => i.category === 'livelihood'],
    ];
    for (const [key, value, matches] of cases) {
      const narrowed = await search('改造', { [key]: value });
      expect(narrowed.length, `${key}=${value}`).toBeGreaterThan(0);
      expect(narrowed.length, `${key}=${value}`).toBeLessThan(all.length);
      for (const r of narrowed) {
        const item = sample.items.find((i) => itemUrl(i) === r.url);
        expect(item && matches(item), `${key}=${value}: ${r.url}`).toBe(true);
      }
    }
  });

  it('finds notices too', async () => {
    const notice = sample.notices[0]!;
    const word = notice.data.title.slice(0, 4);
    const urls = (await search(word)).map((r) => r.url);
    expect(urls.some((u) => u.startsWith('/notices/'))).toBe(true);
  });

  it('explains itself without JavaScript and offers the browse-by-facet links', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const plain = await context.newPage();
    await plain.goto(`${base}/search/?q=${encodeURIComponent('电梯')}`);
    const noscript = (await plain.locator('noscript').textContent()) ?? '';
    expect(noscript).toContain(pages.searchNoScript);
    const facetLinks = await plain.$$eval('#search-browse a', (as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(facetLinks.some((h) => h.startsWith('/items/status/'))).toBe(true);
    expect(facetLinks.some((h) => h.startsWith('/items/unit/'))).toBe(true);
    await context.close();
  });

  it('raises no CSP or script errors', () => {
    expect(errors).toEqual([]);
  });
});
