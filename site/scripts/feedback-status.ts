/**
 * The lookup page's island (/feedback/status/): checks the tracking number and password with the API's
 * schema, asks the API, and shows the status, the dated history and the reply in the page. Failures (wrong
 * number or password, too many tries, no network) are announced in an alert. `?number=` (the receipt's link)
 * fills the tracking number; the password is never put in an address.
 */
import * as z from 'zod/mini';
import { fieldErrors, lookupSchema } from '../../functions/feedback/schema.ts';
import type { LookupResult } from '../../functions/http/types.ts';
import { feedbackField, feedbackKind, feedbackPage as t } from '../strings/zh-CN.ts';
import { chinaDateTime } from '../lib/dates.ts';
import { urls } from '../lib/urls.ts';
import { announce, ApiError, clearErrors, postJson, showErrors } from './form-errors.ts';

export function startLookup(): void {
  const form = document.getElementById('lookup-form') as HTMLFormElement | null;
  const summary = document.getElementById('lk-summary');
  const status = document.getElementById('lk-status');
  const alert = document.getElementById('lk-alert');
  const result = document.getElementById('lk-result');
  const submit = document.getElementById('lk-submit') as HTMLButtonElement | null;
  if (!form || !summary || !status || !alert || !result || !submit) return;
  const texts = { labels: feedbackField as Record<string, string>, prefix: t.errorPrefix };
  const number = form.elements.namedItem('trackingNumber') as HTMLInputElement;
  const password = form.elements.namedItem('password') as HTMLInputElement;
  let busy = false;

  const fromAddress = new URLSearchParams(location.search).get('number');
  if (fromAddress) number.value = fromAddress;

  function render(r: LookupResult): void {
    const set = (name: string, text: string) => (result!.querySelector<HTMLElement>(`[data-result="${name}"]`)!.textContent = text);
    set('trackingNumber', r.trackingNumber);
    set('kind', feedbackKind[r.kind] ?? r.kind);
    set('title', r.title);
    set('statusLabel', r.statusLabel);
    set('submittedAt', chinaDateTime(r.submittedAt));
    const itemRow = result!.querySelector<HTMLElement>('[data-result-row="itemId"]')!;
    itemRow.hidden = !r.itemId;
    if (r.itemId) {
      set('itemId', r.itemId);
      result!.querySelector<HTMLAnchorElement>('[data-result="itemId"]')!.href = urls.item(r.itemId);
    }
    const history = document.getElementById('lk-history')!;
    history.replaceChildren(
      ...r.history.map((h) => {
        const li = document.createElement('li');
        const time = document.createElement('time');
        time.dateTime = h.at;
        time.textContent = chinaDateTime(h.at);
        li.append(time, ` ${h.label}`);
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
        ? [...r.reply.text.split('\n').map((line) => p(line)), p(`${t.replyUnit}：${r.reply.unit} · ${chinaDateTime(r.reply.at).slice(0, 10)}`, 'muted')]
        : [p(t.replyPending)]),
    );
    result!.hidden = false;
    result!.focus();
  }

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
    announce(status, t.lookupLoading);
    try {
      const { data } = await postJson<LookupResult>('/api/feedback/lookup', body);
      announce(status, '');
      render(data);
    } catch (err) {
      announce(status, '');
      result.hidden = true;
      if (err instanceof ApiError && err.status === 422 && err.problem?.errors?.length) showErrors(form, summary, err.problem.errors, texts);
      else announce(alert, err instanceof ApiError ? err.message : t.networkError, 'error-message');
    } finally {
      busy = false;
      submit.disabled = false;
    }
  });
}
