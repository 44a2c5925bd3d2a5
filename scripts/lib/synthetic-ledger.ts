/**
 * A synthetic public ledger: `count` submissions received between two dates, each taken through the clock
 * as the workflow would (accepted or not, replied on time or late, extended, rated, reopened), their
 * deadlines from the real calendar and time limits. Deterministic for a given seed. Used for the sample
 * city's content/ledger/ (npm run sample:ledger) and by `npm run bench:build -- --submissions N`.
 * Layer: scripts/ — may import any layer but tests/; only scripts/ and tests/ import it.
 */
import { addDays, daysBetween } from '../../domain/dates.ts';
import { acceptDeadline, extensionLimit, replyDeadline, type FeedbackClock } from '../../domain/feedback/clock.ts';
import type { RejectCategory } from '../../domain/feedback/events.ts';
import type { FeedbackKind } from '../../domain/feedback/kinds.ts';
import type { LedgerRow } from '../../domain/feedback/ledger.ts';
import type { Rating } from '../../domain/feedback/rating.ts';
import { REJECT_CATEGORIES } from '../../domain/feedback/stats.ts';
import { prng } from './synthetic.ts';

const ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';

export interface SyntheticLedgerOptions {
  readonly count: number;
  readonly units: readonly string[];
  /** First and last China date of receipt; `asOf` is "today" for what is still open. */
  readonly from: string;
  readonly asOf: string;
  readonly clock: FeedbackClock;
  /** @default count */
  readonly seed?: number;
}

export function syntheticLedger(o: SyntheticLedgerOptions): LedgerRow[] {
  const rnd = prng(o.seed ?? o.count);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const cal = o.clock.calendar;
  const span = daysBetween(o.from, o.asOf);
  const used = new Set<string>();
  const rows: LedgerRow[] = [];
  for (let i = 0; i < o.count; i++) {
    const receivedOn = addDays(o.from, Math.floor(rnd() * (span + 1)));
    let trackingNumber: string;
    do trackingNumber = `DC${receivedOn.slice(2, 4)}${receivedOn.slice(5, 7)}-${Array.from({ length: 6 }, () => pick([...ALPHABET])).join('')}`;
    while (used.has(trackingNumber));
    used.add(trackingNumber);
    const kind: FeedbackKind = pick(['suggestion', 'suggestion', 'clue', 'item_feedback']);
    const acceptBy = acceptDeadline(o.clock, kind, receivedOn);
    const base = { trackingNumber, receivedOn, kind, repliedOn: null, onTime: null, workingDays: null, extended: false, rating: null, reopened: false, rejectCategory: null };
    const acceptedOn = cal.addWorkingDays(receivedOn, Math.floor(rnd() * 4));
    if (acceptedOn > o.asOf) {
      rows.push({ ...base, status: 'received', unit: null, deadline: acceptBy });
      continue;
    }
    if (rnd() < 0.08) {
      rows.push({ ...base, status: 'rejected', unit: null, deadline: acceptBy, rejectCategory: pick<RejectCategory>(REJECT_CATEGORIES) });
      continue;
    }
    const unit = pick(o.units);
    const original = replyDeadline(o.clock, kind, acceptedOn);
    const extended = rnd() < 0.1;
    const replyBy = extended ? cal.addWorkingDays(original, 1 + Math.floor(rnd() * Math.min(10, Math.max(1, daysBetween(original, extensionLimit(o.clock, original)))))) : original;
    const limit = o.clock.settings.timeLimits[kind].reply;
    const repliedOn = cal.addWorkingDays(acceptedOn, 1 + Math.floor(rnd() * (limit + (extended ? 8 : 3))));
    if (repliedOn > o.asOf) {
      rows.push({ ...base, status: 'in_progress', unit: kind === 'clue' ? null : unit, deadline: replyBy, extended });
      continue;
    }
    const r = rnd();
    const rating: Rating | null = r < 0.35 ? 'satisfied' : r < 0.5 ? 'basically_satisfied' : r < 0.58 ? 'dissatisfied' : null;
    rows.push({
      ...base,
      status: daysBetween(repliedOn, o.asOf) > 15 ? 'closed' : 'replied',
      unit,
      deadline: replyBy,
      repliedOn,
      onTime: repliedOn <= replyBy,
      workingDays: cal.workingDaysBetween(receivedOn, repliedOn),
      extended,
      rating,
      reopened: rating === 'dissatisfied',
    });
  }
  return rows.sort((a, b) => a.trackingNumber.localeCompare(b.trackingNumber));
}
