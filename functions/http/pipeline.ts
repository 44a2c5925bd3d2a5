/**
 * The one HTTP pipeline both Hono apps (app.ts, staff-app.ts) are built on, so that every API answer —
 * errors included — is handled the same way:
 *
 *   security headers + request log  →  answer deadline  →  route (by name, from domain/api/routes.ts)  →
 *   body limit → body reader (JSON or form) → schema validation  →  handler  →  problem+json for anything thrown
 *
 * Every answer arrives within ANSWER_DEADLINE_MS: a request still running then is answered 503 with
 * Retry-After (the store's own timeouts, functions/store/client.ts, usually answer first). A client that goes
 * away mid-upload is logged as an aborted request — never as the store being unavailable.
 * Known paths with another method answer 405 with `Allow`; unknown paths under the app's prefix answer 404.
 * Logs carry method, path, status, time and what a handler adds (`logFields`) — never a body.
 *
 * Why not @hono/zod-validator or @hono/standard-validator: both sit on Hono's `validator(target)`, which
 * reads one body type per target (a form post to a `json` target validates `{}`), answers malformed JSON
 * with a plain-text 400 and has no 415; our routes take JSON or a plain HTML form on the same path. `validate`
 * below keeps Hono's validated-data slot (`c.req.valid('json' | 'query')`), so handlers read the same way.
 * Layer: functions/ — imports domain/ and functions/; never site/, infra/, scripts/ or tests/.
 */
import type { Logger } from '@aws-lambda-powertools/logger';
import { Hono, type Context, type Handler, type Input, type MiddlewareHandler, type ValidationTargets } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import * as z from 'zod/mini';
import { fieldErrors } from '../../domain/api/problem.ts';
import { ANSWER_DEADLINE_MS, API_ROUTES, routesOf, type ApiFunction, type ApiRoute, type RouteName } from '../../domain/api/routes.ts';
import { LIMITS } from '../../domain/feedback/schema.ts';
import { HttpProblem, problems, toProblem } from './problems.ts';

/** What the pipeline keeps on each request's context. */
export type PipelineEnv = {
  Variables: {
    /** The route being answered (set before its handlers run). */
    route?: RouteName;
    /** Added to the request's log line (a tracking number, the staff member's id and role). */
    logFields?: Record<string, unknown>;
    /** A plain form post's fields as sent, so a refused form can be sent back filled in. Never logged. */
    form?: FormFields;
  };
};

/** Headers on every API answer, errors included: never cached (but for the routes with `cacheSeconds`), never sniffed. */
export const API_HEADERS: Readonly<Record<string, string>> = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' };

export interface PipelineOptions<E extends PipelineEnv> {
  /** Which function's routes this app answers. */
  readonly fn: ApiFunction | readonly ApiFunction[];
  readonly logger: Logger;
  /** The log line's message, e.g. `request`. */
  readonly logMessage: string;
  /** The paths this app answers, for its middleware (e.g. `/api/*`; the local server mounts both apps on one port). */
  readonly scope: string;
  /** Paths here that match no route answer 404 (e.g. `/api/*`). */
  readonly notFound: string;
  /** After the log line (e.g. publish metrics). */
  readonly after?: () => void;
  /** An answer other than problem+json for a problem (the public app's HTML pages); undefined for the default. */
  readonly renderProblem?: (problem: HttpProblem, c: Context<E>) => Response | undefined;
  /** Answer 503 when a request takes longer. @default ANSWER_DEADLINE_MS */
  readonly deadlineMs?: number;
}

/** Add fields to this request's log line. */
export function logField<E extends PipelineEnv>(c: Context<E>, fields: Record<string, unknown>): void {
  const ctx = c as unknown as Context<PipelineEnv>;
  ctx.set('logFields', { ...ctx.get('logFields'), ...fields });
}

/**
 * An app on the pipeline: register handlers with `on(routeName, …)` in the order of the route table, then
 * call `done()` to add the 405s, the 404 and the error handler.
 */
