/**
 * What the staff API answers (JSON bodies): the staff console reads these types, the API's routes build
 * them (domain/feedback/views.ts). Types only.
 * Layer: domain/ — pure: imports only domain/ (and zod, js-yaml, node:crypto); no I/O, no Astro, Hono or AWS SDK.
 */
import type { SubmissionClock } from './feedback.ts';
import type { FeedbackEvent } from '../feedback/events.ts';
import type { LedgerRow } from '../feedback/ledger.ts';
import type { ItemDraft } from '../feedback/item-draft.ts';
import type { FeedbackKind } from '../feedback/kinds.ts';
import type { Contact } from '../feedback/schema.ts';
import type { FeedbackStatus, StaffAction } from '../feedback/status.ts';
import type { SubmissionRecord } from '../feedback/submission.ts';
import type { StaffUser } from '../feedback/workflow.ts';
import type { ItemFlag, ReportedItem, ReportRecord } from '../items/report.ts';

/** A unit as the staff API and the console know it (from the site's published facts, /data/site-facts.json). */
export interface UnitInfo {
  readonly id: string;
  readonly name: string;
  readonly shortName: string;
}

/** A submission as staff see it: everything but the password hash and storage fields; `version` to act on. */
export type StaffSubmission = Omit<SubmissionRecord, 'passwordHash' | 'passwordSalt' | 'ownerHash' | 'expiresAt' | 'eventCount' | 'version'> & {
  /** The number of events the staff member saw (sent back with an action). */
  readonly version: number;
  readonly statusLabel: string;
  readonly kindLabel: string;
};

/** One event of the history, labelled: the stored event (domain/feedback/events.ts) and how it reads. */
export type StaffEvent = FeedbackEvent & {
  readonly label: string;
  /** The label of `status`, when the event changed the status. */
  readonly statusLabel?: string;
};

/** One row of the queue. */
export interface QueueItem {
  readonly trackingNumber: string;
  readonly kind: FeedbackKind;
  readonly kindLabel: string;
  readonly title: string;
  readonly status: FeedbackStatus;
  readonly statusLabel: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly units: readonly string[];
  readonly verified: boolean;
  readonly hasContact: boolean;
  readonly itemId?: string;
  /** The running deadline and how it stands today (the queue is sorted by it). */
  readonly clock?: SubmissionClock;
}

/** GET /api/staff/me */
export interface Me {
  readonly user: StaffUser;
  readonly units: readonly UnitInfo[];
}

/** GET /api/staff/queue */
export interface QueuePage {
  /** Open statuses are sorted by deadline, soonest first; the others newest first. */
  readonly status: FeedbackStatus;
  readonly counts: Partial<Record<FeedbackStatus, number>>;
  readonly items: readonly QueueItem[];
  readonly cursor?: string;
}

/** GET /api/staff/submissions/:tracking and POST …/actions (the latter with `contact` after a reveal). */
export interface Detail {
  readonly submission: StaffSubmission;
  readonly events: readonly StaffEvent[];
  readonly actions: readonly StaffAction[];
  readonly contact?: Contact;
  /** The running deadline and how it stands today. */
  readonly clock?: SubmissionClock;
}

/** One approved reply the citizen allowed to publish, redacted (GET /api/staff/export → replies:export). */
export interface ExportedReply {
  readonly trackingNumber: string;
  readonly kind: FeedbackKind;
  readonly title: string;
  readonly question: string;
  readonly reply: string;
  readonly unit: string;
  readonly unitName: string;
  readonly submittedAt: string;
  readonly repliedAt: string;
  readonly itemId?: string;
}

/** GET /api/staff/export */
export interface ExportPage {
  readonly replies: readonly ExportedReply[];
}

/** GET /api/staff/ledger: one month's ledger rows (by tracking number), and the first month with any submission. */
export interface LedgerPage {
  readonly month: string;
  /** The China date the rows stand as of. */
  readonly asOf: string;
  readonly firstMonth: string | null;
  readonly rows: readonly LedgerRow[];
}

/** One item draft to export (GET /api/staff/item-drafts → drafts:export): the draft and the redacted texts its citizens allowed to publish. */
export type ExportedItemDraft = ItemDraft & {
  readonly quotes: readonly { readonly trackingNumber: string; readonly title: string; readonly text: string }[];
};

/** GET /api/staff/item-drafts: the drafts not yet exported. */
export interface ItemDraftsPage {
  readonly drafts: readonly ExportedItemDraft[];
}

/** POST /api/staff/item-drafts/exported: the submissions marked with the new item's id. */
export interface ItemDraftMarked {
  readonly itemId: string;
  readonly trackingNumbers: readonly string[];
}

/** A report as staff see it, labelled. */
export type ReportView = ReportRecord & { readonly kindLabel: string; readonly statusLabel: string; readonly itemTitle: string };

/** One row of 我的督查事项. */
export type MyItem = ReportedItem & {
  readonly title: string;
  readonly lastUpdate?: string;
  readonly rev: string;
  /** The effective deadline (the last approved extension's, else the original). */
  readonly effectiveDeadline: string;
  readonly flags: readonly ItemFlag[];
  readonly flagLabels: readonly string[];
  /** Whether this unit leads it (only the lead unit asks for an extension or completion). */
  readonly lead: boolean;
  readonly reports: readonly ReportView[];
};

/** GET /api/staff/items */
export interface MyItemsPage {
  readonly asOf: string;
  readonly items: readonly MyItem[];
}

/** GET /api/staff/reports */
export interface ReportsPage {
  readonly reports: readonly ReportView[];
}

/** GET /api/staff/progress-export: approved reports, oldest approval first. */
export interface ProgressExportPage {
  readonly reports: readonly ReportRecord[];
}
