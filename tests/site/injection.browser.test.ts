/**
 * No live markup on any built page, whatever is put into content: the injection corpus (tests/helpers/
 * payloads.ts) goes into every path that reaches a page — an item (body, title, summary, progress update),
 * a notice, a standing page, and a published reply (title, question, body, as replies:export writes it) —
 * and a fixture site is built from it. Every page, and the search results for the payloads, are loaded in
 * Chromium and checked for scripts, meta refreshes, frames, forms, event attributes, `javascript:`/`data:`
 * links, CSS expressions and foreign images. Editors' Markdown still renders (headings, lists, tables,
 * allowed links); a unit's reply shows its text as text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { CARE_SCRIPT } from '../../domain/care-script.ts';
import { urls } from '../../domain/urls.ts';
import { replyPage } from '../../domain/labels/zh-CN.ts';
import { startLocalServer, type LocalServer } from '../../functions/local/server.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { baseItem, markdown, writeContent } from '../helpers/content-fixture.ts';
import { htmlFiles } from '../helpers/dist.ts';
import { root, TEST_AS_OF } from '../helpers/paths.ts';
import { ALL_PAYLOADS, checkPage, HTML_PAYLOADS, MARKER } from '../helpers/payloads.ts';
import { replyFile } from '../../scripts/lib/reply-file.ts';

const TRACKING = 'DC2607-7KQ2XT';
const corpus = ALL_PAYLOADS.join('\n\n');
/** Editors' Markdown that must survive the allowlist. */
const LEGIT = '## 办理要求\n\n1. 第一项\n2. 第二项\n\n| 单位 | 时限 |\n| --- | --- |\n| 水务局 | 6 月 |\n\n[政策原文](https://www.gov.cn/) [本站事项](/items/)';
const short = `${HTML_PAYLOADS[0]}标题`;

let dist = '';
let server: LocalServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  const content = writeContent({
    items: {
      '2026/DC-2026-014.md': {
        data: baseItem({ title: short, summary: `${HTML_PAYLOADS[9]}${HTML_PAYLOADS[1]}`.slice(0, 200), updates: [{ date: '2026-03-01', unit: 'water', text: corpus.slice(0, 1000) }], tags: ['<b>标签</b>'] }),
        body: `${LEGIT}\n\n${corpus}`,
      },
    },
    notices: { '2026-03-01-launch.md': markdown({ title: short, date: '2026-03-01' }, corpus) },
    pages: { 'about.md': markdown({ title: short, updated: '2026-03-01', description: HTML_PAYLOADS[1] }, corpus) },
    files: {
      // As replies:export writes an approved reply.
      [`replies/${TRACKING}.md`]: replyFile({ trackingNumber: TRACKING, title: short, kind: 'item_feedback', unit: 'water', unitName: '示例市水务局', submittedAt: '2026-07-20T02:00:00.000Z', repliedAt: '2026-07-31T02:00:00.000Z', itemId: 'DC-2026-014', question: corpus, reply: corpus }),
    },
  });
  dist = path.join(mkdtempSync(path.join(os.tmpdir(), 'ducha-injection-')), 'dist');
  execFileSync(process.execPath, [path.join(root, 'scripts/build.ts'), '--out', dist, '--content', content, '--cache', path.join(path.dirname(dist), 'cache')], {
    cwd: root,
    env: { ...process.env, DUCHA_AS_OF: TEST_AS_OF, ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  server = await startLocalServer({ distDir: dist, port: 0 });
  browser = await launchBrowser();
  page = await browser.newPage();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const check = () => page.evaluate(checkPage, { careScript: CARE_SCRIPT, marker: MARKER });

describe('the injection corpus', () => {
  it('leaves no live markup on any built page', async () => {
    const pages = htmlFiles(dist).map((f) => `/${f.replace(/index\.html$/, '').split(path.sep).join('/')}`);
    expect(pages.length).toBeGreaterThan(10);
    const found: Record<string, string[]> = {};
    for (const url of pages) {
      await page.goto(`${server.url}${url}`);
      const live = await check();
      if (live.length) found[url] = live;
    }
    expect(found).toEqual({});
  }, 120_000);

  it('leaves no live markup in the search results for the payloads', async () => {
    await page.goto(`${server.url}${urls.search}?q=${MARKER}`);
    await page.waitForFunction(() => /找到|没有找到|不可用/.test(document.getElementById('search-status')?.textContent ?? ''));
    expect(await page.locator('#search-results > li').count()).toBeGreaterThan(0);
    expect(await check()).toEqual([]);
  });

  it('shows a published reply as the text it is: every payload readable, none of it markup', async () => {
    await page.goto(`${server.url}${urls.reply(TRACKING)}`);
    for (const heading of [replyPage.question, replyPage.reply]) {
      const text = await page.locator(`article h2:text-is("${heading}") + .prose`).innerText();
      for (const p of ALL_PAYLOADS) expect(text, `${heading}: ${p}`).toContain(p);
    }
  });

  it("renders editors' Markdown through the allowlist: headings, lists, tables and allowed links stay", async () => {
    await page.goto(`${server.url}${urls.item('DC-2026-014')}`);
    const prose = page.locator('.prose').first();
    expect(await prose.locator('h2', { hasText: '办理要求' }).count()).toBe(1);
    expect(await prose.locator('ol > li').count()).toBe(2);
    expect(await prose.locator('table td', { hasText: '水务局' }).count()).toBe(1);
    expect(await prose.locator('a[href="https://www.gov.cn/"]').count()).toBe(1);
    expect(await prose.locator('a[href="/items/"]').count()).toBe(1);
    // The text inside refused markup is kept; the markup is not.
    expect(await prose.innerText()).toContain('点击查看');
    expect(readFileSync(path.join(dist, 'items/DC-2026-014/index.html'), 'utf8')).not.toMatch(/<(script|iframe|form|object|embed|base)[\s>][^>]*evil/i);
  });
});
