/**
 * Browsing without JavaScript: facet pages list exactly the right items across their pages, the header
 * search box still leads somewhere useful, 关怀版 is remembered across pages and meets its sizes, feeds
 * parse as XML, and item pages print cleanly.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, watchErrors } from '../helpers/browser.ts';
import { loadSample, type SampleItem } from '../helpers/sample.ts';
import { FACETS, urls, type Facet } from '../../domain/urls.ts';
import { nav } from '../../domain/labels/zh-CN.ts';

const base = inject('siteUrl');
const sample = loadSample();
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

/** Item links on a listing page and all its following pages (via 下一页). */
async function listedItems(page: Page, start: string): Promise<string[]> {
  const ids: string[] = [];
  let next: string | null = start;
  while (next) {
    await page.goto(base + next);
    ids.push(...(await page.$$eval('ul.items > li :is(h2, h3) a', (as) => as.map((a) => a.getAttribute('href')!.split('/')[2]!))));
    next = await page.evaluate(() => document.querySelector('a[rel="next"]')?.getAttribute('href') ?? null);
  }
  return ids;
}

const facetValue: Record<Exclude<Facet, 'support'>, (i: SampleItem) => string> = {
  status: (i) => i.status,
  unit: (i) => i.leadUnit,
  category: (i) => i.category,
  region: (i) => i.region,
  year: (i) => i.year,
};

describe('browsing without JavaScript', () => {
  let page: Page;
  beforeAll(async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    page = await context.newPage();
  });

  it('lists every item, newest first, across the paginated list', async () => {
    const ids = await listedItems(page, urls.items);
    const expected = [...sample.items].sort((a, b) => b.assignedOn.localeCompare(a.assignedOn) || b.id.localeCompare(a.id)).map((i) => i.id);
    expect(ids).toEqual(expected);
  });

  it.each(FACETS)('lists exactly the right items on every %s facet page', async (f) => {
    const facet = f as Exclude<Facet, 'support'>;
    const values = [...new Set(sample.items.map(facetValue[facet]))];
    expect(values.length).toBeGreaterThan(1);
    for (const value of values) {
      const ids = await listedItems(page, urls.facet(facet, value));
      const expected = sample.items.filter((i) => facetValue[facet](i) === value).map((i) => i.id);
      expect(ids.sort(), `${facet}=${value}`).toEqual(expected.sort());
    }
  });

  it("lists each unit's supporting items on its support pages", async () => {
    for (const unit of sample.units.keys()) {
      const expected = sample.items.filter((i) => i.supportUnits.includes(unit)).map((i) => i.id).sort();
      if (expected.length === 0) continue;
      expect((await listedItems(page, urls.facet('support', unit))).sort(), unit).toEqual(expected);
    }
  });

  it('sends the header search box to the search page, which offers the facet pages', async () => {
    await page.goto(`${base}/items/`);
    await page.fill('#site-q', '电梯');
    await page.press('#site-q', 'Enter');
    await page.waitForURL(/\/search\/\?q=/);
    expect(await page.locator('noscript').count()).toBe(1);
    const facetLinks = await page.$$eval('#search-browse a', (as) => as.map((a) => a.getAttribute('href')));
    expect(facetLinks).toContain(urls.facet('status', 'completed'));
    expect(facetLinks.length).toBeGreaterThan(10);
  });

  it('hides the care-mode button when it cannot work', async () => {
    await page.goto(`${base}/`);
    expect(await page.locator('#care-toggle').isVisible()).toBe(false);
  });
});

