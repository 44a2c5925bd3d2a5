/**
 * One of each page the feedback API renders for browsers without JavaScript (functions/http/html.ts), filled
 * as a citizen would meet it: the receipt, the feedback and lookup forms sent back with their problems or a
 * wait after too many tries, a refused rating, and the lookup result before and after a reply (with the
 * rating form).
 */
import type { LookupResult, Receipt } from '../../domain/api/feedback.ts';
import { statusLabel } from '../../domain/feedback/status.ts';
import { RATING } from '../../domain/feedback/rating.ts';
import { errorPage, feedbackFormPage, lookupFormPage, lookupPage, receiptPage } from '../../functions/http/html.ts';
import { problems } from '../../functions/http/problems.ts';
import { feedbackError, feedbackPage } from '../../domain/labels/zh-CN.ts';
import { urls } from '../../domain/urls.ts';

const at = '2026-11-20T02:30:00.000Z';

export function apiPages(): Record<string, string> {
  const receipt: Receipt = { trackingNumber: 'DC2611-7K3Q9M', password: '48210937556210', status: 'received', statusLabel: statusLabel('received'), createdAt: at, verified: false };
  const lookup: LookupResult = {
    trackingNumber: receipt.trackingNumber,
    kind: 'item_feedback',
    title: '北湖街道助餐点开放时间',
    itemId: 'DC-2026-008',
    status: 'received',
    statusLabel: statusLabel('received'),
    submittedAt: at,
    history: [{ at, status: 'received', label: statusLabel('received') }],
    reply: null,
    rating: null,
    rateUntil: null,
  };
  const replied: LookupResult = {
    ...lookup,
    status: 'replied',
    statusLabel: statusLabel('replied'),
    history: [...lookup.history, { at, status: 'replied', label: statusLabel('replied'), note: '已答复' }],
    reply: { text: '助餐点自 12 月起延长开放到晚上七点。\n感谢您的意见。', unit: '民政局', at },
    rateUntil: '2026-12-20T02:30:00.000Z',
  };
  const rated: LookupResult = { ...replied, rating: { rating: 'satisfied', label: RATING.satisfied.label, at }, rateUntil: null };
  const regions = [{ id: 'chengguan', name: '城关街道' }, { id: 'hexi', name: '河西街道' }];
  const typed = { kind: 'clue', region: 'hexi', title: '短', content: '路灯 <b>坏了</b>', 'contact.phone': '123', allowPublish: 'on' };
  const invalid = problems.invalid([{ field: 'title', message: feedbackError.minChars(4) }, { field: 'contact.phone', message: feedbackError.phone }, { field: 'kind', message: feedbackError.kind }]);
  return {
    receipt: receiptPage(receipt),
    invalid: feedbackFormPage(invalid, typed, regions),
    rateLimited: feedbackFormPage(problems.rateLimited(720), typed, regions),
    lookupInvalid: lookupFormPage(problems.invalid([{ field: 'password', message: feedbackError.password }]), { trackingNumber: 'DC2611-7K3Q9M', password: '12' }),
    lookupRateLimited: lookupFormPage(problems.rateLimited(3_000), { trackingNumber: 'DC2611-7K3Q9M', password: '48210937556210' }),
    rateInvalid: errorPage(feedbackPage.errorSummary, [{ field: 'rating', message: feedbackError.invalid }], urls.feedbackStatus),
    lookup: lookupPage(lookup, receipt.password),
    replied: lookupPage(replied, receipt.password),
    rated: lookupPage(rated, receipt.password),
  };
}
