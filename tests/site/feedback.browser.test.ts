/**
 * The feedback form and the lookup in Chromium, against the whole portal (site + API + dynalite):
 * submit → receipt → lookup with and without JavaScript; the same validation messages in the browser as from
 * the API; a submission made offline is delivered exactly once when the connection returns (and a kept one
 * on the next visit); a double submit stores one; the honeypot stays out of people's way.
 * Every submission has its own title, so the rows it left in DynamoDB can be counted.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import * as z from 'zod/mini';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { fetchAltcha } from '../../scripts/lib/altcha.ts';
import { expectAccessible, launchBrowser, watchErrors } from '../helpers/browser.ts';
import { loadSample } from '../helpers/sample.ts';
import { createFeedbackSchema, fromFormFields } from '../../domain/feedback/schema.ts';
import { statusLabel } from '../../domain/feedback/status.ts';
import { tableNamesFromEnv } from '../../functions/store/tables.ts';
import type { LookupResult, Receipt } from '../../domain/api/feedback.ts';
import { feedbackError, feedbackField, feedbackKind, feedbackPage as t, formText, lookupPage } from '../../domain/labels/zh-CN.ts';
import { urls } from '../../domain/urls.ts';
import { chinaDateTime } from '../../domain/dates.ts';
import { fieldErrors, type FieldError } from '../../domain/api/problem.ts';
import { TRACKING_NUMBER } from '../../domain/feedback/tracking-number.ts';
import { formatPassword, normalizePassword, PASSWORD } from '../../domain/feedback/password.ts';
import { otherPassword } from '../helpers/passwords.ts';

const base = inject('siteUrl');
const sample = loadSample();
const regionIds = sample.content.regions.map((r) => r.id);
const schema = createFeedbackSchema({ regionIds });
const PENDING_KEY = 'ducha-feedback-pending';

const db = DynamoDBDocumentClient.from(
  new DynamoDBClient({ endpoint: inject('dynamoEndpoint'), region: 'cn-northwest-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } }),
);
const tables = tableNamesFromEnv();

/** Submission records (sk = META) in the feedback table with this title. */
async function stored(title: string): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db.send(
      new ScanCommand({
        TableName: tables.feedback,
        FilterExpression: 'sk = :meta AND title = :title',
        ExpressionAttributeValues: { ':meta': 'META', ':title': title },
        ConsistentRead: true,
        ...(start ? { ExclusiveStartKey: start } : {}),
      }),
    );
    out.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return out;
}

/** A title no other test uses, within the schema's limits. */
const uniqueTitle = (what: string) => `测试${what}${randomBytes(4).toString('hex')}`;
const CONTENT = '这是浏览器自动化测试提交的留言内容，请工作人员忽略。';

async function lookup(trackingNumber: string, password: string): Promise<{ status: number; body: LookupResult }> {
  const res = await fetch(`${base}/api/feedback/lookup`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ trackingNumber, password }),
  });
  return { status: res.status, body: (await res.json()) as LookupResult };
}

/** The values a citizen types, by the form's field names. */
interface Entry {
  readonly kind?: string;
  readonly itemId?: string;
  readonly region?: string;
  readonly title?: string;
  readonly content?: string;
  readonly 'contact.name'?: string;
  readonly 'contact.phone'?: string;
  readonly 'contact.email'?: string;
  readonly privacyConsent?: boolean;
  readonly allowPublish?: boolean;
}

async function fill(page: Page, entry: Entry): Promise<void> {
  const form = page.locator('#feedback-form');
  for (const [name, value] of Object.entries(entry)) {
    if (name === 'kind') await form.locator(`input[name="kind"][value="${value}"]`).check();
    else if (name === 'region') await form.locator('select[name="region"]').selectOption(String(value));
    else if (typeof value === 'boolean') await form.locator(`input[name="${name}"]`).setChecked(value);
    else await form.locator(`[name="${name}"]`).fill(String(value));
  }
}

