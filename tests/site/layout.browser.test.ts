/**
 * Every page template as a reader sees it, at 320, 390 and 1280 px wide, in the standard mode and in 关怀版,
 * with real CJK glyphs (Debian's fonts-noto-cjk, installed by .ci/run): nothing scrolls sideways, no text is
 * drawn under 12 px (16 px in 关怀版), no two interactive targets overlap, targets are at least 44 px in
 * 关怀版, and the page's title starts on the first screen. A few screenshots are kept in .cache/screenshots/
 * (a CI artifact) for a person to look at; pixels are never compared.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../helpers/browser.ts';
import { measureLayout, type LayoutReport } from '../helpers/layout.ts';
import { cacheDir } from '../helpers/paths.ts';
import { CARE_STORAGE_KEY } from '../../domain/care-script.ts';
import { templateUrls } from './templates.ts';

const base = inject('siteUrl');
const templates = Object.entries(templateUrls());
const MODES = ['standard', 'care'] as const;
type Mode = (typeof MODES)[number];
/** A small phone, a common phone (390 × 844) and a laptop. */
const SCREENS = [
  { width: 320, height: 568 },
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
] as const;
const RULES: Record<Mode, { minText: number; minTarget: number }> = { standard: { minText: 12, minTarget: 0 }, care: { minText: 16, minTarget: 44 } };
/** Pages kept as pictures, at every screen and in both modes. */
const SHOTS = new Set(['home', 'itemOverdue', 'stats']);
const SCREENSHOT_DIR = path.join(cacheDir, 'screenshots');

let browser: Browser;
/** reports[mode][width][template] */
const reports = new Map<string, Map<string, LayoutReport>>();
const key = (mode: Mode, width: number) => `${mode} ${width}`;

async function visit(page: Page, url: string): Promise<void> {
  await page.goto(base + url);
  if (url.startsWith('/search/')) await page.waitForSelector('#search-results > li');
}

beforeAll(async () => {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  browser = await launchBrowser();
  // One context per mode and one page per screen size, reused across the templates.
  for (const mode of MODES) {
    const context = await browser.newContext();
    if (mode === 'care') await context.addInitScript((k) => localStorage.setItem(k, '1'), CARE_STORAGE_KEY);
    const page = await context.newPage();
    for (const screen of SCREENS) {
      await page.setViewportSize(screen);
      const byTemplate = new Map<string, LayoutReport>();
      for (const [name, url] of templates) {
        await visit(page, url);
        if (SHOTS.has(name)) await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}-${screen.width}-${mode}.png`) });
        byTemplate.set(name, await measureLayout(page, RULES[mode]));
      }
      reports.set(key(mode, screen.width), byTemplate);
    }
    await context.close();
  }
}, 600_000);
afterAll(async () => browser?.close());

/** `template (url): detail` for every template whose report has something `pick` returns. */
function offenders(mode: Mode, width: number, pick: (r: LayoutReport) => string[]): string[] {
  return templates.flatMap(([name, url]) => pick(reports.get(key(mode, width))!.get(name)!).map((d) => `${name} (${url}): ${d}`));
}

describe.each(MODES)('layout in %s mode', (mode) => {
  describe.each(SCREENS.map((s) => s.width))('at %i px', (width) => {
    it('scrolls no page sideways', () => {
      expect(offenders(mode, width, (r) => (r.overflow > 0 ? [`${r.overflow}px too wide`] : []))).toEqual([]);
    });

    it(`draws no text under ${RULES[mode].minText} px`, () => {
      expect(offenders(mode, width, (r) => r.smallText)).toEqual([]);
    });

    it('lets no two interactive targets overlap', () => {
      expect(offenders(mode, width, (r) => r.overlaps)).toEqual([]);
    });

    it.runIf(RULES[mode].minTarget > 0)(`makes every target at least ${RULES[mode].minTarget} px`, () => {
      expect(offenders(mode, width, (r) => r.smallTargets)).toEqual([]);
    });

    it("starts every page's title on the first screen", () => {
      expect(offenders(mode, width, (r) => (r.titleOnFirstScreen ? [] : ['title below the first screen']))).toEqual([]);
    });
  });
});
