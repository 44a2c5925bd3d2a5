/**
 * Browsers without JavaScript post plain forms to the API and get pages back. A form that does not pass
 * comes back as a page listing the problems, whose "返回修改" link goes back to the form it came from.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { describe, expect, it } from 'vitest';
import { API_ROUTES, type RouteName } from '../../../domain/api/routes.ts';
import { feedbackPage } from '../../../domain/labels/zh-CN.ts';
import { urls } from '../../../domain/urls.ts';
import { createApp, type AppDeps } from '../../../functions/http/app.ts';
import { DEFAULT_LIMITS } from '../../../functions/http/limits.ts';
import { DEFAULT_POW } from '../../../functions/http/pow.ts';

const logger = new Logger({ serviceName: 'test', logLevel: 'SILENT' });
// Invalid forms are refused before any store is read, so the app needs none here.
const app = createApp({ logger, limits: DEFAULT_LIMITS, pow: DEFAULT_POW, clientAddress: () => '203.0.113.1', secrets: async () => ({ pepper: 'p', altchaHmacKey: 'k' }) } as unknown as AppDeps);

const forms: [RouteName, Record<string, string>, string][] = [
  ['submit', { kind: 'suggestion', title: '短', content: '太短' }, urls.feedback],
  ['lookup', { trackingNumber: 'DC2611-7K3Q9M', password: '12' }, urls.feedbackStatus],
  ['rate', { trackingNumber: 'DC2611-7K3Q9M', password: '12345678901234', rating: 'great' }, urls.feedbackStatus],
];

describe('a rejected plain form', () => {
  for (const [route, fields, back] of forms) {
    it(`${API_ROUTES[route].path}: lists the problems and links back to ${back}`, async () => {
      const res = await app.request(API_ROUTES[route].path, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
        body: new URLSearchParams(fields).toString(),
      });
      expect(res.status).toBe(422);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      const html = await res.text();
      expect(html).toContain(feedbackPage.errorSummary);
      const link = /<a class="button" href="([^"]+)">([^<]+)<\/a>/.exec(html);
      expect(link?.[2]).toBe(feedbackPage.backToForm);
      expect(link?.[1]).toBe(back);
    });
  }
});
