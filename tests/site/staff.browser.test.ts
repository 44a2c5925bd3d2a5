/**
 * The staff console (/staff/) in Chromium against the whole test portal (site, APIs, dynalite): signing in
 * with a development token and through a hosted sign-in page with PKCE; the queue's tabs, counts, filters
 * and cursor paging; the detail with its history and every action form, validated with the API's own
 * messages; 409, 401 and 403; keyboard use, focus and announcements; axe-core in both modes; 320 px.
 *
 * Each test works in its own unit (assign → filter by that unit), so counts do not move under it while
 * other test files add submissions.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createHash } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, watchErrors } from '../helpers/browser.ts';
import { act, expectAccessible, expectReflow, openDetail, signIn, staffCall, staffToken, submit, unexpected } from '../helpers/staff-console.ts';
import { loadSample } from '../helpers/sample.ts';
import { FEEDBACK_STATUSES } from '../../domain/feedback/status.ts';
import { contactReadReason, feedbackAction, feedbackError, feedbackKind, feedbackStatus, staffError, staffPage as t, staffRole } from '../../domain/labels/zh-CN.ts';

const base = inject('siteUrl');
const dataDir = inject('dataDir');
const sample = loadSample();
const unitName = (id: string) => sample.units.get(id)!.name;
let browser: Browser;
let reviewer: string;

beforeAll(async () => {
  browser = await launchBrowser();
  reviewer = await staffToken(dataDir, 'reviewer', undefined, '周审核');
});
afterAll(async () => browser?.close());

async function newPage(): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  return { page, errors: watchErrors(page) };
}

const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');
const summaryLines = (page: Page, scope: string) => page.locator(`${scope} .error-summary li`).allInnerTexts();

describe('signing in', () => {
  it('takes a pasted development token, checks it, keeps it for the tab, and signs out', async () => {
    const { page, errors } = await newPage();
    await page.goto(`${base}/staff/`);
    await page.locator('#staff-token').waitFor();
    expect(await page.innerText('.staff-signin')).toContain(t.devCommand);
    await expectAccessible(page, 'sign-in');
    const submitToken = async (value: string) => {
      await page.fill('#staff-token', value);
      await page.getByRole('button', { name: t.signIn, exact: true }).click();
    };
    await submitToken('');
    expect(await summaryLines(page, '.staff-signin')).toEqual([`${t.field.token}：${t.tokenRequired}`]);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
    expect(await page.getAttribute('#staff-token', 'aria-invalid')).toBe('true');
    await expectAccessible(page, 'sign-in with an error');
    await submitToken('not a token');
    expect(await summaryLines(page, '.staff-signin')).toEqual([`${t.field.token}：${t.tokenFormat}`]);
    // Well-formed but not signed by this portal's issuer.
    const forged = `${reviewer.slice(0, -4)}AAAA`;
    await submitToken(forged);
    await expect.poll(() => page.innerText('.staff-signin .error-message')).toBe(t.tokenRejected);

    await submitToken(reviewer);
    await page.locator('.staff-user').waitFor();
    expect(await page.innerText('.staff-user p')).toBe(`${t.user}：${t.signedInAs('周审核', staffRole.reviewer)}`);
    await expect.poll(() => focusedId(page)).toBe('staff-queue-title');
    // Kept for this tab: a reload stays signed in; another tab starts signed out.
    await page.reload();
    await page.locator('.staff-user').waitFor();
    const other = await page.context().newPage();
    await other.goto(`${base}/staff/`);
    await other.locator('#staff-token').waitFor();
    await other.close();

    await page.getByRole('button', { name: t.signOut }).click();
    await page.locator('#staff-token').waitFor();
    expect(await page.innerText('.staff-signin .note')).toBe(t.signedOut);
    await expect.poll(() => focusedId(page)).toBe('staff-signin-title');
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    expect(unexpected(errors)).toEqual([]);
    await page.context().close();
  });

  it('signs in through the hosted sign-in page with PKCE (Cognito mode), and signs out there', async () => {
    const { page, errors } = await newPage();
    const idp = `${base}/__idp`;
    const config = { mode: 'cognito', authorizeUrl: `${idp}/oauth2/authorize`, tokenUrl: `${idp}/oauth2/token`, logoutUrl: `${idp}/logout`, clientId: 'console-client', redirectUri: `${base}/staff/`, scopes: ['openid', 'profile', 'email'] };
    let authorize: URLSearchParams | undefined;
    let exchanged: URLSearchParams | undefined;
    let loggedOut: URL | undefined;
    // A stand-in identity provider: the same three endpoints a Cognito hosted UI has.
    await page.route(`${base}/api/staff-config`, (r) => r.fulfill({ json: config }));
    const at = (p: string) => (url: URL) => url.pathname === `/__idp${p}`;
    await page.route(at('/oauth2/authorize'), (r) => {
      authorize = new URL(r.request().url()).searchParams;
      return r.fulfill({ status: 302, headers: { location: `${config.redirectUri}?code=the-code&state=${encodeURIComponent(authorize.get('state') ?? '')}` } });
    });
    await page.route(at('/oauth2/token'), async (r) => {
      exchanged = new URLSearchParams(r.request().postData() ?? '');
      // Only the verifier whose S256 hash was sent to the authorize endpoint gets a token.
      const verifier = exchanged.get('code_verifier') ?? '';
      const ok = exchanged.get('code') === 'the-code' && createHash('sha256').update(verifier).digest('base64url') === authorize?.get('code_challenge');
      return r.fulfill(ok ? { json: { id_token: await staffToken(dataDir, 'reviewer', undefined, '云审核'), token_type: 'Bearer' } } : { status: 400, json: { error: 'invalid_grant' } });
    });
    await page.route(at('/logout'), (r) => {
      loggedOut = new URL(r.request().url());
      return r.fulfill({ contentType: 'text/html', body: '<!doctype html><title>signed out</title>' });
    });

    await page.goto(`${base}/staff/`);
    await page.getByRole('button', { name: t.ssoButton }).click();
    await page.locator('.staff-user').waitFor();
    expect(Object.fromEntries(authorize!)).toMatchObject({ response_type: 'code', client_id: config.clientId, redirect_uri: config.redirectUri, scope: 'openid profile email', code_challenge_method: 'S256' });
    expect(exchanged?.get('grant_type')).toBe('authorization_code');
    expect(exchanged?.get('client_id')).toBe(config.clientId);
    // The code is gone from the address once used.
    expect(new URL(page.url()).search).toBe('');
    expect(await page.innerText('.staff-user p')).toContain('云审核');

    // A replayed or forged answer (state unknown) is refused.
    await page.evaluate(() => sessionStorage.clear());
    await page.goto(`${base}/staff/?code=the-code&state=forged`);
    await expect.poll(() => page.innerText('.staff-signin .error-message')).toBe(t.signInFailed);

    await page.getByRole('button', { name: t.ssoButton }).click();
    await page.locator('.staff-user').waitFor();
    await page.getByRole('button', { name: t.signOut }).click();
    await page.waitForURL(at('/logout'));
    expect(Object.fromEntries(loggedOut!.searchParams)).toEqual({ client_id: config.clientId, logout_uri: config.redirectUri });
    expect(unexpected(errors)).toEqual([]);
    await page.context().close();
  });
});

describe('the queue', () => {
  const unit = 'finance';
  const seeded: { trackingNumber: string; kind: string }[] = [];

  beforeAll(async () => {
    // 51 submissions in one unit's in-progress queue: one more than the API's page of 50.
    for (let i = 0; i < 51; i++) {
      const kind = i % 10 === 0 ? 'clue' : 'suggestion';
      const r = await submit(base, { kind, title: `分页测试留言${i}` });
      await act(base, reviewer, r.trackingNumber, { action: 'accept' });
      await act(base, reviewer, r.trackingNumber, { action: 'assign', units: [unit] });
      seeded.push({ trackingNumber: r.trackingNumber, kind });
    }
  }, 120_000);

  async function filterByUnit(page: Page) {
    await page.selectOption('#staff-filter-unit', unit);
    await page.getByRole('button', { name: t.applyFilters, exact: true }).click();
  }

  it('has a tab per status with the API’s counts, moved between with the arrow keys', async () => {
    const { page, errors } = await newPage();
    await signIn(page, base, reviewer);
    await filterByUnit(page);
    await page.getByRole('tab', { name: new RegExp(`^${feedbackStatus.in_progress}`) }).click();
    const api = await staffCall(base, reviewer, `/api/staff/queue?status=in_progress&unit=${unit}`);
    expect(api.json.counts.in_progress).toBe(51);
    const tabs = page.getByRole('tab');
    await expect.poll(() => tabs.allInnerTexts()).toEqual(FEEDBACK_STATUSES.map((s) => t.tab(feedbackStatus[s], api.json.counts[s])));
    expect(await page.getAttribute('#staff-tab-in_progress', 'aria-selected')).toBe('true');
    // Arrow keys move and choose (automatic activation); Home and End go to the ends.
    await page.focus('#staff-tab-in_progress');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => focusedId(page)).toBe('staff-tab-replied');
    expect(await page.getAttribute('#staff-tab-replied', 'aria-selected')).toBe('true');
    await expect.poll(() => page.innerText('#staff-queue-summary')).toBe(t.queueEmpty);
    await page.keyboard.press('End');
    await expect.poll(() => focusedId(page)).toBe('staff-tab-closed');
    await page.keyboard.press('Home');
    await expect.poll(() => focusedId(page)).toBe('staff-tab-received');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => focusedId(page)).toBe('staff-tab-closed');
    // Announced to screen readers (the polite status region).
    await expect.poll(() => page.locator('[role="status"]').innerText()).toBe(t.queueEmpty);
    expect(unexpected(errors)).toEqual([]);
    await page.context().close();
  });

  it('filters by kind and dates, checks the date order, and pages with the cursor', async () => {
    const { page, errors } = await newPage();
    await signIn(page, base, reviewer);
    await filterByUnit(page);
    await page.click('#staff-tab-in_progress');
    const listed = () => page.locator('.staff-queue li h3 a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).hash.slice(2)));
    // The API's own pages, newest first.
    const first = (await staffCall(base, reviewer, `/api/staff/queue?status=in_progress&unit=${unit}`)).json;
    const second = (await staffCall(base, reviewer, `/api/staff/queue?status=in_progress&unit=${unit}&cursor=${first.cursor}`)).json;
    const newestFirst: string[] = [...first.items, ...second.items].map((i: { trackingNumber: string }) => i.trackingNumber);
    expect(newestFirst.toSorted()).toEqual(seeded.map((s) => s.trackingNumber).toSorted());
    await expect.poll(listed).toEqual(newestFirst.slice(0, 50));
    await expectAccessible(page, 'queue');
    await expectReflow(page, 'queue');

    await page.getByRole('button', { name: t.nextPage }).click();
    await expect.poll(listed).toEqual(newestFirst.slice(50));
    await expect.poll(() => focusedId(page)).toBe('staff-queue-summary');
    expect(await page.innerText('#staff-queue-summary')).toBe(t.queueShown(feedbackStatus.in_progress, 1, 2));
    await page.getByRole('button', { name: t.prevPage }).click();
    await expect.poll(listed).toEqual(newestFirst.slice(0, 50));

    await page.selectOption('#staff-filter-kind', 'clue');
    await page.getByRole('button', { name: t.applyFilters, exact: true }).click();
    await expect.poll(listed).toEqual(newestFirst.filter((n) => seeded.find((s) => s.trackingNumber === n)!.kind === 'clue'));
    expect(await page.locator('.staff-queue .meta').first().innerText()).toContain(feedbackKind.clue);

    // The end before the start: the message by the field, nothing asked.
    await page.fill('#staff-filter-from', '2026-03-02');
    await page.fill('#staff-filter-to', '2026-03-01');
    await page.getByRole('button', { name: t.applyFilters, exact: true }).click();
    expect(await summaryLines(page, '.staff-filters')).toEqual([`${t.field.to}：${t.dateOrder}`]);
    expect(await page.getAttribute('#staff-filter-to', 'aria-invalid')).toBe('true');
    await expectAccessible(page, 'queue filter error');
    // A range before any submission: nothing.
    await page.fill('#staff-filter-to', '2026-03-03');
    await page.getByRole('button', { name: t.applyFilters, exact: true }).click();
    await expect.poll(() => page.innerText('#staff-queue-summary')).toBe(t.queueEmpty);
    await page.getByRole('button', { name: t.clearFilters }).click();
    await expect.poll(() => page.inputValue('#staff-filter-from')).toBe('');
    expect(unexpected(errors)).toEqual([]);
    await page.context().close();
  });
});

describe('one submission, through every action form (steps in order)', () => {
  const contact = { name: '钱小红', phone: '13800001234', email: 'qian@example.cn' };
  let item: (typeof sample.items)[number];
  let r: Awaited<ReturnType<typeof submit>>;
  let page: Page;
  let errors: string[];
  const headings = () => page.locator('.staff-action h4').allInnerTexts();
  beforeAll(async () => {
    item = sample.items.find((i) => i.leadUnit === 'education')!;
    const region = sample.content.regions[0]!.data;
    r = await submit(base, { kind: 'item_feedback', itemId: item.id, region: region.id, content: '第一行内容，测试用。\n第二行内容。', contact, privacyConsent: true, allowPublish: true });
    ({ page, errors } = await newPage());
    await signIn(page, base, reviewer);
  });
  afterAll(async () => page?.context().close());

  it('shows every field and the content, and no contact details until they are revealed', async () => {
    const region = sample.content.regions[0]!.data;
    await openDetail(page, r.trackingNumber);
    await expect.poll(() => focusedId(page)).toBe('staff-detail-title');
    const facts = await page.locator('.staff-detail table.facts').innerText();
    for (const text of [r.trackingNumber, feedbackKind.item_feedback, feedbackStatus.received, item.id, region.name, t.yes]) expect(facts).toContain(text);
    expect(await page.getAttribute(`.staff-detail a[href="/items/${item.id}/"]`, 'href')).toBe(`/items/${item.id}/`);
    expect(await page.locator('.staff-detail .prose p').allInnerTexts()).toEqual(['第一行内容，测试用。', '第二行内容。']);
    expect(await headings()).toEqual([t.accept.title, t.reject.title, t.reveal.title]);
    expect(await page.content()).not.toContain(contact.phone);
  });

  it('checks a field as the API does, with the API’s own message', async () => {
    const version = (await staffCall(base, reviewer, `/api/staff/submissions/${r.trackingNumber}`)).json.submission.version;
    for (const reason of ['', '短', 'x'.repeat(501)]) {
      const api = await staffCall(base, reviewer, `/api/staff/submissions/${r.trackingNumber}/actions`, { action: 'reject', version, reason });
      expect(api.status).toBe(422);
      await page.fill('#staff-reject-reason', reason);
      await page.locator('#staff-reject-title + form button[type="submit"]').click();
      expect(await summaryLines(page, '.staff-action:has(#staff-reject-title)')).toEqual(api.json.errors.map((e: { field: string; message: string }) => `${t.field.reason}：${e.message}`));
      expect(api.json.errors[0].message).toBe(reason.length > 500 ? feedbackError.maxChars(500) : staffError.reasonRequired);
    }
    await expectAccessible(page, 'detail with a field error');
    await expectReflow(page, 'detail');
  });

  it('reveals the contact details for a reason category and a reason, focused, as an internal event', async () => {
    await page.selectOption('#staff-reveal-reasonCategory', 'verify');
    await page.fill('#staff-reveal-reason', '需要电话核实具体位置');
    await page.locator('#staff-reveal-title + form button[type="submit"]').click();
    await page.locator('#staff-contact-title').waitFor();
    await expect.poll(() => focusedId(page)).toBe('staff-contact-title');
    const shown = await page.locator('.staff-contact').innerText();
    for (const v of Object.values(contact)) expect(shown).toContain(v);
    const last = page.locator('.staff-history li').last();
    expect(await last.innerText()).toContain(t.internal);
    expect(await last.innerText()).toContain('需要电话核实具体位置');
    expect(await last.innerText()).toContain(contactReadReason.verify);
  });

  it('accepts with the keyboard alone, and focus returns to the heading', async () => {
    await page.focus('#staff-detail-title');
    for (let i = 0; i < 60 && (await page.evaluate(() => document.activeElement?.textContent)) !== t.accept.submit; i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const accepted = t.done(feedbackAction.accepted, feedbackStatus.accepted);
    await expect.poll(() => page.locator('.staff-detail .note').first().innerText()).toBe(accepted);
    await expect.poll(() => focusedId(page)).toBe('staff-detail-title');
    await expect.poll(() => page.locator('[role="status"]').innerText()).toBe(accepted);
    expect(await headings()).toEqual([t.reject.title, t.assign.title, t.reveal.title, t.promote.title]);
  });

  it('assigns to at least one unit; a reviewer then has no draft form', async () => {
    const boxes = page.locator('.staff-action:has(#staff-assign-title) .staff-units input[type="checkbox"]');
    expect(await boxes.count()).toBe(sample.units.size);
    await page.locator('#staff-assign-title + form button[type="submit"]').click();
    expect(await summaryLines(page, '.staff-action:has(#staff-assign-title)')).toEqual([`${t.field.units}：${staffError.unitsRequired}`]);
    await page.check('#staff-assign-units-education');
    await page.check('#staff-assign-units-civil');
    await page.locator('#staff-assign-title + form button[type="submit"]').click();
    await expect.poll(() => page.locator('.staff-detail table.facts').innerText()).toContain(feedbackStatus.in_progress);
    expect(await page.locator('.staff-detail table.facts').innerText()).toContain(`${unitName('education')}、${unitName('civil')}`);
    // In progress a reviewer may also post an interim reply or transfer it (the clock's actions).
    expect(await headings()).toEqual([t.assign.title, t.reveal.title, t.interim.title, t.transfer.title, t.promote.title]);
    await expectAccessible(page, 'detail in progress');
    expect(unexpected(errors)).toEqual([]);
  });

  it('lets an administrator draft the reply for one of the assigned units', async () => {
    const admin = await staffToken(dataDir, 'admin', undefined, '吴管理');
    const a = await newPage();
    await signIn(a.page, base, admin);
    await openDetail(a.page, r.trackingNumber);
    expect(await a.page.locator('#staff-draft-unit option').allInnerTexts()).toEqual([unitName('education'), unitName('civil')]);
    await a.page.fill('#staff-draft-text', '太短');
    await a.page.locator('#staff-draft-title + form button[type="submit"]').click();
    expect(await summaryLines(a.page, '.staff-action:has(#staff-draft-title)')).toEqual([`${t.field.text}：${staffError.textRequired}`]);
    await a.page.selectOption('#staff-draft-unit', 'civil');
    await a.page.fill('#staff-draft-text', '经核实，该问题已转交民政局办理，将于本月底前答复。');
    await a.page.locator('#staff-draft-title + form button[type="submit"]').click();
    await a.page.locator('#staff-current-draft-title').waitFor();
    expect(await a.page.locator('.staff-detail section[aria-labelledby="staff-current-draft-title"]').innerText()).toContain(unitName('civil'));
    await expectAccessible(a.page, 'detail with a draft (admin: every form)');
    await a.page.context().close();
  });

  it('lets a reviewer send the draft back with a note, kept internal', async () => {
    const b = await newPage();
    await signIn(b.page, base, reviewer);
    await openDetail(b.page, r.trackingNumber);
    expect(await b.page.locator('.staff-action h4').allInnerTexts()).toEqual([t.assign.title, t.approve.title, t.send_back.title, t.reveal.title, t.interim.title, t.transfer.title, t.promote.title]);
    await b.page.locator('#staff-send_back-title + form button[type="submit"]').click();
    expect(await summaryLines(b.page, '.staff-action:has(#staff-send_back-title)')).toEqual([`${t.field.note}：${staffError.reasonRequired}`]);
    await b.page.fill('#staff-send_back-note', '请写明具体办理时限和联系人');
    await b.page.locator('#staff-send_back-title + form button[type="submit"]').click();
    await expect.poll(() => b.page.locator('.staff-action h4').allInnerTexts()).toEqual([t.assign.title, t.reveal.title, t.interim.title, t.transfer.title, t.promote.title]);
    const history = await b.page.locator('.staff-history li').last().innerText();
    expect(history).toContain(t.internal);
    expect(history).toContain('请写明具体办理时限和联系人');
    expect(unexpected(b.errors)).toEqual([]);
    await b.page.context().close();
  });
});

describe('one submission', () => {
  it('409: someone acted first — says so and shows the submission as it is now', async () => {
    const r = await submit(base);
    const one = await newPage();
    const two = await newPage();
    await signIn(one.page, base, reviewer);
    await signIn(two.page, base, await staffToken(dataDir, 'reviewer', undefined, '郑审核'));
    await openDetail(one.page, r.trackingNumber);
    await openDetail(two.page, r.trackingNumber);
    await one.page.locator('#staff-accept-title + form button[type="submit"]').click();
    await expect.poll(() => one.page.locator('.staff-detail table.facts').innerText()).toContain(feedbackStatus.accepted);
    await two.page.fill('#staff-reject-reason', '与督查工作无关');
    await two.page.locator('#staff-reject-title + form button[type="submit"]').click();
    await expect.poll(() => two.page.locator('[role="alert"]').innerText()).toBe(`${staffError.conflict} ${t.reloaded}`);
    await expect.poll(() => two.page.locator('.staff-detail table.facts').innerText()).toContain(feedbackStatus.accepted);
    expect(await focusedId(two.page)).toBe('staff-detail-title');
    await expectAccessible(two.page, 'after a conflict');
    for (const p of [one, two]) {
      expect(unexpected(p.errors)).toEqual([]);
      await p.page.context().close();
    }
  });

  it('403: a unit opening a submission not assigned to it is told so; 401: back to sign-in', async () => {
    const r = await submit(base);
    const { page, errors } = await newPage();
    await signIn(page, base, await staffToken(dataDir, 'unit', 'hrss', '孙办理'));
    expect(await page.innerText('.staff-user p')).toBe(`${t.user}：${t.signedInAs('孙办理', staffRole.unit, unitName('hrss'))}`);
    // Units start on 办理中 and have no unit filter.
    expect(await page.getAttribute('#staff-tab-in_progress', 'aria-selected')).toBe('true');
    expect(await page.locator('#staff-filter-unit').count()).toBe(0);
    await page.evaluate((n) => (location.hash = `#/${n}`), r.trackingNumber);
    await expect.poll(() => page.locator('[role="alert"]').innerText()).toBe(staffError.otherUnit);
    expect(await page.content()).not.toContain(r.title);

    // The session ends (the API says 401 from now on): the next call returns to sign-in with its message.
    await page.route(`${base}/api/staff/**`, (route) =>
      route.fulfill({ status: 401, contentType: 'application/problem+json', body: JSON.stringify({ type: 'https://ducha.example/problems/unauthenticated', title: staffError.badToken, status: 401 }) }),
    );
    await page.evaluate(() => (location.hash = '#/'));
    await page.locator('#staff-token').waitFor();
    expect(await page.innerText('.staff-signin .error-message')).toBe(staffError.badToken);
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    expect(unexpected(errors)).toEqual([]);
    await page.context().close();
  });
});
