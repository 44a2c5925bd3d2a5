/**
 * The ledger files under content/ledger/ as the export writes them: idempotent (a second run changes
 * nothing), an earlier month rewritten only when one of its rows changed (and reported), rows no longer in
 * the API's answer kept, and figures.json exactly what the content check recomputes.
 */
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LedgerRow } from '../../../domain/feedback/ledger.ts';
import { feedbackStatistics } from '../../../domain/feedback/stats.ts';
import { writeLedger } from '../../../scripts/lib/ledger-files.ts';

const row = (n: number, month: string, over: Partial<LedgerRow> = {}): LedgerRow => ({
  trackingNumber: `DC${month.slice(2, 4)}${month.slice(5)}-AAAA${String(n).padStart(2, '0')}`, receivedOn: `${month}-0${(n % 8) + 1}`, kind: 'suggestion', status: 'in_progress', unit: 'water',
  deadline: `${month}-20`, repliedOn: null, onTime: null, workingDays: null, extended: false, rating: null, reopened: false, rejectCategory: null, ...over,
});
const rows = [row(1, '2026-10'), row(2, '2026-10'), row(3, '2026-11'), row(4, '2026-11')];
const snapshot = (dir: string) => Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(path.join(dir, f), 'utf8')]));

describe('writing the ledger', () => {
  it('writes one file per month and figures.json, and a second run changes nothing', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ledger-'));
    expect(writeLedger(dir, rows, '2026-11-26', ['water']).changed.map((c) => c.month)).toEqual(['2026-10', '2026-11']);
    const before = snapshot(dir);
    const mtimes = readdirSync(dir).map((f) => statSync(path.join(dir, f)).mtimeMs);
    expect(writeLedger(dir, rows, '2026-11-26', ['water'])).toEqual({ changed: [], unchanged: 2 });
    expect(snapshot(dir)).toEqual(before);
    expect(readdirSync(dir).map((f) => statSync(path.join(dir, f)).mtimeMs)).toEqual(mtimes);
  });

  it('rewrites an earlier month only when one of its rows changed, and says how many', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ledger-'));
    writeLedger(dir, rows, '2026-11-26', ['water']);
    const replied = row(1, '2026-10', { status: 'replied', repliedOn: '2026-10-15', onTime: true, workingDays: 5 });
    expect(writeLedger(dir, [replied, ...rows.slice(1)], '2026-11-26', ['water']).changed).toEqual([{ month: '2026-10', rows: 1, created: false }]);
  });

  it('keeps rows the API no longer returns (submissions past their retention)', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ledger-'));
    writeLedger(dir, rows, '2026-11-26', ['water']);
    writeLedger(dir, rows.slice(2), '2026-11-27', ['water']);
    expect((JSON.parse(readFileSync(path.join(dir, '2026-10.json'), 'utf8')) as { rows: LedgerRow[] }).rows).toEqual(rows.slice(0, 2));
  });

  it('writes figures.json as the statistics of every row on the export day', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ledger-'));
    writeLedger(dir, rows, '2026-11-26', ['water']);
    expect(JSON.parse(readFileSync(path.join(dir, 'figures.json'), 'utf8'))).toEqual(JSON.parse(JSON.stringify(feedbackStatistics(rows, ['water'], '2026-11-26'))));
  });
});
