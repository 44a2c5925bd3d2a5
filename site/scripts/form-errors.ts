/**
 * Showing field errors the GOV.UK way, for the feedback form and the lookup form: a summary at the top that
 * lists every problem with a link to its field and takes focus, plus the message next to each field, tied
 * to it with aria-describedby and aria-invalid. The messages are the schema's (the API's) own.
 *
 * Markup contract: each field is wrapped in `[data-field="<path>"]` (the API's field path, e.g.
 * `contact.phone`) holding one `.field-error` element and its control(s); the summary holds an `<ul>`.
 * Layer: site/ — imports domain/ and site/; never functions/, infra/, scripts/ or tests/.
 */
import type { FieldError, ProblemBody } from '../../domain/api/problem.ts';

function controlsOf(wrap: HTMLElement): HTMLElement[] {
  return [...wrap.querySelectorAll<HTMLElement>('input, select, textarea')];
}

function describedBy(el: HTMLElement, id: string, on: boolean): void {
  const ids = (el.getAttribute('aria-describedby') ?? '').split(/\s+/).filter((x) => x && x !== id);
  if (on) ids.unshift(id);
  if (ids.length) el.setAttribute('aria-describedby', ids.join(' '));
  else el.removeAttribute('aria-describedby');
}

export function clearErrors(form: HTMLFormElement, summary: HTMLElement): void {
  summary.hidden = true;
  summary.querySelector('ul')!.replaceChildren();
  for (const wrap of form.querySelectorAll<HTMLElement>('[data-field]')) {
    wrap.classList.remove('has-error');
    const err = wrap.querySelector<HTMLElement>('.field-error');
    if (!err) continue;
    err.hidden = true;
    err.replaceChildren();
    const targets = wrap instanceof HTMLFieldSetElement ? [wrap] : controlsOf(wrap);
    for (const c of targets) describedBy(c, err.id, false);
    for (const c of controlsOf(wrap)) c.removeAttribute('aria-invalid');
  }
}

export interface ErrorTexts {
  /** Field labels by path (feedbackField), for the summary: “标题：至少 4 个字”. */
  readonly labels: Readonly<Record<string, string>>;
  /** Read before the inline message by screen readers (visually hidden): “错误：”. */
  readonly prefix: string;
}

/** Show `errors` (one per field, in form order) and move focus to the summary. */
export function showErrors(form: HTMLFormElement, summary: HTMLElement, errors: readonly FieldError[], texts: ErrorTexts): void {
  clearErrors(form, summary);
  const list = summary.querySelector('ul')!;
  for (const e of errors) {
    const label = texts.labels[e.field];
    const line = label ? `${label}：${e.message}` : e.message;
    const li = document.createElement('li');
    const wrap = e.field ? form.querySelector<HTMLElement>(`[data-field="${CSS.escape(e.field)}"]`) : null;
    const err = wrap?.querySelector<HTMLElement>('.field-error');
    const controls = wrap ? controlsOf(wrap) : [];
    if (wrap && err && controls[0]) {
      const first = controls[0];
      const a = document.createElement('a');
      a.href = `#${first.id}`;
      a.textContent = line;
      a.addEventListener('click', (ev) => {
        ev.preventDefault();
        first.focus();
        (wrap.querySelector('label, legend') ?? first).scrollIntoView({ block: 'start' });
      });
      li.append(a);
      const hidden = document.createElement('span');
      hidden.className = 'visually-hidden';
      hidden.textContent = texts.prefix;
      err.replaceChildren(hidden, e.message);
      err.hidden = false;
      wrap.classList.add('has-error');
      const targets = wrap instanceof HTMLFieldSetElement ? [wrap] : controls;
      for (const c of targets) describedBy(c, err.id, true);
      for (const c of controls) c.setAttribute('aria-invalid', 'true');
    } else {
      li.textContent = line;
    }
    list.append(li);
  }
  summary.hidden = false;
  summary.focus();
}

/** An answer from the API that was not a success. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: ProblemBody | null;
  /** Seconds, from Retry-After (429, 503, 409 in progress). */
  readonly retryAfter: number | null;

  constructor(status: number, problem: ProblemBody | null, retryAfter: number | null) {
    // The title and, when there is one (how long to wait after a 429), the detail.
    super(problem ? [problem.title, problem.detail].filter(Boolean).join('。') : `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
    this.retryAfter = retryAfter;
  }
}

/** The field errors of a 422 answer; null for any other failure. */
export function fieldErrorsOf(error: unknown): NonNullable<ProblemBody['errors']> | null {
  return error instanceof ApiError && error.status === 422 && error.problem?.errors?.length ? error.problem.errors : null;
}

/** The problem details of a failed response (null when the body is not problem+json). */
export async function apiError(res: Response): Promise<ApiError> {
  let problem: ProblemBody | null = null;
  try {
    const body = (await res.json()) as ProblemBody;
    if (body && typeof body.title === 'string') problem = body;
  } catch {
    problem = null;
  }
  const ra = Number(res.headers.get('Retry-After'));
  return new ApiError(res.status, problem, Number.isFinite(ra) && ra >= 0 && res.headers.has('Retry-After') ? ra : null);
}

/** POST JSON to the API and read a JSON answer; throws ApiError for other statuses, TypeError when offline. */
export async function postJson<T>(url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; data: T }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...headers },
    body: JSON.stringify(body),
    credentials: 'same-origin',
    cache: 'no-store',
  });
  if (!res.ok) throw await apiError(res);
  return { status: res.status, data: (await res.json()) as T };
}

/** Replace the content of a live region with paragraphs (none for an empty list). */
export function announce(region: HTMLElement, text: string | readonly string[], className = 'note'): void {
  const lines = (typeof text === 'string' ? [text] : text).filter(Boolean);
  region.replaceChildren(
    ...lines.map((line) => {
      const p = document.createElement('p');
      p.className = className;
      p.textContent = line;
      return p;
    }),
  );
}
