/**
 * The whole loop, in Chromium against the test portal: a citizen submits feedback on an item through
 * /feedback/ (with JavaScript), leaving personal data in the text → a reviewer signs in at /staff/, accepts
 * and assigns it to the item's lead unit → that unit's staff member signs in and drafts the reply → the
 * reviewer approves (the citizen is notified) → the citizen's lookup shows the reply and takes a rating →
 * `npm run replies:export` writes a redacted content/replies/<tracking>.md into a copy of the content →
 * a rebuild of that copy lists the reply under 回复公开, links it from the item and finds it in search.
 * axe-core checks the console (sign-in, queue, detail with its action forms) in both modes on the way.
 *
 * The steps share state and run in order.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, watchErrors } from '../helpers/browser.ts';
import { expectAccessible, signIn, staffToken, unexpected } from '../helpers/staff-console.ts';
import { loadSample } from '../helpers/sample.ts';
import { root, TEST_AS_OF } from '../helpers/paths.ts';
import { readContent } from '../../site/lib/content-source.ts';
import { urls } from '../../domain/urls.ts';
import { startLocalServer, type LocalServer } from '../../functions/local/server.ts';
import type { OutgoingMessage } from '../../functions/staff/notify.ts';
import { feedbackAction, feedbackKind, feedbackStatus, lookupPage, notification, redaction, replyPage, satisfaction, staffPage as t } from '../../domain/labels/zh-CN.ts';

const run = promisify(execFile);
const base = inject('siteUrl');
const dataDir = inject('dataDir');
const sample = loadSample();
// An item whose lead unit no other browser test assigns to, so that unit's queue holds only this case.
const item = sample.items.find((i) => i.leadUnit === 'water')!;
const unitName = sample.units.get(item.leadUnit)!.name;

/** The citizen's own name, phone, email and house number, written into the text as people do. */
const person = { name: '王建国', phone: '13812345678', email: 'wangjg@example.com', house: '3单元502室' };
const title = '青桐巷排水沟堵塞雨天积水';
const content = `我是${person.name}，住在青桐巷小区${person.house}。小区门口的排水沟堵塞半年了，一下雨就积水到小腿，老人孩子出门很不方便。请尽快疏通。我的电话${person.phone}，邮箱${person.email}。`;
const replyText = '您好！收到留言后，我局于次日到青桐巷实地核查，排水沟确因淤泥和建筑垃圾堵塞。现已完成疏通 320 米，并将该段列入汛前每月巡查。感谢您的监督。';

let browser: Browser;
let work: string;
const state: { trackingNumber?: string; password?: string; reviewerPage?: Page } = {};

beforeAll(async () => {
  browser = await launchBrowser();
  work = mkdtempSync(path.join(os.tmpdir(), 'ducha-loop-'));
});
afterAll(async () => {
  await browser?.close();
  rmSync(work, { recursive: true, force: true });
});

async function newPage(): Promise<{ page: Page; errors: string[] }> {
  const page = await (await browser.newContext()).newPage();
  return { page, errors: watchErrors(page) };
}

