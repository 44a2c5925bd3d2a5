/**
 * The privacy policy (content/pages/privacy.md) states the retention periods the code enforces
 * (domain/feedback/retention.ts): each figure appears, in the policy's words, on the line that names it.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { RETENTION } from '../../../domain/feedback/retention.ts';
import { root } from '../../helpers/paths.ts';

const policy = readFileSync(path.join(root, 'content/pages/privacy.md'), 'utf8');
const retention = policy.slice(policy.indexOf('**保存期限**'), policy.indexOf('## ', policy.indexOf('**保存期限**')));

/** How the policy writes a period: whole years as 年, otherwise days. */
const days = (n: number) => (n % 365 === 0 ? `${n / 365} 年` : `${n} 天`);

/** The one line of the retention list that starts with `what`. */
function line(what: string): string {
  const lines = retention.split('\n').filter((l) => l.startsWith(`- ${what}`));
  expect(lines, what).toHaveLength(1);
  return lines[0]!;
}

describe('privacy policy', () => {
  it('has a retention list', () => {
    expect(retention.length).toBeGreaterThan(20);
  });

  it.each([
    ['留言及其办理记录', days(RETENTION.submissionDays)],
    ['联系方式', days(RETENTION.contactDays)],
    ['用于频率限制的 IP 地址摘要', `${RETENTION.rateLimitHours} 小时`],
    ['防止重复提交的记录', `${RETENTION.idempotencyHours} 小时`],
    ['已使用的安全验证记录', `${RETENTION.challengeMinutes} 分钟`],
  ])('states how long %s is kept: %s', (what, period) => {
    expect(line(what)).toContain(period);
  });

  it('states the rate-limit period where it explains the hashed address, too', () => {
    const sentence = policy.split('\n').find((l) => l.includes('频率限制') && !l.startsWith('- '))!;
    expect(sentence).toContain(`${RETENTION.rateLimitHours} 小时`);
  });
});
