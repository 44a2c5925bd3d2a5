/**
 * The public feedback API as one Hono application, on the shared pipeline (pipeline.ts). It runs unchanged
 * in AWS Lambda (handlers/, API Gateway HTTP API payload v2) and in the local server (local/); only the
 * dependencies passed in differ. No AWS SDK here: the stores come in through `AppDeps`. The routes are
 * domain/api/routes.ts's `feedback` and `lookup` ones:
 *
 *   GET  /api/health                 whether the API can answer: 200, or 503 naming what is down
 *   GET  /api/challenge              a proof-of-work challenge (ALTCHA)
 *   POST /api/feedback               a suggestion, problem clue or item feedback → receipt
 *   POST /api/feedback/lookup        status, public history and reply of one submission
 *   POST /api/feedback/satisfaction  the citizen's rating of the reply
 *
 * Browsers without JavaScript post plain forms and get HTML pages back (html.ts); everyone else JSON.
 * A lookup (and a rating) of a tracking number that has had wrong passwords answers 428 with a proof-of-work
 * challenge bound to that number; the same request with the solved `altcha` goes through. The number is
 * never locked (domain/feedback/password.ts has the threat model).
 * Layer: functions/ — imports domain/ and functions/; never site/, infra/, scripts/ or tests/.
 */
import { chinaDate } from '../../domain/dates.ts';
import type { FeedbackClock } from '../../domain/feedback/clock.ts';
import { feedbackClock } from '../../domain/feedback/clock-setup.ts';
import type { ClockContext } from '../../domain/feedback/workflow.ts';
import type { Context } from 'hono';
import type { Logger } from '@aws-lambda-powertools/logger';
import type { Metrics } from '@aws-lambda-powertools/metrics';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { BasePersistenceLayer } from '@aws-lambda-powertools/idempotency/persistence';
import type { Receipt } from '../../domain/api/feedback.ts';
import type { RouteName } from '../../domain/api/routes.ts';
import type { SiteIndex } from '../../domain/api/site-facts.ts';
import type { ProofLevel } from '../../domain/feedback/password.ts';
import { expiresAt } from '../../domain/feedback/retention.ts';
import { createFeedbackSchema, fromFormFields, IDEMPOTENCY_KEY, lookupSchema, ratingSchema, type FeedbackSchema } from '../../domain/feedback/schema.ts';
import { statusLabel } from '../../domain/feedback/status.ts';
import type { SubmissionRecord } from '../../domain/feedback/submission.ts';
import { lookupView } from '../../domain/feedback/views.ts';
import { decideRating } from '../../domain/feedback/workflow.ts';
import { feedbackError as msg, feedbackPage } from '../../domain/labels/zh-CN.ts';
import { urls } from '../../domain/urls.ts';
import type { FeedbackEvent } from '../../domain/feedback/events.ts';
import type { FeedbackStore, LoadedSubmission } from '../store/feedback-store.ts';
import type { BucketPolicy, GuardStore } from '../store/guard-store.ts';
import { errorPage, feedbackFormPage, HTML_CSP, lookupFormPage, lookupPage, receiptPage } from './html.ts';
import type { Limits } from './limits.ts';
import { createApi, logField, validate, type PipelineEnv } from './pipeline.ts';
import { checkSolution, DEFAULT_LOOKUP_POW, lookupChallenge, lookupProofLevel, newChallenge, type LookupPowConfig, type PowConfig } from './pow.ts';
import { problems, refused } from './problems.ts';
import { clientFingerprint, passwordMatches, queryPassword } from './receipt.ts';
import type { SiteFactsSource } from './site-facts.ts';
import { isUnavailable } from '../store/errors.ts';
import { bodyFingerprint, createSubmitter, sha256 } from './submissions.ts';

export interface Secrets {
  /** Signs proof-of-work challenges. */
  readonly altchaHmacKey: string;
  /** Keys tracking numbers, passwords and client fingerprints. */
  readonly pepper: string;
}

export interface AppDeps {
  readonly feedback: FeedbackStore;
  readonly guard: GuardStore;
  /** Powertools idempotency persistence (the guard table; functions/store/idempotency.ts). */
  readonly idempotency: BasePersistenceLayer;
  /** Read once per cold start in Lambda; cached by the caller. */
  readonly secrets: () => Promise<Secrets>;
  readonly pow: PowConfig;
  /** The levels of a lookup's proof of work. @default DEFAULT_LOOKUP_POW */
  readonly lookupPow?: LookupPowConfig;
  readonly limits: Limits;
  /**
   * The site's published facts: units (replies name the unit that wrote them), regions and items a
   * submission may name. Without it (some tests) any region and item of the right form is taken.
   */
  readonly site?: SiteFactsSource;
  /** Whether the store answers, for the health check. @default a cheap read of the guard table */
  readonly storeHealth?: () => Promise<void>;
  readonly logger: Logger;
  readonly metrics?: Metrics;
  /** The client's network address, for rate limits (hashed before use). */
  readonly clientAddress: (c: Context) => string;
  /** Time left in this invocation (Lambda); used by the idempotency records. */
  readonly remainingTimeMs?: (c: Context) => number;
  readonly now?: () => Date;
  /** Every answer within this long. @default ANSWER_DEADLINE_MS (domain/api/routes.ts) */
  readonly deadlineMs?: number;
  /** The calendar and time limits (the deadline to accept, what the lookup shows). @default the built-in limits */
  readonly clock?: () => Promise<FeedbackClock>;
}