describe('from a citizen’s feedback to a published, searchable reply', () => {
  it('a citizen submits feedback on an item through the form, with personal data in the text', async () => {
    const { page, errors } = await newPage();
    await page.goto(base + urls.feedbackFor(item.id));
    await page.fill('#fb-title', title);
    await page.fill('#fb-content', content);
    await page.fill('#fb-name', person.name);
    await page.fill('#fb-phone', person.phone);
    await page.fill('#fb-email', person.email);
    await page.check('input[name="privacyConsent"]');
    await page.check('input[name="allowPublish"]');
    await page.click('#fb-submit');
    await page.locator('#fb-receipt').waitFor({ state: 'visible', timeout: 30_000 });
    state.trackingNumber = await page.innerText('#fb-receipt [data-receipt="trackingNumber"]');
    state.password = await page.innerText('#fb-receipt [data-receipt="password"]');
    expect(unexpected(errors)).toEqual([]);
    await page.context().close();
  });

  it('a reviewer signs in, finds it in the queue, accepts it and assigns it to the item’s lead unit', async () => {
    const { page, errors } = await newPage();
    state.reviewerPage = page;
    await page.goto(`${base}/staff/`);
    await page.locator('#staff-token').waitFor();
    await expectAccessible(page, 'console: sign-in');
    await signIn(page, base, await staffToken(dataDir, 'reviewer', undefined, '李审核'));
    await page.selectOption('#staff-filter-kind', 'item_feedback');
    await page.getByRole('button', { name: t.applyFilters, exact: true }).click();
    const link = page.getByRole('link', { name: title });
    await link.waitFor();
    await expectAccessible(page, 'console: queue');
    expect(await page.locator('.staff-queue li', { has: link }).innerText()).toContain(state.trackingNumber!);
    await link.click();
    await page.locator('#staff-accept-title').waitFor();
    expect(page.url()).toContain(`#/${state.trackingNumber}`);
    expect(await page.locator('.staff-detail .prose').first().innerText()).toBe(content);
    await expectAccessible(page, 'console: detail with its action forms');

    await page.locator('#staff-accept-title + form button[type="submit"]').click();
    await expect.poll(() => page.locator('.staff-detail .note').first().innerText()).toBe(t.done(feedbackAction.accepted, feedbackStatus.accepted));
    await page.check(`#staff-assign-units-${item.leadUnit}`);
    await page.locator('#staff-assign-title + form button[type="submit"]').click();
    await expect.poll(() => page.locator('.staff-detail .note').first().innerText()).toBe(t.done(feedbackAction.assigned, feedbackStatus.in_progress));
    expect(await page.locator('.staff-detail table.facts').innerText()).toContain(unitName);
    expect(unexpected(errors)).toEqual([]);
  });

  it('the unit’s staff member signs in, sees it in their queue and drafts the reply', async () => {
    const { page, errors } = await newPage();
    await signIn(page, base, await staffToken(dataDir, 'unit', item.leadUnit, '赵办理'));
    // Units start on 办理中, where their assigned submissions are.
    const link = page.getByRole('link', { name: title });
    await link.waitFor();
    await link.click();
    await page.locator('#staff-draft-text').waitFor();
    // Units write for their own unit: no choice offered.
    expect(await page.locator('#staff-draft-unit').count()).toBe(0);
    await page.fill('#staff-draft-text', replyText);
    await page.locator('#staff-draft-title + form button[type="submit"]').click();
    await expect.poll(() => page.locator('.staff-detail .note').first().innerText()).toBe(t.done(feedbackAction.reply_drafted, feedbackStatus.in_progress));
    expect(await page.locator('.staff-detail section[aria-labelledby="staff-current-draft-title"]').innerText()).toContain(replyText);
    expect(unexpected(errors)).toEqual([]);
    await page.context().close();
  });

  it('the reviewer approves it, and the citizen is notified with nothing but the number and where to look', async () => {
    const page = state.reviewerPage!;
    await page.reload();
    await page.locator('#staff-approve-title').waitFor();
    await expectAccessible(page, 'console: detail with a draft to approve');
    await page.locator('#staff-approve-title + form button[type="submit"]').click();
    await expect.poll(() => page.locator('.staff-detail .note').first().innerText()).toBe(t.done(feedbackAction.reply_approved, feedbackStatus.replied));
    expect(await page.locator('.staff-detail section[aria-labelledby="staff-reply-title"]').innerText()).toContain(replyText);
    await page.context().close();

    const outbox = path.join(dataDir, 'outbox');
    const messages = readdirSync(outbox)
      .map((f) => JSON.parse(readFileSync(path.join(outbox, f), 'utf8')) as OutgoingMessage)
      .filter((m) => m.trackingNumber === state.trackingNumber);
    expect(messages.map((m) => [m.channel, m.to]).sort()).toEqual([['email', person.email], ['sms', person.phone]]);
    for (const m of messages) {
      expect(m.subject).toBe(notification.subject(state.trackingNumber!));
      // Only the link's path is compared: the local portal writes the port it was asked for (0 in tests).
      expect(m.body.replace(/https?:\/\/[^/\s]+\//, '/')).toBe(notification.body(state.trackingNumber!, urls.feedbackStatus));
    }
  });

  it('the citizen’s lookup shows the reply and takes a rating', async () => {
    const { page, errors } = await newPage();
    await page.goto(`${base}${urls.feedbackStatus}?number=${state.trackingNumber}`);
    await page.fill('#lk-password', state.password!);
    await page.click('#lk-submit');
    await page.locator('#lk-result').waitFor({ state: 'visible' });
    expect(await page.innerText('[data-result="statusLabel"]')).toBe(feedbackStatus.replied);
    const reply = await page.innerText('#lk-reply');
    expect(reply).toContain(replyText);
    expect(reply).toContain(unitName);
    // Staff names and internal steps stay out of the citizen's view.
    expect(await page.innerText('#lk-history')).not.toMatch(/李审核|赵办理/);
    await page.locator('#rating-form').waitFor({ state: 'visible' });
    await page.click('#rt-submit');
    expect(await page.locator('#rt-summary li').allInnerTexts()).toHaveLength(1);
    await expectAccessible(page, 'lookup with a rating error');
    await page.check('input[name="rating"][value="satisfied"]');
    await page.fill('#rt-comment', '处理及时，谢谢。');
    await page.click('#rt-submit');
    await expect.poll(() => page.innerText('#lk-rating-given')).toContain(satisfaction.satisfied);
    expect(await page.isVisible('#rating-form')).toBe(false);
    expect(await page.innerText('#lk-status')).toBe(lookupPage.ratingThanks);
    expect(await page.innerText('#lk-history')).toContain(`${feedbackAction.rated}：${satisfaction.satisfied}`);
    expect(unexpected(errors)).toEqual([]);
    await page.context().close();
  });

  let content2: string;
  it('npm run replies:export writes the reply, with the personal data redacted', async () => {
    content2 = path.join(work, 'content');
    cpSync(path.join(root, 'content'), content2, { recursive: true });
    const out = path.join(content2, 'replies');
    const { stdout } = await run(process.execPath, [path.join(root, 'scripts/replies-export.ts'), '--api', base, '--out', out, '--data', dataDir], { cwd: root });
    expect(stdout).toMatch(/^已导出 \d+ 条公开答复/);
    const file = path.join(out, `${state.trackingNumber}.md`);
    expect(existsSync(file)).toBe(true);
    const text = readFileSync(file, 'utf8');
    for (const value of Object.values(person)) expect(text).not.toContain(value);
    for (const placeholder of [redaction.name, redaction.houseNumber, redaction.mobile, redaction.email]) expect(text).toContain(placeholder);
    // A valid content file, as editors will commit it.
    const read = readContent(content2);
    expect(read.problems).toEqual([]);
    const entry = read.replies.find((r) => r.id === state.trackingNumber)!;
    expect(entry.data).toMatchObject({ title, kind: 'item_feedback', unit: item.leadUnit, itemId: item.id });
    expect(entry.data.question).toBe(
      content.replace(person.name, redaction.name).replace(person.house, redaction.houseNumber).replace(person.phone, redaction.mobile).replace(person.email, redaction.email),
    );
    expect(entry.body).toBe(replyText);
  });

  let site: LocalServer | undefined;
  afterAll(async () => site?.close());

  it('a rebuild lists it under 回复公开, links it from its item, and finds it in search', async () => {
    const dist = path.join(work, 'dist');
    await run(process.execPath, [path.join(root, 'scripts/build.ts'), '--content', content2, '--out', dist, '--cache', path.join(work, 'cache')], {
      cwd: root,
      env: { ...process.env, DUCHA_AS_OF: TEST_AS_OF, ASTRO_TELEMETRY_DISABLED: '1' },
      maxBuffer: 64 * 1024 * 1024,
    });
    site = await startLocalServer({ distDir: dist, port: 0 });
    const { page, errors } = await newPage();
    const replyUrl = urls.reply(state.trackingNumber!);

    await page.goto(site.url + urls.replies);
    const listed = page.locator('.replies li', { has: page.locator(`a[href="${replyUrl}"]`) });
    expect(await listed.innerText()).toContain(title);
    await listed.getByRole('link', { name: title }).click();
    await page.waitForURL(`**${replyUrl}`);
    const body = await page.innerText('main');
    for (const value of Object.values(person)) expect(body).not.toContain(value);
    expect(body).toContain(redaction.mobile);
    expect(body).toContain(replyText);
    expect(body).toContain(feedbackKind.item_feedback);
    expect(await page.getAttribute(`main a[href="${urls.item(item.id)}"]`, 'href')).toBe(urls.item(item.id));

    await page.goto(site.url + urls.item(item.id));
    expect(await page.locator('section[aria-labelledby="related-replies"]').innerText()).toContain(replyPage.related);
    expect(await page.getAttribute(`section[aria-labelledby="related-replies"] a[href="${replyUrl}"]`, 'href')).toBe(replyUrl);

    await page.goto(`${site.url}${urls.search}?q=${encodeURIComponent('青桐巷排水沟')}`);
    await page.waitForFunction(() => /找到|没有找到|不可用/.test(document.getElementById('search-status')?.textContent ?? ''));
    const results = await page.$$eval('#search-results > li', (lis) => lis.map((li) => ({ url: new URL(li.querySelector('a')!.href).pathname, meta: li.querySelector('.meta')?.textContent ?? '' })));
    const hit = results.find((r) => r.url === replyUrl);
    expect(hit, JSON.stringify(results)).toBeDefined();
    expect(hit!.meta).toContain(replyPage.searchLabel);
    expect(hit!.meta).toContain(unitName);
    expect(unexpected(errors)).toEqual([]);
    await page.context().close();
  }, 180_000);
});
