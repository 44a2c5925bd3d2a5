/**
 * The public feedback API as one Hono application, on the shared pipeline (pipeline.ts). It runs unchanged
 * in AWS Lambda (handlers/, API Gateway HTTP API payload v2) and in the local server (local/); only the
 * dependencies passed in differ. No AWS SDK here: the stores come in through `AppDeps`. The routes are
 * domain/api/routes.ts's `feedback` and `lookup` ones:
 *
 *   GET  /api/health                 liveness
 *   GET  /api/challenge              a proof-of-work challenge (ALTCHA)
 *   POST /api/feedback               a suggestion, problem clue or item feedback → receipt
 *   POST /api/feedback/lookup        status, public history and reply of one submission
 *   POST /api/feedback/satisfaction  the citizen's rating of the reply
 *
 * Browsers without JavaScript post plain forms and get HTML pages back (html.ts); everyone else JSON.
 * Layer: functions/ — imports domain/ and functions/; never site/, infra/, scripts/ or tests/.
 */
import type { Context } from 'hono';
import type { Logger } from '@aws-lambda-powertools/logger';
import type { Metrics } from '@aws-lambda-powertools/metrics';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { BasePersistenceLayer } from '@aws-lambda-powertools/idempotency/persistence';
import type { Receipt } from '../../domain/api/feedback.ts';
import type { RouteName } from '../../domain/api/routes.ts';
import { createFeedbackSchema, fromFormFields, IDEMPOTENCY_KEY, lookupSchema, ratingSchema } from '../../domain/feedback/schema.ts';
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
import { newChallenge, type PowConfig } from './pow.ts';
import { problems, refused } from './problems.ts';
import { clientFingerprint, passwordMatches, queryPassword } from './receipt.ts';
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
  readonly limits: Limits;
  /** Display name of a unit id (replies name the unit that wrote them). */
  readonly unitName?: (id: string) => string | undefined;
  /** Region ids of the site; submissions may name only these. */
  readonly regionIds?: readonly string[];
  /** Display name of a region id (the region list of a form sent back without JavaScript). */
  readonly regionName?: (id: string) => string | undefined;
  readonly logger: Logger;
  readonly metrics?: Metrics;
  /** The client's network address, for rate limits (hashed before use). */
  readonly clientAddress: (c: Context) => string;
  /** Time left in this invocation (Lambda); used by the idempotency records. */
  readonly remainingTimeMs?: (c: Context) => number;
  readonly now?: () => Date;
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
  const schema = createFeedbackSchema(deps.regionIds ? { regionIds: deps.regionIds } : {});
  const unitName = deps.unitName ?? (() => undefined);
  /** The regions for a form sent back: the accepted ids, named where the name is known. */
  const regions = () => (deps.regionIds ?? []).map((id) => ({ id, name: deps.regionName?.(id) ?? id }));

  async function takeToken(scope: string, client: string, policy: BucketPolicy) {
    const result = await deps.guard.takeToken(scope, client, policy, now());
    if (!result.allowed) {
      deps.metrics?.addMetric('RateLimited', MetricUnit.Count, 1);
      throw problems.rateLimited(result.retryAfter);
    }
  }
  const client = async (c: Context) => clientFingerprint((await deps.secrets()).pepper, deps.clientAddress(c));
  const submit = createSubmitter({ ...deps, takeToken, now });

  /**
   * Check a tracking number and password as the lookup does: per-client rate limit, per-number lockout
   * after repeated failures, the same answer for a wrong password and an unknown number. Then the
   * submission with its events.
   */
  async function authenticateCitizen(c: Context<Env>, input: { trackingNumber: string; password: string }): Promise<LoadedSubmission> {
    const { pepper } = await deps.secrets();
    await takeToken('lookup', await client(c), deps.limits.lookup);
    const failures = await deps.guard.lookupFailures(input.trackingNumber, deps.limits.lookupWindowSeconds, now());
    if (failures.count >= deps.limits.lookupFailures) throw problems.lookupLocked(failures.retryAfter);
    const meta = await deps.feedback.meta(input.trackingNumber);
    // Compare against a dummy hash when the number is unknown, so both cases take the same path and time.
    const ok = passwordMatches(pepper, meta?.passwordSalt ?? 'none', input.password, meta?.passwordHash ?? 'none');
    if (!meta || !ok) {
      await deps.guard.recordLookupFailure(input.trackingNumber, deps.limits.lookupWindowSeconds, now());
      throw problems.notFound();
    }
    logField(c, { trackingNumber: meta.trackingNumber });
    return deps.feedback.withEvents(meta);
  }

  const view = (record: SubmissionRecord, events: readonly FeedbackEvent[]) => lookupView(record, events, unitName, now());

  const api = createApi<Env>({
    fn: ['feedback', 'lookup'],
    logger: deps.logger,
    logMessage: 'request',
    scope: '/api/*',
    notFound: '/api/*',
    after: () => deps.metrics?.publishStoredMetrics(),
    // A refused plain form post comes back as the same form, filled with what was typed (the feedback and
    // lookup forms), or — for the rating, and a body too large to read — as the problems with a way back.
    renderProblem: (problem, c) => {
      const route = c.get('route') as RouteName;
      const fields = c.get('form');
      if (!wantsHtml(c) || problem.status >= 500) return undefined;
      let html: string | undefined;
      if (route === 'submit' && fields) html = feedbackFormPage(problem, fields, regions());
      else if (route === 'lookup' && fields) html = lookupFormPage(problem, fields);
      else if (FORM_OF[route]) html = errorPage(problem.errors ? feedbackPage.errorSummary : problem.message, problem.errors ?? (problem.detail ? [{ field: '', message: problem.detail }] : []), FORM_OF[route]!);
      if (!html) return undefined;
      return new Response(html, {
        status: problem.status,
        headers: { ...problem.headers, 'Content-Type': 'text/html; charset=UTF-8', 'Content-Security-Policy': HTML_CSP },
      });
    },
  });

  api.on('health', (c) => c.json({ status: 'ok', time: now().toISOString() }));

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
    return answer(c, view(record, events), (r) => lookupPage(r, input.password));
  });

  api.on('rate', validate('json', ratingSchema, { form: (fields) => ({ ...fields }) }), async (c) => {
    const input = c.req.valid('json');
    const loaded = await authenticateCitizen(c, input);
    const decision = decideRating(loaded.record, input.rating, input.comment, now());
    if (!decision.ok) throw refused(decision, problems.cannotRate);
    const appended = await deps.feedback.append(loaded, { ...decision.event, at: now().toISOString() });
    if (!appended.ok) throw problems.versionConflict();
    return answer(c, view(appended.record, [...loaded.events, appended.event]), (r) => lookupPage(r, input.password));
  });

  return api.done();
}
