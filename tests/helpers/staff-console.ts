/**
 * Helpers for the staff console's browser tests: tokens from the test portal's development issuer,
 * submissions and actions through the real APIs, signing in through the console's own form, and axe-core
 * in both display modes.
 */
import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { signDevToken } from '../../functions/local/dev-auth.ts';
import type { StaffRole } from '../../domain/feedback/workflow.ts';
import { staffPage } from '../../domain/labels/zh-CN.ts';
import type { Detail } from '../../domain/api/staff.ts';
export { expectAccessible } from './browser.ts';

export function staffToken(dataDir: string, role: StaffRole, unit?: string, name = `测试${role}${unit ?? ''}`): Promise<string> {
  return signDevToken(dataDir, { name, role, ...(unit ? { unit } : {}) });
}

/** A submission through the public API (JSON, without proof of work: accepted as unverified). */
export async function submit(base: string, over: Record<string, unknown> = {}): Promise<{ trackingNumber: string; password: string; title: string }> {
  const title = (over.title as string | undefined) ?? `测试留言${randomBytes(3).toString('hex')}`;
  const res = await fetch(`${base}/api/feedback`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'Idempotency-Key': `staff-${randomBytes(8).toString('hex')}` },
    body: JSON.stringify({ kind: 'suggestion', title, content: '这是员工工作台测试用的留言内容，请忽略。', privacyConsent: false, allowPublish: false, ...over }),
  });
  if (res.status !== 201) throw new Error(`submit: ${res.status} ${await res.text()}`);
  return { ...((await res.json()) as { trackingNumber: string; password: string }), title };
}

export async function staffCall(base: string, token: string, path: string, body?: unknown): Promise<{ status: number; json: any }> {
  const res = await fetch(`${base}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { Accept: 'application/json', Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, json: await res.json() };
}

/** One action through the staff API at the submission's current version; throws unless it succeeds. */
export async function act(base: string, token: string, tracking: string, action: Record<string, unknown>): Promise<Detail> {
  const { json: detail } = await staffCall(base, token, `/api/staff/submissions/${tracking}`);
  const res = await staffCall(base, token, `/api/staff/submissions/${tracking}/actions`, { version: detail.submission.version, ...action });
  if (res.status !== 200) throw new Error(`${String(action.action)}: ${res.status} ${JSON.stringify(res.json)}`);
  return res.json as Detail;
}

/** Sign in through the console's form; waits for the queue. */
export async function signIn(page: Page, base: string, token: string, hash = ''): Promise<void> {
  await page.goto(`${base}/staff/${hash}`);
  await page.locator('#staff-token').fill(token);
  await page.getByRole('button', { name: staffPage.signIn, exact: true }).click();
  await page.locator('.staff-user').waitFor();
}

/** Open one submission (as a link would) and wait for its detail. */
export async function openDetail(page: Page, tracking: string): Promise<void> {
  await page.evaluate((t) => (location.hash = `#/${t}`), tracking);
  await page.locator('.staff-detail').waitFor();
  await expect.poll(() => page.locator('.staff-detail').getAttribute('aria-labelledby')).toBe('staff-detail-title');
  await page.locator('.staff-detail table.facts td', { hasText: tracking }).waitFor();
}

/** The page fits `width` without horizontal scrolling, in both modes. */
export async function expectReflow(page: Page, what: string, width = 320): Promise<void> {
  const size = page.viewportSize();
  await page.setViewportSize({ width, height: 640 });
  for (const care of [false, true]) {
    await page.evaluate((on) => document.documentElement.classList.toggle('care', on), care);
    expect(await page.evaluate(() => document.documentElement.scrollWidth), `${what}${care ? ' (关怀版)' : ''}`).toBeLessThanOrEqual(width);
  }
  await page.evaluate(() => document.documentElement.classList.remove('care'));
  if (size) await page.setViewportSize(size);
}

/** Console messages that are not the expected failed-request lines (4xx answers the tests provoke). */
export const unexpected = (errors: readonly string[]) => errors.filter((e) => !/Failed to load resource: the server responded with a status of 4\d\d/.test(e));
