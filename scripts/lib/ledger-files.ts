/**
 * Writing the public ledger under content/ledger/ (for `npm run ledger:export` and the sample): one file
 * per month received, one row per line so a pull request shows exactly which rows changed, and
 * figures.json computed from all rows. A month's file is written only when its rows changed; rows that are
 * no longer in the API's answer (submissions past their retention) are kept, since the ledger is the
 * record of what was counted. Running it twice with the same rows changes nothing.
 * Layer: scripts/ — may import any layer but tests/; only scripts/ and tests/ import it.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { LEDGER_COLUMNS, ledgerMonth, type LedgerRow } from '../../domain/feedback/ledger.ts';
import { feedbackStatistics } from '../../domain/feedback/stats.ts';

/** A month file's text: `{ month, rows }` with one row per line, columns in ledger order. */
export function monthFileText(month: string, rows: readonly LedgerRow[]): string {
  const line = (r: LedgerRow) => `  ${JSON.stringify(Object.fromEntries(LEDGER_COLUMNS.map((c) => [c, r[c]])))}`;
  return `{\n "month": ${JSON.stringify(month)},\n "rows": [\n${rows.map(line).join(',\n')}${rows.length ? '\n' : ''} ]\n}\n`;
}

function readRows(file: string): LedgerRow[] {
  return existsSync(file) ? ((JSON.parse(readFileSync(file, 'utf8')) as { rows: LedgerRow[] }).rows ?? []) : [];
}

export interface LedgerWrite {
  /** Months whose file was created or rewritten, with how many rows were new or changed. */
  readonly changed: readonly { readonly month: string; readonly rows: number; readonly created: boolean }[];
  readonly unchanged: number;
}

/**
 * Merge `rows` (by month) into the files under `dir`, then write figures.json as of `asOf` from every row
 * of every month file. `unitOrder` orders the units in the figures.
 */
export function writeLedger(dir: string, rows: readonly LedgerRow[], asOf: string, unitOrder: readonly string[]): LedgerWrite {
  mkdirSync(dir, { recursive: true });
  const byMonth = new Map<string, LedgerRow[]>();
  for (const r of rows) {
    const list = byMonth.get(ledgerMonth(r));
    if (list) list.push(r);
    else byMonth.set(ledgerMonth(r), [r]);
  }
  const changed: { month: string; rows: number; created: boolean }[] = [];
  let unchanged = 0;
  for (const [month, fresh] of [...byMonth].sort(([a], [b]) => a.localeCompare(b))) {
    const file = path.join(dir, `${month}.json`);
    const before = readRows(file);
    const merged = new Map(before.map((r) => [r.trackingNumber, r]));
    for (const r of fresh) merged.set(r.trackingNumber, r);
    const all = [...merged.values()].sort((a, b) => a.trackingNumber.localeCompare(b.trackingNumber));
    const text = monthFileText(month, all);
    if (existsSync(file) && readFileSync(file, 'utf8') === text) {
      unchanged += 1;
      continue;
    }
    const old = new Map(before.map((r) => [r.trackingNumber, JSON.stringify(r)]));
    changed.push({ month, rows: all.filter((r) => old.get(r.trackingNumber) !== JSON.stringify(Object.fromEntries(LEDGER_COLUMNS.map((c) => [c, r[c]])))).length, created: before.length === 0 });
    writeFileSync(file, text);
  }
  const everything = allRows(dir);
  const figures = `${JSON.stringify(feedbackStatistics(everything, unitOrder, asOf), null, 1)}\n`;
  const figuresFile = path.join(dir, 'figures.json');
  if (!existsSync(figuresFile) || readFileSync(figuresFile, 'utf8') !== figures) writeFileSync(figuresFile, figures);
  return { changed, unchanged };
}

/** Every row of every month file under `dir`, by month and tracking number. */
function allRows(dir: string): LedgerRow[] {
  const months = existsSync(dir) ? readdirMonths(dir) : [];
  return months.flatMap((m) => readRows(path.join(dir, `${m}.json`)));
}

function readdirMonths(dir: string): string[] {
  return readdirSync(dir).filter((f) => /^\d{4}-\d{2}\.json$/.test(f)).map((f) => f.slice(0, 7)).sort();
}
