/**
 * The editors' clock files — content/calendar.yaml and content/settings/feedback.yaml — through the same
 * reader as the build and `npm run check:content`: every mistake fails with the file, the line, the field
 * and the rule in Chinese; good files become the clock's calendar and limits.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem, resolveFeedbackSettings } from '../../../domain/content/index.ts';
import { calendarDays } from '../../../domain/content/calendar.ts';
import { FEEDBACK_KINDS } from '../../../domain/feedback/kinds.ts';
import { clockError, contentError, feedbackKind } from '../../../domain/labels/zh-CN.ts';
import { readContent } from '../../../site/lib/content-source.ts';
import { writeContent } from '../../helpers/content-fixture.ts';

const CALENDAR = 'content/calendar.yaml';
const SETTINGS = 'content/settings/feedback.yaml';
const read = (files: Record<string, string>) => {
  const dir = writeContent({ files });
  return readContent(dir, path.dirname(dir));
};
const problems = (files: Record<string, string>) => read(files).problems.map(formatProblem);
const kinds = FEEDBACK_KINDS.map((k) => `${k}（${feedbackKind[k]}）`).join('、');

const calendar = (...days: string[]) => `# 日历\nyears: [2027]\ndays:\n${days.map((d) => `  - ${d}\n`).join('')}`;
const settings = (body: string) => `timeLimits:\n  default:\n    accept: 2\n    reply: 5\n${body}extensionCap: 15\ndueSoon: 1\n`;

describe('content/calendar.yaml', () => {
  it('becomes days of the working-day calendar', () => {
    const content = read({ 'calendar.yaml': calendar('{ date: 2027-02-05, day: holiday, name: 春节 }', '{ date: 2027-02-20, day: 上班 }') });
    expect(content.problems).toEqual([]);
    expect(calendarDays(content.calendar!)).toEqual([{ date: '2027-02-05', work: false, name: '春节' }, { date: '2027-02-20', work: true }]);
  });

  it('refuses a date given twice, naming both lines', () => {
    expect(problems({ 'calendar.yaml': calendar('{ date: 2027-02-05, day: holiday }', '{ date: 2027-02-05, day: workday }') })).toEqual([`${CALENDAR}:5: days[1].date ${clockError.duplicateDate(4)}`]);
  });

  it('refuses a date outside the years the file covers', () => {
    expect(problems({ 'calendar.yaml': calendar('{ date: 2026-12-31, day: holiday }') })).toEqual([`${CALENDAR}:4: days[0].date ${clockError.outsideYears('2027')}`]);
  });

  it('refuses a date that does not exist', () => {
    expect(problems({ 'calendar.yaml': calendar('{ date: 2027-02-30, day: holiday }') })).toEqual([`${CALENDAR}:4: days[0].date ${contentError.date}`]);
  });

  it('refuses a day that is neither holiday nor workday', () => {
    expect(problems({ 'calendar.yaml': calendar('{ date: 2027-02-05, day: rest }') })[0]).toMatch(new RegExp(`^${CALENDAR}:4: days\\[0\\]\\.day `));
  });
});

describe('content/settings/feedback.yaml', () => {
  it('gives every kind the default unless it has its own limit', () => {
    const content = read({ 'settings/feedback.yaml': settings('  clue:\n    reply: 7\n') });
    expect(content.problems).toEqual([]);
    const resolved = resolveFeedbackSettings(content.feedbackSettings!);
    for (const k of FEEDBACK_KINDS) expect(resolved.timeLimits[k], k).toEqual({ accept: 2, reply: k === 'clue' ? 7 : 5 });
  });

  it('refuses a negative limit', () => {
    expect(problems({ 'settings/feedback.yaml': settings('  clue:\n    reply: -1\n') })).toEqual([`${SETTINGS}:6: timeLimits.clue.reply ${clockError.limit(1, 60)}`]);
  });

  it('refuses an unknown kind, on its own line', () => {
    expect(problems({ 'settings/feedback.yaml': settings('  complaint:\n    reply: 7\n') })).toEqual([`${SETTINGS}:5: timeLimits.complaint ${clockError.unknownKind(kinds)}`]);
  });

  it('refuses a file without the extension cap', () => {
    expect(problems({ 'settings/feedback.yaml': 'timeLimits:\n  default:\n    accept: 2\n    reply: 5\ndueSoon: 1\n' })).toEqual([`${SETTINGS}:1: extensionCap ${contentError.missing}`]);
  });
});
