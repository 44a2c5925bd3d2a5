/**
 * The daily reminder's messages: each unit gets its submissions due soon or overdue, the reviewers those
 * not yet accepted; nothing on a day off; only tracking numbers and deadlines, never a title or text.
 */
import { describe, expect, it } from 'vitest';
import { feedbackClock } from '../../../domain/feedback/clock-setup.ts';
import { dailyReminders } from '../../../domain/feedback/reminders.ts';
import type { SubmissionRecord } from '../../../domain/feedback/submission.ts';
import { reminder } from '../../../domain/labels/zh-CN.ts';

const clock = feedbackClock();
const cal = clock.calendar;
const today = '2026-11-26';
const record = (n: number, over: Partial<SubmissionRecord>): SubmissionRecord => ({
  trackingNumber: `DC2611-00000${n}`, kind: 'suggestion', title: `标题${n}：王五家门口`, content: `内容${n}`, allowPublish: false, hasContact: true, verified: true,
  status: 'in_progress', version: 3, eventCount: 3, createdAt: '2026-11-10T02:00:00.000Z', updatedAt: '2026-11-10T02:00:00.000Z',
  passwordSalt: 's', passwordHash: 'h', ownerHash: 'o', expiresAt: 0, units: ['water'], ...over,
});
const records = [
  record(1, { replyBy: today }),
  record(2, { replyBy: cal.addWorkingDays(today, 1) }),
  record(3, { replyBy: cal.addWorkingDays(today, 4) }),
  record(4, { replyBy: '2026-11-20', units: ['urban'] }),
  record(5, { status: 'received', acceptBy: cal.addWorkingDays(today, 1), units: [] }),
];
const unitName = (id: string) => ({ water: '水务局', urban: '城管局' })[id] ?? id;

describe('the daily reminder', () => {
  const sent = dailyReminders(records, { clock, today }, unitName, 'http://localhost/staff/');

  it('tells each unit what is due soon or overdue, and nothing that has time left', () => {
    const water = sent.find((r) => r.audience.kind === 'unit' && r.audience.unit === 'water')!;
    expect(water.trackingNumbers).toEqual(['DC2611-000001', 'DC2611-000002']);
    expect(water.subject).toBe(reminder.unitSubject('水务局', 2));
    expect(sent.find((r) => r.audience.kind === 'unit' && r.audience.unit === 'urban')!.trackingNumbers).toEqual(['DC2611-000004']);
  });

  it('tells the reviewers what is not yet accepted', () => {
    expect(sent.find((r) => r.audience.kind === 'reviewers')!.trackingNumbers).toEqual(['DC2611-000005']);
  });

  it('carries tracking numbers and deadlines, never a title or text', () => {
    for (const r of sent) {
      expect(r.body).not.toMatch(/标题|内容\d|王五/);
      for (const t of r.trackingNumbers) expect(r.body).toContain(t);
    }
  });

  it('sends nothing on a day off', () => {
    expect(dailyReminders(records, { clock, today: '2026-10-03' }, unitName, 'http://localhost/staff/')).toEqual([]);
  });
});

describe('a reminder on SNS', () => {
  it('carries the audience as message attributes for the subscriptions’ filters, and a subject within 100 bytes', async () => {
    const { snsMessage } = await import('../../../functions/staff/reminders.ts');
    const [unit] = dailyReminders(records, { clock, today }, () => '示例市住房和城乡建设局城市建设管理综合执法监督检查支队第一大队', 'http://localhost/staff/').filter((r) => r.audience.kind === 'unit' && r.audience.unit === 'water');
    const m = snsMessage('arn:aws:sns:cn-northwest-1:000000000000:reminders', unit!);
    expect(m.MessageAttributes).toEqual({ audience: { DataType: 'String', StringValue: 'unit' }, unit: { DataType: 'String', StringValue: 'water' } });
    expect(Buffer.byteLength(m.Subject)).toBeLessThanOrEqual(100);
    expect(m.Message).toBe(unit!.body);
  });
});
