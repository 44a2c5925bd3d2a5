/**
 * The public statistics of citizens' submissions, as built from the sample's ledger: every figure on the
 * published statistics is recomputed here from the published ledger alone (feedback-ledger.json), by a
 * counting written for this test, not the site's code — as anyone holding the ledger could; the open data
 * (CSV with BOM, JSON, datapackage.json) agrees; the ledger is content-free; a page per year, month and
 * ledger month exists.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { LEDGER_COLUMNS, type LedgerRow } from '../../domain/feedback/ledger.ts';
import type { FeedbackStatistics, PeriodFigures } from '../../domain/feedback/stats.ts';
import { feedbackStats } from '../../domain/labels/zh-CN.ts';
import { recount } from '../helpers/recount.ts';
import { urls } from '../../domain/urls.ts';
import { LEDGER_PAGE_SIZE } from '../../site/lib/feedback-stats.ts';

const dist = inject('distDir');
const read = (rel: string) => readFileSync(path.join(dist, rel), 'utf8');
const page = (url: string) => read(`${url.replace(/^\//, '')}index.html`);
const ledger = JSON.parse(read('data/feedback-ledger.json')) as { asOf: string; rows: LedgerRow[] };
const stats = JSON.parse(read('data/feedback-stats.json')) as FeedbackStatistics;

function checkPeriod(p: PeriodFigures, rows: LedgerRow[]) {
  expect(p.total, p.period).toEqual(recount(rows, stats.asOf));
  for (const u of p.units) expect(u.figures, `${p.period} ${u.unit}`).toEqual(recount(rows.filter((r) => r.unit === u.unit), stats.asOf));
  // Every row is counted under exactly one unit (or none yet).
  expect(p.units.reduce((n, u) => n + u.figures.received, 0)).toBe(rows.length);
}

describe('the public statistics, recomputed from the published ledger', () => {
  it('stand as of the day the ledger was exported', () => {
    expect(ledger.rows.length).toBeGreaterThan(0);
    expect(stats.asOf).toBe(ledger.asOf);
  });

  it('are the ledger’s figures in all', () => checkPeriod(stats.all, ledger.rows));

  it('are the ledger’s figures for every year', () => {
    for (const y of stats.years) checkPeriod(y, ledger.rows.filter((r) => r.receivedOn.startsWith(`${y.period}-`)));
  });

  it('are the ledger’s figures for every month', () => {
    expect(stats.months.map((m) => m.period).sort()).toEqual([...new Set(ledger.rows.map((r) => r.receivedOn.slice(0, 7)))].sort());
    for (const m of stats.months) checkPeriod(m, ledger.rows.filter((r) => r.receivedOn.startsWith(m.period)));
  });

  it('show each month’s figures on its 通报 page, rates under the sample size as 样本不足', () => {
    for (const m of stats.months) {
      const html = page(urls.feedbackReport(m.period));
      expect(html).toContain(feedbackStats.reportTitle(m.period));
      expect(html).toContain(feedbackStats.reportIntro(m.period, m.total.received, m.total.replied));
      if (m.units.some((u) => u.figures.onTimeRate === null)) expect(html).toContain(feedbackStats.tooFew);
    }
  });

  it('are the same figures in the open data CSV, with a byte-order mark', () => {
    const csv = read('data/feedback-stats.csv');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const [header, ...lines] = csv.slice(1).trim().split('\r\n');
    const cols = header!.split(',');
    const all = lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [cols[i], v]))).find((r) => r.period === 'all' && r.unit === '')!;
    expect(Number(all.received)).toBe(stats.all.total.received);
    expect(Number(all.repliedOnTime)).toBe(stats.all.total.repliedOnTime);
    expect(lines).toHaveLength([stats.all, ...stats.years, ...stats.months].reduce((n, p) => n + 1 + p.units.length, 0));
  });

  it('describe both files in datapackage.json with every CSV column', () => {
    const pkg = JSON.parse(read('data/datapackage.json')) as { resources: { name: string; path: string; encoding?: string; schema?: { fields: { name: string }[] } }[] };
    for (const [name, file] of [['feedback-stats', 'data/feedback-stats.csv'], ['feedback-ledger', 'data/feedback-ledger.csv']] as const) {
      const res = pkg.resources.find((r) => r.name === name)!;
      expect(res.encoding).toBe('utf-8-sig');
      expect(res.schema!.fields.map((f) => f.name).join(',')).toBe(read(file).slice(1).split('\r\n')[0]);
    }
  });
});

describe('the public ledger', () => {
  it('has only the ledger’s columns: no title, text, region, contact or staff name', () => {
    for (const r of ledger.rows) {
      expect(Object.keys(r).sort()).toEqual([...LEDGER_COLUMNS].sort());
      for (const k of ['title', 'content', 'region', 'contact', 'actor', 'note', 'reply']) expect(r).not.toHaveProperty(k);
    }
  });

  it('names no unit for a clue not yet replied', () => {
    for (const r of ledger.rows.filter((x) => x.kind === 'clue' && x.repliedOn === null)) expect(r.unit, r.trackingNumber).toBeNull();
  });

  it('lists every row on its month’s pages, each page naming the numbers it holds', () => {
    const months = [...new Set(ledger.rows.map((r) => r.receivedOn.slice(0, 7)))];
    for (const m of months) {
      const rows = ledger.rows.filter((r) => r.receivedOn.startsWith(m)).sort((a, b) => a.trackingNumber.localeCompare(b.trackingNumber));
      const pages = Math.ceil(rows.length / LEDGER_PAGE_SIZE);
      for (let p = 1; p <= pages; p++) {
        const html = page(urls.ledgerMonth(m, p));
        for (const r of rows.slice((p - 1) * LEDGER_PAGE_SIZE, p * LEDGER_PAGE_SIZE)) expect(html).toContain(`id="${r.trackingNumber}"`);
      }
      expect(existsSync(path.join(dist, urls.ledgerMonth(m, pages + 1).slice(1), 'index.html'))).toBe(false);
    }
  });
});
