/**
 * The console's side of the staff API (functions/http/staff-app.ts): what each route answers, and one
 * fetch helper that sends the token and turns problem+json answers into ApiError (401, 403, 404, 409, 422).
 * Layer: site/ — imports domain/ and site/; never functions/, infra/, scripts/ or tests/.
 */
import * as z from 'zod/mini';
import { type Contact } from '../../domain/feedback/schema.ts';
import { actionSchema, promoteSchema, type ActionRequest, type PromoteRequest } from '../../domain/feedback/staff-schema.ts';
import type { ItemDraft } from '../../domain/feedback/item-draft.ts';
import type { FeedbackStatus } from '../../domain/feedback/status.ts';
import { decide, type StaffUser } from '../../domain/feedback/workflow.ts';
// The answers' types come from the API itself (type-only: no server code reaches the browser).
import { apiError } from './form-errors.ts';
import { fieldErrors, type FieldError } from '../../domain/api/problem.ts';
import type { Detail, Me, MyItemsPage, QueuePage, ReportsPage, ReportView, StaffSubmission, UnitInfo } from '../../domain/api/staff.ts';
import { routePath } from '../../domain/api/routes.ts';


export interface QueueQuery {
  readonly status: FeedbackStatus;
  readonly kind?: string;
  readonly unit?: string;
  readonly from?: string;
  readonly to?: string;
  readonly cursor?: string;
}

export function staffApi(token: string) {
  async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
    const res = await fetch(path, {
      ...init,
      headers: { Accept: 'application/json', Authorization: `Bearer ${token}`, ...(init.body ? { 'Content-Type': 'application/json' } : {}) },
      credentials: 'omit',
      cache: 'no-store',
    });
    if (!res.ok) throw await apiError(res);
    return (await res.json()) as T;
  }
  return {
    me: () => call<Me>(routePath('me')),
    queue: (q: QueueQuery) => {
      const params = new URLSearchParams();
      for (const [k, v] of Object.entries(q)) if (v) params.set(k, String(v));
      return call<QueuePage>(`${routePath('queue')}?${params}`);
    },
    detail: (tracking: string) => call<Detail>(routePath('submission', { tracking })),
    act: (tracking: string, body: ActionRequest) => call<Detail>(routePath('action', { tracking }), { method: 'POST', body: JSON.stringify(body) }),
    myItems: () => call<MyItemsPage>(routePath('myItems')),
    reports: (status: string) => call<ReportsPage>(`${routePath('reports')}?status=${encodeURIComponent(status)}`),
    report: (body: unknown) => call<ReportView>(routePath('newReport'), { method: 'POST', body: JSON.stringify(body) }),
    reportAction: (id: string, body: unknown) => call<ReportView>(routePath('reportAction', { id }), { method: 'POST', body: JSON.stringify(body) }),
    promote: (body: PromoteRequest) => call<{ draft: ItemDraft }>(routePath('promote'), { method: 'POST', body: JSON.stringify(body) }),
  };
}

export type StaffApi = ReturnType<typeof staffApi>;

/**
 * Check an action as the API will: the request schema (actionSchema), then the workflow's own rules for
 * the fields (reasons, units, reply text) — so the console shows the API's messages before sending.
 * Role and state are left to the API (it has the last word; the console only offers available actions).
 */
export function validateAction(user: StaffUser, submission: StaffSubmission, body: Record<string, unknown>, knownUnits: ReadonlySet<string>): FieldError[] {
  const parsed = z.safeParse(actionSchema, body);
  if (!parsed.success) return fieldErrors(parsed.error);
  const decision = decide(user, { ...submission, eventCount: submission.version }, parsed.data.action, parsed.data, knownUnits);
  return !decision.ok && decision.reason === 'invalid' ? [{ field: decision.field ?? '', message: decision.message }] : [];
}

/** Check a 立项督办 request with the API's schema (the units, region and deadline rules are the API's: it knows today). */
export function validatePromotion(body: Record<string, unknown>): FieldError[] {
  const parsed = z.safeParse(promoteSchema, body);
  return parsed.success ? [] : fieldErrors(parsed.error);
}
