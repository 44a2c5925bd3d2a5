/**
 * The statistics page's figures, computed from items and their derived facts. Pure functions; the charts
 * (charts.ts) and the data tables beside them both render these, so a chart never shows a number its table
 * does not.
 * Layer: site/ — imports domain/ and site/; never functions/, infra/, scripts/ or tests/.
 */
import type { Item } from '../../domain/content/index.ts';
import type { StatusCode } from '../../domain/labels/zh-CN.ts';
import { daysOverdue, isCompleted, onTimeRate, type ItemFacts } from '../../domain/items/derived.ts';
import { monthOf, monthRange } from '../../domain/dates.ts';

type StatItem = ItemFacts & Pick<Item, 'leadUnit' | 'supportUnits'>;

export const STATUS_ORDER: readonly StatusCode[] = ['assigned', 'in_progress', 'completed', 'suspended'];

export interface UnitStatusRow {
  readonly unit: string;
  readonly counts: Record<StatusCode, number>;
  readonly total: number;
}

/** Led items per unit and status, units with most items first; units leading nothing are left out. */
export function statusByUnit(items: readonly StatItem[], unitIds: readonly string[]): UnitStatusRow[] {
  return unitIds
    .map((unit) => {
      const counts = { assigned: 0, in_progress: 0, completed: 0, suspended: 0 } as Record<StatusCode, number>;
      let total = 0;
      for (const i of items) {
        if (i.leadUnit !== unit) continue;
        counts[i.status] += 1;
        total += 1;
      }
      return { unit, counts, total };
    })
    .filter((r) => r.total > 0)
    .sort((a, b) => b.total - a.total || a.unit.localeCompare(b.unit));
}

export interface SourceRow {
  /** `public_clue` (源自群众留言, item origin) or a 交办来源 code of the other items. */
  readonly source: string;
  readonly counts: Record<StatusCode, number>;
  readonly total: number;
}

/**
 * Items by 督查来源: those made from citizens' clues (立项督办, `origin`) first, then the others by their
 * 交办来源 in `sources` order; sources with no item are left out, except the clues' row.
 */
export function bySource(items: readonly (StatItem & Pick<Item, 'source' | 'origin'>)[], sources: readonly string[]): SourceRow[] {
  const row = (source: string, of: (i: (typeof items)[number]) => boolean) => {
    const counts = { assigned: 0, in_progress: 0, completed: 0, suspended: 0 } as Record<StatusCode, number>;
    let total = 0;
    for (const i of items.filter(of)) {
      counts[i.status] += 1;
      total += 1;
    }
    return { source, counts, total };
  };
  return [row('public_clue', (i) => i.origin?.kind === 'public_clue'), ...sources.map((s) => row(s, (i) => !i.origin && i.source === s)).filter((r) => r.total > 0)];
}

export interface UnitRateRow {
  readonly unit: string;
  readonly completed: number;
  /** 0–1. */
  readonly rate: number;
}

/** On-time completion rate per unit, over units with at least one completed item, best first. */
export function onTimeByUnit(items: readonly StatItem[], unitIds: readonly string[]): UnitRateRow[] {
  return unitIds
    .flatMap((unit) => {
      const led = items.filter((i) => i.leadUnit === unit);
      const rate = onTimeRate(led);
      return rate === null ? [] : [{ unit, completed: led.filter(isCompleted).length, rate }];
    })
    .sort((a, b) => b.rate - a.rate || b.completed - a.completed || a.unit.localeCompare(b.unit));
}

export interface MonthRow {
  readonly month: string;
  readonly assigned: number;
  readonly completed: number;
}

/** Items newly assigned and completed in each month, from the first assignment to today's month. */
export function monthlyTrend(items: readonly StatItem[], today: string): MonthRow[] {
  if (items.length === 0) return [];
  const first = items.reduce((min, i) => (i.assignedOn < min ? i.assignedOn : min), today);
  const rows = new Map(monthRange(monthOf(first), monthOf(today)).map((m) => [m, { month: m, assigned: 0, completed: 0 }]));
  for (const i of items) {
    const a = rows.get(monthOf(i.assignedOn));
    if (a) a.assigned += 1;
    if (i.completedOn && isCompleted(i)) {
      const c = rows.get(monthOf(i.completedOn));
      if (c) c.completed += 1;
    }
  }
  return [...rows.values()];
}

/** Upper bounds (inclusive, in days overdue) of the ageing buckets; the last bucket is open-ended. */
export const AGEING_BOUNDS: readonly number[] = [30, 90, 180];

/** Overdue items today by how long they have been overdue: 1–30, 31–90, 91–180, over 180 days. */
export function overdueAgeing(items: readonly StatItem[], today: string): number[] {
  const buckets = new Array<number>(AGEING_BOUNDS.length + 1).fill(0);
  for (const i of items) {
    const d = daysOverdue(i, today);
    if (d <= 0) continue;
    const idx = AGEING_BOUNDS.findIndex((b) => d <= b);
    buckets[idx === -1 ? AGEING_BOUNDS.length : idx]! += 1;
  }
  return buckets;
}
