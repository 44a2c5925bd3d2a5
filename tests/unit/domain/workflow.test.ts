import { describe, expect, it } from 'vitest';
import { applyEvent, availableActions, decide, decideRating, type StaffUser, type WorkflowState } from '../../../domain/feedback/workflow.ts';
import { CITIZEN, publicHistory, type FeedbackEvent } from '../../../domain/feedback/events.ts';
import { statusLabel } from '../../../domain/feedback/status.ts';
import { feedbackClock } from '../../../domain/feedback/clock-setup.ts';

const reviewer: StaffUser = { sub: 'r', name: '王审核', role: 'reviewer' };
const water: StaffUser = { sub: 'w', name: '赵办理', role: 'unit', unit: 'water' };
const units = new Set(['water', 'urban']);
const start: WorkflowState = { status: 'received', version: 1, eventCount: 1, updatedAt: '2026-11-01T00:00:00.000Z' };

/** Run actions through decide and applyEvent, collecting the events as the store would. */
function run(steps: [StaffUser, Parameters<typeof decide>[2], Parameters<typeof decide>[3]][]) {
  let state = start;
  const events: FeedbackEvent[] = [{ seq: 1, at: start.updatedAt, action: 'submitted', status: 'received', ...CITIZEN, public: true }];
  steps.forEach(([user, action, input], i) => {
    const d = decide(user, state, action, input, units);
    if (!d.ok) throw new Error(`${action}: ${d.message}`);
    const event = { ...d.event, seq: state.eventCount + 1, at: `2026-11-0${i + 2}T00:00:00.000Z` } as FeedbackEvent;
    events.push(event);
    state = applyEvent(state, event);
  });
  return { state, events };
}

describe('workflow', () => {
  const loop = run([
    [reviewer, 'accept', {}],
    [reviewer, 'assign', { units: ['water'] }],
    [water, 'draft', { text: '已组织人员疏通排水管道，积水已排除。' }],
    [reviewer, 'send_back', { note: '请写明完成时间' }],
    [water, 'draft', { text: '11 月 5 日已疏通排水管道，积水已排除。' }],
    [reviewer, 'approve', {}],
    [reviewer, 'reveal', { reasonCategory: 'verify', reason: '电话回访' }],
  ]);

  it('folds events into the record: status, units, draft, reply', () => {
    expect(loop.state).toMatchObject({ status: 'replied', units: ['water'], version: 8, eventCount: 8, reply: { text: '11 月 5 日已疏通排水管道，积水已排除。', unit: 'water' } });
    expect(loop.state.draft).toBeUndefined();
    // Folding the same events again from the start gives the same record.
    const again = loop.events.slice(1).reduce(applyEvent, start);
    expect(again).toEqual(loop.state);
  });

  it('shows the citizen public steps only, never drafts, notes sent back, staff names or reveals', () => {
    const history = publicHistory(loop.events);
    expect(history.map((h) => h.label)).toEqual((['received', 'accepted', 'in_progress', 'replied'] as const).map(statusLabel));
    const text = JSON.stringify(history);
    for (const secret of ['王审核', '赵办理', '请写明完成时间', '积水已排除', '电话回访']) expect(text).not.toContain(secret);
  });

  it('offers each role only its actions, and units only their own submissions', () => {
    expect(availableActions(reviewer, loop.state)).toEqual(['close', 'reveal']);
    expect(availableActions(water, loop.state)).toEqual(['reveal']);
    expect(availableActions({ ...water, unit: 'urban' }, loop.state)).toEqual([]);
    expect(decide(water, loop.state, 'close', {}, units)).toMatchObject({ ok: false, reason: 'forbidden' });
  });

  it('keeps one rating per reply and reopens on 不满意', () => {
    const now = new Date('2026-11-10T00:00:00.000Z');
    const unhappy = decideRating(loop.state, 'dissatisfied', '仍有积水', now);
    expect(unhappy).toMatchObject({ ok: true, event: { action: 'reopened', status: 'accepted', rating: 'dissatisfied', note: '仍有积水' } });
    const rated = applyEvent(loop.state, { ...(unhappy.ok ? unhappy.event : ({} as never)), seq: 9, at: now.toISOString() });
    expect(rated.status).toBe('accepted');
    expect(decideRating(rated, 'satisfied', undefined, now)).toMatchObject({ ok: false, reason: 'conflict' });
    expect(decideRating(loop.state, 'satisfied', undefined, new Date('2026-11-30T00:00:00.000Z'))).toMatchObject({ ok: false, reason: 'conflict' });
  });
});

describe('the clock’s actions', () => {
  const unit: StaffUser = { sub: 'u', name: '赵', role: 'unit', unit: 'water' };
  const clockState = { status: 'in_progress', version: 3, eventCount: 3, updatedAt: '2026-11-02T02:00:00.000Z', units: ['water'], kind: 'suggestion', replyBy: '2026-11-09', replyByOriginal: '2026-11-09' } as const;
  const time = { clock: feedbackClock(), today: '2026-11-05' };

  it('refuses an extension to a date that does not exist, naming the deadline', () => {
    expect(decide(unit, clockState, 'request_extension', { deadline: '2026-11-31', reason: '需协调' }, new Set(['water']), time)).toMatchObject({ ok: false, reason: 'invalid', field: 'deadline' });
  });

  it('sets the reply deadline on acceptance, counted from the first working day after it', () => {
    const reviewer: StaffUser = { sub: 'r', name: '李', role: 'reviewer' };
    const d = decide(reviewer, { ...clockState, status: 'received' }, 'accept', {}, new Set(['water']), { clock: feedbackClock(), today: '2026-09-30' });
    // 2026-10-01 to 07 is the National Day holiday, 10-10 a make-up Saturday: 10-08, 09, 10, 12, 13.
    expect(d).toMatchObject({ ok: true, event: { deadline: feedbackClock().calendar.addWorkingDays('2026-09-30', 5) } });
    expect(d.ok && d.event.deadline).toBe('2026-10-13');
  });
});
