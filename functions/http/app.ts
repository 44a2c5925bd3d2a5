/**
 * The feedback API as one Hono application. It runs unchanged in AWS Lambda (handlers/, API Gateway HTTP API
 * payload v2) and in the local server (local/); only the dependencies passed in differ. No AWS SDK here:
 * the stores come in through `AppDeps`.
 *
 *   GET  /api/health            liveness
 *   GET  /api/challenge         a proof-of-work challenge (ALTCHA)
 *   POST /api/feedback          a suggestion, problem clue or item feedback → receipt
 *   POST /api/feedback/lookup   status, public history and reply of one submission
 */
import { createHash } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Logger } from '@aws-lambda-powertools/logger';
import type { Metrics } from '@aws-lambda-powertools/metrics';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { IdempotencyConfig, makeIdempotent } from '@aws-lambda-powertools/idempotency';
import type { BasePersistenceLayer } from '@aws-lambda-powertools/idempotency/persistence';
import * as z from 'zod/mini';
import {
  createFeedbackSchema,
  fieldErrors,
  fromFormFields,
  IDEMPOTENCY_KEY,
  LIMITS,
  lookupSchema,
  type FeedbackInput,
} from '../../domain/feedback/schema.ts';
import { hashPassword, newSalt, passwordMatches, queryPassword, trackingNumber, clientFingerprint } from './receipt.ts';
import { publicHistory, statusLabel, type FeedbackEvent } from '../../domain/feedback/status.ts';
import { decideRating, RATING_WINDOW_DAYS } from '../../domain/feedback/workflow.ts';
import { ratingSchema } from '../../domain/feedback/staff-schema.ts';
import { expiresAt, RETENTION } from '../../domain/feedback/retention.ts';
import { chinaDate } from '../../domain/dates.ts';
import { feedbackError as msg, feedbackPage, satisfaction, staffError } from '../../domain/labels/zh-CN.ts';
import { urls } from '../../domain/urls.ts';
import type { FeedbackStore, LoadedSubmission, SubmissionRecord } from '../store/feedback-store.ts';
import type { BucketPolicy, GuardStore } from '../store/guard-store.ts';
import { HttpProblem, problems, toProblem } from './problem.ts';
import { checkSolution, newChallenge, type PowConfig } from './pow.ts';
import { errorPage, HTML_CSP, lookupPage, receiptPage } from './html.ts';
import type { LookupResult, Receipt } from '../../domain/api/feedback.ts';

export interface Limits {
  readonly challenge: BucketPolicy;
  /** Submissions that passed the proof of work. */
  readonly submit: BucketPolicy;
  /** Plain form posts without JavaScript: accepted, under a stricter limit, marked unverified. */
  readonly submitUnverified: BucketPolicy;
  readonly lookup: BucketPolicy;
  /** Failed lookups of one tracking number allowed per window before it is locked (429). */
  readonly lookupFailures: number;
  readonly lookupWindowSeconds: number;
}

export const DEFAULT_LIMITS: Limits = {
  challenge: { capacity: 30, perSeconds: 600 },
  submit: { capacity: 10, perSeconds: 3_600 },
  submitUnverified: { capacity: 3, perSeconds: 3_600 },
  lookup: { capacity: 30, perSeconds: 600 },
  lookupFailures: 10,
  lookupWindowSeconds: 3_600,
};

/**
 * DUCHA_RATE_LIMIT_MULTIPLIER scales every bucket's capacity — for load benchmarks and local experiments
 * only (the deployed stack never sets it).
 */
export function limitsFromEnv(env: Record<string, string | undefined> = process.env, base: Limits = DEFAULT_LIMITS): Limits {
  const m = Number(env.DUCHA_RATE_LIMIT_MULTIPLIER);
  if (!Number.isFinite(m) || m <= 0 || m === 1) return base;
  const scale = (p: BucketPolicy): BucketPolicy => ({ ...p, capacity: Math.ceil(p.capacity * m) });
  return { ...base, challenge: scale(base.challenge), submit: scale(base.submit), submitUnverified: scale(base.submitUnverified), lookup: scale(base.lookup) };
}

export interface Secrets {
  /** Signs proof-of-work challenges. */
  readonly altchaHmacKey: string;
  /** Keys tracking numbers, passwords and client fingerprints. */
  readonly pepper: string;
}

