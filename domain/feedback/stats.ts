/**
 * The public statistics of citizens' submissions (群众留言办理情况), computed from the ledger's rows alone,
 * so anyone holding the ledger can recompute every figure: per unit and in all, per month and per year.
 * Figures count the submissions received in the period and what has become of them by `asOf`. Rates are
 * null (样本不足) when fewer than MIN_SAMPLE cases stand behind them.
 * Layer: domain/ — pure: imports only domain/ (and zod, js-yaml, node:crypto); no I/O, no Astro, Hono or AWS SDK.
 */
import type { RejectCategory } from './events.ts';
import { ledgerMonth, type LedgerRow } from './ledger.ts';
import { rejectCategory } from '../labels/zh-CN.ts';

/** A rate needs at least this many cases behind it. */
export const MIN_SAMPLE = 5;

export const REJECT_CATEGORIES = Object.keys(rejectCategory) as RejectCategory[];

export interface FeedbackFigures {
  readonly received: number;
  readonly accepted: number;
  readonly notAccepted: number;
  readonly notAcceptedBy: Readonly<Record<RejectCategory, number>>;
  readonly replied: number;
  readonly repliedOnTime: number;
  /** repliedOnTime / replied, 0–1; null below MIN_SAMPLE replies. */
  readonly onTimeRate: number | null;
  /** Median working days from receipt to reply; null without replies. */
  readonly medianWorkingDays: number | null;
  readonly extended: number;
  /** Open with a deadline before `asOf`. */
  readonly overdueNow: number;
  readonly rated: number;
  /** Latest rating 满意 or 基本满意. */
  readonly satisfied: number;
  /** satisfied / rated, 0–1; null below MIN_SAMPLE ratings. */
  readonly satisfiedRate: number | null;
  readonly dissatisfied: number;
  readonly reopened: number;
}

const OPEN: ReadonlySet<string> = new Set(['received', 'accepted', 'in_progress']);

function groupBy<K>(rows: readonly LedgerRow[], key: (r: LedgerRow) => K): Map<K, LedgerRow[]> {
  const out = new Map<K, LedgerRow[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}

const rate = (part: number, whole: number) => (whole >= MIN_SAMPLE ? part / whole : null);

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The figures of a set of rows as of a China date. */
export function figuresOf(rows: readonly LedgerRow[], asOf: string): FeedbackFigures {
  const notAcceptedBy = Object.fromEntries(REJECT_CATEGORIES.map((c) => [c, 0])) as Record<RejectCategory, number>;
  let accepted = 0, notAccepted = 0, replied = 0, onTime = 0, extended = 0, overdue = 0, rated = 0, satisfied = 0, dissatisfied = 0, reopened = 0;
  const days: number[] = [];
  for (const r of rows) {
    if (r.status === 'rejected') {
      notAccepted += 1;
      notAcceptedBy[r.rejectCategory ?? 'other'] += 1;
    } else if (r.status !== 'received') accepted += 1;
    if (r.repliedOn) {
      replied += 1;
      if (r.onTime) onTime += 1;
      if (r.workingDays !== null) days.push(r.workingDays);
    }
    if (r.extended) extended += 1;
    if (OPEN.has(r.status) && r.deadline && r.deadline < asOf) overdue += 1;
    if (r.rating) {
      rated += 1;
      if (r.rating === 'dissatisfied') dissatisfied += 1;
      else satisfied += 1;
    }
    if (r.reopened) reopened += 1;
  }
  return {
    received: rows.length,
    accepted,
    notAccepted,
    notAcceptedBy,
    replied,
    repliedOnTime: onTime,
    onTimeRate: rate(onTime, replied),
    medianWorkingDays: median(days),
    extended,
    overdueNow: overdue,
    rated,
    satisfied,
    satisfiedRate: rate(satisfied, rated),
    dissatisfied,
    reopened,
  };
}

/** Figures per unit (in `unitOrder`, then a row for submissions without a unit yet) and in all. */
export interface PeriodFigures {
  /** `2026`, `2026-11`, or `all`. */
  readonly period: string;
  readonly total: FeedbackFigures;
  readonly units: readonly { readonly unit: string | null; readonly figures: FeedbackFigures }[];
}

export function periodFigures(period: string, rows: readonly LedgerRow[], unitOrder: readonly string[], asOf: string): PeriodFigures {
  const byUnit = groupBy(rows, (r) => r.unit);
  const known = new Set(unitOrder);
  // Units in the editors' order; a unit id the site no longer knows still shows, after them; then "none yet".
  const order: (string | null)[] = [...unitOrder, ...[...byUnit.keys()].filter((u): u is string => u !== null && !known.has(u)).sort(), null];
  return {
    period,
    total: figuresOf(rows, asOf),
    units: order.filter((u) => byUnit.has(u)).map((unit) => ({ unit, figures: figuresOf(byUnit.get(unit)!, asOf) })),
  };
}

/** Every period of the ledger: all, each year, each month (months and years newest first). */
export interface FeedbackStatistics {
  readonly asOf: string;
  readonly all: PeriodFigures;
  readonly years: readonly PeriodFigures[];
  readonly months: readonly PeriodFigures[];
}

export function feedbackStatistics(rows: readonly LedgerRow[], unitOrder: readonly string[], asOf: string): FeedbackStatistics {
  const byMonth = groupBy(rows, ledgerMonth);
  const byYear = groupBy(rows, (r) => ledgerMonth(r).slice(0, 4));
  const periods = (map: Map<string, LedgerRow[]>) => [...map.keys()].sort().reverse().map((p) => periodFigures(p, map.get(p)!, unitOrder, asOf));
  return { asOf, all: periodFigures('all', rows, unitOrder, asOf), years: periods(byYear), months: periods(byMonth) };
}
