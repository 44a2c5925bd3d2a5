/**
 * Pages the API itself answers for browsers without JavaScript: the receipt after a plain form post, a form
 * sent back with what was typed and its problems (domain/feedback/form-html.ts, the site's own markup), the
 * list of problems for other forms, and the lookup result. They share the site's stylesheet (/styles.css),
 * icon and the 关怀版 script, and are never cached.
 * Layer: functions/ — imports domain/ and functions/; never site/, infra/, scripts/ or tests/.
 */
import { clockSummary, historyDeadline } from '../../domain/feedback/deadline-text.ts';
import { CARE_SCRIPT, careScriptHash } from '../../domain/care-script.ts';
import { deadlineLabel, feedbackField, feedbackKind, feedbackPage as t, lookupPage as lt, nav, promotion, site } from '../../domain/labels/zh-CN.ts';
import { formatPassword } from '../../domain/feedback/password.ts';
import { RATING, RATINGS } from '../../domain/feedback/rating.ts';
import { urls } from '../../domain/urls.ts';
import { chinaDateTime } from '../../domain/dates.ts';
import type { FieldError } from '../../domain/api/problem.ts';
import type { LookupResult, Receipt } from '../../domain/api/feedback.ts';
import { routePath } from '../../domain/api/routes.ts';
import { feedbackFormHtml, lookupFormHtml, type FormFields } from '../../domain/feedback/form-html.ts';
import { escapeHtml } from '../../domain/html.ts';

export { escapeHtml };

/** CSP for the API's own pages: nothing inline but the care script (by hash). */
export const HTML_CSP = [
  "default-src 'self'",
  `script-src '${careScriptHash()}'`,
  "style-src 'self'",
  "img-src 'self' data:",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "object-src 'none'",
].join('; ');

function page(title: string, main: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex, nofollow"><title>${escapeHtml(title)} - ${site.name}</title><link rel="icon" href="${urls.icon}" type="image/svg+xml"><link rel="stylesheet" href="/styles.css"><script>${CARE_SCRIPT}</script></head><body><a class="skip" href="#main">${nav.skip}</a><header class="masthead"><div class="wrap"><a class="brand" href="/">${site.name}<small>${site.fullName}</small></a><div class="tools"><button id="care-toggle" type="button" hidden data-on="${nav.careOn}" data-off="${nav.careOff}">${nav.careOn}</button></div></div></header><main id="main" tabindex="-1"><div class="wrap">${main}</div></main><footer class="footer"><div class="wrap"><p><a href="${urls.home}">${t.backHome}</a> · <a href="${urls.privacy}">${nav.privacy}</a></p></div></footer></body></html>`;
}

function row(label: string, value: string): string {
  return `<tr><th scope="row">${escapeHtml(label)}</th><td>${value}</td></tr>`;
}

export function receiptPage(r: Receipt): string {
  return page(
    t.receiptTitle,
    `<h1>${t.receiptTitle}</h1><p>${t.receiptIntro}</p><p class="muted">${t.receiptRepeat}</p>` +
      `<table class="facts receipt"><tbody>` +
      row(feedbackField.trackingNumber, `<strong>${escapeHtml(r.trackingNumber)}</strong>`) +
      row(feedbackField.password, `<strong>${escapeHtml(formatPassword(r.password))}</strong>`) +
      row(t.receiptStatus, escapeHtml(r.statusLabel) + (r.verified ? '' : ` <span class="muted">${t.unverified}</span>`)) +
      row(t.submittedAt, escapeHtml(chinaDateTime(r.createdAt))) +
      `</tbody></table><p><a class="button" href="${urls.feedbackStatus}">${t.goLookup}</a> <a href="${urls.feedback}">${t.newSubmission}</a></p>`,
  );
}

export function errorPage(title: string, errors: readonly FieldError[], back: string, detail?: string): string {
  const items = errors.length
    ? `<ul>${errors.map((e) => `<li>${e.field ? `${escapeHtml(feedbackField[e.field as keyof typeof feedbackField] ?? e.field)}：` : ''}${escapeHtml(e.message)}</li>`).join('')}</ul>`
    : '';
  const more = detail ? `<p>${escapeHtml(detail)}</p>` : '';
  return page(title, `<div class="error-summary" role="alert"><h1>${escapeHtml(title)}</h1>${items}${more}</div><p><a class="button" href="${escapeHtml(back)}">${t.backToForm}</a></p>`);
}

