/**
 * The built feedback pages, file by file: each carries only its own island, the islands stay small on 2G/3G
 * (gzip sizes are deterministic), the lookup page is kept out of search engines and the sitemap, and both
 * forms post to the API without JavaScript.
 */
import { describe, expect, inject, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { urls } from '../../domain/urls.ts';
import { pageIsland } from '../helpers/dist.ts';

const dist = inject('distDir');
const read = (rel: string) => readFileSync(path.join(dist, rel), 'utf8');
const gz = (s: string | Buffer) => gzipSync(s, { level: 9 }).length;
const FORM = 'feedback/index.html';
const STATUS = 'feedback/status/index.html';

const island = (page: string) => pageIsland(dist, page);
const bytes = (files: string[]) => files.reduce((n, f) => n + gz(readFileSync(path.join(dist, f))), 0);

describe('feedback pages', () => {
  it('are built, and post to the API without JavaScript', () => {
    const form = read(FORM);
    expect(form).toMatch(/<form id="feedback-form"[^>]*method="post"[^>]*action="\/api\/feedback"/);
    expect(read(STATUS)).toMatch(/<form id="lookup-form"[^>]*method="post"[^>]*action="\/api\/feedback\/lookup"/);
    // Items link to the form with their id.
    expect(urls.feedbackFor('DC-2026-001')).toBe('/feedback/?item=DC-2026-001');
  });

  it('keep the lookup page out of search engines and the sitemap; the form page is public', () => {
    expect(read(STATUS)).toContain('<meta name="robots" content="noindex, nofollow">');
    expect(read(FORM)).not.toContain('name="robots"');
    const sitemap = read('sitemap-0.xml');
    expect(sitemap).toContain(`${urls.feedback}</loc>`);
    expect(sitemap).not.toContain(`${urls.feedbackStatus}</loc>`);
  });

  it('load one island each; both start the one proof-of-work worker (the lookup only when asked for a proof)', () => {
    const form = island(FORM);
    const status = island(STATUS);
    expect(form.modules.length).toBeGreaterThan(0);
    expect(status.modules.length).toBeGreaterThan(0);
    expect(form.workers).toHaveLength(1);
    expect(existsSync(path.join(dist, form.workers[0]!))).toBe(true);
    expect(status.workers).toEqual(form.workers);
    // No other page loads these scripts.
    for (const other of ['index.html', 'items/index.html', 'privacy/index.html']) {
      for (const m of [...form.modules, ...status.modules]) expect(read(other), other).not.toContain(path.posix.basename(m));
    }
  });

  it('stay within the byte budgets (gzip): zod/mini and altcha-lib islands, light pages', () => {
    const form = island(FORM);
    const status = island(STATUS);
    // The form: schema (zod/mini), proof of work (altcha-lib), offline keeping. Budgets leave ~20% headroom.
    expect(bytes(form.modules)).toBeLessThanOrEqual(20 * 1024);
    expect(bytes(form.workers)).toBeLessThanOrEqual(3 * 1024);
    expect(bytes(status.modules)).toBeLessThanOrEqual(16 * 1024);
    for (const page of [FORM, STATUS]) {
      const html = read(page);
      let weight = gz(html);
      for (const m of html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)) weight += gz(readFileSync(path.join(dist, m[1]!)));
      expect(weight, page).toBeLessThanOrEqual(14 * 1024);
    }
  });
});
