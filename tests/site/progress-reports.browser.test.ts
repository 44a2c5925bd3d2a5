/**
 * Units' reports to the public page, in Chromium against the test portal: a unit signs in → sees its items
 * with their flags → reports progress and asks for an extension → a reviewer returns the progress report
 * with a note and approves the extension → the unit revises and resubmits → approved → `npm run
 * progress:export` on a copy of the content changes exactly the expected lines of the item file (the
 * editor's comment and key order kept) → a rebuild of the copy shows the update and the extension record.
 * The steps share state and run in order.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { routePath } from '../../domain/api/routes.ts';
import type { MyItem } from '../../domain/api/staff.ts';
import { addDays, chinaDate } from '../../domain/dates.ts';
import { reportLabels, reportPage } from '../../domain/labels/zh-CN.ts';
import { urls } from '../../domain/urls.ts';
import { startLocalServer, type LocalServer } from '../../functions/local/server.ts';
import { readItemFacts } from '../../site/lib/site-facts.ts';
import { launchBrowser, watchErrors } from '../helpers/browser.ts';
import { root } from '../helpers/paths.ts';
import { signIn, staffCall, staffToken, unexpected } from '../helpers/staff-console.ts';

const run = promisify(execFile);
const base = inject('siteUrl');
const dataDir = inject('dataDir');
const today = chinaDate(new Date());
// An open item whose file carries an editor's comment (the export must keep it), with room to progress and extend,
// whose lead unit no other browser test works with.
const commented = (id: string) => readFileSync(path.join(root, 'content', 'items', id.split('-')[1]!, `${id}.md`), 'utf8').split('\n').some((l) => l.startsWith('#'));
const item = readItemFacts(path.join(root, 'content')).find((i) => i.status === 'in_progress' && i.extensions?.length === 0 && i.leadUnit !== 'water' && i.deadline! > today && (i.progress ?? 100) < 90 && commented(i.id))!;
const first = '完成第二批设备安装调试';
const revised = '完成第二批 12 台设备安装调试';
const reason = '设备到货推迟需顺延安装';
const newDeadline = addDays(item.deadline!, 30);
const progress = item.progress! + 5;

let browser: Browser;
let work: string;
let unitToken: string;
let reviewerToken: string;
let site: LocalServer | undefined;

beforeAll(async () => {
  browser = await launchBrowser();
  work = mkdtempSync(path.join(os.tmpdir(), 'ducha-progress-'));
  unitToken = await staffToken(dataDir, 'unit', item.leadUnit);
  reviewerToken = await staffToken(dataDir, 'reviewer');
});
afterAll(async () => {
  await site?.close();
  await browser?.close();
  rmSync(work, { recursive: true, force: true });
});

async function signedIn(token: string): Promise<{ page: Page; errors: string[] }> {
  const page = await (await browser.newContext()).newPage();
  const errors = watchErrors(page);
  await signIn(page, base, token);
  return { page, errors };
}
const article = (page: Page, id: string) => page.locator('article', { has: page.locator(`h3#i-${id}`) });

describe('from a unit’s report to the public item page', () => {
  it('a unit sees its items with their flags', async () => {
    const { page, errors } = await signedIn(unitToken);
    await page.getByRole('heading', { name: reportPage.myItems }).waitFor();
    const api = (await staffCall(base, unitToken, routePath('myItems'))).json.items as MyItem[];
    expect(api.some((i) => i.id === item.id)).toBe(true);
    for (const i of api) {
      const text = await article(page, i.id).innerText();
      for (const f of i.flags) expect(text).toContain(reportLabels.flag[f]);
    }
    expect(unexpected(errors)).toEqual([]);
    await page.context().close();
  });

  it('reports progress and asks for an extension', async () => {
    const { page, errors } = await signedIn(unitToken);
    const a = article(page, item.id);
    await a.locator('summary', { hasText: reportLabels.kind.progress }).first().click();
    await page.fill(`#${item.id}-progress-date`, today);
    await page.fill(`#${item.id}-progress-text`, first);
    await page.fill(`#${item.id}-progress-progress`, String(progress));
    await a.locator(`form[aria-label$="${reportLabels.kind.progress}"] button[type=submit]`).click();
    await expect.poll(() => a.innerText()).toContain(`${reportLabels.kind.progress}：${reportLabels.status.pending}`);
    await a.locator('summary', { hasText: reportLabels.kind.extension }).click();
    await page.fill(`#${item.id}-extension-newDeadline`, newDeadline);
    await page.fill(`#${item.id}-extension-reason`, reason);
    await a.locator(`form[aria-label$="${reportLabels.kind.extension}"] button[type=submit]`).click();
    await expect.poll(() => a.innerText()).toContain(`${reportLabels.kind.extension}：${reportLabels.status.pending}`);
    expect(unexpected(errors)).toEqual([]);
    await page.context().close();
  });

  it('a reviewer returns the progress report with a note and approves the extension', async () => {
    const { page, errors } = await signedIn(reviewerToken);
    const report = (kind: string) => page.locator('article', { has: page.locator('h3', { hasText: `${item.id} ${item.title} · ${kind}` }) });
    await report(reportLabels.kind.progress).locator('textarea[name=note]').fill('请补充完成的具体数量');
    await report(reportLabels.kind.progress).getByRole('button', { name: reportPage.return }).click();
    await expect.poll(() => report(reportLabels.kind.progress).count()).toBe(0);
    await report(reportLabels.kind.extension).getByRole('button', { name: reportPage.approve }).click();
    await expect.poll(() => report(reportLabels.kind.extension).count()).toBe(0);
    expect(unexpected(errors)).toEqual([]);
    await page.context().close();
  });

  it('the unit revises the returned report and resubmits it; the reviewer approves', async () => {
    const { page, errors } = await signedIn(unitToken);
    const a = article(page, item.id);
    await expect.poll(() => a.innerText()).toContain('请补充完成的具体数量');
    await a.locator('summary', { hasText: reportPage.resubmit }).click();
    const text = a.locator('textarea[name=text]').first();
    await text.fill(revised);
    await a.getByRole('button', { name: reportPage.resubmit }).click();
    await expect.poll(() => a.innerText()).toContain(`${reportLabels.kind.progress}：${reportLabels.status.pending}`);
    await page.context().close();
    const reviewer = await signedIn(reviewerToken);
    const r = reviewer.page.locator('article', { has: reviewer.page.locator('h3', { hasText: `${item.id} ${item.title} · ${reportLabels.kind.progress}` }) });
    expect(await r.innerText()).toContain(revised);
    await r.getByRole('button', { name: reportPage.approve }).click();
    await expect.poll(() => r.count()).toBe(0);
    expect(unexpected([...errors, ...reviewer.errors])).toEqual([]);
    await reviewer.page.context().close();
  });

  let content: string;
  it('progress:export changes exactly the expected lines of the item file', async () => {
    content = path.join(work, 'content');
    cpSync(path.join(root, 'content'), content, { recursive: true });
    const file = path.join(content, 'items', item.id.split('-')[1]!, `${item.id}.md`);
    const before = readFileSync(file, 'utf8');
    const { stdout } = await run(process.execPath, [path.join(root, 'scripts/progress-export.ts'), '--api', base, '--content', content, '--data', dataDir], { cwd: root, env: { ...process.env, DUCHA_AS_OF: today } });
    expect(stdout.split('\n')[0]).toContain(item.id);
    const lines = before.split('\n');
    // The sample item carries an editor's comment in its front matter: the export must keep it.
    expect(lines.some((l) => l.startsWith('#'))).toBe(true);
    const updatesAt = lines.indexOf('updates:');
    let end = updatesAt + 1;
    while (/^\s+\S/.test(lines[end]!)) end++;
    const expected = [...lines];
    expected.splice(end, 0, `  - date: ${today}`, `    unit: ${item.leadUnit}`, `    text: ${revised}`);
    expected[expected.indexOf(`progress: ${item.progress}`)] = `progress: ${progress}`;
    expected.splice(lines.findIndex((l) => l.startsWith('deadline:')) + 1, 0, 'extensions:', `  - requestedOn: ${today}`, `    newDeadline: ${newDeadline}`, `    reason: ${reason}`, `    approvedBy: ${reportLabels.approvedBy}`);
    expect(readFileSync(file, 'utf8')).toBe(expected.join('\n'));
  }, 60_000);

  it('a rebuild shows the update and the extension record on the item page', async () => {
    const dist = path.join(work, 'dist');
    await run(process.execPath, [path.join(root, 'scripts/build.ts'), '--content', content, '--out', dist, '--cache', path.join(work, 'cache')], {
      cwd: root,
      env: { ...process.env, DUCHA_AS_OF: today, ASTRO_TELEMETRY_DISABLED: '1' },
      maxBuffer: 64 * 1024 * 1024,
    });
    site = await startLocalServer({ distDir: dist, port: 0 });
    const page = await (await browser.newContext()).newPage();
    await page.goto(site.url + urls.item(item.id));
    const main = await page.innerText('main');
    expect(main).toContain(revised);
    expect(main).toContain(reason);
    expect(main).toContain(newDeadline);
    expect(main).toContain(reportLabels.approvedBy);
    await page.context().close();
  }, 240_000);
});