/** A refused problem as the lines of a form's summary: its field errors, or its title and detail. */
function problemLines(problem: { readonly message: string; readonly detail?: string | undefined; readonly errors?: readonly FieldError[] | undefined }): readonly FieldError[] {
  return problem.errors?.length ? problem.errors : [{ field: '', message: problem.detail ? `${problem.message}。${problem.detail}` : problem.message }];
}

/** The feedback form again, with what was typed, the problems listed at the top and beside their fields. */
export function feedbackFormPage(problem: Parameters<typeof problemLines>[0], values: FormFields, regions: readonly { id: string; name: string }[]): string {
  return page(t.title, `<h1>${t.title}</h1>${feedbackFormHtml({ action: routePath('submit'), regions, values, errors: problemLines(problem) })}`);
}

/** The lookup form again, with the tracking number typed (never the password) and the problems. */
export function lookupFormPage(problem: Parameters<typeof problemLines>[0], values: FormFields): string {
  return page(lt.lookupTitle, `<h1>${lt.lookupTitle}</h1>${lookupFormHtml({ action: routePath('lookup'), values, errors: problemLines(problem) })}`);
}

/** The citizen's rating of a reply, as a plain form (works without JavaScript). */
function ratingForm(r: LookupResult, password: string): string {
  if (r.rating) return `<h2>${lt.ratingTitle}</h2><p>${escapeHtml(r.rating.label)}</p>`;
  if (!r.rateUntil) return '';
  const options = RATINGS.map((k, i) => `<label class="choice"><input type="radio" name="rating" value="${k}"${i === 0 ? ' required' : ''}> ${RATING[k].label}</label>`)
    .join('');
  return (
    `<h2>${lt.ratingTitle}</h2><form method="post" action="${routePath('rate')}" class="rating-form">` +
    `<p>${escapeHtml(lt.ratingIntro(chinaDateTime(r.rateUntil).slice(0, 10)))}</p>` +
    `<input type="hidden" name="trackingNumber" value="${escapeHtml(r.trackingNumber)}"><input type="hidden" name="password" value="${escapeHtml(password)}">` +
    `<fieldset><legend>${lt.ratingLegend}</legend>${options}</fieldset>` +
    `<p><label for="rating-comment">${lt.ratingComment}</label><br><textarea id="rating-comment" name="comment" rows="3" maxlength="500"></textarea></p>` +
    `<p><button type="submit">${lt.ratingSubmit}</button></p></form>`
  );
}

export function lookupPage(r: LookupResult, password = ''): string {
  const history = r.history
    .map((h) => `<li><time datetime="${escapeHtml(h.at)}">${escapeHtml(chinaDateTime(h.at))}</time> ${escapeHtml(h.label)}${h.deadline ? escapeHtml(historyDeadline(h.deadline)) : ''}${h.note ? `<br>${escapeHtml(h.note)}` : ''}</li>`)
    .join('');
  const reply = r.reply
    ? `<p>${escapeHtml(r.reply.text).replace(/\n/g, '<br>')}</p><p class="muted">${lt.replyUnit}：${escapeHtml(r.reply.unit)} · ${escapeHtml(chinaDateTime(r.reply.at).slice(0, 10))}</p>`
    : `<p>${lt.replyPending}</p>`;
  return page(
    lt.lookupResult,
    `<h1>${lt.lookupResult}</h1><table class="facts"><tbody>` +
      row(feedbackField.trackingNumber, escapeHtml(r.trackingNumber)) +
      row(t.kindLabel, escapeHtml(feedbackKind[r.kind])) +
      row(feedbackField.title, escapeHtml(r.title)) +
      row(t.receiptStatus, escapeHtml(r.statusLabel)) +
      row(t.submittedAt, escapeHtml(chinaDateTime(r.submittedAt))) +
      (r.clock ? row(deadlineLabel.due, escapeHtml(clockSummary(r.clock))) : '') +
      `</tbody></table>` +
      (r.promotedTo ? `<p><strong>${promotion.promotedPrefix}</strong><a href="${escapeHtml(urls.item(r.promotedTo))}">${escapeHtml(r.promotedTo)}</a></p>` : '') +
      `<h2>${lt.history}</h2><ol class="timeline">${history}</ol><h2>${lt.reply}</h2>${reply}` +
      (password ? ratingForm(r, password) : '') +
      `<p><a href="${urls.feedbackStatus}">${lt.lookupTitle}</a></p>`,
  );
}
