/**
 * Errors the API answers with: RFC 9457 problem details (`application/problem+json`), with `errors:
 * [{field, message}]` for invalid fields, titles and messages in Chinese. Each carries its HTTP status and
 * any headers it needs (Retry-After).
 */
import type { FieldError } from '../../domain/feedback/schema.ts';
import { feedbackError as msg } from '../../domain/labels/zh-CN.ts';
import { isUnavailable } from '../store/errors.ts';
import type { Logger } from '@aws-lambda-powertools/logger';

export interface ProblemBody {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  readonly errors?: readonly FieldError[];
}

export class HttpProblem extends Error {
  readonly status: number;
  readonly slug: string;
  readonly detail: string | undefined;
  readonly errors: readonly FieldError[] | undefined;
  readonly headers: Record<string, string>;

  constructor(status: number, slug: string, title: string, options: { detail?: string; errors?: readonly FieldError[]; headers?: Record<string, string>; cause?: unknown } = {}) {
    super(title, { cause: options.cause });
    this.name = 'HttpProblem';
    this.status = status;
    this.slug = slug;
    this.detail = options.detail;
    this.errors = options.errors;
    this.headers = options.headers ?? {};
  }

  toJSON(): ProblemBody {
    return {
      type: `https://ducha.example/problems/${this.slug}`,
      title: this.message,
      status: this.status,
      ...(this.detail ? { detail: this.detail } : {}),
      ...(this.errors ? { errors: this.errors } : {}),
    };
  }
}

export const problems = {
  badJson: () => new HttpProblem(400, 'malformed-json', msg.badJson),
  tooLarge: () => new HttpProblem(413, 'too-large', msg.tooLarge),
  unsupportedType: () => new HttpProblem(415, 'unsupported-media-type', msg.unsupportedType),
  invalid: (errors: readonly FieldError[]) => new HttpProblem(422, 'invalid-fields', msg.invalid, { errors }),
  conflict: () => new HttpProblem(409, 'idempotency-key-reused', msg.conflict, { errors: [{ field: 'idempotencyKey', message: msg.conflict }] }),
  inProgress: () => new HttpProblem(409, 'request-in-progress', msg.inProgress, { headers: { 'Retry-After': '1' } }),
  rateLimited: (retryAfter: number) => new HttpProblem(429, 'rate-limited', msg.rateLimited, { headers: { 'Retry-After': String(retryAfter) } }),
  lookupLocked: (retryAfter: number) => new HttpProblem(429, 'lookup-locked', msg.lookupLocked, { headers: { 'Retry-After': String(retryAfter) } }),
  notFound: () => new HttpProblem(404, 'not-found', msg.notFound),
  unavailable: (cause?: unknown) => new HttpProblem(503, 'unavailable', msg.unavailable, { headers: { 'Retry-After': '5' }, cause }),
  noRoute: () => new HttpProblem(404, 'no-such-endpoint', msg.notFoundRoute),
  methodNotAllowed: (allow: string) => new HttpProblem(405, 'method-not-allowed', msg.methodNotAllowed, { headers: { Allow: allow } }),
  internal: (cause?: unknown) => new HttpProblem(500, 'internal', msg.internal, { cause }),
};

/** Any error → the problem to answer. Only unexpected faults are logged, and only by name and stack. */
export function toProblem(error: unknown, logger: Logger): HttpProblem {
  if (error instanceof HttpProblem) return error;
  const name = error instanceof Error ? error.name : '';
  const cause = (error as { cause?: unknown })?.cause;
  if (cause instanceof HttpProblem) return cause;
  if (name === 'IdempotencyValidationError') return problems.conflict();
  if (name === 'IdempotencyAlreadyInProgressError') return problems.inProgress();
  if (isUnavailable(error)) {
    logger.warn('store unavailable', { error: name, cause: cause instanceof Error ? cause.name : undefined });
    return problems.unavailable();
  }
  logger.error('unexpected error', { error: name, stack: error instanceof Error ? error.stack : undefined });
  return problems.internal();
}

/** The problem as an application/problem+json response. */
export function problemResponse(problem: HttpProblem): Response {
  return new Response(JSON.stringify(problem.toJSON()), {
    status: problem.status,
    headers: { 'Content-Type': 'application/problem+json; charset=utf-8', 'Cache-Control': 'no-store', ...problem.headers },
  });
}
