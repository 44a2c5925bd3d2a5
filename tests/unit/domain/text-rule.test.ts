/**
 * One text rule for every field a person writes — the citizen's title, content, name and rating comment,
 * the staff member's reason, note and reply draft — checked through each field's own schema: no control,
 * bidirectional or unpaired-surrogate characters; minimums count visible characters. And `itemId` names a
 * published item. Messages come from the dictionary.
 */
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { fieldErrors } from '../../../domain/api/problem.ts';
import { createFeedbackSchema, LIMITS, ratingSchema } from '../../../domain/feedback/schema.ts';
import { actionSchema } from '../../../domain/feedback/staff-schema.ts';
import { decide, type StaffUser, type WorkflowState } from '../../../domain/feedback/workflow.ts';
import { feedbackError as msg, staffError } from '../../../domain/labels/zh-CN.ts';

const feedback = createFeedbackSchema({ regionIds: ['chengguan'], itemIds: ['DC-2026-014'] });
const submission = { kind: 'suggestion', title: '增加公交班次', content: '早高峰城关到河西的公交太挤了。' };
const rating = { trackingNumber: 'DC2611-7K3Q9M', password: '48210937556210', rating: 'dissatisfied' };
const action = { action: 'draft', version: 3 };

/** Every human-written field: its schema, a valid body, and where the text goes. */
const FIELDS: [string, z.ZodMiniType, (text: string) => unknown, string][] = [
  ['title', feedback, (t) => ({ ...submission, title: t }), 'title'],
  ['content', feedback, (t) => ({ ...submission, content: t }), 'content'],
  ['contact.name', feedback, (t) => ({ ...submission, contact: { name: t }, privacyConsent: true }), 'contact.name'],
  ['rating comment', ratingSchema, (t) => ({ ...rating, comment: t }), 'comment'],
  ['reply draft', actionSchema, (t) => ({ ...action, text: t }), 'text'],
  ['reason', actionSchema, (t) => ({ ...action, action: 'reject', reason: t }), 'reason'],
  ['note', actionSchema, (t) => ({ ...action, action: 'send_back', note: t }), 'note'],
];

/** What the attack put in fields: NUL, ESC, NEL (U+0085), the right-to-left override, a line separator, a lone surrogate. */
const FORBIDDEN = ['\u0000', '\u001b', '\u0085', '\u202e', '\u2028', '\ud800'];

const errorsOf = (schema: z.ZodMiniType, data: unknown) => {
  const r = z.safeParse(schema, data);
  return r.success ? [] : fieldErrors(r.error);
};

describe('the one text rule', () => {
  it.each(FIELDS)('refuses control, bidi and unpaired-surrogate characters in %s', (_name, schema, body, field) => {
    for (const c of FORBIDDEN) {
      expect(errorsOf(schema, body(`这段文字里${c}藏着一个字符，长度足够`)), JSON.stringify(c)).toEqual([{ field, message: msg.control }]);
    }
  });

  it.each(FIELDS)('takes ordinary text in %s as it is, normalised', (_name, schema, body) => {
    expect(errorsOf(schema, body('第一行\r\n第二行，内容足够长了'))).toEqual([]);
  });

  it('counts only visible characters towards a title of at least four', () => {
    for (const invisible of ['\u200b\u200b\u200b\u200b', '\u3164\u3164\u3164\u3164', '\u2800\u2800\u2800\u2800', '\u200d\ufeff\u2060\u180e', '\u3000 \u3000 ']) {
      expect(errorsOf(feedback, { ...submission, title: invisible }), JSON.stringify(invisible)).toEqual([{ field: 'title', message: msg.required }]);
    }
    expect(errorsOf(feedback, { ...submission, title: `路灯\u200b\u200b坏` })).toEqual([{ field: 'title', message: msg.minChars(LIMITS.titleMin) }]);
    expect(errorsOf(feedback, { ...submission, title: `路灯\u200b坏了` })).toEqual([]);
  });

  it('counts only visible characters towards the minimum of a staff reason and a reply draft', () => {
    const reviewer: StaffUser = { sub: 'sub-1', name: '王审核', role: 'reviewer' };
    const admin: StaffUser = { sub: 'sub-2', name: '管理员', role: 'admin' };
    const state = (status: WorkflowState['status']): WorkflowState => ({ status, version: 2, eventCount: 2, updatedAt: '2026-11-02T00:00:00.000Z', units: ['water'] });
    const units = new Set(['water']);
    expect(decide(reviewer, state('received'), 'reject', { reason: '\u3164\u3164\u3164\u3164\u3164' }, units)).toMatchObject({ ok: false, field: 'reason', message: staffError.reasonRequired });
    expect(decide(admin, state('in_progress'), 'draft', { text: `${'\u200b'.repeat(12)}已处理`, unit: 'water' }, units)).toMatchObject({ ok: false, field: 'text', message: staffError.textRequired });
  });
});

describe('item ids', () => {
  it('must name a published item', () => {
    expect(errorsOf(feedback, { ...submission, kind: 'item_feedback', itemId: 'dc-2026-014' })).toEqual([]);
    expect(errorsOf(feedback, { ...submission, kind: 'item_feedback', itemId: 'DC-2026-999' })).toEqual([{ field: 'itemId', message: msg.itemIdUnknown }]);
  });

  it('have a length limit', () => {
    expect(errorsOf(feedback, { ...submission, itemId: `DC-2026-${'1'.repeat(5000)}` })).toEqual([{ field: 'itemId', message: msg.itemIdFormat }]);
  });
});
