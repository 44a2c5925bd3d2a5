/**
 * A submission's running deadline in the console: the date, how it stands (剩余 N 个工作日 / 今天到期 /
 * 已超期 N 天) and a badge for 即将到期 and 已超期, so the queue and the detail read alike.
 * Layer: site/ — imports domain/ and site/; never functions/, infra/, scripts/ or tests/.
 */
import type { SubmissionClock } from '../../../domain/api/feedback.ts';
import { deadlineLabel } from '../../../domain/labels/zh-CN.ts';

export default function Deadline({ clock }: { readonly clock: SubmissionClock }) {
  return (
    <span className="deadline">
      {clock.stage === 'accept' ? deadlineLabel.acceptBy : deadlineLabel.replyBy} <time dateTime={clock.deadline}>{clock.deadline}</time>
      {clock.state === 'overdue' && <span className="badge t-overdue">{deadlineLabel.overdue}</span>}
      {clock.state === 'due_soon' && <span className="badge t-due_soon">{deadlineLabel.dueSoon}</span>}
      {clock.extended && <span className="badge t-extended">{deadlineLabel.extended}</span>}
      <span>（{clock.label}）</span>
    </span>
  );
}
