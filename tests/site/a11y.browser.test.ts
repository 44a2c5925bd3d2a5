/**
 * axe-core (WCAG 2.2 A and AA) finds nothing on any page template, in the standard mode and in 关怀版;
 * every template reflows at 320 px without horizontal scrolling of the page.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { describeViolations, launchBrowser, runAxe, watchErrors } from '../helpers/browser.ts';
import { templateUrls } from './templates.ts';

const base = inject('siteUrl');
const templates = Object.entries(templateUrls());
let browser: Browser;
const contexts: Record<'standard' | 'care', BrowserContext | undefined> = { standard: undefined, care: undefined };

beforeAll(async () => {
  browser = await launchBrowser();
  contexts.standard = await browser.newContext();
  contexts.care = await browser.newContext();
  await contexts.care.addInitScript(() => localStorage.setItem('ducha-care', '1'));
});
afterAll(async () => browser?.close());

describe.each(['standard', 'care'] as const)('accessibility in %s mode', (mode) => {
  it.each(templates)('%s (%s) has no axe-core violations', async (_name, url) => {
    const page = await contexts[mode]!.newPage();
    const errors = watchErrors(page);
    await page.goto(base + url);
    if (url.startsWith('/search/')) await page.waitForSelector('#search-results > li');
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
    expect(await page.evaluate(() => document.documentElement.classList.contains('care'))).toBe(mode === 'care');
    const violations = await runAxe(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    expect(errors.filter((e) => !e.includes('404'))).toEqual([]);
    await page.close();
  });
});

describe('reflow', () => {
  it.each(templates)('%s (%s) fits 320 px wide in both modes', async (_name, url) => {
    for (const mode of ['standard', 'care'] as const) {
      const page = await contexts[mode]!.newPage();
      await page.setViewportSize({ width: 320, height: 640 });
      await page.goto(base + url);
      // Collapsed sections count too: open them all before measuring.
      const width = await page.evaluate(() => {
        document.querySelectorAll('details').forEach((d) => (d.open = true));
        return document.documentElement.scrollWidth;
      });
      expect(width, `${mode} ${url}`).toBeLessThanOrEqual(320);
      await page.close();
    }
  });
});
