/**
 * Derived facts about supervision items. Templates, feeds, open data and search all read these; none of
 * them computes a deadline or an overdue flag itself. "today" is always passed in (see dates.asOfDate).
 * Layer: domain/ — pure: imports only domain/ (and zod, js-yaml, node:crypto); no I/O, no Astro, Hono or AWS SDK.
 */
import type { Item } from '../content/index.ts';
import { daysBetween } from '../dates.ts';

/** What the derivations need of an item (so tests and benchmarks can pass plain objects). */
export type ItemFacts = Pick<Item, 'status' | 'assignedOn' | 'deadline' | 'extensions' | 'completedOn'>;

/** 办理时限: the newest approved extension's deadline, else the original one. */
export function effectiveDeadline(item: Pick<Item, 'deadline' | 'extensions'>): string {
  return item.extensions.at(-1)?.newDeadline ?? item.deadline;
}

export function isCompleted(item: Pick<Item, 'status'>): boolean {
  return item.status === 'completed';
}

/** 逾期: not completed and past the effective deadline (the deadline day itself is still on time). */
export function isOverdue(item: ItemFacts, today: string): boolean {
  return !isCompleted(item) && today > effectiveDeadline(item);
}

/** Days past the effective deadline for an overdue item; 0 otherwise. */
export function daysOverdue(item: ItemFacts, today: string): number {
  return isOverdue(item, today) ? daysBetween(effectiveDeadline(item), today) : 0;
}

/** Days left until the effective deadline for an open item (0 on the day itself); null when closed or overdue. */
export function daysLeft(item: ItemFacts, today: string): number | null {
  if (isCompleted(item) || isOverdue(item, today)) return null;
  return daysBetween(today, effectiveDeadline(item));
}

export type Completion = 'on_time' | 'late';

/** For a completed item: on time (by the effective deadline) or late. Null while not completed. */
export function completion(item: ItemFacts): Completion | null {
  if (!isCompleted(item) || !item.completedOn) return null;
  return item.completedOn <= effectiveDeadline(item) ? 'on_time' : 'late';
}

/** Days by which a completed item missed its effective deadline; 0 when on time or not completed. */
export function daysLate(item: ItemFacts): number {
  return completion(item) === 'late' ? daysBetween(effectiveDeadline(item), item.completedOn!) : 0;
}

/** 办理用时: days from assignment to completion. Null while not completed. */
export function daysToComplete(item: ItemFacts): number | null {
  if (!isCompleted(item) || !item.completedOn) return null;
  return daysBetween(item.assignedOn, item.completedOn);
}

/** Median of a list of numbers; null for an empty list. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** On-time rate as a fraction 0–1 of completed items; null when nothing is completed yet. */
export function onTimeRate(items: readonly ItemFacts[]): number | null {
  const done = items.filter(isCompleted);
  if (done.length === 0) return null;
  return done.filter((i) => completion(i) === 'on_time').length / done.length;
}

export interface Scorecard {
  /** Items the unit leads (牵头). */
  readonly led: number;
  /** Items it supports (配合). */
  readonly supported: number;
  readonly completed: number;
  readonly completedOnTime: number;
  readonly completedLate: number;
  readonly open: number;
  /** Fraction 0–1 of completed items finished by their effective deadline; null if none completed. */
  readonly onTimeRate: number | null;
  /** Led items overdue today. */
  readonly overdueNow: number;
  /** Median days from assignment to completion over completed led items; null if none. */
  readonly medianDaysToComplete: number | null;
}

/** 单位办理情况 over the items a unit leads (supporting items are counted, not scored). */
export function scorecard(
  unitId: string,
  items: readonly (ItemFacts & Pick<Item, 'leadUnit' | 'supportUnits'>)[],
  today: string,
): Scorecard {
  const led = items.filter((i) => i.leadUnit === unitId);
  const done = led.filter(isCompleted);
  const onTime = done.filter((i) => completion(i) === 'on_time').length;
  return {
    led: led.length,
    supported: items.filter((i) => i.supportUnits.includes(unitId)).length,
    completed: done.length,
    completedOnTime: onTime,
    completedLate: done.length - onTime,
    open: led.length - done.length,
    onTimeRate: done.length ? onTime / done.length : null,
    overdueNow: led.filter((i) => isOverdue(i, today)).length,
    medianDaysToComplete: median(done.map((i) => daysToComplete(i)!)),
  };
}

/** Overall headline figures for the home page and the statistics page. */
export function headline(items: readonly ItemFacts[], today: string) {
  const completed = items.filter(isCompleted).length;
  return {
    total: items.length,
    completed,
    open: items.length - completed,
    onTimeRate: onTimeRate(items),
    overdueNow: items.filter((i) => isOverdue(i, today)).length,
  };
}

/** Format a 0–1 rate as a whole percentage, or "—" when there is nothing to rate. */
export function formatRate(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 100)}%`;
}
