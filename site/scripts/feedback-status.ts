/**
 * The lookup page's island (/feedback/status/): checks the tracking number and password with the API's
 * schema, asks the API, and shows the status, the dated history and the reply in the page. Failures (wrong
 * number or password, too many tries, no network) are announced in an alert. `?number=` (the receipt's link)
 * fills the tracking number; the password is never put in an address. Once there is a reply, the citizen
 * can rate it here (满意 / 基本满意 / 不满意) within the window the API gives (`rateUntil`). When the number
 * has had wrong passwords the API asks for a proof of work (428 with a challenge): it is solved in one
 * worker (pow-worker.ts, loaded only then — the page itself carries no proof-of-work code) and the request
 * sent again with it.
 * Layer: site/ — imports domain/ and site/; never functions/, infra/, scripts/ or tests/.
 */
import { clockSummary, historyDeadline } from '../../domain/feedback/deadline-text.ts';
import * as z from 'zod/mini';
import { lookupSchema, ratingSchema } from '../../domain/feedback/schema.ts';
import type { LookupResult } from '../../domain/api/feedback.ts';
import { feedbackField, feedbackKind, formText, lookupPage } from '../../domain/labels/zh-CN.ts';
import { chinaDateTime } from '../../domain/dates.ts';
import { urls } from '../../domain/urls.ts';
import { announce, ApiError, clearErrors, fieldErrorsOf, postJson, showErrors } from './form-errors.ts';
import type { Challenge, Solution } from 'altcha-lib';
import { altchaField } from './pow-payload.ts';

/** Solve a lookup's challenge in one worker, started only when the API asks for it. */
function solveInWorker(challenge: Challenge): Promise<string> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./pow-worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<(Solution & { error?: undefined }) | { error: string } | null>) => {
      worker.terminate();
      if (!e.data || e.data.error !== undefined) reject(new Error(e.data?.error ?? 'proof of work not solved'));
      else resolve(altchaField(challenge, e.data as Solution));
    };
    worker.onerror = (e) => {
      worker.terminate();
      reject(new Error(e.message));
    };
    worker.postMessage({ type: 'work', challenge });
  });
}
import { fieldErrors } from '../../domain/api/problem.ts';
import { routePath } from '../../domain/api/routes.ts';

