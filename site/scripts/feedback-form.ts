/**
 * The feedback form's island (/feedback/). Without it the form is a plain post to the API; with it:
 *
 * - `?item=<id>` preselects 对督查事项的意见 and fills the item number; `?kind=correction&page=<path>` (我要纠错
 *   under every page) preselects 网站内容纠错 and fills the page's address;
 * - on submit the fields are checked with the API's own schema (domain/feedback/schema.ts), so the
 *   messages are the API's; problems are listed in a summary with links and shown by each field;
 * - the proof of work runs — its progress (announced once, the seconds counting beside it) next to the
 *   submit button, where the person is looking — then the submission is posted with an Idempotency-Key and
 *   the receipt is shown in the page, with copy and print;
 * - before sending, {key, body} is kept in localStorage. If the network fails it stays there and is sent
 *   again when the browser comes back online, after a back-off, or on the next visit; the same key makes
 *   the API store it once. A definitive answer (201 or a 4xx) removes it; 429 and 503 are retried after
 *   their Retry-After.
 * Layer: site/ — imports domain/ and site/; never functions/, infra/, scripts/ or tests/.
 */
import * as z from 'zod/mini';
import { createFeedbackSchema, fromFormFields, IDEMPOTENCY_KEY, ITEM_ID, PAGE_URL } from '../../domain/feedback/schema.ts';
import { FEEDBACK_KINDS } from '../../domain/feedback/kinds.ts';
import { charLength, normalizeText } from '../../domain/text.ts';
import { formatPassword } from '../../domain/feedback/password.ts';
import { RETENTION } from '../../domain/feedback/retention.ts';
import type { Receipt } from '../../domain/api/feedback.ts';
import { feedbackField, feedbackPage as t, formText } from '../../domain/labels/zh-CN.ts';
import { chinaDateTime } from '../../domain/dates.ts';
import { urls } from '../../domain/urls.ts';
import { announce, ApiError, clearErrors, postJson, showErrors } from './form-errors.ts';
import { fetchChallenge, solve } from './pow.ts';
import { fieldErrors } from '../../domain/api/problem.ts';
import { routePath } from '../../domain/api/routes.ts';

/** localStorage key of the submission waiting to be delivered. */
export const PENDING_KEY = 'ducha-feedback-pending';

interface Pending {
  readonly key: string;
  readonly body: Record<string, unknown>;
  /** ISO instant the citizen pressed 提交. */
  readonly savedAt: string;
}

function readPending(): Pending | null {
  try {
    const p = JSON.parse(localStorage.getItem(PENDING_KEY) ?? 'null') as Pending | null;
    if (p && typeof p.key === 'string' && IDEMPOTENCY_KEY.test(p.key) && p.body && typeof p.body === 'object' && typeof p.savedAt === 'string') return p;
  } catch {
    // Unreadable: treated as nothing pending.
  }
  return null;
}

function writePending(p: Pending): void {
  try {
    localStorage.setItem(PENDING_KEY, JSON.stringify(p));
  } catch {
    // Storage full or disabled: the submission still goes out now, it just cannot be kept for later.
  }
}

function removePending(): void {
  try {
    localStorage.removeItem(PENDING_KEY);
  } catch {
    // Nothing to do.
  }
}

/** 24 random bytes, base64url: a key the API accepts (IDEMPOTENCY_KEY). */
function newKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

function controls(form: HTMLFormElement): Control[] {
  return [...form.elements].filter((el): el is Control => el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement);
}

/** The form as the API's JSON body (the same mapping the API applies to plain form posts). */
function readForm(form: HTMLFormElement): Record<string, unknown> {
  const fields: Record<string, string | string[]> = {};
  for (const [name, value] of new FormData(form)) {
    if (typeof value !== 'string' || name === 'idempotencyKey') continue;
    const prev = fields[name];
    fields[name] = prev === undefined ? value : ([] as string[]).concat(prev, value);
  }
  return fromFormFields(fields);
}

/** Put a kept body back into the form, so the citizen sees what is being sent (and can correct it). */
function fillForm(form: HTMLFormElement, body: Record<string, unknown>): void {
  const contact = (body.contact ?? {}) as Record<string, unknown>;
  for (const el of controls(form)) {
    if (el.name === 'idempotencyKey' || el.name === 'website' || !el.name) continue;
    const value = el.name.startsWith('contact.') ? contact[el.name.slice('contact.'.length)] : body[el.name];
    if (el instanceof HTMLInputElement && el.type === 'radio') el.checked = el.value === value;
    else if (el instanceof HTMLInputElement && el.type === 'checkbox') el.checked = value === true;
    else el.value = typeof value === 'string' ? value : '';
  }
}

