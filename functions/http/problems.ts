/**
 * Every error the API answers, built here and nowhere else: RFC 9457 problem details
 * (`application/problem+json`, the shape is domain/api/problem.ts), with `errors: [{field, message}]` for
 * fields that did not pass, titles in Chinese. Each problem carries its HTTP status and the headers it
 * needs (Retry-After, Allow, WWW-Authenticate) and builds its own response. Imports domain/ and the store's
 * error names only.
 * Layer: functions/ — imports domain/ and functions/; never site/, infra/, scripts/ or tests/.
 */
import type { Logger } from '@aws-lambda-powertools/logger';
import type { FieldError, ProblemBody, ProofChallenge } from '../../domain/api/problem.ts';
import type { DenyReason } from '../../domain/feedback/workflow.ts';
import { feedbackError as msg, staffError } from '../../domain/labels/zh-CN.ts';
import { isUnavailable } from '../store/errors.ts';

/** Extension members of a problem (RFC 9457 §3.2): the challenge a 428 asks to solve. */
type Extensions = { readonly challenge?: ProofChallenge };

export class HttpProblem extends Error {
  readonly status: number;
  readonly slug: string;
  readonly detail: string | undefined;
  readonly errors: readonly FieldError[] | undefined;
  readonly headers: Readonly<Record<string, string>>;
  readonly extensions: Extensions;

  constructor(status: number, slug: string, title: string, options: { detail?: string; errors?: readonly FieldError[]; headers?: Record<string, string>; extensions?: Extensions; cause?: unknown } = {}) {
    super(title, { cause: options.cause });
    this.name = 'HttpProblem';
    this.status = status;
    this.slug = slug;
    this.detail = options.detail;
    this.errors = options.errors;
    this.headers = options.headers ?? {};
    this.extensions = options.extensions ?? {};
  }

  toJSON(): ProblemBody {
    return {
      type: `https://ducha.example/problems/${this.slug}`,
      title: this.message,
      status: this.status,
      ...(this.detail ? { detail: this.detail } : {}),
      ...(this.errors ? { errors: this.errors } : {}),
      ...this.extensions,
    };
  }

  /** The problem as an application/problem+json response, with its own headers and `extra` ones. */
  toResponse(extra: Readonly<Record<string, string>> = {}): Response {
    return new Response(JSON.stringify(this.toJSON()), {
      status: this.status,
      headers: { ...extra, ...this.headers, 'Content-Type': 'application/problem+json; charset=utf-8' },
    });
  }
}

export const problems = {
  badJson: () => new HttpProblem(400, 'malformed-json', msg.badJson),
  /** The client stopped sending its request (no one reads this answer; the log line says what happened). */
  aborted: (cause?: unknown) => new HttpProblem(400, 'request-aborted', msg.aborted, { cause, headers: { Connection: 'close' } }),
  unauthenticated: (message: string) => new HttpProblem(401, 'unauthenticated', message, { headers: { 'WWW-Authenticate': 'Bearer' } }),
  forbidden: (message: string = staffError.forbidden) => new HttpProblem(403, 'forbidden', message),
  notFound: (message: string = msg.notFound) => new HttpProblem(404, 'not-found', message),
  noSubmission: () => new HttpProblem(404, 'not-found', staffError.notFound),
  noRoute: () => new HttpProblem(404, 'no-such-endpoint', msg.notFoundRoute),
  methodNotAllowed: (allow: string) => new HttpProblem(405, 'method-not-allowed', msg.methodNotAllowed, { headers: { Allow: allow } }),
  conflict: () => new HttpProblem(409, 'idempotency-key-reused', msg.conflict, { errors: [{ field: 'idempotencyKey', message: msg.conflict }] }),
  inProgress: () => new HttpProblem(409, 'request-in-progress', msg.inProgress, { headers: { 'Retry-After': '1' } }),
  /** Someone else acted on the submission first (its version moved on). */
  versionConflict: (message: string = staffError.conflict) => new HttpProblem(409, 'version-conflict', message),
  /** The workflow does not allow this now (the state is wrong for it). */
  notAllowedNow: (message: string, field?: string) => new HttpProblem(409, 'not-allowed-now', message, field ? { errors: [{ field, message }] } : {}),
  /** The citizen cannot rate the reply now (none yet, already rated, window over). */
  cannotRate: (message: string) => new HttpProblem(409, 'cannot-rate', message),
  /**
   * The body is over the limit. `Connection: close`: the rest of the upload is never read, so the connection
   * cannot carry another request (@hono/node-server would reset it half a second later, mid-request).
   */
  tooLarge: () => new HttpProblem(413, 'too-large', msg.tooLarge, { headers: { Connection: 'close' } }),
  unsupportedType: () => new HttpProblem(415, 'unsupported-media-type', msg.unsupportedType),
  invalid: (errors: readonly FieldError[]) => new HttpProblem(422, 'invalid-fields', msg.invalid, { errors }),
  /** This tracking number has had wrong passwords: solve `challenge` and send it as `altcha` (domain/feedback/password.ts). */
  proofRequired: (challenge: ProofChallenge) => new HttpProblem(428, 'proof-required', msg.proofRequired, { detail: msg.proofNoScript, extensions: { challenge } }),
  /** The client is over its own rate (never a limit on a tracking number); the detail says how long to wait. */
  rateLimited: (retryAfter: number) => new HttpProblem(429, 'rate-limited', msg.rateLimited, { detail: msg.waitFor(retryAfter), headers: { 'Retry-After': String(retryAfter) } }),
  internal: (cause?: unknown) => new HttpProblem(500, 'internal', msg.internal, { cause }),
  /** The store (or the site's published facts) did not answer, or not in time; `detail` says which. */
  unavailable: (cause?: unknown, detail?: string) => new HttpProblem(503, 'unavailable', msg.unavailable, { headers: { 'Retry-After': '5' }, cause, ...(detail ? { detail } : {}) }),
};

/** A workflow refusal (domain reasons, never HTTP statuses there) as the problem to answer. */
export function refused(decision: { readonly reason: DenyReason; readonly message: string; readonly field?: string }, conflict: (message: string, field?: string) => HttpProblem = problems.notAllowedNow): HttpProblem {
  switch (decision.reason) {
    case 'forbidden':
      return problems.forbidden(decision.message);
    case 'invalid':
      return problems.invalid([{ field: decision.field ?? '', message: decision.message }]);
    case 'conflict':
      return conflict(decision.message, decision.field);
  }
}

/** Any error → the problem to answer. Only unexpected faults are logged, and only by name and stack. */
export function toProblem(error: unknown, logger: Logger): HttpProblem {
  if (error instanceof HttpProblem) return error;
  const name = error instanceof Error ? error.name : '';
  const cause = (error as { cause?: unknown })?.cause;
  if (cause instanceof HttpProblem) return cause;
  if (name === 'IdempotencyValidationError') return problems.conflict();
  if (name === 'IdempotencyAlreadyInProgressError') return problems.inProgress();
  if (name === 'InvalidCursorError') return problems.invalid([{ field: 'cursor', message: msg.cursor }]);
  if (isUnavailable(error)) {
    logger.warn('store unavailable', { error: name, cause: cause instanceof Error ? cause.name : undefined });
    return problems.unavailable();
  }
  logger.error('unexpected error', { error: name, stack: error instanceof Error ? error.stack : undefined });
  return problems.internal();
}