export function createApi<E extends PipelineEnv>(options: PipelineOptions<E>) {
  const app = new Hono<E>();
  const fns = new Set(typeof options.fn === 'string' ? [options.fn] : options.fn);
  const mine = [...fns].flatMap((fn) => routesOf(fn));

  app.use(options.scope, async (c, next) => {
    const started = performance.now();
    await next();
    for (const [k, v] of Object.entries(API_HEADERS)) c.res.headers.set(k, v);
    // Public read-only answers the route table lets the CDN keep a while (Open311); never an error.
    const route = (c as unknown as Context<PipelineEnv>).get('route');
    const cache = route ? (API_ROUTES[route] as ApiRoute).cacheSeconds : undefined;
    if (cache && c.res.status === 200) c.res.headers.set('Cache-Control', `public, max-age=${cache}`);
    // Never the body, never contact details: method, path, status, time and the handler's fields only.
    options.logger.info(options.logMessage, { method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(performance.now() - started), ...c.get('logFields') });
    options.after?.();
  });

  const deadlineMs = options.deadlineMs ?? ANSWER_DEADLINE_MS;
  app.use(options.scope, async (c, next) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => {
        logField(c, { deadlineExceeded: deadlineMs });
        reject(problems.unavailable(undefined, `no answer within ${deadlineMs} ms`));
      }, deadlineMs);
    });
    try {
      await Promise.race([next(), late]);
    } finally {
      clearTimeout(timer);
    }
  });

  /** Answer the route `name` with a handler, after an optional validation middleware (`validate`). */
  function on(name: RouteName, handler: Handler<E>): void;
  function on<I extends Input>(name: RouteName, check: MiddlewareHandler<E, string, I>, handler: Handler<E, string, I>): void;
  function on(name: RouteName, ...handlers: (Handler<E> | MiddlewareHandler<E>)[]): void {
    const route = API_ROUTES[name];
    if (!fns.has(route.fn)) throw new Error(`route ${name} belongs to the ${route.fn} function`);
    const mark: MiddlewareHandler<E> = async (c, next) => {
      (c as unknown as Context<PipelineEnv>).set('route', name);
      await next();
    };
    app.on(route.method, route.path, mark, ...(handlers as MiddlewareHandler<E>[]));
  }

  return {
    app,
    on,
    done(): Hono<E> {
      const byPath = new Map<string, string[]>();
      for (const r of mine) byPath.set(r.path, [...(byPath.get(r.path) ?? []), r.method]);
      for (const [path, methods] of byPath) {
        app.all(path, () => {
          throw problems.methodNotAllowed(methods.join(', '));
        });
      }
      app.all(options.notFound, () => {
        throw problems.noRoute();
      });
      app.onError((error, c) => {
        const problem = toProblem(error, options.logger);
        return options.renderProblem?.(problem, c) ?? problem.toResponse();
      });
      return app;
    },
  };
}

/** Refuse bodies over LIMITS.bodyBytes with 413. */
export const limitBody = bodyLimit({
  maxSize: LIMITS.bodyBytes,
  onError: () => {
    throw problems.tooLarge();
  },
});

/** The media type of a request, lower case, without parameters. */
function mediaType(c: Context): string {
  return (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
}

/** A plain HTML form's fields; a repeated field becomes a list (which the schema then refuses). */
export type FormFields = Record<string, string | string[]>;

/** A failure reading the request body: the client went away mid-upload (400, logged as aborted), never a server fault. */
function readFailure(c: Context, error: unknown): HttpProblem {
  if (error instanceof HttpProblem) return error;
  logField(c, { aborted: true, error: error instanceof Error ? ((error as { code?: string }).code ?? error.name) : 'unknown' });
  return problems.aborted(error);
}

/** The request body as text. */
async function bodyText(c: Context): Promise<string> {
  try {
    return await c.req.text();
  } catch (error) {
    throw readFailure(c, error);
  }
}

/** Parse a JSON or form body; 415 for other types (or forms where only JSON is taken), 400 for malformed JSON. */
async function readBody(c: Context, acceptForm: boolean): Promise<{ data: unknown; form: boolean }> {
  const type = mediaType(c);
  if (type === 'application/json') {
    const text = await bodyText(c);
    try {
      return { data: JSON.parse(text), form: false };
    } catch {
      throw problems.badJson();
    }
  }
  if (acceptForm && type === 'application/x-www-form-urlencoded') {
    const fields: FormFields = {};
    for (const [k, v] of new URLSearchParams(await bodyText(c))) {
      const prev = fields[k];
      fields[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
    }
    return { data: fields, form: true };
  }
  throw problems.unsupportedType();
}

/** Parse `data` with `schema`; 422 naming each field that does not pass. */
export function parse<S extends z.ZodMiniType>(schema: S, data: unknown): z.output<S> {
  const result = z.safeParse(schema, data);
  if (!result.success) throw problems.invalid(fieldErrors(result.error));
  return result.data;
}

export interface BodyOptions {
  /** Also take a plain HTML form post, mapped to the JSON shape by this function. */
  readonly form?: (fields: FormFields) => unknown;
}

type Validated<T extends keyof ValidationTargets, V> = { in: Record<never, never>; out: { [K in T]: V } };

/**
 * Validate the request body (`json`: JSON, or a form when `options.form` maps it) or the query string
 * (`query`) with a schema before the handler runs; the handler reads the result with `c.req.valid(target)`.
 * A body is read under the body limit. `schema` may be a function of the request, for a schema that depends
 * on facts read at run time (the site's regions and items).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- usable in either app's environment
export function validate<T extends 'json' | 'query', S extends z.ZodMiniType>(target: T, schema: S | (() => Promise<S>), options: BodyOptions = {}): MiddlewareHandler<any, string, Validated<T, z.output<S>>> {
  const check: MiddlewareHandler = async (c, next) => {
    let data: unknown;
    if (target === 'query') {
      data = c.req.query();
    } else {
      const body = await readBody(c, Boolean(options.form));
      if (body.form) (c as unknown as Context<PipelineEnv>).set('form', body.data as FormFields);
      data = body.form ? options.form!(body.data as FormFields) : body.data;
    }
    c.req.addValidatedData(target, parse(typeof schema === 'function' ? await schema() : schema, data) as object);
    await next();
  };
  if (target === 'query') return check as never;
  const limited: MiddlewareHandler = async (c, next) => {
    // A chunked body is read by the limit itself: what fails before it lets the request on is the upload.
    let read = false;
    try {
      await limitBody(c, async () => {
        read = true;
        await check(c, next);
      });
    } catch (error) {
      throw read ? error : readFailure(c, error);
    }
  };
  return limited as never;
}
