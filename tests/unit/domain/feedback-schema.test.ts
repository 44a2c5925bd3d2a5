import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as z from 'zod/mini';
import { createFeedbackSchema, fromFormFields, lookupSchema } from '../../../domain/feedback/schema.ts';
import { feedbackError as msg } from '../../../domain/labels/zh-CN.ts';
import { fieldErrors } from '../../../domain/api/problem.ts';
import { normalizeTrackingNumber, TRACKING_NUMBER } from '../../../domain/feedback/tracking-number.ts';
import { formatPassword, PASSWORD_GROUPS } from '../../../domain/feedback/password.ts';

const schema = createFeedbackSchema({ regionIds: ['chengguan', 'hexi'] });
const valid = { kind: 'suggestion', title: '增加公交班次', content: '早高峰城关到河西的公交太挤了。' };
const errorsOf = (data: unknown) => {
  const r = z.safeParse(schema, data);
  return r.success ? [] : fieldErrors(r.error);
};

describe('feedback schema', () => {
  it('accepts a minimal anonymous submission and fills defaults', () => {
    const r = z.safeParse(schema, valid);
    expect(r.success && r.data).toMatchObject({ ...valid, privacyConsent: false, allowPublish: false, contact: undefined });
  });

  it.each([
    [{ ...valid, kind: 'complaint' }, [{ field: 'kind', message: msg.kind }]],
    [{ ...valid, title: '短' }, [{ field: 'title', message: msg.minChars(4) }]],
    [{ ...valid, title: '长'.repeat(51) }, [{ field: 'title', message: msg.maxChars(50) }]],
    [{ ...valid, content: '   太短   ' }, [{ field: 'content', message: msg.minChars(10) }]],
    [{ ...valid, content: '字'.repeat(2001) }, [{ field: 'content', message: msg.maxChars(2000) }]],
    [{ ...valid, title: undefined }, [{ field: 'title', message: msg.required }]],
    [{ ...valid, title: 42 }, [{ field: 'title', message: msg.notText }]],
    [{ ...valid, content: '内容里有一个响铃字符\u0007在这里' }, [{ field: 'content', message: msg.control }]],
    [{ ...valid, content: '内容里有方向覆盖字符\u202e在这里' }, [{ field: 'content', message: msg.control }]],
    [{ ...valid, kind: 'item_feedback' }, [{ field: 'itemId', message: msg.itemIdRequired }]],
    [{ ...valid, itemId: 'DC14' }, [{ field: 'itemId', message: msg.itemIdFormat }]],
    [{ ...valid, region: 'atlantis' }, [{ field: 'region', message: msg.region }]],
    [{ ...valid, contact: { phone: '12345' }, privacyConsent: true }, [{ field: 'contact.phone', message: msg.phone }]],
    [{ ...valid, contact: { email: 'zhang@' }, privacyConsent: true }, [{ field: 'contact.email', message: msg.email }]],
    [{ ...valid, contact: { phone: '13800138000' } }, [{ field: 'privacyConsent', message: msg.consentRequired }]],
    [{ ...valid, website: 'http://spam.example' }, [{ field: 'website', message: msg.honeypot }]],
    [{ ...valid, idempotencyKey: 'short' }, [{ field: 'idempotencyKey', message: msg.idempotencyKey }]],
    [{ ...valid, surprise: 1 }, [{ field: '', message: msg.unknownField('surprise') }]],
    [{ ...valid, allowPublish: 'yes' }, [{ field: 'allowPublish', message: msg.boolean }]],
  ])('%o → %o', (data, expected) => {
    expect(errorsOf(data)).toEqual(expected);
  });

  it('normalises text: NFC, CRLF to LF, trimmed; counts characters, not UTF-16 units', () => {
    const r = z.safeParse(schema, { ...valid, title: '  Cafe\u0301 𠀀𠀀  ', content: '第一行\r\n第二行内容比较长一些' });
    expect(r.success && r.data.title).toBe('Café 𠀀𠀀');
    expect(r.success && r.data.content).toBe('第一行\n第二行内容比较长一些');
    // 𠀀 is two UTF-16 units but one character: 50 of them is a valid title.
    expect(z.safeParse(schema, { ...valid, title: '𠀀'.repeat(50) }).success).toBe(true);
  });

  it('normalises phone numbers and drops an empty contact', () => {
    const r = z.safeParse(schema, { ...valid, contact: { phone: '+86 138 0013 8000', name: '', email: '' }, privacyConsent: true });
    expect(r.success && r.data.contact).toEqual({ phone: '13800138000', name: undefined, email: undefined });
    const empty = z.safeParse(schema, { ...valid, contact: { name: '', phone: '', email: '' } });
    expect(empty.success && empty.data.contact).toBeUndefined();
    expect(z.safeParse(schema, { ...valid, contact: { phone: '0000-81234567-123' }, privacyConsent: true }).success).toBe(true);
  });

  it('maps a plain form post to the same shape', () => {
    const fields = fromFormFields({ kind: 'clue', title: '路灯坏了很久', content: '青石镇中街路灯坏了两个月。', 'contact.phone': '13800138000', privacyConsent: 'on', allowPublish: 'on' });
    expect(fields).toEqual({ kind: 'clue', title: '路灯坏了很久', content: '青石镇中街路灯坏了两个月。', contact: { phone: '13800138000' }, privacyConsent: true, allowPublish: true });
    expect(z.safeParse(schema, fields).success).toBe(true);
    // A repeated field arrives as a list and is refused, not guessed at.
    expect(errorsOf(fromFormFields({ ...valid, title: ['a', 'b'] }))).toEqual([{ field: 'title', message: msg.notText }]);
  });

  it('never throws, whatever it is given', () => {
    fc.assert(fc.property(fc.anything(), (v) => void z.safeParse(schema, v)), { numRuns: 2000 });
  });
});

