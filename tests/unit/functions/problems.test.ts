/** A 429 says how long to wait, in Chinese, from the same number of seconds its Retry-After gives. */
import { describe, expect, it } from 'vitest';
import { problems } from '../../../functions/http/problems.ts';
import { feedbackError as msg } from '../../../domain/labels/zh-CN.ts';

describe('a 429', () => {
  it.each([
    [problems.rateLimited(42), 42],
    [problems.rateLimited(3_540), 3_540],
  ])('carries Retry-After and the wait in its detail', async (problem, seconds) => {
    const res = problem.toResponse();
    expect(res.headers.get('retry-after')).toBe(String(seconds));
    expect(((await res.json()) as { detail: string }).detail).toBe(msg.waitFor(seconds));
  });

  it('counts seconds under a minute, then whole minutes, then hours, always rounding up', () => {
    expect(msg.waitFor(42)).toContain('42');
    expect(msg.waitFor(0.2)).toBe(msg.waitFor(1));
    expect(msg.waitFor(61)).toBe(msg.waitFor(120));
    expect(msg.waitFor(120)).toContain('2');
    expect(msg.waitFor(3_599)).toBe(msg.waitFor(3_541));
    expect(msg.waitFor(5_400)).toBe(msg.waitFor(7_200));
    expect(new Set([msg.waitFor(59), msg.waitFor(60), msg.waitFor(3_600)]).size).toBe(3);
  });
});