/** What the API receives for `entry` when the form is posted (empty fields included, as browsers send them). */
function asPosted(entry: Entry): Record<string, unknown> {
  const fields: Record<string, string> = { itemId: '', region: '', title: '', content: '', 'contact.name': '', 'contact.phone': '', 'contact.email': '', website: '' };
  for (const [k, v] of Object.entries(entry)) {
    if (typeof v === 'boolean') {
      if (v) fields[k] = 'on';
    } else fields[k] = v;
  }
  return fromFormFields(fields);
}

/** The summary line the API's HTML error page and the island both show for an error. */
const summaryLine = (e: FieldError) => `${feedbackField[e.field as keyof typeof feedbackField] ?? e.field}：${e.message}`;

/**
 * Record every text shown in the form's status region (#fb-status) and every step announced beside the
 * submit button (#fb-progress; the proof-of-work step passes quickly in tests).
 */
async function recordStatus(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const logs: Record<string, string[]> = { status: [], progress: [] };
    (window as unknown as { statusLog: Record<string, string[]> }).statusLog = logs;
    const note = (log: string[], text: string) => text && text !== log[log.length - 1] && log.push(text);
    // Watch from the first byte: the island announces before DOMContentLoaded.
    new MutationObserver(() => {
      note(logs.status!, document.getElementById('fb-status')?.textContent ?? '');
      note(logs.progress!, document.querySelector('#fb-progress > span')?.textContent ?? '');
    }).observe(document, { childList: true, subtree: true, characterData: true });
  });
}
const statusLog = (page: Page) => page.evaluate(() => (window as unknown as { statusLog: Record<string, string[]> }).statusLog.status!);
const progressLog = (page: Page) => page.evaluate(() => (window as unknown as { statusLog: Record<string, string[]> }).statusLog.progress!);

async function readReceipt(page: Page): Promise<{ trackingNumber: string; password: string; statusLabel: string }> {
  await page.locator('#fb-receipt').waitFor({ state: 'visible', timeout: 30_000 });
  const text = (name: string) => page.locator(`#fb-receipt [data-receipt="${name}"]`).innerText();
  return { trackingNumber: await text('trackingNumber'), password: await text('password'), statusLabel: await text('statusLabel') };
}

/** The same for a page shown without JavaScript: its HTML is checked in a page that runs scripts (axe needs them). */
async function expectAccessibleHtml(noJsPage: Page, what: string): Promise<void> {
  const html = await noJsPage.content();
  const page = await browser.newPage();
  await page.route(`${base}/__check__`, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
  await page.goto(`${base}/__check__`);
  await expectAccessible(page, what);
  await page.close();
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  db.destroy();
});

