/**
 * Browsers without JavaScript post plain forms to the API and get pages back. A feedback or lookup form that
 * does not pass comes back as the same form, filled with what was typed (never the password) and each
 * problem beside its field; a refused rating lists the problems with a link back to the lookup page.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { describe, expect, it } from 'vitest';
import { API_ROUTES, type RouteName } from '../../../domain/api/routes.ts';
import { feedbackError, feedbackPage, formText } from '../../../domain/labels/zh-CN.ts';
import { escapeHtml } from '../../../domain/html.ts';
import { urls } from '../../../domain/urls.ts';
import { createApp, type AppDeps } from '../../../functions/http/app.ts';
import { DEFAULT_LIMITS } from '../../../functions/http/limits.ts';
import { DEFAULT_POW } from '../../../functions/http/pow.ts';
import { givenFacts } from '../../../functions/http/site-facts.ts';

const logger = new Logger({ serviceName: 'test', logLevel: 'SILENT' });
const regions = [{ id: 'chengguan', name: '城关街道' }, { id: 'hexi', name: '河西街道' }];
// Invalid forms are refused before any store is read, so the app needs none here.
const app = createApp({
  logger, limits: DEFAULT_LIMITS, pow: DEFAULT_POW, clientAddress: () => '203.0.113.1', secrets: async () => ({ pepper: 'p', altchaHmacKey: 'k' }),
  site: givenFacts({ units: [], regions, items: [] }),
} as unknown as AppDeps);

async function post(route: RouteName, fields: Record<string, string>): Promise<{ status: number; type: string; html: string }> {
  const res = await app.request(API_ROUTES[route].path, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
    body: new URLSearchParams(fields).toString(),
  });
  return { status: res.status, type: res.headers.get('content-type') ?? '', html: await res.text() };
}

describe('a refused feedback form without JavaScript', () => {
  const typed = { kind: 'clue', region: 'hexi', title: '短', content: '路灯坏了 <script>alert(1)</script> 很久', 'contact.name': '李四', 'contact.phone': '123' };

  it('comes back as the form, with the typed title and text in it', async () => {
    const { status, type, html } = await post('submit', typed);
    expect(status).toBe(422);
    expect(type).toMatch(/^text\/html/);
    expect(html).toContain('<form id="feedback-form"');
    expect(html).toContain(`value="${escapeHtml(typed.title)}"`);
    expect(html).toContain(`>${escapeHtml(typed.content)}</textarea>`);
    expect(html).toContain(`value="${escapeHtml(typed['contact.name'])}"`);
    expect(html).toMatch(/<input[^>]*value="clue"[^>]*checked/);
    expect(html).toMatch(/<option value="hexi" selected>河西街道<\/option>/);
  });

  it('never renders what was typed as markup', async () => {
    const { html } = await post('submit', typed);
    expect(html).not.toContain('<script>alert(1)</script>');
  });

  it('shows each problem beside its field and in the summary', async () => {
    const { html } = await post('submit', typed);
    expect(html).toContain(`<p class="field-error" id="fb-title-error"><span class="visually-hidden">${formText.errorPrefix}</span>${feedbackError.minChars(4)}</p>`);
    expect(html).toContain(`<p class="field-error" id="fb-phone-error"><span class="visually-hidden">${formText.errorPrefix}</span>${feedbackError.phone}</p>`);
    expect(html).toMatch(/<input[^>]*id="fb-title"[^>]*aria-describedby="fb-title-error fb-title-hint"[^>]*aria-invalid="true"/);
    expect(html).toContain('<a href="#fb-title">');
  });
});

describe('a refused lookup without JavaScript', () => {
  it('comes back as the lookup form with the tracking number, never the password', async () => {
    const { status, html } = await post('lookup', { trackingNumber: 'DC2611-7K3Q9M', password: '12' });
    expect(status).toBe(422);
    expect(html).toContain('<form id="lookup-form"');
    expect(html).toContain('value="DC2611-7K3Q9M"');
    expect(html).not.toMatch(/value="12"/);
    expect(html).toContain(feedbackError.password);
  });
});

describe('a refused rating without JavaScript', () => {
  it('lists the problems and links back to the lookup page', async () => {
    const { status, html } = await post('rate', { trackingNumber: 'DC2611-7K3Q9M', password: '48210937556210', rating: 'great' });
    expect(status).toBe(422);
    expect(html).toContain(feedbackPage.errorSummary);
    const link = /<a class="button" href="([^"]+)">([^<]+)<\/a>/.exec(html);
    expect(link?.[2]).toBe(feedbackPage.backToForm);
    expect(link?.[1]).toBe(urls.feedbackStatus);
  });
});