export function startLookup(): void {
  const form = document.getElementById('lookup-form') as HTMLFormElement | null;
  const summary = document.getElementById('lk-summary');
  const status = document.getElementById('lk-status');
  const alert = document.getElementById('lk-alert');
  const result = document.getElementById('lk-result');
  const submit = document.getElementById('lk-submit') as HTMLButtonElement | null;
  if (!form || !summary || !status || !alert || !result || !submit) return;
  const texts = { labels: feedbackField as Record<string, string>, prefix: formText.errorPrefix };
  const number = form.elements.namedItem('trackingNumber') as HTMLInputElement;
  const password = form.elements.namedItem('password') as HTMLInputElement;
  let busy = false;
  /** The credentials of the last successful lookup, for rating the reply. */
  let credentials: { trackingNumber: string; password: string } | null = null;

  /**
   * POST to the API; when it asks for a proof of work (428), solve the challenge it gives and send the same
   * request with it. A second 428 (the number was attacked meanwhile and the proof asked is heavier) gets
   * one more round.
   */
  async function postWithProof<T>(url: string, body: Record<string, unknown>): Promise<T> {
    let altcha: string | undefined;
    for (let round = 0; ; round++) {
      try {
        return (await postJson<T>(url, altcha ? { ...body, altcha } : body)).data;
      } catch (err) {
        if (!(err instanceof ApiError) || err.status !== 428 || !err.problem?.challenge || round >= 2) throw err;
        announce(status!, lookupPage.proofWorking);
        altcha = await solveInWorker(err.problem.challenge as Challenge);
      }
    }
  }

  const fromAddress = new URLSearchParams(location.search).get('number');
  if (fromAddress) number.value = fromAddress;

  function render(r: LookupResult): void {
    const set = (name: string, text: string) => (result!.querySelector<HTMLElement>(`[data-result="${name}"]`)!.textContent = text);
    set('trackingNumber', r.trackingNumber);
    set('kind', feedbackKind[r.kind] ?? r.kind);
    set('title', r.title);
    set('statusLabel', r.statusLabel);
    set('submittedAt', chinaDateTime(r.submittedAt));
    const clockRow = result!.querySelector<HTMLElement>('[data-result-row="clock"]')!;
    clockRow.hidden = !r.clock;
    set('clock', r.clock ? clockSummary(r.clock) : '');
    const itemRow = result!.querySelector<HTMLElement>('[data-result-row="itemId"]')!;
    itemRow.hidden = !r.itemId;
    if (r.itemId) {
      set('itemId', r.itemId);
      result!.querySelector<HTMLAnchorElement>('[data-result="itemId"]')!.href = urls.item(r.itemId);
    }
    const promotedRow = result!.querySelector<HTMLElement>('[data-result-row="promotedTo"]')!;
    promotedRow.hidden = !r.promotedTo;
    if (r.promotedTo) {
      set('promotedTo', r.promotedTo);
      result!.querySelector<HTMLAnchorElement>('[data-result="promotedTo"]')!.href = urls.item(r.promotedTo);
    }
    const history = document.getElementById('lk-history')!;
    history.replaceChildren(
      ...r.history.map((h) => {
        const li = document.createElement('li');
        const time = document.createElement('time');
        time.dateTime = h.at;
        time.textContent = chinaDateTime(h.at);
        li.append(time, ` ${h.label}${h.deadline ? historyDeadline(h.deadline) : ''}`);
        if (h.note) {
          const note = document.createElement('p');
          note.textContent = h.note;
          li.append(note);
        }
        return li;
      }),
    );
    const reply = document.getElementById('lk-reply')!;
    const p = (text: string, className = '') => {
      const el = document.createElement('p');
      el.textContent = text;
      if (className) el.className = className;
      return el;
    };
    reply.replaceChildren(
      ...(r.reply
        ? [...r.reply.text.split('\n').map((line) => p(line)), p(`${lookupPage.replyUnit}：${r.reply.unit} · ${chinaDateTime(r.reply.at).slice(0, 10)}`, 'muted')]
        : [p(lookupPage.replyPending)]),
    );
    renderRating(r);
    result!.hidden = false;
    result!.focus();
  }

  const ratingBox = document.getElementById('lk-rating');
  const ratingForm = document.getElementById('rating-form') as HTMLFormElement | null;
  const ratingSummary = document.getElementById('rt-summary');
  const ratingGiven = document.getElementById('lk-rating-given');
  const ratingTexts = { labels: { ...feedbackField, rating: lookupPage.ratingLegend, comment: lookupPage.ratingComment } as Record<string, string>, prefix: formText.errorPrefix };

  /** The rating given, or the form to give one while the window is open; nothing before a reply. */
  function renderRating(r: LookupResult): void {
    if (!ratingBox || !ratingForm || !ratingSummary || !ratingGiven) return;
    ratingBox.hidden = !r.rating && !r.rateUntil;
    ratingGiven.hidden = !r.rating;
    ratingGiven.textContent = r.rating ? `${r.rating.label}（${chinaDateTime(r.rating.at).slice(0, 10)}）` : '';
    ratingForm.hidden = !r.rateUntil;
    if (r.rateUntil) {
      document.getElementById('rt-intro')!.textContent = lookupPage.ratingIntro(chinaDateTime(r.rateUntil).slice(0, 10));
      (ratingForm.elements.namedItem('trackingNumber') as HTMLInputElement).value = r.trackingNumber;
      (ratingForm.elements.namedItem('password') as HTMLInputElement).value = credentials?.password ?? '';
    }
    clearErrors(ratingForm, ratingSummary);
  }

  ratingForm?.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    if (busy || !credentials || !ratingSummary) return;
    const checked = ratingForm.querySelector<HTMLInputElement>('input[name="rating"]:checked');
    const comment = (ratingForm.elements.namedItem('comment') as HTMLTextAreaElement).value.trim();
    const body = { ...credentials, rating: checked?.value ?? '', ...(comment ? { comment } : {}) };
    const parsed = z.safeParse(ratingSchema, body);
    if (!parsed.success) {
      showErrors(ratingForm, ratingSummary, fieldErrors(parsed.error), ratingTexts);
      return;
    }
    busy = true;
    try {
      const data = await postWithProof<LookupResult>(routePath('rate'), parsed.data);
      render(data);
      announce(status!, lookupPage.ratingThanks);
    } catch (err) {
      const errors = fieldErrorsOf(err);
      if (errors) showErrors(ratingForm, ratingSummary, errors, ratingTexts);
      else announce(alert!, err instanceof ApiError ? err.message : formText.networkError, 'error-message');
    } finally {
      busy = false;
    }
  });

  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    if (busy) return;
    announce(alert, '');
    const body = { trackingNumber: number.value, password: password.value };
    const parsed = z.safeParse(lookupSchema, body);
    if (!parsed.success) {
      result.hidden = true;
      showErrors(form, summary, fieldErrors(parsed.error), texts);
      return;
    }
    clearErrors(form, summary);
    busy = true;
    submit.disabled = true;
    announce(status, lookupPage.lookupLoading);
    try {
      const data = await postWithProof<LookupResult>(routePath('lookup'), body);
      announce(status, '');
      credentials = { trackingNumber: parsed.data.trackingNumber, password: parsed.data.password };
      render(data);
    } catch (err) {
      announce(status, '');
      result.hidden = true;
      const errors = fieldErrorsOf(err);
      if (errors) showErrors(form, summary, errors, texts);
      else announce(alert, err instanceof ApiError ? err.message : formText.networkError, 'error-message');
    } finally {
      busy = false;
      submit.disabled = false;
    }
  });
}