describe('the feedback form', () => {
  it('offers the kinds and the regions from the content, and only fields the API knows', async () => {
    const page = await browser.newPage();
    await page.goto(base + urls.feedback);
    const kinds = await page.$$eval('#feedback-form input[name="kind"]', (els) => els.map((e) => [(e as HTMLInputElement).value, (e as HTMLInputElement).labels?.[0]?.textContent]));
    expect(kinds).toEqual(Object.entries(feedbackKind));
    const regions = await page.$$eval('#feedback-form select[name="region"] option', (els) => els.map((e) => [(e as HTMLOptionElement).value, e.textContent]));
    // In the portal's order (by id, which is pinyin), after 不选择.
    // In regions.yaml's order (the editors': 街道, then 镇, then 乡), not by id.
    expect(regions).toEqual([['', t.regionNone], ...sample.content.regions.map((r) => [r.id, r.data.name])]);
    const names = await page.$$eval('#feedback-form [name]', (els) => [...new Set(els.map((e) => e.getAttribute('name')!))]);
    // Every field a plain post sends is one the API's form mapping and schema accept.
    const everything = Object.fromEntries(names.map((n) => [n, n === 'kind' ? 'suggestion' : n === 'idempotencyKey' ? 'abcdefgh12' : n === 'website' ? '' : n === 'contact.phone' ? '13800000000' : n === 'contact.email' ? 'a@example.cn' : n === 'itemId' ? sample.items[0]!.id : n === 'pageUrl' ? urls.item(sample.items[0]!.id) : n === 'region' ? regionIds[0]! : n === 'privacyConsent' || n === 'allowPublish' ? 'on' : CONTENT]));
    const parsed = z.safeParse(schema, fromFormFields(everything));
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    expect(await page.locator('#feedback-form').getAttribute('action')).toBe('/api/feedback');
    await page.close();
  });

  it('keeps the honeypot away from people and assistive technology', async () => {
    const page = await browser.newPage();
    await page.goto(base + urls.feedback);
    const hp = await page.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('input[name="website"]')!;
      const hidden = input.closest('[aria-hidden="true"]');
      const box = (hidden ?? input).getBoundingClientRect();
      const own = input.getBoundingClientRect();
      const hit = document.elementFromPoint(own.x + own.width / 2, own.y + own.height / 2);
      return {
        hiddenFromAt: hidden !== null,
        tabIndex: input.tabIndex,
        autocomplete: input.autocomplete,
        area: box.width * box.height,
        reachable: hit === input || hit === input.labels?.[0],
        label: input.labels?.[0]?.textContent,
      };
    });
    expect(hp).toEqual({ hiddenFromAt: true, tabIndex: -1, autocomplete: 'off', area: expect.any(Number), reachable: false, label: t.honeypotLabel });
    expect(hp.area).toBeLessThanOrEqual(1);
    // Tabbing through the whole form never lands on it.
    await page.locator('#fb-kind').focus();
    const visited: string[] = [];
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const name = await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name || document.activeElement?.id || '');
      visited.push(name);
      if (name === 'fb-submit') break;
    }
    expect(visited).toContain('fb-submit');
    expect(visited).toContain('title');
    expect(visited).not.toContain('website');
    await page.close();
  });
});

