/**
 * The feedback form and the lookup form as HTML, from one source: the site's pages render them empty
 * (site/pages/feedback/), and the API renders them again, filled with what the person typed and each
 * problem beside its field, when a plain form post without JavaScript is refused (functions/http/html.ts) —
 * so nobody has to type a long text twice. The markup is the contract of the islands and of
 * site/scripts/form-errors.ts: each field in `[data-field="<path>"]` with one `.field-error`, errors listed
 * in the summary with links to their fields.
 * Layer: domain/ — pure: imports only domain/ (and zod, js-yaml, node:crypto); no I/O, no Astro, Hono or AWS SDK.
 */
import type { FieldError } from '../api/problem.ts';
import { attrs, escapeHtml as esc } from '../html.ts';
import { feedbackField as field, feedbackKind, feedbackPage as t, formText, lookupPage } from '../labels/zh-CN.ts';
import { urls } from '../urls.ts';
import { FEEDBACK_KINDS } from './kinds.ts';
import { LIMITS } from './schema.ts';

/** A form's fields as posted (application/x-www-form-urlencoded), by name. */
export type FormFields = Readonly<Record<string, string | readonly string[]>>;

export interface FormState {
  /** What the person typed. */
  readonly values?: FormFields;
  /** Problems, by field path (`contact.phone`); an empty path is about the whole form. */
  readonly errors?: readonly FieldError[];
}

/** The control of each field path of the feedback form, for error links and labels. */
export const FEEDBACK_FORM_IDS: Readonly<Record<string, string>> = {
  kind: 'fb-kind',
  itemId: 'fb-itemId',
  pageUrl: 'fb-pageUrl',
  region: 'fb-region',
  title: 'fb-title',
  content: 'fb-content',
  'contact.name': 'fb-name',
  'contact.phone': 'fb-phone',
  'contact.email': 'fb-email',
  privacyConsent: 'fb-privacy',
  allowPublish: 'fb-publish',
};

const LOOKUP_FORM_IDS: Readonly<Record<string, string>> = { trackingNumber: 'lk-number', password: 'lk-password' };

function valueOf(state: FormState, name: string): string {
  const v = state.values?.[name];
  return typeof v === 'string' ? v : (v?.[0] ?? '');
}

function errorOf(state: FormState, path: string): string | undefined {
  return state.errors?.find((e) => e.field === path)?.message;
}

/** The inline message of a field: hidden and empty until there is a problem. */
function errorLine(id: string, message: string | undefined): string {
  return message
    ? `<p class="field-error" id="${id}"><span class="visually-hidden">${esc(formText.errorPrefix)}</span>${esc(message)}</p>`
    : `<p class="field-error" id="${id}" hidden></p>`;
}

/** aria-describedby: the error first (read first), then the hints. */
const describedBy = (errorId: string, error: string | undefined, ...hints: string[]) => [...(error ? [errorId] : []), ...hints].join(' ') || undefined;

/**
 * The summary at the top: every problem, linked to its field. Rendered hidden and empty on the site's page
 * (the island fills it); rendered filled by the API, where it takes focus on load (`autofocus`).
 */
function summary(id: string, errors: readonly FieldError[], ids: Readonly<Record<string, string>>): string {
  const items = errors
    .map((e) => {
      const line = esc(field[e.field as keyof typeof field] ? `${field[e.field as keyof typeof field]}：${e.message}` : e.message);
      return ids[e.field] ? `<li><a href="#${ids[e.field]}">${line}</a></li>` : `<li>${line}</li>`;
    })
    .join('');
  return `<div${attrs({ id, class: 'error-summary', role: 'group', tabindex: '-1', 'aria-labelledby': `${id}-title`, hidden: errors.length === 0, autofocus: errors.length > 0 })}><h2 id="${id}-title">${esc(t.errorSummary)}</h2><ul>${items}</ul></div>`;
}

