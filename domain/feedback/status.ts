/**
 * The statuses of a citizen's submission (受理状态), as one table: each status's label, whether the case is
 * still open, whether it is shown outside the office, and the actions allowed in it with the status each
 * leads to. Every other list of statuses or transitions (the workflow's checks, the console's tabs, the
 * diagram below) is derived from this table or checked against it by a test.
 *
 *   received ──accept──> accepted ──assign──> in_progress ──approve──> replied ──close──> closed
 *      │                    │                  │  ↺ assign (re-assign)   │                   │
 *      └──reject──> rejected <──reject──────────┘  ↺ draft, send_back     └──┬── reopen ──────┘
 *                                                                             └──> accepted   (citizen 不满意)
 *
 * In progress, the clock's actions keep the status: interim (阶段性答复), request_extension → approve_extension |
 * refuse_extension (延期), transfer (转办 to another unit; the deadline stays).
 * `reveal` (viewing the contact details, audited) is allowed in every status and changes none.
 * Pure data.
 * Layer: domain/ — pure: imports only domain/ (and zod, js-yaml, node:crypto); no I/O, no Astro, Hono or AWS SDK.
 */
import { feedbackStatus } from '../labels/zh-CN.ts';

export const FEEDBACK_STATUSES = ['received', 'accepted', 'rejected', 'in_progress', 'replied', 'closed'] as const;
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];

/** Every action on a submission: the staff's, and the citizen's `rate` / `reopen` (a rating of 不满意). */
export const STAFF_ACTIONS = [
  'accept', 'reject', 'assign', 'draft', 'approve', 'send_back', 'close', 'reveal',
  'interim', 'request_extension', 'approve_extension', 'refuse_extension', 'transfer',
] as const;
export type StaffAction = (typeof STAFF_ACTIONS)[number];
export type CitizenAction = 'rate' | 'reopen';
export type SubmissionAction = StaffAction | CitizenAction;

export interface StatusInfo {
  /** What people read (from the one dictionary). */
  readonly label: string;
  /** Still being worked on (or may be reopened by the citizen); false for a final status. */
  readonly open: boolean;
  /** Shown outside the office: in the citizen's lookup (and, later, the public ledger). */
  readonly public: boolean;
  /** The actions allowed in this status and the status each leaves behind (the same one for actions that change none). */
  readonly actions: Readonly<Partial<Record<SubmissionAction, FeedbackStatus>>>;
}

export const SUBMISSION_STATUS: Readonly<Record<FeedbackStatus, StatusInfo>> = {
  received: { label: feedbackStatus.received, open: true, public: true, actions: { accept: 'accepted', reject: 'rejected' } },
  accepted: { label: feedbackStatus.accepted, open: true, public: true, actions: { assign: 'in_progress', reject: 'rejected' } },
  rejected: { label: feedbackStatus.rejected, open: false, public: true, actions: {} },
  in_progress: {
    label: feedbackStatus.in_progress,
    open: true,
    public: true,
    actions: {
      assign: 'in_progress', draft: 'in_progress', send_back: 'in_progress', approve: 'replied',
      // The clock's actions (阶段性答复, 延期, 转办) change no status.
      interim: 'in_progress', request_extension: 'in_progress', approve_extension: 'in_progress', refuse_extension: 'in_progress', transfer: 'in_progress',
    },
  },
  replied: { label: feedbackStatus.replied, open: true, public: true, actions: { close: 'closed', rate: 'replied', reopen: 'accepted' } },
  closed: { label: feedbackStatus.closed, open: false, public: true, actions: { rate: 'closed', reopen: 'accepted' } },
};

/** Actions allowed whatever the status (they change none). */
const ANY_STATUS: ReadonlySet<SubmissionAction> = new Set(['reveal']);

export function statusLabel(status: FeedbackStatus): string {
  return SUBMISSION_STATUS[status].label;
}

/** Whether `action` may be taken in `status`. */
export function allowedIn(action: SubmissionAction, status: FeedbackStatus): boolean {
  return ANY_STATUS.has(action) || action in SUBMISSION_STATUS[status].actions;
}

/** The status `action` leaves behind when taken in `status` (undefined when not allowed there). */
export function statusAfter(action: SubmissionAction, status: FeedbackStatus): FeedbackStatus | undefined {
  if (ANY_STATUS.has(action)) return status;
  return SUBMISSION_STATUS[status].actions[action];
}

/** The statuses reachable from `status` in one action (without itself). */
export function nextStatuses(status: FeedbackStatus): FeedbackStatus[] {
  return [...new Set(Object.values(SUBMISSION_STATUS[status].actions))].filter((s) => s !== status);
}
