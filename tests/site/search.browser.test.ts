/**
 * Chinese full-text search with Pagefind in Chromium: queries (two-character words, longer phrases, unit
 * and place names) find the items the sample content says they should, titles rank first, filters narrow.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, watchErrors } from '../helpers/browser.ts';
import { loadSample, type SampleItem } from '../helpers/sample.ts';
import { status as statusLabels } from '../../domain/labels/zh-CN.ts';

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
    lis.map((li) => ({ url: new URL(li.querySelector('a')!.href).pathname, meta: li.querySelector('.meta')?.textContent ?? '' })),
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

  it('raises no CSP or script errors', () => {
    expect(errors).toEqual([]);
  });
});
