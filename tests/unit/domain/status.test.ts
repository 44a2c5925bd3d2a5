/**
 * The submission status table is the one description of the lifecycle: every status can be reached, every
 * staff action is allowed somewhere, and the workflow's decisions lead exactly where the table says.
 */
import { describe, expect, it } from 'vitest';
import { allowedIn, FEEDBACK_STATUSES, nextStatuses, STAFF_ACTIONS, statusAfter, SUBMISSION_STATUS, type FeedbackStatus, type StaffAction } from '../../../domain/feedback/status.ts';
import { decide, decideRating, type StaffUser, type WorkflowState } from '../../../domain/feedback/workflow.ts';
import { feedbackStatus } from '../../../domain/labels/zh-CN.ts';

const admin: StaffUser = { sub: 'a', name: '管理员', role: 'admin' };
const input = { reasonCategory: 'verify', reason: '核实有关情况', units: ['water'], text: '已经组织人员现场处理完毕。', unit: 'water', note: '请补充办理时间', deadline: '2026-11-20' };
/** What each action needs in the input besides the common fields (a transfer goes to another unit). */
const inputFor = (a: StaffAction) => (a === 'transfer' ? { ...input, unit: 'urban' } : input);
/** A state with everything an action may work on: a draft, a reply, a deadline, a pending extension (not when asking for one). */
const state = (status: FeedbackStatus, action?: StaffAction): WorkflowState => ({
  replyBy: '2026-11-10',
  ...(action === 'request_extension' ? {} : { extension: { deadline: '2026-11-17', reason: '需协调', by: '水务局', at: '2026-11-01T00:00:00.000Z' } }),
  status,
  version: 3,
  eventCount: 3,
  updatedAt: '2026-11-01T00:00:00.000Z',
  units: ['water'],
  draft: { text: '草稿内容足够长了。', unit: 'water', by: '赵', at: '2026-11-01T00:00:00.000Z' },
  reply: { text: '答复', unit: 'water', at: '2026-11-01T00:00:00.000Z' },
});

describe('the submission status table', () => {
  it('labels every status from the dictionary, and only final statuses are closed', () => {
    for (const s of FEEDBACK_STATUSES) expect(SUBMISSION_STATUS[s].label).toBe(feedbackStatus[s]);
    for (const s of FEEDBACK_STATUSES.filter((x) => !SUBMISSION_STATUS[x].open)) {
      expect(STAFF_ACTIONS.filter((a) => a !== 'reveal' && allowedIn(a, s)), s).toEqual([]);
    }
  });

  it('reaches every status from 已提交', () => {
    const seen = new Set<FeedbackStatus>(['received']);
    const queue: FeedbackStatus[] = ['received'];
    for (let s = queue.shift(); s; s = queue.shift()) {
      for (const n of nextStatuses(s)) {
        if (seen.has(n)) continue;
        seen.add(n);
        queue.push(n);
      }
    }
    expect([...seen].sort()).toEqual([...FEEDBACK_STATUSES].sort());
  });

  it('allows every staff action in some status', () => {
    for (const a of STAFF_ACTIONS) expect(FEEDBACK_STATUSES.some((s) => allowedIn(a, s)), a).toBe(true);
  });

  it('is what the workflow decides: each allowed action leaves the status the table names, others are refused', () => {
    for (const s of FEEDBACK_STATUSES) {
      for (const a of STAFF_ACTIONS) {
        const d = decide(admin, state(s, a), a, inputFor(a), new Set(['water', 'urban']));
        if (allowedIn(a, s)) {
          expect(d.ok, `${a} in ${s}`).toBe(true);
          if (d.ok) expect(d.event.status ?? s, `${a} in ${s}`).toBe(statusAfter(a, s));
        } else expect(d, `${a} in ${s}`).toMatchObject({ ok: false, reason: 'conflict' });
      }
      const now = new Date('2026-11-02T00:00:00.000Z');
      const happy = decideRating({ ...state(s) }, 'satisfied', undefined, now);
      const unhappy = decideRating({ ...state(s) }, 'dissatisfied', undefined, now);
      expect(happy.ok, `rate in ${s}`).toBe(allowedIn('rate', s));
      if (unhappy.ok) expect(unhappy.event.status).toBe(statusAfter('reopen', s));
    }
  });
});