export interface AppDeps {
  readonly feedback: FeedbackStore;
  readonly guard: GuardStore;
  /** Powertools idempotency persistence (the guard table). */
  readonly idempotency: BasePersistenceLayer;
  /** Read once per cold start in Lambda; cached by the caller. */
  readonly secrets: () => Promise<Secrets>;
  readonly pow: PowConfig;
  readonly limits: Limits;
  /** Display name of a unit id (replies name the unit that wrote them). */
  readonly unitName?: (id: string) => string | undefined;
  /** Region ids of the site; submissions may name only these. */
  readonly regionIds?: readonly string[];
  readonly logger: Logger;
  readonly metrics?: Metrics;
  /** The client's network address, for rate limits (hashed before use). */
  readonly clientAddress: (c: Context) => string;
  /** Time left in this invocation (Lambda); used by the idempotency records. */
  readonly remainingTimeMs?: (c: Context) => number;
  readonly now?: () => Date;
}

type Env = { Variables: { trackingNumber?: string; wantsHtml: boolean } };

/** What the idempotent step receives: the validated submission, keyed and hashed. */
interface SubmitRequest {
  readonly key: string;
  readonly bodyHash: string;
  readonly input: FeedbackInput;
  readonly client: string;
}

interface StoredReceipt {
  readonly trackingNumber: string;
  readonly createdAt: string;
  readonly verified: boolean;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('base64url');

/** JSON with object keys sorted at every level, so equal values always serialise the same way. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The fields that make a submission "the same body" for idempotency: everything but the proof of work. */
function bodyFingerprint(input: FeedbackInput): string {
  const { altcha: _a, idempotencyKey: _k, website: _w, ...content } = input;
  return sha256(canonical(content));
}

export function createApp(deps: AppDeps): Hono<Env> {
  const now = deps.now ?? (() => new Date());
  const schema = createFeedbackSchema(deps.regionIds ? { regionIds: deps.regionIds } : {});
  const idempotencyConfig = new IdempotencyConfig({
    eventKeyJmesPath: 'key',
    payloadValidationJmesPath: 'bodyHash',
    expiresAfterSeconds: RETENTION.idempotencyHours * 3_600,
    throwOnNoIdempotencyKey: true,
  });

  async function takeToken(scope: string, client: string, policy: BucketPolicy) {
    const result = await deps.guard.takeToken(scope, client, policy, now());
    if (!result.allowed) {
      deps.metrics?.addMetric('RateLimited', MetricUnit.Count, 1);
      throw problems.rateLimited(result.retryAfter);
    }
  }

  /** The part of a submission that must happen exactly once per idempotency key. */
  async function storeSubmission(req: SubmitRequest): Promise<StoredReceipt> {
    const { pepper, altchaHmacKey } = await deps.secrets();
    const { input } = req;
    let verified = false;
    if (input.altcha) {
      const pow = await checkSolution(input.altcha, deps.pow, altchaHmacKey);
      if (!pow.ok) throw problems.invalid([{ field: 'altcha', message: pow.reason === 'expired' ? msg.challengeExpired : msg.challengeInvalid }]);
      if (!(await deps.guard.useChallenge(pow.signature, pow.expiresAt))) throw problems.invalid([{ field: 'altcha', message: msg.challengeUsed }]);
      verified = true;
    }
    await takeToken(verified ? 'submit' : 'submit-unverified', req.client, verified ? deps.limits.submit : deps.limits.submitUnverified);

    const at = now();
    const createdAt = at.toISOString();
    const hasContact = Boolean(input.contact);
    for (let attempt = 0; attempt < 8; attempt++) {
      const tracking = trackingNumber(pepper, req.key, chinaDate(at), attempt);
      const salt = newSalt();
      const record: SubmissionRecord = {
        trackingNumber: tracking,
        kind: input.kind,
        ...(input.itemId ? { itemId: input.itemId } : {}),
        ...(input.region ? { region: input.region } : {}),
        title: input.title,
        content: input.content,
        allowPublish: input.allowPublish,
        hasContact,
        verified,
        status: 'received',
        createdAt,
        updatedAt: createdAt,
        version: 1,
        eventCount: 1,
        passwordSalt: salt,
        passwordHash: hashPassword(pepper, salt, queryPassword(pepper, tracking, req.key)),
        ownerHash: sha256(req.key),
        expiresAt: expiresAt(at, { days: RETENTION.submissionDays }),
      };
      const firstEvent: FeedbackEvent = { seq: 1, at: createdAt, action: 'submitted', status: 'received', actor: '留言人', role: 'citizen', public: true };
      const result = await deps.feedback.create({
        record,
        firstEvent,
        ...(input.contact ? { contact: input.contact } : {}),
        contactExpiresAt: expiresAt(at, { days: RETENTION.contactDays }),
      });
      if (result === 'clash') continue;
      const stored = result === 'created' ? record : ((await deps.feedback.meta(tracking)) ?? record);
      return { trackingNumber: tracking, createdAt: stored.createdAt, verified: stored.verified };
    }
    throw problems.internal(new Error('no free tracking number after 8 attempts'));
  }

  const submitOnce = makeIdempotent(storeSubmission, {
    persistenceStore: deps.idempotency,
    config: idempotencyConfig,
    keyPrefix: 'IDEM#submit',
  });

  const app = new Hono<Env>();

  app.use('/api/*', async (c, next) => {
    const started = performance.now();
    c.set('wantsHtml', /text\/html/.test(c.req.header('accept') ?? ''));
    c.header('Cache-Control', 'no-store');
    c.header('X-Content-Type-Options', 'nosniff');
    await next();
    // Never the body, never contact details: method, path, status, time and the tracking number only.
    deps.logger.info('request', {
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round(performance.now() - started),
      ...(c.get('trackingNumber') ? { trackingNumber: c.get('trackingNumber') } : {}),
    });
    deps.metrics?.publishStoredMetrics();
  });

  const limitBody = bodyLimit({ maxSize: LIMITS.bodyBytes, onError: () => { throw problems.tooLarge(); } });

  /** Parse a JSON or form body; 415 for other types, 400 for malformed JSON. */
  async function readBody(c: Context<Env>): Promise<{ data: unknown; form: boolean }> {
    const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (type === 'application/json') {
      const text = await c.req.text();
      try {
        return { data: JSON.parse(text), form: false };
      } catch {
        throw problems.badJson();
      }
    }
    if (type === 'application/x-www-form-urlencoded') {
      const fields: Record<string, string | string[]> = {};
      for (const [k, v] of new URLSearchParams(await c.req.text())) {
        const prev = fields[k];
        fields[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
      }
      return { data: fields, form: true };
    }
    throw problems.unsupportedType();
  }

  function parse<S extends z.ZodMiniType>(s: S, data: unknown): z.output<S> {
    const result = z.safeParse(s, data);
    if (!result.success) throw problems.invalid(fieldErrors(result.error));
    return result.data;
  }

  app.get('/api/health', (c) => c.json({ status: 'ok', time: now().toISOString() }));

  app.get('/api/challenge', async (c) => {
    const { pepper, altchaHmacKey } = await deps.secrets();
    await takeToken('challenge', clientFingerprint(pepper, deps.clientAddress(c)), deps.limits.challenge);
    return c.json(await newChallenge(deps.pow, altchaHmacKey, now()));
  });

  app.post('/api/feedback', limitBody, async (c) => {
    const { data, form } = await readBody(c);
    const input = parse(schema, form ? fromFormFields(data as Record<string, string | string[]>) : data);
    const { pepper } = await deps.secrets();
    const client = clientFingerprint(pepper, deps.clientAddress(c));
    const bodyHash = bodyFingerprint(input);

    const header = c.req.header('idempotency-key')?.trim().replace(/^"(.*)"$/, '$1');
    if (header !== undefined && !IDEMPOTENCY_KEY.test(header)) throw problems.invalid([{ field: 'idempotencyKey', message: msg.idempotencyKey }]);
    // Without a key (a plain form post), the same text from the same client within ten minutes is taken as
    // a repeat of the same submission, so a double click stores one.
    const key = header ?? input.idempotencyKey ?? `auto-${sha256(`${client}|${bodyHash}|${Math.floor(now().getTime() / 600_000)}`)}`;

    // In Lambda the real time left; locally a fixed budget, so an interrupted attempt's lock lapses quickly.
    const remaining = deps.remainingTimeMs?.(c) ?? 30_000;
    idempotencyConfig.registerLambdaContext({ getRemainingTimeInMillis: () => remaining } as never);
    const stored = await submitOnce({ key, bodyHash, input, client });
    c.set('trackingNumber', stored.trackingNumber);
    deps.metrics?.addMetric('SubmissionAccepted', MetricUnit.Count, 1);
    const receipt: Receipt = {
      trackingNumber: stored.trackingNumber,
      password: queryPassword(pepper, stored.trackingNumber, key),
      status: 'received',
      statusLabel: statusLabel('received'),
      createdAt: stored.createdAt,
      verified: stored.verified,
    };
    if (c.get('wantsHtml')) {
      c.header('Content-Security-Policy', HTML_CSP);
      return c.html(receiptPage(receipt), 201);
    }
    return c.json(receipt, 201);
  });

  /** What the citizen may see of their submission. Never contact details, staff names or drafts. */
  function lookupResult(record: SubmissionRecord, events: readonly FeedbackEvent[]): LookupResult {
    const rateUntil = record.reply ? new Date(Date.parse(record.reply.at) + RATING_WINDOW_DAYS * 86_400_000).toISOString() : null;
    const canRate = decideRating(record, 'satisfied', undefined, now()).ok;
    return {
      trackingNumber: record.trackingNumber,
      kind: record.kind,
      title: record.title,
      ...(record.itemId ? { itemId: record.itemId } : {}),
      status: record.status,
      statusLabel: statusLabel(record.status),
      submittedAt: record.createdAt,
      history: publicHistory(events),
      reply: record.reply ? { ...record.reply, unit: deps.unitName?.(record.reply.unit) ?? record.reply.unit } : null,
      rating: record.rating ? { rating: record.rating.rating, label: satisfaction[record.rating.rating], at: record.rating.at } : null,
      rateUntil: canRate ? rateUntil : null,
    };
  }

  /**
   * Check a tracking number and password as the lookup does: per-client rate limit, per-number lockout
   * after repeated failures, the same answer for a wrong password and an unknown number. Then the
   * submission with its events.
   */
  async function authenticateCitizen(c: Context<Env>, input: { trackingNumber: string; password: string }): Promise<LoadedSubmission> {
    const { pepper } = await deps.secrets();
    await takeToken('lookup', clientFingerprint(pepper, deps.clientAddress(c)), deps.limits.lookup);
    const failures = await deps.guard.lookupFailures(input.trackingNumber, deps.limits.lookupWindowSeconds, now());
    if (failures.count >= deps.limits.lookupFailures) throw problems.lookupLocked(failures.retryAfter);
    const meta = await deps.feedback.meta(input.trackingNumber);
    // Compare against a dummy hash when the number is unknown, so both cases take the same path and time.
    const ok = passwordMatches(pepper, meta?.passwordSalt ?? 'none', input.password, meta?.passwordHash ?? 'none');
    if (!meta || !ok) {
      await deps.guard.recordLookupFailure(input.trackingNumber, deps.limits.lookupWindowSeconds, now());
      throw problems.notFound();
    }
    c.set('trackingNumber', meta.trackingNumber);
    return deps.feedback.withEvents(meta);
  }

  app.post('/api/feedback/lookup', limitBody, async (c) => {
    const { data } = await readBody(c);
    const input = parse(lookupSchema, data);
    const loaded = await authenticateCitizen(c, input);
    const result = lookupResult(loaded.record, loaded.events);
    if (c.get('wantsHtml')) {
      c.header('Content-Security-Policy', HTML_CSP);
      return c.html(lookupPage(result, input.password));
    }
    return c.json(result);
  });

  app.post('/api/feedback/satisfaction', limitBody, async (c) => {
    const { data, form } = await readBody(c);
    const input = parse(ratingSchema, form ? { ...(data as Record<string, string>) } : data);
    const loaded = await authenticateCitizen(c, input);
    const decision = decideRating(loaded.record, input.rating, input.comment, now());
    if (!decision.ok) throw new HttpProblem(409, 'cannot-rate', decision.message);
    const appended = await deps.feedback.append(loaded, { ...decision.event, at: now().toISOString() });
    if (!appended.ok) throw new HttpProblem(409, 'version-conflict', staffError.conflict);
    const result = lookupResult(appended.record, [...loaded.events, appended.event]);
    if (c.get('wantsHtml')) {
      c.header('Content-Security-Policy', HTML_CSP);
      return c.html(lookupPage(result, input.password));
    }
    return c.json(result);
  });

  app.all('/api/*', (c) => {
    const known: Record<string, string> = { '/api/health': 'GET', '/api/challenge': 'GET', '/api/feedback': 'POST', '/api/feedback/lookup': 'POST', '/api/feedback/satisfaction': 'POST' };
    const allow = known[c.req.path];
    throw allow ? problems.methodNotAllowed(allow) : problems.noRoute();
  });

  app.onError((error, c) => {
    const problem = toProblem(error, deps.logger);
    for (const [k, v] of Object.entries(problem.headers)) c.header(k, v);
    c.header('Cache-Control', 'no-store');
    if (c.get('wantsHtml') && c.req.method === 'POST' && problem.status < 500 && problem.status !== 405) {
      c.header('Content-Security-Policy', HTML_CSP);
      const back = c.req.path.endsWith('/lookup') ? urls.feedbackStatus : urls.feedback;
      return c.html(errorPage(problem.errors ? feedbackPage.errorSummary : problem.message, problem.errors ?? [], back), problem.status as 400);
    }
    return c.body(JSON.stringify(problem.toJSON()), problem.status as 400, { 'Content-Type': 'application/problem+json; charset=utf-8' });
  });

  return app;
}
