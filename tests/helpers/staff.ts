/**
 * The staff API next to the public API for integration tests: the same tables, the development token
 * issuer in a temp folder, notifications into a temp outbox, and a clock the test can move.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Logger } from '@aws-lambda-powertools/logger';
import { createStaffApp } from '../../functions/http/staff-app.ts';
import { createVerifier } from '../../functions/staff/auth.ts';
import { outboxNotifier, type OutgoingMessage } from '../../functions/staff/notify.ts';
import { ContactStore, FeedbackStore } from '../../functions/store/feedback-store.ts';
import { devVerifierOptions, signDevToken } from '../../functions/local/dev-auth.ts';
import type { StaffRole } from '../../domain/feedback/workflow.ts';
import { newKey, testApi, validSubmission, type TestApiOptions } from './api.ts';
import type { UnitInfo } from '../../domain/api/staff.ts';
import type { SiteFacts } from '../../domain/api/site-facts.ts';
import { givenFacts } from '../../functions/http/site-facts.ts';

export const UNITS: UnitInfo[] = [
  { id: 'water', name: '示例市水务局', shortName: '水务局' },
  { id: 'urban', name: '示例市城市管理局', shortName: '城管局' },
  { id: 'housing', name: '示例市住房和城乡建设局', shortName: '住建局' },
];

/** The site's facts the staff tests work with: the units above, two regions, a few items. */
export const FACTS: SiteFacts = {
  units: UNITS,
  regions: [{ id: 'chengguan', name: '城关街道' }, { id: 'hexi', name: '河西街道' }],
  items: [{ id: 'DC-2026-014' }, { id: 'DC-2026-015' }],
};

export async function staffTestApi(endpoint: string, options: TestApiOptions & { clock?: { now: Date } } = {}) {
  const clock = options.clock ?? { now: new Date() };
  const api = await testApi(endpoint, { facts: FACTS, ...options, now: () => clock.now });
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ducha-staff-'));
  const outbox = path.join(dataDir, 'outbox');
  const staff = createStaffApp({
    feedback: new FeedbackStore(api.db, api.tables),
    contacts: new ContactStore(api.db, api.tables),
    verify: createVerifier(await devVerifierOptions(dataDir)),
    site: givenFacts(options.facts ?? FACTS),
    notifier: outboxNotifier(outbox),
    lookupUrl: 'http://localhost:4321/feedback/status/',
    consoleConfig: { mode: 'dev' },
    logger: new Logger({ serviceName: 'test-staff', logLevel: 'ERROR' }),
    now: () => clock.now,
    ...(options.feedbackClock ? { clock: async () => options.feedbackClock! } : {}),
  });
  const token = (role: StaffRole, unit?: string, name = `${role}-${unit ?? 'office'}`) => signDevToken(dataDir, { name, role, ...(unit ? { unit } : {}) });
  const tokens = {
    reviewer: await token('reviewer'),
    admin: await token('admin'),
    water: await token('unit', 'water'),
    urban: await token('unit', 'urban'),
  };

  async function request(method: string, url: string, token: string | undefined, body?: unknown) {
    const res = await staff.request(url, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    return { status: res.status, type: res.headers.get('content-type') ?? '', json: text ? (JSON.parse(text) as Record<string, any>) : {} };
  }

  async function act(tracking: string, token: string, action: Record<string, unknown>) {
    return request('POST', `/api/staff/submissions/${tracking}/actions`, token, action);
  }

  /** Submit through the public API; returns the receipt. */
  async function submit(over: Record<string, unknown> = {}) {
    const res = await api.post('/api/feedback', validSubmission(over), { 'idempotency-key': newKey(), 'x-test-client': `198.18.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}` });
    if (res.status !== 201) throw new Error(`submit: ${res.status} ${await res.text()}`);
    return (await res.json()) as { trackingNumber: string; password: string };
  }

  function outboxMessages(): OutgoingMessage[] {
    try {
      return readdirSync(outbox).map((f) => JSON.parse(readFileSync(path.join(outbox, f), 'utf8')) as OutgoingMessage);
    } catch {
      return [];
    }
  }

  return { api, staff, clock, tokens, token, request, act, submit, outboxMessages, dataDir };
}

export type StaffTestApi = Awaited<ReturnType<typeof staffTestApi>>;