describe('关怀版 (elderly mode)', () => {
  it('is remembered across pages and meets its sizes', async () => {
    const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
    const errors = watchErrors(page);
    await page.goto(`${base}/`);
    const toggle = page.locator('#care-toggle');
    expect(await toggle.textContent()).toBe(nav.careOn);
    await toggle.click();
    expect(await toggle.textContent()).toBe(nav.careOff);
    await page.click('nav.nav a[href="/items/"]');
    await page.waitForURL(/\/items\/$/);
    expect(await page.evaluate(() => document.documentElement.classList.contains('care'))).toBe(true);
    const m = await page.evaluate(() => {
      const body = getComputedStyle(document.body);
      const p = document.querySelector('main p')!;
      const targets = [...document.querySelectorAll('nav a, button:not([hidden]), input, select, .pager a')].map((e) => e.getBoundingClientRect()).filter((r) => r.width > 0);
      return {
        fontSize: parseFloat(body.fontSize),
        lineHeight: parseFloat(body.lineHeight) / parseFloat(body.fontSize),
        paragraphGap: parseFloat(getComputedStyle(p).marginBottom) / parseFloat(getComputedStyle(p).fontSize),
        smallestTarget: Math.min(...targets.map((r) => Math.min(r.width, r.height))),
      };
    });
    expect(m.fontSize).toBeGreaterThanOrEqual(24);
    expect(m.lineHeight).toBeGreaterThanOrEqual(1.5);
    expect(m.paragraphGap).toBeGreaterThan(m.lineHeight - 1);
    // MIIT's 适老化 rules ask 44 px; buttons, fields and the navigation give 60 (layout.browser.test.ts checks every target).
    expect(m.smallestTarget).toBeGreaterThanOrEqual(44);
    // and back
    await page.click('#care-toggle');
    await page.goto(`${base}/stats/`);
    expect(await page.evaluate(() => document.documentElement.classList.contains('care'))).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('folds the main navigation into a menu on a phone, which opens without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${base}/`);
    await page.evaluate(() => document.documentElement.classList.add('care'));
    const menu = page.locator('nav.nav .nav-menu');
    const link = menu.locator('a[href="/units/"]');
    expect(await page.locator('nav.nav .nav-bar').isVisible()).toBe(false);
    expect(await link.isVisible()).toBe(false);
    await menu.locator('summary').click();
    expect(await link.isVisible()).toBe(true);
    await context.close();
  });

  it('hides nothing that the standard mode shows', async () => {
    const page = await browser.newPage();
    const url = `${base}/items/${sample.items.find((i) => i.overdue)!.id}/`;
    await page.goto(url);
    const standard = await page.evaluate(() => document.body.innerText.replace(/\s+/g, ''));
    await page.click('#care-toggle');
    const care = await page.evaluate(() => document.body.innerText.replace(/\s+/g, ''));
    expect(care.replace('标准版', '关怀版')).toBe(standard);
    await page.close();
  });
});

describe('feeds and print', () => {
  it('serves feeds that parse as Atom XML', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/`);
    const unit = [...sample.units.keys()][0]!;
    for (const feed of [urls.feed, urls.unitFeed(unit)]) {
      const result = await page.evaluate(async (u) => {
        const text = await (await fetch(u)).text();
        const doc = new DOMParser().parseFromString(text, 'application/xml');
        return { error: doc.querySelector('parsererror')?.textContent ?? null, root: doc.documentElement.namespaceURI, entries: doc.querySelectorAll('entry').length };
      }, feed);
      expect(result.error, feed).toBeNull();
      expect(result.root).toBe('http://www.w3.org/2005/Atom');
      expect(result.entries, feed).toBeGreaterThan(0);
    }
    await page.close();
  });

  it('prints an item without navigation, with its address', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/items/${sample.items[0]!.id}/`);
    await page.emulateMedia({ media: 'print' });
    const visible = await page.evaluate(() => ({
      nav: getComputedStyle(document.querySelector('nav.nav')!).display,
      header: getComputedStyle(document.querySelector('.masthead')!).display,
      url: getComputedStyle(document.querySelector('.print-url')!).display,
    }));
    expect(visible).toEqual({ nav: 'none', header: 'none', url: 'block' });
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.close();
  });
});
