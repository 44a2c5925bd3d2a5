/**
 * The whole clock, in Chromium, against a portal of its own whose "now" the test moves: a submission is
 * accepted (the reply deadline set in working days) → the unit posts an interim reply → the queue marks the
 * case 即将到期 the working day before its deadline → the unit asks for an extension and the reviewer
 * approves it → the unit replies after the original deadline but within the extension → the citizen's
 * lookup shows the deadline, the interim reply, the extension with its reason and the reply →
 * `npm run ledger:export` writes the ledger into a copy of the content → a rebuild of that copy shows the
 * ledger row (on time, extended) and the unit's month figures, each recomputed here from the rebuilt ledger.
 * The console's forms are used for the clock's own actions; the steps share state and run in order.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { clockFromData } from '../../domain/feedback/clock-setup.ts';
import { replyDeadline } from '../../domain/feedback/clock.ts';
import type { LedgerRow } from '../../domain/feedback/ledger.ts';
import { deadlineLabel, feedbackAction, feedbackStatus, feedbackStats, ledgerPage, staffPage as t } from '../../domain/labels/zh-CN.ts';
import { urls } from '../../domain/urls.ts';
import type { Portal } from '../../functions/local/portal.ts';
import { startLocalServer, type LocalServer } from '../../functions/local/server.ts';
import { startLocalPortal } from '../../scripts/lib/portal.ts';
import { readClockData, readContent } from '../../site/lib/content-source.ts';
import { FIGURE_COLUMNS, figureText } from '../../site/lib/feedback-stats.ts';
import { launchBrowser, watchErrors } from '../helpers/browser.ts';
import { root, TEST_AS_OF } from '../helpers/paths.ts';
import { TEST_POW } from '../helpers/pow.ts';
import { recount } from '../helpers/recount.ts';
import { act, expectAccessible, signIn, staffToken, submit, unexpected } from '../helpers/staff-console.ts';

const run = promisify(execFile);
const clock = clockFromData(readClockData(path.join(root, 'content')));
const cal = clock.calendar;
const UNIT = 'water';
const unitName = readContent(path.join(root, 'content')).units.find((u) => u.id === UNIT)!.data.shortName;

// The timeline, in working days from a Monday of the sample's month: accepted on day 0, so the reply is due
// `reply` working days later; the extension adds three; the reply comes the day after the original deadline.
const receivedOn = '2026-11-02';
const replyBy = replyDeadline(clock, 'suggestion', receivedOn);
const extendedTo = cal.addWorkingDays(replyBy, 3);
const dayBefore = cal.addWorkingDays(receivedOn, clock.settings.timeLimits.suggestion.reply - 1);
const repliedOn = cal.addWorkingDays(replyBy, 1);
/** 10:00 China time on a China date. */
const at = (date: string) => new Date(`${date}T10:00:00+08:00`);

const interim = '已组织现场查看，正在协调施工单位，预计下周完成。';
const reason = '需协调供电部门停电后施工';
const replyText = '您好！经协调，施工单位已于本周完成排水管道疏通，现场已恢复正常。感谢您的监督。';

let browser: Browser;
let portal: Portal;
let work: string;
let dataDir: string;
const now = { date: at(receivedOn) };
const state: { trackingNumber?: string; password?: string } = {};

beforeAll(async () => {
  work = mkdtempSync(path.join(os.tmpdir(), 'ducha-clock-'));
  dataDir = path.join(work, 'data');
  portal = await startLocalPortal({ distDir: inject('distDir'), dataDir, port: 0, inMemory: true, pow: TEST_POW, now: () => now.date });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await portal?.close();
  rmSync(work, { recursive: true, force: true });
});

async function newPage(): Promise<{ page: Page; errors: string[] }> {
  const page = await (await browser.newContext()).newPage();
  return { page, errors: watchErrors(page) };
}
const base = () => portal.url;
const note = (page: Page) => page.locator('.staff-detail .note').first().innerText();

