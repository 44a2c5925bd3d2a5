/**
 * One of each page the feedback API renders for browsers without JavaScript (functions/http/html.ts), filled
 * as a citizen would meet it: the receipt, a form sent back with its problems, a wait after too many tries,
 * and the lookup result before and after a reply (with the rating form).
 */
import type { LookupResult, Receipt } from '../../domain/api/feedback.ts';
import { statusLabel } from '../../domain/feedback/status.ts';
import { RATING } from '../../domain/feedback/rating.ts';
import { errorPage, lookupPage, receiptPage } from '../../functions/http/html.ts';
import { feedbackError, feedbackPage } from '../../domain/labels/zh-CN.ts';
import { urls } from '../../domain/urls.ts';

const at = '2026-11-20T02:30:00.000Z';

export function apiPages(): Record<string, string> {
  const receipt: Receipt = { trackingNumber: 'DC2611-7K3Q9M', password: '123456', status: 'received', statusLabel: statusLabel('received'), createdAt: at, verified: false };
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
  return {
    receipt: receiptPage(receipt),
    invalid: errorPage(feedbackPage.errorSummary, [{ field: 'title', message: feedbackError.minChars(4) }, { field: 'content', message: feedbackError.minChars(10) }], urls.feedback),
    rateLimited: errorPage(feedbackError.rateLimited, [], urls.feedback),
    lookup: lookupPage(lookup, receipt.password),
    replied: lookupPage(replied, receipt.password),
    rated: lookupPage(rated, receipt.password),
  };
}