export function startFeedbackForm(): void {
  const form = document.getElementById('feedback-form') as HTMLFormElement | null;
  const summary = document.getElementById('fb-summary');
  const status = document.getElementById('fb-status');
  const receipt = document.getElementById('fb-receipt');
  const submit = document.getElementById('fb-submit') as HTMLButtonElement | null;
  const progress = document.getElementById('fb-progress');
  if (!form || !summary || !status || !receipt || !submit || !progress) return;
  const intro = document.getElementById('fb-intro');
  const content = form.elements.namedItem('content') as HTMLTextAreaElement;
  const count = document.getElementById('fb-content-count')!;
  const region = form.elements.namedItem('region') as HTMLSelectElement;
  const regionIds = [...region.options].map((o) => o.value).filter(Boolean);
  const schema = createFeedbackSchema({ regionIds });
  const texts = { labels: feedbackField as Record<string, string>, prefix: formText.errorPrefix };

  let busy = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let ticker: ReturnType<typeof setInterval> | undefined;

  /**
   * What is happening now, beside the submit button: the step (announced once) and, while the proof of work
   * runs, a moving bar and the seconds so far (not announced: a screen reader would hear every second).
   */
  function showProgress(text: string | null, counting = false): void {
    clearInterval(ticker);
    progress!.replaceChildren();
    if (!text) return;
    const label = document.createElement('span');
    label.textContent = text;
    progress!.append(label);
    if (!counting) return;
    const bar = document.createElement('progress');
    const seconds = document.createElement('span');
    bar.setAttribute('aria-hidden', 'true');
    seconds.setAttribute('aria-hidden', 'true');
    progress!.append(' ', bar, ' ', seconds);
    const started = Date.now();
    ticker = setInterval(() => (seconds.textContent = t.verifyingFor(Math.round((Date.now() - started) / 1000))), 1000);
  }
  let backoff = 15;

  // Characters typed, counted as the schema counts them; announced politely once typing pauses.
  const max = Number(count.dataset.max);
  let countTimer: ReturnType<typeof setTimeout> | undefined;
  const showCount = () => (count.textContent = t.contentCount(charLength(normalizeText(content.value)), max));
  showCount();
  content.addEventListener('input', () => {
    clearTimeout(countTimer);
    countTimer = setTimeout(showCount, 600);
  });

  function scheduleRetry(seconds: number): void {
    clearTimeout(retryTimer);
    retryTimer = setTimeout(() => {
      const p = readPending();
      if (p) void deliver(p);
    }, Math.max(1, seconds) * 1000);
  }

  function showReceipt(r: Receipt): void {
    const set = (name: string, text: string) => (receipt!.querySelector<HTMLElement>(`[data-receipt="${name}"]`)!.textContent = text);
    set('trackingNumber', r.trackingNumber);
    set('password', formatPassword(r.password));
    set('statusLabel', r.statusLabel);
    set('createdAt', chinaDateTime(r.createdAt));
    receipt!.querySelector<HTMLElement>('[data-receipt="unverified"]')!.hidden = r.verified;
    (document.getElementById('fb-lookup') as HTMLAnchorElement).href = `${urls.feedbackStatus}?number=${encodeURIComponent(r.trackingNumber)}`;
    receipt!.dataset.tracking = r.trackingNumber;
    receipt!.dataset.password = formatPassword(r.password);
    form!.reset();
    form!.hidden = true;
    if (intro) intro.hidden = true;
    clearErrors(form!, summary!);
    announce(status!, '');
    receipt!.hidden = false;
    receipt!.focus();
  }

  function failed(p: Pending, err: unknown): void {
    if (err instanceof ApiError) {
      const retryable = err.status === 429 || err.status === 503 || (err.status === 409 && err.retryAfter !== null);
      if (retryable) {
        const seconds = err.retryAfter ?? 5;
        announce(status!, [err.message, t.retryIn(seconds)]);
        scheduleRetry(seconds);
      } else if (err.status >= 400 && err.status < 500) {
        // A definitive answer: this body will never be accepted as it is.
        removePending();
        announce(status!, '');
        const errors = err.problem?.errors?.length ? err.problem.errors : [{ field: '', message: err.message }];
        showErrors(form!, summary!, errors, texts);
      } else {
        // 500: kept; a second press of 提交 (same body, same key) or the next visit sends it again.
        announce(status!, err.message);
      }
      return;
    }
    if (err instanceof TypeError) {
      // fetch() rejects with a TypeError when the network is down: keep it and try again later.
      announce(status!, t.offlineSaved);
      scheduleRetry(backoff);
      backoff = Math.min(backoff * 2, 300);
      return;
    }
    announce(status!, t.verifyFailed);
  }

  async function deliver(p: Pending, lead?: string): Promise<void> {
    if (busy) return;
    busy = true;
    submit!.disabled = true;
    clearTimeout(retryTimer);
    try {
      announce(status!, lead ?? '');
      showProgress(t.verifying, true);
      const altcha = await solve(await fetchChallenge());
      showProgress(t.submitting);
      const { data } = await postJson<Receipt>(routePath('submit'), { ...p.body, altcha }, { 'Idempotency-Key': p.key });
      removePending();
      backoff = 15;
      showReceipt(data);
    } catch (err) {
      failed(p, err);
    } finally {
      showProgress(null);
      busy = false;
      submit!.disabled = false;
    }
  }

  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    if (busy) return;
    const body = readForm(form);
    const result = z.safeParse(schema, body);
    if (!result.success) {
      announce(status, '');
      showErrors(form, summary, fieldErrors(result.error), texts);
      return;
    }
    clearErrors(form, summary);
    // Pressing 提交 again on the same text (after a failure) reuses the key: still one submission.
    const prev = readPending();
    const key = prev && JSON.stringify(prev.body) === JSON.stringify(body) ? prev.key : newKey();
    const pending: Pending = { key, body, savedAt: new Date().toISOString() };
    writePending(pending);
    void deliver(pending);
  });

  window.addEventListener('online', () => {
    const p = readPending();
    if (p && !busy) void deliver(p, t.offlineRetrying);
  });

  document.getElementById('fb-copy')?.addEventListener('click', async () => {
    const copyStatus = document.getElementById('fb-copy-status')!;
    try {
      await navigator.clipboard.writeText(t.copyText(receipt.dataset.tracking ?? '', receipt.dataset.password ?? ''));
      announce(copyStatus, t.copied);
    } catch {
      announce(copyStatus, t.copyFailed);
    }
  });
  document.getElementById('fb-print')?.addEventListener('click', () => window.print());

  // A submission kept from an earlier visit: send it now, unless it is older than the API remembers keys
  // (then a resend could store it twice, so the citizen decides).
  const kept = readPending();
  if (kept) {
    fillForm(form, kept.body);
    if (Date.now() - Date.parse(kept.savedAt) < RETENTION.idempotencyHours * 3_600_000) {
      void deliver(kept, t.pendingOnLoad);
    } else {
      removePending();
      announce(status, t.pendingStale);
    }
    return;
  }

  const params = new URLSearchParams(location.search);
  // 我要纠错 on any page: /feedback/?kind=correction&page=/items/DC-2026-014/ (a path of this site only).
  const kind = params.get('kind');
  if (kind && (FEEDBACK_KINDS as readonly string[]).includes(kind)) {
    const radio = form.querySelector<HTMLInputElement>(`input[name="kind"][value="${kind}"]`);
    if (radio) radio.checked = true;
  }
  const page = params.get('page')?.trim();
  if (kind === 'correction' && page && page.startsWith('/') && PAGE_URL.test(page)) {
    (form.elements.namedItem('pageUrl') as HTMLInputElement).value = page;
    const note = document.getElementById('fb-page-note');
    if (note) {
      note.querySelector('span')!.textContent = t.forPage(page);
      const a = note.querySelector('a')!;
      a.href = page;
      a.textContent = t.backToPage;
      note.hidden = false;
    }
  }

  // Feedback on one item: /feedback/?item=DC-2026-014 (the item pages link here).
  const item = params.get('item')?.trim().toUpperCase();
  if (item && ITEM_ID.test(item)) {
    (form.elements.namedItem('itemId') as HTMLInputElement).value = item;
    const radio = form.querySelector<HTMLInputElement>('input[name="kind"][value="item_feedback"]');
    if (radio) radio.checked = true;
    const note = document.getElementById('fb-item-note');
    if (note) {
      note.querySelector('span')!.textContent = t.forItem(item);
      const a = note.querySelector('a')!;
      a.href = urls.item(item);
      a.textContent = t.backToItem(item);
      note.hidden = false;
    }
  }
}