describe('with JavaScript', () => {
  let context: BrowserContext;
  beforeAll(async () => {
    context = await browser.newContext();
    await recordStatus(context);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
  });
  afterAll(async () => context?.close());

  describe('feedback on an item, from the form to the lookup (steps in order)', () => {
    const item = sample.items[sample.items.length - 1]!;
    const title = uniqueTitle('事项');
    let page: Page;
    let errors: string[];
    const workers: string[] = [];
    let receipt: Awaited<ReturnType<typeof readReceipt>>;
    beforeAll(async () => {
      page = await context.newPage();
      errors = watchErrors(page);
      page.on('worker', (w) => workers.push(w.url()));
    });
    afterAll(async () => page?.close());

    it('prefills the item from the address (?item=)', async () => {
      await page.goto(base + urls.feedbackFor(item.id));
      expect(await page.inputValue('#fb-itemId')).toBe(item.id);
      expect(await page.isChecked('input[name="kind"][value="item_feedback"]')).toBe(true);
      expect(await page.getAttribute('#fb-item-note a', 'href')).toBe(urls.item(item.id));
      expect(await page.innerText('#fb-item-note')).toContain(t.forItem(item.id));
    });

    it('solves the proof of work in Web Workers and shows the receipt, focused', async () => {
      await fill(page, { region: item.region, title, content: CONTENT, allowPublish: true });
      await page.click('#fb-submit');
      receipt = await readReceipt(page);
      expect(receipt.trackingNumber).toMatch(TRACKING_NUMBER);
      expect(normalizePassword(receipt.password)).toMatch(PASSWORD);
      expect(receipt.password).toBe(formatPassword(normalizePassword(receipt.password)));
      expect(receipt.statusLabel).toBe(statusLabel('received'));
      expect(await progressLog(page)).toEqual([t.verifying, t.submitting]);
      // The proof of work ran in Web Workers (the page stays responsive), allowed by the CSP.
      expect(workers.length).toBeGreaterThan(0);
      expect(workers.every((u) => /\/_astro\/pow-worker[\w.-]*\.js$/.test(u))).toBe(true);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('fb-receipt');
      expect(await page.isVisible('#feedback-form')).toBe(false);
      expect(await page.evaluate((k) => localStorage.getItem(k), PENDING_KEY)).toBeNull();
      await expectAccessible(page, 'receipt');
    });

    it('copies the number and password, and prints the receipt without the buttons', async () => {
      await page.click('#fb-copy');
      await expect.poll(() => page.innerText('#fb-copy-status')).toBe(t.copied);
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(t.copyText(receipt.trackingNumber, receipt.password));
      await page.evaluate(() => {
        window.print = () => document.body.setAttribute('data-printed', '1');
      });
      await page.click('#fb-print');
      expect(await page.getAttribute('body', 'data-printed')).toBe('1');
      await page.emulateMedia({ media: 'print' });
      expect(await page.isVisible('#fb-copy')).toBe(false);
      expect(await page.isVisible('#fb-receipt [data-receipt="password"]')).toBe(true);
      await page.emulateMedia({ media: 'screen' });
    });

    it('stores the submission once, as sent, and shows its time in China time', async () => {
      const rows = await stored(title);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ trackingNumber: receipt.trackingNumber, kind: 'item_feedback', itemId: item.id, region: item.region, verified: true, allowPublish: true, hasContact: false });
      expect(await page.innerText('#fb-receipt [data-receipt="createdAt"]')).toBe(chinaDateTime(rows[0]!.createdAt as string));
    });

    it('links to the lookup with the number, never the password', async () => {
      await page.click('#fb-lookup');
      await page.waitForURL(/\/feedback\/status\/\?number=/);
      expect(await page.inputValue('#lk-number')).toBe(receipt.trackingNumber);
      expect(page.url()).not.toContain(receipt.password);
    });

    it('announces a wrong password in the alert region, with no result', async () => {
      const wrong = otherPassword(receipt.password);
      await page.fill('#lk-password', wrong);
      await page.click('#lk-submit');
      await expect.poll(() => page.innerText('#lk-alert')).toBe(feedbackError.notFound);
      expect(await page.isVisible('#lk-result')).toBe(false);
      await expectAccessible(page, 'lookup failure');
    });

    it('shows the status, the public history and no reply yet for the right password', async () => {
      await page.fill('#lk-password', receipt.password);
      await page.click('#lk-submit');
      await page.locator('#lk-result').waitFor({ state: 'visible' });
      expect(await page.innerText('#lk-alert')).toBe('');
      const api = await lookup(receipt.trackingNumber, receipt.password);
      expect(api.status).toBe(200);
      expect(await page.innerText('[data-result="statusLabel"]')).toBe(statusLabel('received'));
      expect(await page.innerText('[data-result="kind"]')).toBe(feedbackKind.item_feedback);
      expect(await page.innerText('[data-result="title"]')).toBe(title);
      expect(await page.getAttribute('[data-result="itemId"]', 'href')).toBe(urls.item(item.id));
      const history = await page.$$eval('#lk-history li', (lis) => lis.map((li) => ({ at: li.querySelector('time')!.dateTime, text: li.textContent! })));
      expect(history.map((h) => h.at)).toEqual(api.body.history.map((h) => h.at));
      history.forEach((h, i) => expect(h.text).toContain(api.body.history[i]!.label));
      expect(api.body.history.map((h) => h.status)).toEqual(['received']);
      expect(await page.innerText('#lk-reply')).toBe(lookupPage.replyPending);
      await expectAccessible(page, 'lookup result');
      // Only the wrong password's 404 answer shows up in the console.
      expect(errors.filter((e) => !e.includes('404'))).toEqual([]);
    });
  });

  it('shows the schema’s messages by each field and in a focused summary, and sends nothing', async () => {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    const posts: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST') posts.push(r.url());
    });
    await page.goto(base + urls.feedback);
    const entry: Entry = { itemId: 'X-1', title: '短', content: '太短了', 'contact.name': '张三', 'contact.phone': '123', 'contact.email': 'not-an-email' };
    await fill(page, entry);
    await page.click('#fb-submit');
    const parsed = z.safeParse(schema, asPosted(entry));
    expect(parsed.success).toBe(false);
    const expected = fieldErrors(parsed.error!);
    expect(expected.map((e) => e.field)).toEqual(expect.arrayContaining(['kind', 'itemId', 'title', 'content', 'contact.phone', 'contact.email']));

    // The API says the same for the same body.
    const res = await fetch(`${base}/api/feedback`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'Idempotency-Key': `test-${randomBytes(6).toString('hex')}` },
      body: JSON.stringify(asPosted(entry)),
    });
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(((await res.json()) as { errors: FieldError[] }).errors).toEqual(expected);

    await page.locator('#fb-summary').waitFor({ state: 'visible' });
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('fb-summary');
    expect(await page.$$eval('#fb-summary li', (lis) => lis.map((li) => li.textContent))).toEqual(expected.map(summaryLine));
    for (const e of expected) {
      const field = page.locator(`[data-field="${e.field}"]`);
      const error = field.locator('.field-error');
      expect(await error.textContent(), e.field).toBe(`${formText.errorPrefix}${e.message}`);
      const errorId = await error.getAttribute('id');
      const described = await field.evaluate((wrap) => {
        const target = wrap instanceof HTMLFieldSetElement ? wrap : wrap.querySelector('input, select, textarea')!;
        return { by: target.getAttribute('aria-describedby') ?? '', invalid: wrap.querySelector('input, select, textarea')!.getAttribute('aria-invalid') };
      });
      expect(described.by.split(' '), e.field).toContain(errorId);
      expect(described.invalid, e.field).toBe('true');
      // The summary links to the field's control.
      const href = await page.locator('#fb-summary a', { hasText: summaryLine(e) }).getAttribute('href');
      expect(await field.locator(href!).count(), e.field).toBe(1);
    }
    await expectAccessible(page, 'form with errors');
    // Following a link moves focus to the field.
    await page.locator('#fb-summary a', { hasText: summaryLine(expected.find((e) => e.field === 'title')!) }).click();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('title');
    expect(posts).toEqual([]);

    // Corrected fields lose their messages on the next try.
    await fill(page, { kind: 'suggestion', itemId: '', title: uniqueTitle('改'), content: CONTENT, 'contact.name': '', 'contact.phone': '', 'contact.email': '' });
    await page.route('**/api/challenge', (route) => route.abort());
    await page.click('#fb-submit');
    await expect.poll(() => page.isVisible('#fb-summary')).toBe(false);
    expect(await page.locator('.has-error').count()).toBe(0);
    expect(await page.locator('[aria-invalid]').count()).toBe(0);
    await ctx.close();
  });

  it('keeps a submission made offline and delivers it exactly once when the connection returns', async () => {
    const ctx = await browser.newContext();
    await recordStatus(ctx);
    const page = await ctx.newPage();
    await page.goto(base + urls.feedback);
    const title = uniqueTitle('离线');
    await fill(page, { kind: 'clue', title, content: CONTENT, 'contact.phone': '13800138000', privacyConsent: true });
    await ctx.setOffline(true);
    await page.click('#fb-submit');
    await expect.poll(() => page.innerText('#fb-status')).toBe(t.offlineSaved);
    const pending = await page.evaluate((k) => JSON.parse(localStorage.getItem(k) ?? 'null'), PENDING_KEY);
    expect(pending.key).toMatch(/^[A-Za-z0-9_-]{8,100}$/);
    expect(pending.body).toMatchObject({ kind: 'clue', title, content: CONTENT });
    expect(await stored(title)).toHaveLength(0);
    expect(await page.isEnabled('#fb-submit')).toBe(true);

    await ctx.setOffline(false);
    const receipt = await readReceipt(page);
    expect(await statusLog(page)).toContain(t.offlineRetrying);
    expect(await progressLog(page)).toContain(t.verifying);
    expect(await page.evaluate((k) => localStorage.getItem(k), PENDING_KEY)).toBeNull();
    const api = await lookup(receipt.trackingNumber, receipt.password);
    expect(api.status).toBe(200);
    expect(api.body).toMatchObject({ trackingNumber: receipt.trackingNumber, title, status: 'received' });
    const rows = await stored(title);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ trackingNumber: receipt.trackingNumber, hasContact: true, verified: true });
    // Contact details live in their own table, never with the submission.
    expect(JSON.stringify(rows[0])).not.toContain('13800138000');
    await ctx.close();
  });

  it('sends a kept submission on the next visit, and a resend of one that did arrive stores nothing new', async () => {
    const title = uniqueTitle('重发');
    const body = asPosted({ kind: 'suggestion', title, content: CONTENT });
    const key = `test-${randomBytes(12).toString('hex')}`;
    // The first attempt reached the API, but its answer never reached the browser.
    const altcha = await fetchAltcha(base);
    const first = await fetch(`${base}/api/feedback`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'Idempotency-Key': key },
      body: JSON.stringify({ ...body, altcha }),
    });
    expect(first.status).toBe(201);
    const lost = (await first.json()) as Receipt;

    const ctx = await browser.newContext();
    await recordStatus(ctx);
    const page = await ctx.newPage();
    await page.goto(`${base}/`);
    await page.evaluate(([k, v]) => localStorage.setItem(k!, v!), [PENDING_KEY, JSON.stringify({ key, body, savedAt: new Date().toISOString() })]);
    await page.goto(base + urls.feedback);
    const receipt = await readReceipt(page);
    // The receipt prints the password in its groups.
    expect(receipt).toMatchObject({ trackingNumber: lost.trackingNumber, password: formatPassword(lost.password) });
    expect(await statusLog(page)).toContain(t.pendingOnLoad);
    expect(await progressLog(page)).toContain(t.verifying);
    expect(await stored(title)).toHaveLength(1);
    expect(await page.evaluate((k) => localStorage.getItem(k), PENDING_KEY)).toBeNull();
    await ctx.close();
  });

  it('opens from 我要纠错 as a correction of that page, which is stored with it', async () => {
    const item = sample.items[0]!;
    const page = await context.newPage();
    await page.goto(base + urls.correction(urls.item(item.id)));
    expect(await page.isChecked('input[name="kind"][value="correction"]')).toBe(true);
    expect(await page.inputValue('#fb-pageUrl')).toBe(urls.item(item.id));
    expect(await page.getAttribute('#fb-page-note a', 'href')).toBe(urls.item(item.id));
    const title = uniqueTitle('纠错');
    await fill(page, { title, content: CONTENT });
    await page.click('#fb-submit');
    await readReceipt(page);
    expect(await stored(title)).toMatchObject([{ kind: 'correction', pageUrl: urls.item(item.id) }]);
    await page.close();
  });

  it('fills in no address that is not a page of this site', async () => {
    const page = await context.newPage();
    await page.goto(`${base}${urls.feedback}?kind=correction&page=${encodeURIComponent('https://example.com/')}`);
    expect(await page.isChecked('input[name="kind"][value="correction"]')).toBe(true);
    expect(await page.inputValue('#fb-pageUrl')).toBe('');
    await page.close();
  });

  it('shows the proof of work’s progress beside the submit button, announced', async () => {
    // Its own context: a submission held back here must not be waiting in the other tests' storage.
    const own = await browser.newContext();
    const page = await own.newPage();
    // Hold the challenge back, as a slow phone would take its time over the work.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/challenge', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(base + urls.feedback);
    await fill(page, { kind: 'suggestion', title: uniqueTitle('进度'), content: CONTENT });
    await page.click('#fb-submit');
    const progress = page.locator('#fb-progress');
    await expect.poll(() => progress.locator('span').first().innerText()).toBe(t.verifying);
    expect(await progress.getAttribute('role')).toBe('status');
    expect(await page.isDisabled('#fb-submit')).toBe(true);
    const [button, shown] = [(await page.locator('#fb-submit').boundingBox())!, (await progress.boundingBox())!];
    // On the button's row, or right under it: where the person who pressed it is looking.
    expect(shown.y).toBeLessThan(button.y + button.height + 48);
    expect(shown.y + shown.height).toBeGreaterThan(button.y);
    await expect.poll(() => progress.innerText()).toContain(t.verifyingFor(1));
    release();
    await readReceipt(page);
    expect(await progress.innerText()).toBe('');
    await own.close();
  });

  it.each(['a double click', 'two fast submits'])('stores one submission for %s', async (how) => {
    const page = await context.newPage();
    const posts: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/api/feedback')) posts.push(r.url());
    });
    await page.goto(base + urls.feedback);
    const title = uniqueTitle('双击');
    await fill(page, { kind: 'suggestion', title, content: CONTENT });
    if (how === 'a double click') await page.dblclick('#fb-submit');
    else {
      await page.evaluate(() => {
        const form = document.getElementById('feedback-form') as HTMLFormElement;
        form.requestSubmit();
        form.requestSubmit();
      });
    }
    await readReceipt(page);
    expect(posts).toHaveLength(1);
    expect(await stored(title)).toHaveLength(1);
    await page.close();
  });
});