type Env = PipelineEnv;

/** Where a browser without JavaScript goes back to after a problem with each form. */
const FORM_OF: Partial<Record<RouteName, string>> = { submit: urls.feedback, lookup: urls.feedbackStatus, rate: urls.feedbackStatus };

/** A browser posting a plain form wants a page back; everything else gets JSON. */
const wantsHtml = (c: Context) => /text\/html/.test(c.req.header('accept') ?? '');

/** Answer `data` as JSON, or as the page `html` renders for a browser without JavaScript. */
function answer<T>(c: Context, data: T, html: (data: T) => string, status: 200 | 201 = 200): Response {
  if (!wantsHtml(c)) return c.json(data as object, status);
  c.header('Content-Security-Policy', HTML_CSP);
  return c.html(html(data), status);
}

export function createApp(deps: AppDeps) {
  const now = deps.now ?? (() => new Date());
  const lookupPow = deps.lookupPow ?? DEFAULT_LOOKUP_POW;
  const anySite = createFeedbackSchema();
  const schemas = new WeakMap<SiteIndex, FeedbackSchema>();
  /** The facts last read, for what is rendered without waiting (the regions of a form sent back). */
  let lastSite: SiteIndex | undefined;
  /** The submission schema for the site's current facts (one per version of them). */
  async function schema(): Promise<FeedbackSchema> {
    if (!deps.site) return anySite;
    const site = await deps.site();
    lastSite = site;
    let s = schemas.get(site);
    if (!s) schemas.set(site, (s = createFeedbackSchema({ regionIds: site.regionIds, itemIds: site.itemIds })));
    return s;
  }
  /** The regions for a form sent back: the site's, named, in the editors' order. */
  const regions = () => lastSite?.regions ?? [];

  async function takeToken(scope: string, client: string, policy: BucketPolicy) {
    const result = await deps.guard.takeToken(scope, client, policy, now());
    if (!result.allowed) {
      deps.metrics?.addMetric('RateLimited', MetricUnit.Count, 1);
      throw problems.rateLimited(result.retryAfter);
    }
  }
  const client = async (c: Context) => clientFingerprint((await deps.secrets()).pepper, deps.clientAddress(c));
  const submit = createSubmitter({ ...deps, takeToken, now, clock: () => (deps.clock ?? (async () => feedbackClock()))() });

  /** What a solved `altcha` on a lookup of `trackingNumber` is worth (spent once; a bad one is worth nothing). */
  async function offeredProof(altcha: string | undefined, trackingNumber: string): Promise<ProofLevel> {
    if (!altcha) return 'none';
    const result = await checkSolution(altcha, deps.pow, (await deps.secrets()).altchaHmacKey);
    const level = lookupProofLevel(result, trackingNumber);
    if (level === 'none' || !result.ok) return 'none';
    return (await deps.guard.useChallenge(result.signature, result.expiresAt)) ? level : 'none';
  }

  /**
   * Check a tracking number and password as the lookup does: the client's own rate limit; then the attempt
   * is counted on the number if the proof offered suffices for the attempts so far (428 with a challenge
   * otherwise); the same answer for a wrong password and an unknown number. The owner's success resets the
   * count. Then the submission with its events.
   */
  async function authenticateCitizen(c: Context<Env>, input: { trackingNumber: string; password: string; altcha?: string | undefined }): Promise<LoadedSubmission> {
    const { pepper, altchaHmacKey } = await deps.secrets();
    await takeToken('lookup', await client(c), deps.limits.lookup);
    const meta = await deps.feedback.meta(input.trackingNumber);
    const offered = await offeredProof(input.altcha, input.trackingNumber);
    // Kept as long as the submission, so waiting gives an attacker nothing; a day for unknown numbers.
    const keep = meta?.expiresAt ?? expiresAt(now(), { days: 1 });
    const attempt = await deps.guard.countLookupAttempt(input.trackingNumber, offered, keep);
    if (!attempt.counted) {
      deps.metrics?.addMetric('LookupProofRequired', MetricUnit.Count, 1);
      logField(c, { proofRequired: attempt.needed });
      throw problems.proofRequired(await lookupChallenge(deps.pow, lookupPow, attempt.needed === 'heavy' ? 'heavy' : 'light', input.trackingNumber, altchaHmacKey, now()));
    }
    // Compare against a dummy hash when the number is unknown, so both cases take the same path and time.
    const ok = passwordMatches(pepper, meta?.passwordSalt ?? 'none', input.password, meta?.passwordHash ?? 'none');
    if (!meta || !ok) throw problems.notFound();
    await deps.guard.resetLookupAttempts(meta.trackingNumber);
    logField(c, { trackingNumber: meta.trackingNumber });
    return deps.feedback.withEvents(meta);
  }

  const defaultClock = feedbackClock();
  const clock = deps.clock ?? (async () => defaultClock);
  const time = async (): Promise<ClockContext> => ({ clock: await clock(), today: chinaDate(now()) });
  const view = async (record: SubmissionRecord, events: readonly FeedbackEvent[]) => {
    const site = await deps.site?.().catch(() => undefined);
    return lookupView(record, events, (id) => site?.units.find(id), now(), await time());
  };

  const api = createApi<Env>({
    fn: ['feedback', 'lookup'],
    logger: deps.logger,
    logMessage: 'request',
    scope: '/api/*',
    notFound: '/api/*',
    after: () => deps.metrics?.publishStoredMetrics(),
    ...(deps.deadlineMs ? { deadlineMs: deps.deadlineMs } : {}),
    // A refused plain form post comes back as the same form, filled with what was typed (the feedback and
    // lookup forms), or — for the rating, and a body too large to read — as the problems with a way back.
    renderProblem: (problem, c) => {
      const route = c.get('route') as RouteName;
      const fields = c.get('form');
      if (!wantsHtml(c) || problem.status >= 500) return undefined;
      let html: string | undefined;
      if (route === 'submit' && fields) html = feedbackFormPage(problem, fields, regions());
      else if (route === 'lookup' && fields) html = lookupFormPage(problem, fields);
      else if (FORM_OF[route]) html = errorPage(problem.errors ? feedbackPage.errorSummary : problem.message, problem.errors ?? [], FORM_OF[route]!, problem.detail);
      if (!html) return undefined;
      return new Response(html, {
        status: problem.status,
        headers: { ...problem.headers, 'Content-Type': 'text/html; charset=UTF-8', 'Content-Security-Policy': HTML_CSP },
      });
    },
  });

  // Honest health: 200 only when the store answers (in time); otherwise 503 saying what is down.
  const storeHealth = deps.storeHealth ?? (() => deps.guard.ping());
  api.on('health', async (c) => {
    try {
      await storeHealth();
    } catch (error) {
      if (!isUnavailable(error)) throw error;
      deps.logger.warn('health: store unavailable', { reason: (error as Error).message });
      throw problems.unavailable(error, (error as Error).message);
    }
    return c.json({ status: 'ok', time: now().toISOString() });
  });

  api.on('challenge', async (c) => {
    await takeToken('challenge', await client(c), deps.limits.challenge);
    return c.json(await newChallenge(deps.pow, (await deps.secrets()).altchaHmacKey, now()));
  });

  api.on('submit', validate('json', schema, { form: fromFormFields }), async (c) => {
    const input = c.req.valid('json');
    const { pepper } = await deps.secrets();
    const fingerprint = await client(c);
    const bodyHash = bodyFingerprint(input);
    const header = c.req.header('idempotency-key')?.trim().replace(/^"(.*)"$/, '$1');
    if (header !== undefined && !IDEMPOTENCY_KEY.test(header)) throw problems.invalid([{ field: 'idempotencyKey', message: msg.idempotencyKey }]);
    // Without a key (a plain form post), the same text from the same client within ten minutes is taken as
    // a repeat of the same submission, so a double click stores one.
    const key = header ?? input.idempotencyKey ?? `auto-${sha256(`${fingerprint}|${bodyHash}|${Math.floor(now().getTime() / 600_000)}`)}`;
    const stored = await submit({ key, bodyHash, input, client: fingerprint }, deps.remainingTimeMs?.(c) ?? 30_000);
    logField(c, { trackingNumber: stored.trackingNumber });
    deps.metrics?.addMetric('SubmissionAccepted', MetricUnit.Count, 1);
    const receipt: Receipt = {
      trackingNumber: stored.trackingNumber,
      password: queryPassword(pepper, stored.trackingNumber, key),
      status: 'received',
      statusLabel: statusLabel('received'),
      createdAt: stored.createdAt,
      verified: stored.verified,
    };
    return answer(c, receipt, receiptPage, 201);
  });

  api.on('lookup', validate('json', lookupSchema, { form: (fields) => fields }), async (c) => {
    const input = c.req.valid('json');
    const { record, events } = await authenticateCitizen(c, input);
    return answer(c, await view(record, events), (r) => lookupPage(r, input.password));
  });

  api.on('rate', validate('json', ratingSchema, { form: (fields) => ({ ...fields }) }), async (c) => {
    const input = c.req.valid('json');
    const loaded = await authenticateCitizen(c, input);
    const decision = decideRating(loaded.record, input.rating, input.comment, now(), await time());
    if (!decision.ok) throw refused(decision, problems.cannotRate);
    const appended = await deps.feedback.append(loaded, { ...decision.event, at: now().toISOString() });
    if (!appended.ok) throw problems.versionConflict();
    return answer(c, await view(appended.record, [...loaded.events, appended.event]), (r) => lookupPage(r, input.password));
  });

  return api.done();
}