/** One text field (input or textarea) with its label, optional hint and inline error. */
function textField(state: FormState, o: { path: string; id: string; label: string; hint?: string; note?: string; textarea?: boolean; input?: Record<string, string | boolean | undefined>; after?: string }): string {
  const error = errorOf(state, o.path);
  const errorId = `${o.id}-error`;
  const hintId = o.hint ? `${o.id}-hint` : undefined;
  const extraHints = o.after ? [`${o.id}-count`] : [];
  const common = { id: o.id, name: o.path, 'aria-describedby': describedBy(errorId, error, ...(hintId ? [hintId] : []), ...extraHints), 'aria-invalid': error ? 'true' : undefined, ...o.input };
  const control = o.textarea
    ? `<textarea${attrs(common)}>${esc(valueOf(state, o.path))}</textarea>`
    : `<input${attrs({ ...common, value: valueOf(state, o.path) || undefined })}>`;
  return (
    `<div${attrs({ class: error ? 'form-field has-error' : 'form-field', 'data-field': o.path })}>` +
    `<label for="${o.id}">${esc(o.label)}</label>` +
    (o.hint ? `<p class="hint" id="${hintId}">${esc(o.hint)}</p>` : '') +
    (o.note ?? '') +
    errorLine(errorId, error) +
    control +
    (o.after ?? '') +
    `</div>`
  );
}

/** A checkbox with its label (and optional hint after it, as markup). */
function checkbox(state: FormState, o: { path: string; id: string; label: string; hintHtml?: string }): string {
  const error = errorOf(state, o.path);
  const errorId = `${o.id}-error`;
  const checked = ['on', 'true', '1', 'yes'].includes(valueOf(state, o.path));
  return (
    `<div${attrs({ class: error ? 'form-field has-error' : 'form-field', 'data-field': o.path })}>` +
    errorLine(errorId, error) +
    `<div class="choice"><input${attrs({ id: o.id, name: o.path, type: 'checkbox', checked, 'aria-describedby': describedBy(errorId, error, ...(o.hintHtml ? [`${o.id}-hint`] : [])), 'aria-invalid': error ? 'true' : undefined })}><label for="${o.id}">${esc(o.label)}</label></div>` +
    (o.hintHtml ? `<p class="hint" id="${o.id}-hint">${o.hintHtml}</p>` : '') +
    `</div>`
  );
}

export interface FeedbackFormOptions extends FormState {
  /** Where the form posts (the API's submit route). */
  readonly action: string;
  /** The site's regions, in the editors' order. */
  readonly regions: readonly { readonly id: string; readonly name: string }[];
}