describe('without JavaScript', () => {
  let context: BrowserContext;
  beforeAll(async () => {
    context = await browser.newContext({ javaScriptEnabled: false });
  });
  afterAll(async () => context?.close());

  it('posts the form, shows the API’s receipt page, and the lookup form shows the result page', async () => {
    const page = await context.newPage();
    await page.goto(base + urls.feedback);
    expect(await page.locator('p', { hasText: t.noScriptNote }).isVisible()).toBe(true);
    const title = uniqueTitle('无脚本');
    const region = sample.content.regions[0]!;
    await fill(page, { kind: 'suggestion', region: region.id, title, content: CONTENT, 'contact.email': 'citizen@example.cn', privacyConsent: true });
    await Promise.all([page.waitForURL(/\/api\/feedback$/), page.click('#fb-submit')]);
    expect(await page.innerText('h1')).toBe(t.receiptTitle);
    const cell = (label: string) => page.locator('table.receipt tr', { has: page.locator(`th:text-is("${label}")`) }).locator('td').innerText();
    const trackingNumber = await cell(feedbackField.trackingNumber);
    const password = await cell(feedbackField.password);
    expect(trackingNumber).toMatch(TRACKING_NUMBER);
    expect(password).toBe(formatPassword(normalizePassword(password)));
    expect(normalizePassword(password)).toMatch(PASSWORD);
    expect(await cell(t.receiptStatus)).toContain(statusLabel('received'));
    expect(await cell(t.receiptStatus)).toContain(t.unverified);
    await expectAccessibleHtml(page, 'API receipt page');
    const rows = await stored(title);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ trackingNumber, region: region.id, verified: false, hasContact: true });
    expect(await cell(t.submittedAt)).toBe(chinaDateTime(rows[0]!.createdAt as string));

    await Promise.all([page.waitForURL(/\/feedback\/status\/$/), page.click(`a[href="${urls.feedbackStatus}"].button`)]);
    await page.fill('#lk-number', trackingNumber.toLowerCase());
    await page.fill('#lk-password', password);
    await Promise.all([page.waitForURL(/\/api\/feedback\/lookup$/), page.click('#lk-submit')]);
    expect(await page.innerText('h1')).toBe(lookupPage.lookupResult);
    const api = await lookup(trackingNumber, password);
    const result = (label: string) => page.locator('table.facts tr', { has: page.locator(`th:text-is("${label}")`) }).locator('td').innerText();
    expect(await result(feedbackField.trackingNumber)).toBe(trackingNumber);
    expect(await result(t.receiptStatus)).toBe(statusLabel('received'));
    expect(await result(feedbackField.title)).toBe(title);
    expect(await page.locator('ol.timeline li').count()).toBe(api.body.history.length);
    expect(await page.locator('ol.timeline li').first().innerText()).toContain(statusLabel('received'));
    await expectAccessibleHtml(page, 'API lookup page');
    // The result page never shows contact details.
    expect(await page.content()).not.toContain('citizen@example.cn');
    await page.close();
  });

  describe('a refused form (steps in order)', () => {
    const entry: Entry = { kind: 'suggestion', region: sample.content.regions[1]!.id, itemId: 'X-1', title: '短', content: '太短了，<b>不是标记</b>', 'contact.name': '张三', 'contact.phone': '123', 'contact.email': 'not-an-email', allowPublish: true };
    const expected = () => fieldErrors(z.safeParse(schema, asPosted(entry)).error!);
    let page: Page;
    beforeAll(async () => {
      page = await context.newPage();
      await page.goto(base + urls.feedback);
      await fill(page, entry);
      const [response] = await Promise.all([page.waitForResponse(/\/api\/feedback$/), page.click('#fb-submit')]);
      expect(response.status()).toBe(422);
      await page.locator('#feedback-form').waitFor();
    });
    afterAll(async () => page?.close());

    it('comes back with everything that was typed, as text', async () => {
      const values = await page.evaluate(() => {
        const form = document.getElementById('feedback-form') as HTMLFormElement;
        return Object.fromEntries([...new FormData(form)].filter(([k]) => k !== 'idempotencyKey' && k !== 'website'));
      });
      const typed = Object.fromEntries(Object.entries(entry).map(([k, v]) => [k, v === true ? 'on' : v]));
      expect(values).toEqual({ ...typed, pageUrl: '' });
      expect(await page.locator('#feedback-form b').count()).toBe(0);
    });

    it('lists the problems in a focused summary, linked to their fields, with the island’s messages', async () => {
      expect(await page.$$eval('#fb-summary li', (lis) => lis.map((li) => li.textContent))).toEqual(expected().map(summaryLine));
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('fb-summary');
      await page.click('#fb-summary a[href="#fb-title"]');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('fb-title');
    });

    it('shows each problem beside its field, tied to it for screen readers', async () => {
      for (const e of expected()) {
        const wrap = page.locator(`[data-field="${e.field}"]`);
        expect(await wrap.locator('.field-error').textContent(), e.field).toBe(`${formText.errorPrefix}${e.message}`);
        const control = wrap.locator('input, select, textarea').first();
        expect(await control.getAttribute('aria-invalid'), e.field).toBe('true');
        expect((await control.getAttribute('aria-describedby'))?.split(' ')[0], e.field).toBe(await wrap.locator('.field-error').getAttribute('id'));
      }
      await expectAccessibleHtml(page, 'the form sent back by the API');
    });

    it('is sent again, corrected, from the page it came back on', async () => {
      const title = uniqueTitle('改正');
      await fill(page, { itemId: '', title, content: CONTENT, 'contact.phone': '13800000000', 'contact.email': 'citizen@example.cn', privacyConsent: true });
      await Promise.all([page.waitForResponse(/\/api\/feedback$/), page.click('#fb-submit')]);
      expect(await page.innerText('h1')).toBe(t.receiptTitle);
      expect(await stored(title)).toHaveLength(1);
    });
  });

  it('stores one submission when the submit button is clicked twice', async () => {
    const page = await context.newPage();
    await page.goto(base + urls.feedback);
    const title = uniqueTitle('无脚本双击');
    await fill(page, { kind: 'suggestion', title, content: CONTENT });
    await page.dblclick('#fb-submit');
    // The second click's post replaces the first navigation; wait until the page it leads to has loaded.
    await expect.poll(() => page.url()).toMatch(/\/api\/feedback$/);
    await page.waitForLoadState();
    await page.locator('h1').waitFor();
    expect(await stored(title)).toHaveLength(1);
    await page.close();
  });
});