describe('lookup schema and tracking numbers', () => {
  it('accepts what people type for a tracking number', () => {
    for (const typed of ['dc2611-7k3q9m', 'DC2611 7K3Q9M', 'DC26117K3Q9M', ' dc2611-7k3q9m ']) expect(normalizeTrackingNumber(typed)).toBe('DC2611-7K3Q9M');
    expect(normalizeTrackingNumber('DC2611-7K3Q9O')).toBe('DC2611-7K3Q90');
    expect(normalizeTrackingNumber('DC2611-IL0000')).toBe('DC2611-110000');
  });

  it('validates both fields with clear messages', () => {
    const r = z.safeParse(lookupSchema, { trackingNumber: 'hello', password: '12ab' });
    expect(r.success ? [] : fieldErrors(r.error)).toEqual([
      { field: 'trackingNumber', message: msg.trackingNumber },
      { field: 'password', message: msg.password },
    ]);
    const ok = z.safeParse(lookupSchema, { trackingNumber: 'dc2611 7k3q9m', password: ' １２３４５６７８９０１２３４ ' });
    expect(ok.success && ok.data).toEqual({ trackingNumber: 'DC2611-7K3Q9M', password: '12345678901234' });
  });

  it('takes the password as the receipt prints it, in groups, and refuses one digit too few or too many', () => {
    const digits = '48210937556210';
    const printed = formatPassword(digits);
    expect(printed.split(' ').map((g) => g.length)).toEqual([...PASSWORD_GROUPS]);
    for (const typed of [printed, printed.replace(/ /g, '-'), digits]) {
      const r = z.safeParse(lookupSchema, { trackingNumber: 'DC2611-7K3Q9M', password: typed });
      expect(r.success && r.data.password, typed).toBe(digits);
    }
    for (const wrong of [digits.slice(1), `${digits}0`]) expect(z.safeParse(lookupSchema, { trackingNumber: 'DC2611-7K3Q9M', password: wrong }).success, wrong).toBe(false);
  });

  it('normalisation is idempotent', () => {
    fc.assert(fc.property(fc.string({ maxLength: 20 }), (s) => {
      expect(normalizeTrackingNumber(normalizeTrackingNumber(s))).toBe(normalizeTrackingNumber(s));
    }));
    expect(TRACKING_NUMBER.test('DC2611-7K3Q9M')).toBe(true);
  });
});
