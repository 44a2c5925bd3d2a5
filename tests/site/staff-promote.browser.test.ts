/**
 * 立项督办 in the staff console (/staff/), in Chromium against the whole test portal: a reviewer turns the
 * accepted submission on screen and a similar one (by tracking number) into one item draft through the form,
 * which the API then lists (GET /api/staff/item-drafts); a deadline that is not after today is the API's
 * field error beside the field.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, watchErrors } from '../helpers/browser.ts';
import { act, expectAccessible, expectReflow, openDetail, signIn, staffCall, staffToken, submit, unexpected } from '../helpers/staff-console.ts';
import { loadSample } from '../helpers/sample.ts';
import { feedbackAction, staffPage as t } from '../../domain/labels/zh-CN.ts';

const base = inject('siteUrl');
const dataDir = inject('dataDir');
const sample = loadSample();
let browser: Browser;
let reviewer: string;
let page: Page;
let errors: string[];
let first: Awaited<ReturnType<typeof submit>>;
let second: Awaited<ReturnType<typeof submit>>;
const form = '.staff-action:has(#staff-promote-heading)';

beforeAll(async () => {
  browser = await launchBrowser();
  reviewer = await staffToken(dataDir, 'reviewer', undefined, '吴立项');
  first = await submit(base);
  second = await submit(base);
  await act(base, reviewer, first.trackingNumber, { action: 'accept' });
  await act(base, reviewer, second.trackingNumber, { action: 'accept' });
  page = await (await browser.newContext()).newPage();
  errors = watchErrors(page);
  await signIn(page, base, reviewer);
});
afterAll(async () => browser?.close());

describe('立项督办 in the console', () => {
  it('offers the form on an accepted submission, its title prefilled', async () => {
    await openDetail(page, first.trackingNumber);
    expect(await page.inputValue('#staff-promote-title')).toBe(first.title);
    await expectAccessible(page, 'promote form');
    await expectReflow(page, 'promote form');
  });

  it('shows a deadline that is not after today as the API’s error beside the field', async () => {
    const region = sample.content.regions[0]!.data.id;
    const { json: detail } = await staffCall(base, reviewer, `/api/staff/submissions/${first.trackingNumber}`);
    const api = await staffCall(base, reviewer, '/api/staff/item-drafts', {
      submissions: [{ trackingNumber: first.trackingNumber, version: detail.submission.version }],
      title: first.title,
      category: 'public_request',
      region,
      leadUnit: 'education',
      deadline: '2000-01-01',
    });
    expect(api.status).toBe(422);
    await page.selectOption('#staff-promote-region', region);
    await page.selectOption('#staff-promote-leadUnit', 'education');
    await page.fill('#staff-promote-deadline', '2000-01-01');
    await page.locator(`${form} button[type="submit"]`).click();
    await expect.poll(() => page.locator('#staff-promote-deadline-error').innerText().catch(() => '')).toContain(api.json.errors[0].message);
    expect(await page.getAttribute('#staff-promote-deadline', 'aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
    expect(await page.locator(`${form} .error-summary li`).allInnerTexts()).toEqual([`${t.promote.field.deadline}：${api.json.errors[0].message}`]);
  });

  it('promotes two accepted submissions into one draft that the API lists, and the history shows it', async () => {
    await page.fill('#staff-promote-deadline', '2099-06-30');
    await page.check('#staff-promote-supportUnits-civil');
    await page.fill('#staff-promote-others', second.trackingNumber.toLowerCase());
    await page.locator(`${form} button[type="submit"]`).click();
    await expect.poll(() => page.locator('.staff-detail .note').first().innerText().catch(() => '')).toBe(t.promote.done(first.title));
    await expect.poll(() => page.evaluate(() => document.activeElement?.id ?? '')).toBe('staff-detail-title');
    expect(await page.locator('.staff-history li').last().innerText()).toContain(feedbackAction.promoted);
    expect(await page.locator('#staff-promote-heading').count()).toBe(0);
    expect(await page.locator('#staff-promotion-title').innerText()).toBe(t.promote.drafted);
    const { json } = await staffCall(base, reviewer, '/api/staff/item-drafts');
    const draft = json.drafts.find((d: { trackingNumbers: string[] }) => d.trackingNumbers[0] === first.trackingNumber);
    expect(draft).toMatchObject({ trackingNumbers: [first.trackingNumber, second.trackingNumber], title: first.title, leadUnit: 'education', supportUnits: ['civil'], deadline: '2099-06-30', by: '吴立项' });
    expect(unexpected(errors)).toEqual([]);
  });
});
