/**
 * axe-core (WCAG 2.2 A and AA) finds nothing on any page template, in the standard mode and in 关怀版.
 * (Reflow, text and target sizes at 320, 390 and 1280 px: layout.browser.test.ts.)
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