/** The summary and the feedback form (/feedback/). */
export function feedbackFormHtml(o: FeedbackFormOptions): string {
  const kind = valueOf(o, 'kind');
  const kindError = errorOf(o, 'kind');
  const region = valueOf(o, 'region');
  const regionError = errorOf(o, 'region');
  const kinds = FEEDBACK_KINDS.map((k, i) => {
    const id = i === 0 ? 'fb-kind' : `fb-kind-${k}`;
    return `<div class="choice"><input${attrs({ type: 'radio', name: 'kind', value: k, id, required: true, checked: kind === k, 'aria-invalid': kindError ? 'true' : undefined })}><label for="${id}">${esc(feedbackKind[k])}</label></div>`;
  }).join('');
  const regionOptions = [`<option value="">${esc(t.regionNone)}</option>`, ...o.regions.map((r) => `<option${attrs({ value: r.id, selected: r.id === region })}>${esc(r.name)}</option>`)].join('');
  return (
    summary('fb-summary', o.errors ?? [], FEEDBACK_FORM_IDS) +
    `<form id="feedback-form" class="form" method="post" action="${esc(o.action)}" novalidate>` +
    `<fieldset${attrs({ class: kindError ? 'form-field has-error' : 'form-field', 'data-field': 'kind', 'aria-describedby': kindError ? 'fb-kind-error' : undefined })}><legend>${esc(t.kindLegend + t.required)}</legend>${errorLine('fb-kind-error', kindError)}${kinds}</fieldset>` +
    textField(o, {
      path: 'itemId', id: 'fb-itemId', label: field.itemId + t.optional, hint: t.itemIdHint, input: { type: 'text', autocomplete: 'off', spellcheck: 'false' },
      // Filled by the island when the form is opened from an item's page.
      note: `<p class="note" id="fb-item-note" hidden><span></span> <a href="${urls.items}"></a></p>`,
    }) +
    textField(o, {
      path: 'pageUrl', id: 'fb-pageUrl', label: field.pageUrl + t.optional, hint: t.pageUrlHint, input: { type: 'text', inputmode: 'url', autocomplete: 'off', spellcheck: 'false' },
      // Filled by the island when the form is opened from 我要纠错 on a page.
      note: `<p class="note" id="fb-page-note" hidden><span></span> <a href="${urls.home}"></a></p>`,
    }) +
    `<div${attrs({ class: regionError ? 'form-field has-error' : 'form-field', 'data-field': 'region' })}><label for="fb-region">${esc(field.region + t.optional)}</label><p class="hint" id="fb-region-hint">${esc(t.regionHint)}</p>${errorLine('fb-region-error', regionError)}<select${attrs({ id: 'fb-region', name: 'region', 'aria-describedby': describedBy('fb-region-error', regionError, 'fb-region-hint'), 'aria-invalid': regionError ? 'true' : undefined })}>${regionOptions}</select></div>` +
    textField(o, { path: 'title', id: 'fb-title', label: field.title + t.required, hint: t.titleHint, input: { type: 'text', required: true, autocomplete: 'off' } }) +
    textField(o, {
      path: 'content', id: 'fb-content', label: field.content + t.required, hint: t.contentHint, textarea: true, input: { rows: '8', required: true },
      after: `<p class="hint" id="fb-content-count" aria-live="polite" data-max="${LIMITS.contentMax}"></p>`,
    }) +
    `<fieldset class="form-group" aria-describedby="fb-contact-hint"><legend>${esc(t.contactLegend)}</legend><p class="hint" id="fb-contact-hint">${esc(t.contactHint)}</p>` +
    textField(o, { path: 'contact.name', id: 'fb-name', label: field['contact.name'], input: { type: 'text', autocomplete: 'name' } }) +
    textField(o, { path: 'contact.phone', id: 'fb-phone', label: field['contact.phone'], hint: t.contactHintPhone, input: { type: 'tel', inputmode: 'tel', autocomplete: 'tel' } }) +
    textField(o, { path: 'contact.email', id: 'fb-email', label: field['contact.email'], input: { type: 'email', autocomplete: 'email', spellcheck: 'false' } }) +
    checkbox(o, { path: 'privacyConsent', id: 'fb-privacy', label: t.privacyConsent, hintHtml: `${esc(t.privacyHint)} <a href="${urls.privacy}">${esc(t.privacyLink)}</a>` }) +
    `</fieldset>` +
    checkbox(o, { path: 'allowPublish', id: 'fb-publish', label: t.allowPublish }) +
    `<div class="visually-hidden" aria-hidden="true"><label for="fb-website">${esc(t.honeypotLabel)}</label><input id="fb-website" name="website" type="text" tabindex="-1" autocomplete="off" value=""></div>` +
    `<input type="hidden" name="idempotencyKey" value="">` +
    // The proof of work's progress sits by the button the person just pressed, and is announced.
    `<div class="submit-row"><button type="submit" id="fb-submit">${esc(t.submit)}</button><div id="fb-progress" class="progress-note" role="status" aria-live="polite"></div></div>` +
    `</form>`
  );
}

/** The summary and the lookup form (/feedback/status/). The password is never filled in again. */
export function lookupFormHtml(o: FormState & { readonly action: string }): string {
  return (
    summary('lk-summary', o.errors ?? [], LOOKUP_FORM_IDS) +
    `<form id="lookup-form" class="form" method="post" action="${esc(o.action)}" novalidate>` +
    textField(o, { path: 'trackingNumber', id: 'lk-number', label: field.trackingNumber, hint: lookupPage.trackingHint, input: { type: 'text', required: true, autocomplete: 'off', autocapitalize: 'characters', spellcheck: 'false' } }) +
    textField({ errors: o.errors ?? [] }, { path: 'password', id: 'lk-password', label: field.password, hint: lookupPage.passwordHint, input: { type: 'text', required: true, inputmode: 'numeric', autocomplete: 'off' } }) +
    `<p><button type="submit" id="lk-submit">${esc(lookupPage.lookupSubmit)}</button></p>` +
    `</form>`
  );
}
