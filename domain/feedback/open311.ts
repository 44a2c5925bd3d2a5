/**
 * The ledger as Open311 GeoReport v2 (read only), so existing Open311 tools can read it: the kinds of
 * submission as services, each submission as a service request built from its ledger row — no
 * `description`, no address or location, the answering unit as `agency_responsible` under the ledger's
 * rule (a clue's only once replied), the deadline as `expected_datetime` (the end of that China day).
 * Query parameters and error bodies follow the specification (errors: `[{ code, description }]`).
 * Layer: domain/ — pure: imports only domain/ (and zod, js-yaml, node:crypto); no I/O, no Astro, Hono or AWS SDK.
 */
import * as z from 'zod/mini';
import type { WorkingCalendar } from '../clock/calendar.ts';
import { open311 as msg } from '../labels/zh-CN.ts';
import { FEEDBACK_KINDS, kindLabel, type FeedbackKind } from './kinds.ts';
import { ledgerRow } from './ledger.ts';
import { statusLabel, type FeedbackStatus } from './status.ts';
import type { SubmissionRecord } from './submission.ts';

/** GET services.json: one service per kind of submission. */
export interface Open311Service {
  readonly service_code: string;
  readonly service_name: string;
  readonly description: string;
  readonly metadata: boolean;
  readonly type: 'realtime' | 'batch' | 'blackbox';
  readonly keywords: string;
  readonly group: string;
}

/** One service request (requests.json, requests/{id}.json). Fields the ledger has no value for are left out. */
export interface Open311Request {
  readonly service_request_id: string;
  readonly status: 'open' | 'closed';
  readonly status_notes: string;
  readonly service_name: string;
  readonly service_code: string;
  readonly agency_responsible?: string;
  readonly requested_datetime: string;
  readonly updated_datetime: string;
  readonly expected_datetime?: string;
}

/** One error of an Open311 error answer. */
export interface Open311Error {
  readonly code: number;
  readonly description: string;
}

/** Statuses in which the office still owes the citizen an answer ("open" in Open311). */
export const OPEN311_OPEN: readonly FeedbackStatus[] = ['received', 'accepted', 'in_progress'];

export function open311Services(): Open311Service[] {
  return FEEDBACK_KINDS.map((k) => ({ service_code: k, service_name: kindLabel(k), description: msg.serviceDescription(kindLabel(k)), metadata: false, type: 'batch', keywords: '', group: msg.group }));
}

/** A W3C datetime in China time: 2026-11-02T10:15:00+08:00. */
function chinaDateTime(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().replace(/\.\d{3}Z$/, '+08:00');
}

export function open311Request(record: SubmissionRecord, unitName: (id: string) => string | undefined, calendar: WorkingCalendar): Open311Request {
  const row = ledgerRow(record, calendar);
  return {
    service_request_id: row.trackingNumber,
    status: OPEN311_OPEN.includes(row.status) ? 'open' : 'closed',
    status_notes: statusLabel(row.status),
    service_name: kindLabel(row.kind),
    service_code: row.kind,
    ...(row.unit ? { agency_responsible: unitName(row.unit) ?? row.unit } : {}),
    requested_datetime: chinaDateTime(record.createdAt),
    updated_datetime: chinaDateTime(record.updatedAt),
    ...(row.deadline ? { expected_datetime: `${row.deadline}T23:59:59+08:00` } : {}),
  };
}

/** The specification's defaults: without dates, the last 90 days; at most 1000 requests; a span of at most 90 days. */
export const OPEN311_LIMITS = { defaultDays: 90, maxSpanDays: 90, maxResults: 1000 } as const;

const list = z.optional(z.string().check(z.maxLength(500)));
/** GET requests.json query, as the specification names it (jurisdiction_id is accepted and ignored: one jurisdiction). */
export const open311QuerySchema = z.object({
  jurisdiction_id: list,
  service_request_id: list,
  service_code: list,
  start_date: list,
  end_date: list,
  status: list,
});

export interface Open311Query {
  readonly ids?: readonly string[];
  readonly kinds: readonly FeedbackKind[];
  readonly statuses: readonly FeedbackStatus[];
  /** ISO instants, `from` inclusive, `to` exclusive. */
  readonly from: string;
  readonly to: string;
}

/** The query as the store reads it, or the Open311 errors (code 400) of what does not pass. */
export function parseOpen311Query(q: z.output<typeof open311QuerySchema>, now: Date): { ok: true; query: Open311Query } | { ok: false; errors: Open311Error[] } {
  const errors: Open311Error[] = [];
  const split = (s: string | undefined) => (s ?? '').split(',').map((x) => x.trim()).filter(Boolean);
  const instant = (field: string, value: string | undefined) => {
    if (value === undefined) return undefined;
    const t = Date.parse(value);
    if (!/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(value) || Number.isNaN(t)) errors.push({ code: 400, description: msg.badDate(field) });
    return Number.isNaN(t) ? undefined : t;
  };
  const kinds = split(q.service_code);
  for (const k of kinds) if (!(FEEDBACK_KINDS as readonly string[]).includes(k)) errors.push({ code: 400, description: msg.badCode(k) });
  const wanted = split(q.status);
  for (const s of wanted) if (s !== 'open' && s !== 'closed') errors.push({ code: 400, description: msg.badStatus });
  const day = 86_400_000;
  const endT = instant('end_date', q.end_date) ?? now.getTime();
  const startT = instant('start_date', q.start_date) ?? endT - OPEN311_LIMITS.defaultDays * day;
  if (endT - startT > OPEN311_LIMITS.maxSpanDays * day) errors.push({ code: 400, description: msg.span(OPEN311_LIMITS.maxSpanDays) });
  if (errors.length) return { ok: false, errors };
  const statuses = (['open', 'closed'] as const)
    .filter((s) => wanted.length === 0 || wanted.includes(s))
    .flatMap((s) => (s === 'open' ? OPEN311_OPEN : (['replied', 'closed', 'rejected'] as const)));
  const ids = split(q.service_request_id);
  return {
    ok: true,
    query: {
      ...(ids.length ? { ids } : {}),
      kinds: kinds.length ? (kinds as FeedbackKind[]) : [...FEEDBACK_KINDS],
      statuses,
      from: new Date(startT).toISOString(),
      to: new Date(endT + 1).toISOString(),
    },
  };
}
