/**
 * Browser-test helpers on top of Debian's Chromium (scripts/lib/browser.ts launches it): axe-core in the
 * page, CSP and page errors, accessibility in both modes.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

export { launchBrowser } from '../../scripts/lib/browser.ts';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** WCAG 2.2 level A and AA rules. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** Run axe-core in the page; returns violations (empty when the page passes). */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  // Injected as a script element would need a CSP hash; evaluating in the page's main world does not.
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  }, WCAG_TAGS);
}

/** Readable summary of violations for assertion messages. */
export function describeViolations(violations: AxeViolation[]): string {
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('\n  ')}`).join('\n');
}

/** Collect CSP violations and page errors while a page is used. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

/** axe-core finds nothing in the page's current state, in the standard mode and in 关怀版. */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  const wasCare = await page.evaluate(() => document.documentElement.classList.contains('care'));
  for (const care of [false, true]) {
    await page.evaluate((on) => document.documentElement.classList.toggle('care', on), care);
    const violations = await runAxe(page);
    expect(violations, `${what}${care ? ' (关怀版)' : ''}\n${describeViolations(violations)}`).toEqual([]);
  }
  await page.evaluate((on) => document.documentElement.classList.toggle('care', on), wasCare);
}