describe('the clock of one submission, from receipt to the published ledger', () => {
  it('a submission is received and accepted, and gets its reply deadline in working days', async () => {
    const receipt = await submit(base(), { title: '东门路口排水不畅' });
    Object.assign(state, receipt);
    const reviewer = await staffToken(dataDir, 'reviewer', undefined, '李审核');
    await act(base(), reviewer, receipt.trackingNumber, { action: 'accept' });
    const detail = await act(base(), reviewer, receipt.trackingNumber, { action: 'assign', units: [UNIT] });
    expect(detail.submission.replyBy).toBe(replyBy);
  });

  it('the unit posts an interim reply through the console', async () => {
    now.date = at(cal.addWorkingDays(receivedOn, 2));
    const { page, errors } = await newPage();
    await signIn(page, base(), await staffToken(dataDir, 'unit', UNIT, '赵办理'), `#/${state.trackingNumber}`);
    await page.locator('#staff-interim-text').waitFor();
    await page.fill('#staff-interim-text', interim);
    await page.locator('#staff-interim-title + form button[type="submit"]').click();
    await expect.poll(() => note(page)).toBe(t.done(feedbackAction.interim_replied, feedbackStatus.in_progress));
    expect(unexpected(errors)).toEqual([]);
    await page.context().close();
  });

  it('the queue marks it 即将到期 the working day before its deadline', async () => {
    now.date = at(dayBefore);
    const { page, errors } = await newPage();
    await signIn(page, base(), await staffToken(dataDir, 'unit', UNIT, '赵办理'));
    const row = page.locator('.staff-queue li', { hasText: state.trackingNumber! });
    await row.waitFor();
    expect(await row.locator('.badge.t-due_soon').innerText()).toBe(deadlineLabel.dueSoon);
    expect(await row.innerText()).toContain(replyBy);
    await expectAccessible(page, 'console: queue with deadlines');
    expect(unexpected(errors)).toEqual([]);
    await page.context().close();
  });

  it('the unit asks for an extension with a new deadline and a reason; the reviewer approves it', async () => {
    const unit = await newPage();
    await signIn(unit.page, base(), await staffToken(dataDir, 'unit', UNIT, '赵办理'), `#/${state.trackingNumber}`);
    await unit.page.locator('#staff-request_extension-deadline').waitFor();
    // Beyond the cap first: the API's answer names the field.
    await unit.page.fill('#staff-request_extension-deadline', cal.addWorkingDays(replyBy, clock.settings.extensionCap + 1));
    await unit.page.fill('#staff-request_extension-reason', reason);
    await unit.page.locator('#staff-request_extension-title + form button[type="submit"]').click();
    await expect.poll(() => unit.page.locator('#staff-request_extension-deadline-error').innerText()).toContain(String(clock.settings.extensionCap));
    await unit.page.fill('#staff-request_extension-deadline', extendedTo);
    await unit.page.locator('#staff-request_extension-title + form button[type="submit"]').click();
    await expect.poll(() => note(unit.page)).toBe(t.done(feedbackAction.extension_requested, feedbackStatus.in_progress));
    expect(unexpected(unit.errors)).toEqual([]);
    await unit.page.context().close();

    const office = await newPage();
    await signIn(office.page, base(), await staffToken(dataDir, 'reviewer', undefined, '李审核'), `#/${state.trackingNumber}`);
    await office.page.locator('#staff-approve_extension-title').waitFor();
    expect(await office.page.locator('#staff-approve_extension-title + form').innerText()).toContain(reason);
    await expectAccessible(office.page, 'console: detail with an extension to decide');
    await office.page.locator('#staff-approve_extension-title + form button[type="submit"]').click();
    await expect.poll(() => note(office.page)).toBe(t.done(feedbackAction.extension_approved, feedbackStatus.in_progress));
    expect(await office.page.locator('.staff-detail table.facts').innerText()).toContain(extendedTo);
    expect(unexpected(office.errors)).toEqual([]);
    await office.page.context().close();
  });

  it('the unit replies after the original deadline but within the extension', async () => {
    now.date = at(repliedOn);
    expect(repliedOn > replyBy && repliedOn <= extendedTo).toBe(true);
    await act(base(), await staffToken(dataDir, 'unit', UNIT), state.trackingNumber!, { action: 'draft', text: replyText });
    const detail = await act(base(), await staffToken(dataDir, 'reviewer'), state.trackingNumber!, { action: 'approve' });
    expect(detail.submission.status).toBe('replied');
  });

  it('the citizen’s lookup shows the interim reply, the extension with its reason and new deadline, and the reply', async () => {
    const { page, errors } = await newPage();
    await page.goto(`${base()}${urls.feedbackStatus}?number=${state.trackingNumber}`);
    await page.fill('#lk-password', state.password!);
    await page.click('#lk-submit');
    await page.locator('#lk-result').waitFor({ state: 'visible' });
    const history = await page.innerText('#lk-history');
    expect(history).toContain(feedbackAction.interim_replied);
    expect(history).toContain(interim);
    expect(history).toContain(feedbackAction.extension_approved);
    expect(history).toContain(reason);
    expect(history).toContain(extendedTo);
    expect(history).not.toMatch(/李审核|赵办理/);
    expect(await page.innerText('#lk-reply')).toContain(replyText);
    await expectAccessible(page, 'lookup with interim reply and extension');
    expect(unexpected(errors)).toEqual([]);
    await page.context().close();
  });

  let content: string;
  let row: LedgerRow;
  it('npm run ledger:export writes its row: replied on time, extended, to the unit', async () => {
    content = path.join(work, 'content');
    cpSync(path.join(root, 'content'), content, { recursive: true });
    const args = [path.join(root, 'scripts/ledger-export.ts'), '--api', base(), '--content', content, '--data', dataDir];
    const { stdout } = await run(process.execPath, args, { cwd: root });
    expect(stdout).toMatch(/已导出 \d+ 行台账/);
    const month = JSON.parse(readFileSync(path.join(content, 'ledger', `${receivedOn.slice(0, 7)}.json`), 'utf8')) as { rows: LedgerRow[] };
    row = month.rows.find((r) => r.trackingNumber === state.trackingNumber)!;
    expect(row).toMatchObject({ receivedOn, status: 'replied', unit: UNIT, deadline: extendedTo, repliedOn, onTime: true, extended: true });
    expect(readContent(content).problems).toEqual([]);
    // Idempotent: a second run changes nothing.
    const again = await run(process.execPath, args, { cwd: root });
    expect(again.stdout).toMatch(/（0 个月份文件有变化/);
  });

  let site: LocalServer | undefined;
  afterAll(async () => site?.close());

  it('a rebuild shows the ledger row and the unit’s month figures, recomputed from the ledger', async () => {
    const dist = path.join(work, 'dist');
    await run(process.execPath, [path.join(root, 'scripts/build.ts'), '--content', content, '--out', dist, '--cache', path.join(work, 'cache')], {
      cwd: root,
      env: { ...process.env, DUCHA_AS_OF: TEST_AS_OF, ASTRO_TELEMETRY_DISABLED: '1' },
      maxBuffer: 64 * 1024 * 1024,
    });
    site = await startLocalServer({ distDir: dist, port: 0 });
    const { page, errors } = await newPage();
    const month = receivedOn.slice(0, 7);

    // The ledger row, on the month's page that holds its number.
    const ledger = JSON.parse(readFileSync(path.join(dist, 'data/feedback-ledger.json'), 'utf8')) as { asOf: string; rows: LedgerRow[] };
    expect(ledger.rows).toContainEqual(row);
    await page.goto(site.url + urls.ledgerMonth(month));
    const cells = await page.locator(`tr[id="${state.trackingNumber}"] > *`).allInnerTexts();
    expect(cells).toEqual(expect.arrayContaining([state.trackingNumber, receivedOn, unitName, extendedTo, repliedOn, ledgerPage.yes]));

    // The unit's figures on the month's 通报, as the ledger gives them.
    const expected = recount(ledger.rows.filter((r) => r.receivedOn.startsWith(month) && r.unit === UNIT), ledger.asOf);
    expect(expected.extended).toBeGreaterThan(0);
    await page.goto(site.url + urls.feedbackReport(month));
    expect(await page.locator('h1').innerText()).toBe(feedbackStats.reportTitle(month));
    const unitRow = page.locator('table.figures-table tbody tr', { has: page.locator('th', { hasText: new RegExp(`^${unitName}$`) }) });
    expect(await unitRow.locator('td').allInnerTexts()).toEqual(FIGURE_COLUMNS.map(([k]) => figureText(expected, k)));
    await expectAccessible(page, '通报 page');
    expect(unexpected(errors)).toEqual([]);
    await page.context().close();
  }, 180_000);
});
